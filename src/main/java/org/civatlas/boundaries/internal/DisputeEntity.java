package org.civatlas.boundaries.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import org.civatlas.boundaries.DisputeStatus;
import org.locationtech.jts.geom.Geometry;

/** A boundary dispute. Never deleted. */
@Entity
@Table(name = "boundary_dispute")
public class DisputeEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public String title;
    @Column(name = "party_a")
    public String partyA;
    @Column(name = "party_b")
    public String partyB;
    @Column(columnDefinition = "geometry(Geometry,4326)")
    public Geometry location;
    public String description;
    @Enumerated(EnumType.STRING)
    public DisputeStatus status;
    public String lineCode;
    public LocalDate filedUpwardOn;
    public String filedUpwardTo;
    public String reportedBy;
    public Instant reportedAt;
    @Version
    public long version;
}
