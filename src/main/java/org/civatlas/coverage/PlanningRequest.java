package org.civatlas.coverage;

import java.util.List;

/**
 * A site-planning question. {@code objective} MIN_SITES: the fewest new sites reaching {@code targetShare}
 * (0..1, e.g. 0.9); MAX_COVERAGE: the best {@code k} sites. Candidates: the villages' population points
 * ({@code candidates} null) or points drawn by the planner.
 */
public record PlanningRequest(
        String title,
        List<String> types,
        String rule,
        Double distance,
        String urbanRural,
        String objective,
        Double targetShare,
        Integer k,
        String weighting,
        String scenario,
        List<CandidatePoint> candidates) {

    public record CandidatePoint(Double lon, Double lat, String name) {
    }
}
