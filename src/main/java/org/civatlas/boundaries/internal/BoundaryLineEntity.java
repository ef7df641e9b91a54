package org.civatlas.boundaries.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.locationtech.jts.geom.MultiLineString;

/** One version of a derived boundary line; a recomputation with other source geometry supersedes it (validTo). */
@Entity
@Table(name = "boundary_line")
public class BoundaryLineEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public String lineCode;
    @Column(name = "code_a")
    public String codeA;
    @Column(name = "code_b")
    public String codeB;
    @Column(name = "name_a")
    public String nameA;
    @Column(name = "name_b")
    public String nameB;
    public String level;
    @Column(name = "geom", columnDefinition = "geometry(MultiLineString,4326)")
    public MultiLineString geometry;
    @Column(name = "length_m")
    public double lengthM;
    @Column(name = "overlap_m2")
    public Double overlapM2;
    public String sourceVersion;
    public boolean geometrySynthetic;
    public Instant computedAt;
    public Instant validTo;
}
