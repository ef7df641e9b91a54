package org.civatlas.coverage;

import java.time.LocalDate;
import java.util.List;

/** The answer to a {@link CoverageQuery}: shares by count and by population, the uncovered units, per sub-unit. */
public record CoverageResult(
        String unit,
        String unitName,
        String level,
        List<String> types,
        CoverageRule rule,
        Double distance,
        LocalDate asOf,
        Scenario scenario,
        String urbanRural,
        int covered,
        int total,
        double share,
        double populationShare,
        long coveredPopulation,
        long population,
        List<String> uncovered,
        List<UnitRef> uncoveredUnits,
        List<UnitShare> byUnit,
        Split urban,
        Split rural,
        boolean populationSynthetic) {

    public record UnitRef(String code, String name, String parentCode, Integer population, double lon, double lat) {
    }

    public record UnitShare(String code, String name, int covered, int total, double share, double populationShare) {
    }

    public record Split(int covered, int total, double share, double populationShare) {
    }
}
