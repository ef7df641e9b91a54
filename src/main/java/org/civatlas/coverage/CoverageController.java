package org.civatlas.coverage;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.civatlas.common.ProblemException;
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
                parseTypes(types),
                parseEnum("rule", rule, CoverageRule.class, CoverageRule.CONTAINMENT),
                parseDistance(distance),
                parseEnum("level", level, DivisionLevel.class, DivisionLevel.VILLAGE),
                parseEnum("urbanRural", urbanRural, UrbanRural.class, null),
                parseDate("asOf", asOf, coverage.today()),
                parseScenario(scenario)));
    }

    /** "current" (default) or "planned" / "with_planned". */
    static Scenario parseScenario(String value) {
        if (value == null || value.isBlank()) {
            return Scenario.CURRENT;
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "current" -> Scenario.CURRENT;
            case "planned", "with_planned" -> Scenario.WITH_PLANNED;
            default -> throw ProblemException.badParameter("scenario", "scenario 须为 current 或 planned / scenario "
                    + "must be current or planned, got '" + value + "'");
        };
    }

    static List<String> parseTypes(String types) {
        if (types == null || types.isBlank()) {
            throw ProblemException.badParameter("types", "请给出设施类型，如 types=RURAL_COMMUNITY_SERVICE / give "
                    + "facility types, e.g. types=RURAL_COMMUNITY_SERVICE");
        }
        return Arrays.stream(types.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    static Double parseDistance(String distance) {
        if (distance == null || distance.isBlank()) {
            return null;
        }
        try {
            double metres = Double.parseDouble(distance.strip());
            if (Double.isFinite(metres)) {
                return metres;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw ProblemException.badParameter("distance", "distance 须为米数 / distance must be a number of metres, got '"
                + distance + "'");
    }

    static LocalDate parseDate(String name, String value, LocalDate fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw ProblemException.badParameter(name, name + " 须为 YYYY-MM-DD 日期 / " + name
                    + " must be a date YYYY-MM-DD, got '" + value + "'");
        }
    }

    static <E extends Enum<E>> E parseEnum(String name, String value, Class<E> type, E fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.badParameter(name, name + " 的取值 '" + value + "' 无效，可选：" + Arrays.toString(
                    type.getEnumConstants()).toLowerCase(Locale.ROOT) + " / invalid " + name + " '" + value + "'");
        }
    }
}
