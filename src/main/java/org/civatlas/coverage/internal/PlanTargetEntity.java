package org.civatlas.coverage.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.LocalDate;
import org.civatlas.coverage.PlanTarget;

/** A plan target as stored (plan_target). */
@Entity
@Table(name = "plan_target")
public class PlanTargetEntity {

    @Id
    private String id;
    private String titleZh;
    private String titleEn;
    private String indicator;
    private String facilityTypes;
    private String urbanRural;
    private String coverageRule;
    @Column(name = "distance_m")
    private Double distanceM;
    private String operator;
    private LocalDate sinceDate;
    private Integer minBeds;
    private Double minFloorArea;
    private Double baselineValue;
    private Integer baselineYear;
    private double targetValue;
    private String unit;
    private LocalDate deadline;
    private Double manualValue;
    private String source;
    @Version
    private long version;

    protected PlanTargetEntity() {
    }

    public PlanTargetEntity(String id) {
        this.id = id;
    }

    public long version() {
        return version;
    }

    public PlanTarget toTarget() {
        return new PlanTarget(id, titleZh, titleEn, PlanTarget.Indicator.valueOf(indicator),
                facilityTypes == null || facilityTypes.isBlank() ? java.util.List.of()
                        : java.util.List.of(facilityTypes.split(",")),
                urbanRural, coverageRule, distanceM, operator, sinceDate, minBeds, minFloorArea, baselineValue,
                baselineYear, targetValue, unit, deadline, manualValue, source, version);
    }

    public void apply(PlanTarget t) {
        this.titleZh = t.titleZh();
        this.titleEn = t.titleEn();
        this.indicator = t.indicator().name();
        this.facilityTypes = t.facilityTypes().isEmpty() ? null : String.join(",", t.facilityTypes());
        this.urbanRural = t.urbanRural();
        this.coverageRule = t.coverageRule();
        this.distanceM = t.distanceM();
        this.operator = t.operator();
        this.sinceDate = t.sinceDate();
        this.minBeds = t.minBeds();
        this.minFloorArea = t.minFloorArea();
        this.baselineValue = t.baselineValue();
        this.baselineYear = t.baselineYear();
        this.targetValue = t.targetValue();
        this.unit = t.unit();
        this.deadline = t.deadline();
        this.manualValue = t.manualValue();
        this.source = t.source();
    }
}
