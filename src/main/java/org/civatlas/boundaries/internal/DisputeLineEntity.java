package org.civatlas.boundaries.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.civatlas.boundaries.DisputeLineKind;
import org.locationtech.jts.geom.LineString;

@Entity
@Table(name = "dispute_line")
public class DisputeLineEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public Long disputeId;
    @Enumerated(EnumType.STRING)
    public DisputeLineKind kind;
    @Column(name = "geom", columnDefinition = "geometry(LineString,4326)")
    public LineString geometry;
    public String remarks;
}
