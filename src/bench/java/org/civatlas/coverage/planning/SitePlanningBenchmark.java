package org.civatlas.coverage.planning;

import java.util.Arrays;

/**
 * Tiny benchmark (run from the IDE or with the test classpath):
 * times the exact solver on the 251 x 251 county instance over several runs and seeds, then the heuristic on a
 * 20,000 x 5,000 instance.
 */
public final class SitePlanningBenchmark {

    private SitePlanningBenchmark() {}

    public static void main(String[] args) {
        SitePlanner.Options options = SitePlanner.Options.defaults();
        for (boolean weighted : new boolean[] {false, true}) {
            System.out.printf("%n251 x 251 county instance, 5 km coverage, 40%% pre-covered, %s, target 90%%%n",
                    weighted ? "population-weighted" : "count-based");
            for (int seed = 1; seed <= 5; seed++) {
                CoverageInstance inst = PlanningInstances.county(seed, weighted);
                long[] ms = new long[6];
                PlanResult r = null;
                for (int run = 0; run < ms.length; run++) {
                    long t = System.nanoTime();
                    r = SitePlanner.minimumSites(inst, 0.9, options);
                    ms[run] = (System.nanoTime() - t) / 1_000_000L;
                }
                PlanResult mc = SitePlanner.maximalCovering(inst, 20, options);
                System.out.printf("  seed %d: %d sites, share %.4f, optimal=%b, runs (ms) %s | MCLP k=20 share %.4f "
                                + "optimal=%b %d ms%n    method: %s%n", seed, r.siteCount(), r.coveredShare(),
                        r.optimal(), Arrays.toString(ms), mc.coveredShare(), mc.optimal(), mc.elapsedMillis(),
                        r.method());
            }
        }
        CoverageInstance large = PlanningInstances.large(7);
        SitePlanner.Options heuristicOptions = new SitePlanner.Options(5_000, 1_000_000);
        for (int run = 0; run < 3; run++) {
            PlanResult r = SitePlanner.minimumSites(large, 0.8, heuristicOptions);
            System.out.printf("%n20000 x 5000 minimum sites (80%%): %d sites, lower bound %.0f, gap %.4f, %d ms%n  %s%n",
                    r.siteCount(), r.bound(), r.gap(), r.elapsedMillis(), r.method());
            PlanResult mc = SitePlanner.maximalCovering(large, 500, heuristicOptions);
            System.out.printf("20000 x 5000 maximal covering k=500: share %.4f, bound %.1f, gap %.5f, %d ms%n  %s%n",
                    mc.coveredShare(), mc.bound(), mc.gap(), mc.elapsedMillis(), mc.method());
        }
    }
}
