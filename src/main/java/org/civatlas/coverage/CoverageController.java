package org.civatlas.coverage;

import org.civatlas.common.RequestParams;
import org.civatlas.divisions.DivisionLevel;
import org.civatlas.divisions.UrbanRural;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Coverage indicators over HTTP (public: they are aggregates of public layers). */
@RestController
class CoverageController {

    private final CoverageService coverage;
    private final String countyCode;

    CoverageController(CoverageService coverage, @Value("${civatlas.site.county-code}") String countyCode) {
        this.coverage = coverage;
        this.countyCode = countyCode;
    }

    @GetMapping("/api/coverage")
    CoverageResult coverage(@RequestParam(required = false) String unit,
            @RequestParam(required = false) String types,
            @RequestParam(required = false) String rule,
            @RequestParam(required = false) String distance,
            @RequestParam(required = false) String level,
            @RequestParam(required = false) String urbanRural,
            @RequestParam(required = false) String asOf,
            @RequestParam(required = false) String scenario) {
        return coverage.coverage(new CoverageQuery(
                unit == null || unit.isBlank() ? countyCode : unit.strip(),
                CoverageParams.types(types),
                RequestParams.enumValue("rule", rule, CoverageRule.class, CoverageRule.CONTAINMENT),
                CoverageParams.distance(distance),
                RequestParams.enumValue("level", level, DivisionLevel.class, DivisionLevel.VILLAGE),
                RequestParams.enumValue("urbanRural", urbanRural, UrbanRural.class, null),
                RequestParams.date("asOf", asOf, coverage.today()),
                CoverageParams.scenario(scenario)));
    }
}
