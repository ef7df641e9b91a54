package org.civatlas.coverage;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.civatlas.common.ProblemException;

/**
 * The parameters of coverage questions, parsed and checked once for every caller (the coverage endpoint, site
 * planning, plan targets): facility types, the scenario, the distance and its range. Enums and dates go through
 * {@link org.civatlas.common.RequestParams}.
 */
final class CoverageParams {

    /** The largest distance a distance rule may use: beyond it a county-sized question makes no sense. */
    static final double MAX_DISTANCE_METRES = 200_000;

    private CoverageParams() {
    }

    /** "current" (default) or "planned" / "with_planned". */
    static Scenario scenario(String value) {
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

    /** Comma-separated facility type or type-group codes; at least one. */
    static List<String> types(String types) {
        if (types == null || types.isBlank()) {
            throw ProblemException.badParameter("types", "请给出设施类型，如 types=RURAL_COMMUNITY_SERVICE / give "
                    + "facility types, e.g. types=RURAL_COMMUNITY_SERVICE");
        }
        return Arrays.stream(types.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    /** A distance in metres as text: a finite number (its range is checked with the rule, {@link #requireDistance}). */
    static Double distance(String distance) {
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

    /** The distance rule needs a distance above 0 and at most {@link #MAX_DISTANCE_METRES}; containment none. */
    static void requireDistance(CoverageRule rule, Double metres) {
        if (rule == CoverageRule.DISTANCE && (metres == null || !(metres > 0) || metres > MAX_DISTANCE_METRES)) {
            throw ProblemException.badParameter("distance", "按距离覆盖须给出 0 到 200000 米之间的 distance / the "
                    + "distance rule needs distance in metres, above 0 and at most 200000");
        }
    }
}
