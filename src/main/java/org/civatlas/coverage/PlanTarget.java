package org.civatlas.coverage;

import java.time.LocalDate;
import java.util.List;

/**
 * A target of the five-year plan with the definition of the indicator that measures it (DOMAIN.md §1).
 * Kept as data: a planner may edit the values and add targets.
 */
public record PlanTarget(
        String id,
        String titleZh,
        String titleEn,
        Indicator indicator,
        List<String> facilityTypes,
        String urbanRural,
        String coverageRule,
        Double distanceM,
        String operator,
        LocalDate sinceDate,
        Integer minBeds,
        Double minFloorArea,
        Double baselineValue,
        Integer baselineYear,
        double targetValue,
        String unit,
        LocalDate deadline,
        Double manualValue,
        String source,
        /** The stored version; an update names the one it was made on (a stale one is a 409). */
        Long version) {

    public enum Indicator {
        /** share (%) of village-level units, optionally urban or rural only, covered by the types */
        COVERAGE,
        /** count of facilities of the types opened on or after sinceDate and operating */
        NEW_FACILITIES,
        /** nursing-type beds / beds (%) in operating facilities of the types, optionally one operator */
        BED_RATIO,
        /** share (%) of township-level units with an operating facility of the types */
        TOWNSHIP_PRESENCE,
        /** count of operating facilities of the types meeting minBeds / minFloorArea, opened since sinceDate */
        FACILITY_PRESENCE,
        /** a value entered by staff, for targets that no data here measures */
        MANUAL
    }
}
