package org.civatlas.facilities.internal;

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
import org.civatlas.facilities.Facility;
import org.civatlas.facilities.FacilityInput;
import org.civatlas.facilities.FacilityStatus;
import org.civatlas.facilities.Operator;
import org.civatlas.spatial.Geometries;
import org.hibernate.envers.Audited;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Point;

/** A facility as stored; every change is audited by Envers. */
@Entity
@Audited
@Table(name = "facility")
public class FacilityEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private String name;

    @Column(nullable = false)
    private String typeCode;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Operator operator;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private FacilityStatus status;

    private LocalDate plannedOn;
    private LocalDate constructionStartedOn;
    private LocalDate openedOn;
    private LocalDate closedOn;
    private Integer beds;
    private Integer nursingBeds;
    @Column(name = "floor_area_m2")
    private Double floorAreaM2;
    private Integer staff;

    @Column(columnDefinition = "geometry(Point,4326)", nullable = false)
    private Point location;

    @Column(columnDefinition = "geometry(MultiPolygon,4326)")
    private MultiPolygon footprint;

    private String unitCode;
    private boolean synthetic;
    private String source;
    private String externalId;

    @Version
    private long version;

    protected FacilityEntity() {
    }

    public FacilityEntity(boolean synthetic, String source) {
        this.synthetic = synthetic;
        this.source = source;
    }

    /** Copies what the user entered; a facility entered or edited by staff is an observation, not synthetic. */
    public void apply(FacilityInput input, String unitCode) {
        this.name = input.name().strip();
        this.typeCode = input.type();
        this.operator = input.operator();
        this.status = input.status();
        this.plannedOn = input.plannedOn();
        this.constructionStartedOn = input.constructionStartedOn();
        this.openedOn = input.openedOn();
        this.closedOn = input.closedOn();
        this.beds = input.beds();
        this.nursingBeds = input.nursingBeds();
        this.floorAreaM2 = input.floorAreaM2();
        this.staff = input.staff();
        this.location = Geometries.point(input.lon(), input.lat());
        this.unitCode = unitCode;
    }

    /**
     * Takes the values of an imported record: real data (not synthetic), with its provenance; the external
     * identifier is kept unless the record carries one.
     */
    public void applyImport(FacilityInput input, String unitCode, String externalId, String source,
            boolean synthetic) {
        apply(input, unitCode);
        this.synthetic = synthetic;
        this.source = source;
        if (externalId != null) {
            this.externalId = externalId;
        }
    }

    public void markEnteredByStaff() {
        this.synthetic = false;
        this.source = "entered by staff";
    }

    public Long getId() {
        return id;
    }

    public long version() {
        return version;
    }

    public Facility toFacility() {
        return new Facility(id, name, typeCode, operator, status, plannedOn, constructionStartedOn, openedOn, closedOn,
                beds, nursingBeds, floorAreaM2, staff, location, footprint, unitCode, synthetic, source, externalId,
                version);
    }
}
