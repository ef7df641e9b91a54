package org.civatlas.coverage;

import java.time.LocalDate;
import java.util.List;
import org.civatlas.divisions.DivisionLevel;
import org.civatlas.divisions.UrbanRural;

/**
 * One coverage question: within unit {@code unitCode}, which units of {@code level} (optionally only urban or rural)
 * are covered by facilities of {@code types} under {@code rule}, as of a date, in a scenario.
 */
public record CoverageQuery(String unitCode, List<String> types, CoverageRule rule, Double distanceMetres,
        DivisionLevel level, UrbanRural urbanRural, LocalDate asOf, Scenario scenario) {

    public CoverageQuery {
        types = List.copyOf(types.stream().sorted().distinct().toList());
    }
}
