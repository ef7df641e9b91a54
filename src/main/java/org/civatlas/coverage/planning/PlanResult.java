package org.civatlas.coverage.planning;

import java.util.Arrays;

/**
 * Outcome of a site-planning run.
 *
 * @param chosen             chosen candidate indices, ascending
 * @param coveredShare       share of the total weight covered by existing facilities plus the chosen sites, 0..1
 *                           (1.0 when the total weight is zero: there is nothing left to cover)
 * @param coveredWeight      covered weight (existing + chosen), recomputed on the original instance
 * @param targetReachable    set covering: whether any choice reaches the target; when false, {@code chosen}
 *                           reaches {@link #bestReachableShare} with as few sites as the solver could prove/find.
 *                           Always true for maximal covering (there is no target)
 * @param bestReachableShare share covered when every useful candidate is chosen
 * @param optimal            true when the result is proven optimal
 * @param bound              minimum sites: a proven LOWER bound on the number of sites; maximal covering: a proven
 *                           UPPER bound on the covered weight (existing weight included)
 * @param gap                relative gap between solution and bound: (sites - bound) / sites for minimum sites,
 *                           (bound - coveredWeight) / bound for maximal covering; 0 when optimal
 * @param method             human-readable description of the method used and how the bound was obtained
 * @param elapsedMillis      wall-clock time of the solve
 */
public record PlanResult(
        int[] chosen,
        double coveredShare,
        double coveredWeight,
        boolean targetReachable,
        double bestReachableShare,
        boolean optimal,
        double bound,
        double gap,
        String method,
        long elapsedMillis) {

    public PlanResult {
        chosen = chosen.clone();
    }

    /** Number of chosen sites. */
    public int siteCount() {
        return chosen.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PlanResult r
                && Arrays.equals(chosen, r.chosen)
                && Double.compare(coveredShare, r.coveredShare) == 0
                && Double.compare(coveredWeight, r.coveredWeight) == 0
                && targetReachable == r.targetReachable
                && Double.compare(bestReachableShare, r.bestReachableShare) == 0
                && optimal == r.optimal
                && Double.compare(bound, r.bound) == 0
                && Double.compare(gap, r.gap) == 0
                && method.equals(r.method)
                && elapsedMillis == r.elapsedMillis;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(chosen) * 31 + Double.hashCode(coveredWeight);
    }

    @Override
    public String toString() {
        return "PlanResult[sites=" + chosen.length + ", chosen=" + Arrays.toString(chosen)
                + ", coveredShare=" + coveredShare + ", coveredWeight=" + coveredWeight
                + ", targetReachable=" + targetReachable + ", bestReachableShare=" + bestReachableShare
                + ", optimal=" + optimal + ", bound=" + bound + ", gap=" + gap
                + ", method=" + method + ", elapsedMillis=" + elapsedMillis + "]";
    }
}
