package org.civatlas.divisions.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.civatlas.divisions.Division;
import org.civatlas.divisions.DivisionKind;
import org.civatlas.divisions.DivisionLevel;
import org.civatlas.divisions.UrbanRural;
import org.hibernate.envers.Audited;
import org.locationtech.jts.geom.MultiPolygon;

/** An administrative unit as stored; every change is audited by Envers. */
@Entity
@Audited
@Table(name = "admin_unit")
public class AdminUnit {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, unique = true, length = 12, updatable = false)
    private String code;

    private String gbCode;

    @Column(nullable = false)
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private DivisionLevel level;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private DivisionKind kind;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private UrbanRural urbanRural;

    private String parentCode;

    private Integer population;

    private boolean populationSynthetic;

    @Column(name = "geom", columnDefinition = "geometry(MultiPolygon,4326)")
    private MultiPolygon geometry;

    private boolean geometrySynthetic;

    private String geometrySource;

    private String crsConversion;

    private String nameSource;

    private boolean geometryValid;

    private String geometryInvalidReason;

    @Version
    private long version;

    protected AdminUnit() {
    }

    public AdminUnit(String code, String name, String parentCode) {
        this.code = code;
        this.name = name;
        this.parentCode = parentCode;
        this.kind = DivisionKind.of(code);
        this.level = kind.level();
        this.urbanRural = kind.urbanRural();
    }

    public long version() {
        return version;
    }

    public Division toDivision() {
        return new Division(code, gbCode, name, level, kind, urbanRural, parentCode, population, populationSynthetic,
                geometry, geometrySynthetic, geometrySource, crsConversion, nameSource, geometryValid,
                geometryInvalidReason, version);
    }

    public String getCode() {
        return code;
    }

    public String getParentCode() {
        return parentCode;
    }

    public void setGbCode(String gbCode) {
        this.gbCode = gbCode;
    }

    public void setName(String name) {
        this.name = name;
    }

    public void setNameSource(String nameSource) {
        this.nameSource = nameSource;
    }

    public void setPopulation(Integer population, boolean synthetic) {
        this.population = population;
        this.populationSynthetic = population != null && synthetic;
    }

    /** Sets the geometry with its provenance; validity is recorded with JTS's reason, never repaired silently. */
    public void setGeometry(MultiPolygon geometry, boolean synthetic, String source, String crsConversion,
            GeometryValidity validity) {
        this.geometry = geometry;
        this.geometrySynthetic = synthetic;
        this.geometrySource = source;
        this.crsConversion = crsConversion;
        this.geometryValid = validity.valid();
        this.geometryInvalidReason = validity.reason();
    }
}
