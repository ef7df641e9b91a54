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
import java.time.LocalDate;
import org.civatlas.boundaries.MarkerCondition;
import org.civatlas.boundaries.MarkerType;
import org.locationtech.jts.geom.Point;

@Entity
@Table(name = "boundary_marker")
public class MarkerEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public String number;
    public String lineCode;
    @Enumerated(EnumType.STRING)
    public MarkerType markerType;
    @Column(columnDefinition = "geometry(Point,4326)")
    public Point location;
    @Column(name = "surveyed_x")
    public Double surveyedX;
    @Column(name = "surveyed_y")
    public Double surveyedY;
    public String surveyedCrs;
    public String keptBy;
    @Enumerated(EnumType.STRING)
    public MarkerCondition condition;
    public LocalDate installedOn;
    public boolean synthetic;
    @Version
    public long version;
}
