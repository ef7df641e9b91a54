package org.civatlas.coverage.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SitePlannerTest {

    private static final SitePlanner.Options OPTIONS = SitePlanner.Options.defaults();

    // ---------------------------------------------------------------------------------------------------------
    // Brute force on small random instances
    // ---------------------------------------------------------------------------------------------------------

    /** Brute-force minimum sites: [sites, reachable ? 1 : 0] for the target (or the best reachable weight). */
    private static int bruteMinSites(CoverageInstance inst, double targetShare) {
        int m = inst.candidateCount();
        double total = Arrays.stream(inst.weights()).sum();
        double tol = SitePlanner.TOLERANCE * total;
        double best = SitePlanner.coveredWeight(inst, allCandidates(m));
        double required = Math.min(targetShare * total, best + tol); // unreachable: aim for the best reachable
        int bestCount = Integer.MAX_VALUE;
        for (int mask = 0; mask < (1 << m); mask++) {
            int bits = Integer.bitCount(mask);
            if (bits < bestCount && SitePlanner.coveredWeight(inst, sites(mask, m)) >= required - tol) {
                bestCount = bits;
            }
        }
        return bestCount;
    }

    private static double bruteMaxCover(CoverageInstance inst, int k) {
        int m = inst.candidateCount();
        double best = 0;
        for (int mask = 0; mask < (1 << m); mask++) {
            if (Integer.bitCount(mask) <= k) {
                best = Math.max(best, SitePlanner.coveredWeight(inst, sites(mask, m)));
            }
        }
        return best;
    }

    private static int[] sites(int mask, int m) {
        return java.util.stream.IntStream.range(0, m).filter(j -> (mask & (1 << j)) != 0).toArray();
    }

    private static int[] allCandidates(int m) {
        return java.util.stream.IntStream.range(0, m).toArray();
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void minimumSitesMatchesBruteForce(boolean weighted) {
        for (long seed = 1; seed <= 40; seed++) {
            CoverageInstance inst = PlanningInstances.random(seed, 20, 12, 5, 0.25, weighted);
            for (double target : new double[] {0.5, 0.75, 0.9, 1.0}) {
                PlanResult r = SitePlanner.minimumSites(inst, target, OPTIONS);
                int expected = bruteMinSites(inst, target);
                String ctx = "seed " + seed + " target " + target + " " + r;
                assertThat(r.optimal()).as(ctx).isTrue();
                assertThat(r.siteCount()).as(ctx).isEqualTo(expected);
                assertThat(r.gap()).as(ctx).isZero();
                assertThat(r.coveredWeight()).as(ctx)
                        .isCloseTo(SitePlanner.coveredWeight(inst, r.chosen()), within(1e-9));
                if (r.targetReachable()) {
                    assertThat(r.coveredShare()).as(ctx).isGreaterThanOrEqualTo(target - 1e-9);
                } else {
                    assertThat(r.coveredShare()).as(ctx).isLessThan(target)
                            .isCloseTo(r.bestReachableShare(), within(1e-9));
                }
                assertThat(r.chosen()).as(ctx).isSorted();
            }
        }
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void maximalCoveringMatchesBruteForce(boolean weighted) {
        for (long seed = 1; seed <= 40; seed++) {
            CoverageInstance inst = PlanningInstances.random(seed, 20, 12, 5, 0.25, weighted);
            for (int k = 0; k <= 13; k++) {
                PlanResult r = SitePlanner.maximalCovering(inst, k, OPTIONS);
                double expected = bruteMaxCover(inst, k);
                String ctx = "seed " + seed + " k " + k + " " + r;
                assertThat(r.optimal()).as(ctx).isTrue();
                assertThat(r.siteCount()).as(ctx).isLessThanOrEqualTo(k);
                assertThat(r.coveredWeight()).as(ctx).isCloseTo(expected, within(1e-6));
                assertThat(r.bound()).as(ctx).isGreaterThanOrEqualTo(r.coveredWeight() - 1e-9);
                assertThat(r.gap()).as(ctx).isZero();
            }
        }
    }

    @Test
    void resultsAreDeterministic() {
        CoverageInstance inst = PlanningInstances.county(4, false);
        PlanResult a = SitePlanner.minimumSites(inst, 0.9, OPTIONS);
        PlanResult b = SitePlanner.minimumSites(inst, 0.9, OPTIONS);
        assertThat(a.chosen()).isEqualTo(b.chosen());
        PlanResult c = SitePlanner.maximalCovering(inst, 20, OPTIONS);
        PlanResult d = SitePlanner.maximalCovering(inst, 20, OPTIONS);
        assertThat(c.chosen()).isEqualTo(d.chosen());
    }

    // ---------------------------------------------------------------------------------------------------------
    // County-size instance
    // ---------------------------------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void countySizeInstanceIsSolvedExactly(boolean weighted) {
        CoverageInstance inst = PlanningInstances.county(4, weighted);
        PlanResult r = SitePlanner.minimumSites(inst, 0.9, OPTIONS);
        System.out.printf("county 251x251 (weighted=%b) minimum sites: %d sites, share %.4f, %d ms, %s%n",
                weighted, r.siteCount(), r.coveredShare(), r.elapsedMillis(), r.method());
        assertThat(r.optimal()).isTrue();
        assertThat(r.targetReachable()).isTrue();
        assertThat(r.coveredShare()).isGreaterThanOrEqualTo(0.9);

        PlanResult mc = SitePlanner.maximalCovering(inst, 20, OPTIONS);
        System.out.printf("county 251x251 (weighted=%b) maximal covering k=20: share %.4f, %d ms, %s%n",
                weighted, mc.coveredShare(), mc.elapsedMillis(), mc.method());
        assertThat(mc.optimal()).isTrue();
        assertThat(mc.siteCount()).isLessThanOrEqualTo(20);
        // how fast is measured by SitePlanningBenchmark (src/bench): wall-clock time depends on the machine; the
        // time-limit tests below stay, as honouring a budget is behaviour
    }

    // ---------------------------------------------------------------------------------------------------------
    // Large instance: heuristic
    // ---------------------------------------------------------------------------------------------------------

    @Test
    void largeInstanceHeuristicHonoursTimeLimitAndReportsBound() {
        CoverageInstance inst = PlanningInstances.large(7);
        SitePlanner.Options opt = new SitePlanner.Options(3_000, 1_000_000);
        PlanResult r = SitePlanner.minimumSites(inst, 0.8, opt);
        System.out.printf("large 20000x5000 minimum sites: %d sites (lower bound %.0f, gap %.4f), share %.4f, %d ms, %s%n",
                r.siteCount(), r.bound(), r.gap(), r.coveredShare(), r.elapsedMillis(), r.method());
        assertThat(r.elapsedMillis()).isLessThan(3_000 + 1_000);
        assertThat(r.targetReachable()).isTrue();
        assertThat(r.coveredShare()).isGreaterThanOrEqualTo(0.8);
        assertThat(r.bound()).isLessThanOrEqualTo(r.siteCount()).isPositive();
        assertThat(r.gap()).isGreaterThanOrEqualTo(0)
                .isCloseTo((r.siteCount() - r.bound()) / r.siteCount(), within(1e-12));

        PlanResult mc = SitePlanner.maximalCovering(inst, 500, opt);
        System.out.printf("large 20000x5000 maximal covering k=500: share %.4f (upper bound share %.4f, gap %.4f), %d ms, %s%n",
                mc.coveredShare(), mc.bound() / Arrays.stream(inst.weights()).sum(), mc.gap(), mc.elapsedMillis(),
                mc.method());
        assertThat(mc.elapsedMillis()).isLessThan(3_000 + 1_000);
        assertThat(mc.siteCount()).isLessThanOrEqualTo(500);
        assertThat(mc.bound()).isGreaterThanOrEqualTo(mc.coveredWeight());
        assertThat(mc.gap()).isGreaterThanOrEqualTo(0)
                .isCloseTo((mc.bound() - mc.coveredWeight()) / mc.bound(), within(1e-12));
    }

    @Test
    void exactSearchOutOfTimeReturnsBestSolutionWithBound() {
        // Exact path forced on a mid-size instance with a tiny budget: must come back quickly and honestly.
        CoverageInstance inst = PlanningInstances.spatial(11, 3000, 1500, 150_000, 100_000, 4_000, 0.3, false);
        PlanResult r = SitePlanner.minimumSites(inst, 0.95, new SitePlanner.Options(200, Integer.MAX_VALUE));
        assertThat(r.elapsedMillis()).isLessThan(1_500);
        assertThat(r.coveredShare()).isGreaterThanOrEqualTo(0.95);
        if (!r.optimal()) {
            assertThat(r.bound()).isLessThan(r.siteCount());
            assertThat(r.gap()).isPositive();
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // Edge cases
    // ---------------------------------------------------------------------------------------------------------

    /** 4 demand units of weight 1: candidate 0 covers {0,1}, 1 covers {1}, 2 covers {2}; unit 3 is uncoverable. */
    private static CoverageInstance tiny(boolean... already) {
        return new CoverageInstance(new double[] {1, 1, 1, 1}, already,
                new int[][] {{0, 1}, {1}, {2}});
    }

    @Test
    void unreachableTargetReportsBestReachableShareWithFewestSites() {
        PlanResult r = SitePlanner.minimumSites(tiny(false, false, false, false), 1.0, OPTIONS);
        assertThat(r.targetReachable()).isFalse();
        assertThat(r.bestReachableShare()).isEqualTo(0.75);
        assertThat(r.coveredShare()).isEqualTo(0.75);
        assertThat(r.chosen()).containsExactly(0, 2);
        assertThat(r.optimal()).isTrue();
    }

    @Test
    void targetAlreadyMetByExistingFacilities() {
        PlanResult r = SitePlanner.minimumSites(tiny(true, true, true, false), 0.75, OPTIONS);
        assertThat(r.chosen()).isEmpty();
        assertThat(r.optimal()).isTrue();
        assertThat(r.targetReachable()).isTrue();
        assertThat(r.coveredShare()).isEqualTo(0.75);
    }

    @Test
    void floatingPointTargetIsComparedWithTolerance() {
        // 0.7 * 10 = 7.000000000000001 in double arithmetic: 7 units must still count as reaching 70 %.
        double[] w = new double[10];
        Arrays.fill(w, 1);
        int[][] cov = new int[10][];
        for (int j = 0; j < 10; j++) {
            cov[j] = new int[] {j};
        }
        PlanResult r = SitePlanner.minimumSites(new CoverageInstance(w, new boolean[10], cov), 0.7, OPTIONS);
        assertThat(r.siteCount()).isEqualTo(7);
        assertThat(r.chosen()).containsExactly(0, 1, 2, 3, 4, 5, 6); // ties broken by index
        assertThat(r.coveredShare()).isCloseTo(0.7, within(1e-12));
    }

    @Test
    void maximalCoveringEdgeCases() {
        CoverageInstance inst = tiny(false, false, false, false);
        PlanResult k0 = SitePlanner.maximalCovering(inst, 0, OPTIONS);
        assertThat(k0.chosen()).isEmpty();
        assertThat(k0.coveredWeight()).isZero();
        assertThat(k0.optimal()).isTrue();

        PlanResult k1 = SitePlanner.maximalCovering(inst, 1, OPTIONS);
        assertThat(k1.chosen()).containsExactly(0);
        assertThat(k1.coveredWeight()).isEqualTo(2);

        PlanResult kAll = SitePlanner.maximalCovering(inst, 10, OPTIONS);
        assertThat(kAll.chosen()).containsExactly(0, 2); // candidate 1 is dominated and adds nothing
        assertThat(kAll.coveredShare()).isEqualTo(0.75);
        assertThat(kAll.optimal()).isTrue();

        assertThatThrownBy(() -> SitePlanner.maximalCovering(inst, -1, OPTIONS))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("k");
    }

    @Test
    void zeroTotalWeight() {
        CoverageInstance inst = new CoverageInstance(new double[] {0, 0}, new boolean[2], new int[][] {{0}, {1}});
        PlanResult r = SitePlanner.minimumSites(inst, 0.9, OPTIONS);
        assertThat(r.chosen()).isEmpty();
        assertThat(r.coveredShare()).isEqualTo(1.0);
        assertThat(r.optimal()).isTrue();
        PlanResult mc = SitePlanner.maximalCovering(inst, 1, OPTIONS);
        assertThat(mc.chosen()).isEmpty();
        assertThat(mc.optimal()).isTrue();
    }

    @Test
    void badInputIsRejected() {
        assertThatThrownBy(() -> new CoverageInstance(new double[] {1, -1}, new boolean[2], new int[][] {{0}}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("negative");
        assertThatThrownBy(() -> new CoverageInstance(new double[] {Double.NaN}, new boolean[1], new int[][] {{0}}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("NaN");
        assertThatThrownBy(() -> new CoverageInstance(new double[] {1, 1}, new boolean[3], new int[][] {{0}}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("length mismatch");
        assertThatThrownBy(() -> new CoverageInstance(new double[] {1, 1}, new boolean[2], new int[][] {{0, 2}}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("out of range");
        assertThatThrownBy(() -> new CoverageInstance(new double[] {1}, new boolean[1], new int[][] {{-1}}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("out of range");

        CoverageInstance noCandidates = new CoverageInstance(new double[] {1}, new boolean[1], new int[0][]);
        assertThatThrownBy(() -> SitePlanner.minimumSites(noCandidates, 0.9, OPTIONS))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("no candidates");
        assertThatThrownBy(() -> SitePlanner.maximalCovering(noCandidates, 1, OPTIONS))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("no candidates");

        CoverageInstance inst = tiny(false, false, false, false);
        for (double bad : new double[] {0, -0.1, 1.0001, Double.NaN}) {
            assertThatThrownBy(() -> SitePlanner.minimumSites(inst, bad, OPTIONS))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("targetShare");
        }
        assertThatThrownBy(() -> new SitePlanner.Options(0, 10)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void unsortedAndDuplicateCoverageIsNormalised() {
        CoverageInstance inst = new CoverageInstance(new double[] {1, 1, 1}, new boolean[3], new int[][] {{2, 0, 2}});
        assertThat(inst.coverage()[0]).containsExactly(0, 2);
    }
}
