package org.civatlas.coverage.planning;

import java.util.Arrays;

/**
 * Site-planning solver: choose new facility sites among candidates so that demand units are covered.
 *
 * <h2>Method</h2>
 * Both problems share one pipeline on a preprocessed {@link ReducedProblem} (already-covered / zero-weight demand,
 * useless and dominated candidates removed, demand with identical candidate sets merged):
 * <ol>
 *   <li>Heuristic: lazy greedy (largest marginal gain, smallest index on ties) followed by a 1-swap local search
 *       (for minimum sites: repeatedly try to reach the target with one site fewer).</li>
 *   <li>Bound: a Lagrangian relaxation of the linking constraints, optimised by subgradient descent (its optimum
 *       is the LP-relaxation bound; every iterate is a valid bound). For minimum sites it proves "k sites cannot
 *       reach the target", giving a lower bound on the number of sites.</li>
 *   <li>If the bound already matches the heuristic solution the result is proven optimal. Otherwise, when the
 *       reduced instance is small enough ({@link Options#exactSizeLimit()}), ojAlgo's MIP branch-and-bound is run
 *       with the remaining time; if it stops without proof, the best solution is returned with optimal=false and
 *       the Lagrangian bound and gap.</li>
 * </ol>
 * Determinism: the heuristic, the bounds and every result proven without ojAlgo are deterministic (ties broken by
 * candidate index) unless a time limit cuts a phase short. When ojAlgo has to supply a better solution (its
 * branch-and-bound runs parallel workers, and for minimum sites two models are raced), the optimal value and site
 * count are reproducible but the particular optimal set of sites may differ between runs.
 *
 * <p>Targets are compared with a relative tolerance of 1e-9 of the total weight; reported shares are the true
 * shares recomputed on the original instance.
 */
public final class SitePlanner {

    /** Relative tolerance (of the total weight) used when comparing covered weight to a target. */
    static final double TOLERANCE = 1e-9;

    private static final String BOUND_NOTE = "Lagrangian (LP-relaxation) bound by subgradient";

    private SitePlanner() {}

    /**
     * Options.
     *
     * @param timeLimitMillis overall wall-clock budget (> 0); when the exact search runs out of time the best solution
     *                        found is returned with optimal=false
     * @param exactSizeLimit  the ojAlgo MIP is used when (reduced candidates) x (reduced demand groups) is at most this
     *                        value; larger instances only get the heuristic plus the Lagrangian bound (0 disables MIP)
     */
    public record Options(long timeLimitMillis, int exactSizeLimit) {
        public Options {
            if (timeLimitMillis <= 0) {
                throw new IllegalArgumentException("timeLimitMillis must be > 0, got " + timeLimitMillis);
            }
            if (exactSizeLimit < 0) {
                throw new IllegalArgumentException("exactSizeLimit must be >= 0, got " + exactSizeLimit);
            }
        }

        /** 10 s budget; exact MIP up to 1,000,000 reduced candidate x demand-group pairs. */
        public static Options defaults() {
            return new Options(10_000, 1_000_000);
        }
    }

    /** Internal solution on the reduced problem. */
    private record Solution(int[] sites, boolean optimal, double bound, String method) {}

    // ------------------------------------------------------------------------------------------------------------
    // Minimum sites (partial set covering)
    // ------------------------------------------------------------------------------------------------------------

    /**
     * Fewest candidates such that the covered weight share (existing + chosen) is at least {@code targetShare}.
     * If no choice reaches the target, {@code targetReachable=false} and the result reaches the best reachable share
     * with as few sites as possible.
     *
     * @throws IllegalArgumentException if the instance has no candidates or targetShare is not in (0, 1]
     */
    public static PlanResult minimumSites(CoverageInstance instance, double targetShare, Options options) {
        long t0 = System.nanoTime();
        requireInstance(instance);
        if (!(targetShare > 0 && targetShare <= 1)) {
            throw new IllegalArgumentException("targetShare must be in (0, 1], got " + targetShare);
        }
        Options opt = options == null ? Options.defaults() : options;
        long deadline = t0 + opt.timeLimitMillis() * 1_000_000L;
        ReducedProblem p = ReducedProblem.of(instance);
        double total = p.totalWeight;
        if (total == 0) {
            return finish(instance, p, new int[0], true, true, 0, "trivial: total weight is zero, nothing to cover",
                    t0, false);
        }
        double tol = TOLERANCE * total;
        double required = targetShare * total;
        if (p.existingWeight >= required - tol) {
            return finish(instance, p, new int[0], true, true, 0, "trivial: target already met by existing facilities",
                    t0, false);
        }
        boolean reachable = p.existingWeight + p.coverableWeight >= required - tol;
        double target = reachable ? required - p.existingWeight : p.coverableWeight;
        Solution s = solveMinSites(p, target, tol, opt, t0, deadline);
        return finish(instance, p, s.sites, reachable, s.optimal, s.bound, s.method, t0, false);
    }

    private static Solution solveMinSites(ReducedProblem p, double target, double tol, Options opt, long t0,
                                          long deadline) {
        double accept = target - tol;
        long budget = deadline - t0;
        CoverState st = new CoverState(p);
        double[] prefix = st.greedy(Integer.MAX_VALUE, accept);
        if (st.covered < accept) {
            throw new IllegalStateException("internal error: greedy could not reach a reachable target");
        }
        int trivialLb = trivialLowerBound(p, accept);
        st.shrink(accept, trivialLb, t0 + (long) (budget * 0.4));
        int[] incumbent = st.chosenReduced();
        int m = incumbent.length;
        boolean useMip = (long) p.candidates() * p.groups() <= opt.exactSizeLimit();
        long boundDeadline = t0 + (long) (budget * (useMip ? 0.5 : 0.95));
        int lb = minSitesLowerBound(p, accept, prefix, m, trivialLb, useMip ? 400 : 2000, boundDeadline);
        String heuristic = "greedy + swap local search (heuristic)";
        if (lb >= m) {
            return new Solution(incumbent, true, m, heuristic + ", optimality proven by " + BOUND_NOTE);
        }
        if (useMip) {
            // Decide "can m-1 sites reach the target?" by racing two ojAlgo models on worker threads: a pure
            // feasibility model (usually fastest, occasionally stalls) and the maximal-covering model for k = m-1
            // solved to optimality. The direct minimum-sites model is not used: its LP relaxation is weak and
            // ojAlgo stalled on it. Repeat while improvements are found.
            String lastState = "not run";
            while (lb < m) {
                long remainingMs = (deadline - System.nanoTime()) / 1_000_000L;
                if (remainingMs <= 0) {
                    break;
                }
                int[] better = null;
                boolean decided = false;
                MipSolver.Job reach = MipSolver.startReach(p, m - 1, accept, remainingMs);
                MipSolver.Job mclp = MipSolver.startMaximalCovering(p, m - 1, remainingMs);
                MipSolver.Outcome ro = null;
                MipSolver.Outcome mo = null;
                try {
                    while (!decided && System.nanoTime() < deadline + 20_000_000L && (ro == null || mo == null)) {
                        if (ro == null && (ro = reach.poll()) != null) {
                            lastState = "feasibility model " + ro.state();
                            if (ro.provenInfeasible()) {
                                decided = true;
                            } else if (ro.sites() != null) {
                                better = verified(p, ro.sites(), accept, m);
                                decided = better != null;
                            }
                        }
                        if (!decided && mo == null && (mo = mclp.poll()) != null) {
                            lastState = "maximal-covering model " + mo.state();
                            if (mo.provenOptimal() && mo.sites() != null) {
                                better = verified(p, mo.sites(), accept, m);
                                decided = true; // optimum below the target proves m-1 infeasible
                            }
                        }
                        if (!decided) {
                            Thread.sleep(1);
                        }
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    reach.stop();
                    mclp.stop();
                }
                if (!decided) {
                    break; // time limit without a decision
                }
                if (better == null) {
                    lb = m;
                } else {
                    incumbent = better;
                    m = incumbent.length;
                }
            }
            if (lb >= m) {
                return new Solution(incumbent, true, m, "exact: ojAlgo MIP branch-and-bound proved m-1 sites"
                        + " infeasible (greedy + local search incumbent, " + BOUND_NOTE + ")");
            }
            return new Solution(incumbent, false, lb, "ojAlgo MIP stopped without proof (state " + lastState
                    + ", time limit); best solution with " + BOUND_NOTE);
        }
        return new Solution(incumbent, false, lb, heuristic + ", " + BOUND_NOTE);
    }

    /** Verified improvement: the sites (redundant ones dropped) if they reach accept with fewer than m sites. */
    private static int[] verified(ReducedProblem p, int[] sites, double accept, int m) {
        CoverState check = new CoverState(p);
        check.set(sites);
        if (check.covered < accept) {
            return null;
        }
        check.dropRedundant(accept);
        return check.size < m ? check.chosenReduced() : null;
    }

    /** Smallest k with k * (largest single-site weight) >= accept. */
    private static int trivialLowerBound(ReducedProblem p, double accept) {
        double maxGain = 0;
        for (int[] cover : p.candCover) {
            double s = 0;
            for (int g : cover) {
                s += p.weight[g];
            }
            maxGain = Math.max(maxGain, s);
        }
        if (accept <= 0 || maxGain <= 0) {
            return 0;
        }
        int k = (int) Math.max(1, Math.floor(accept / maxGain));
        while (k * maxGain < accept) {
            k++;
        }
        while (k > 1 && (k - 1) * maxGain >= accept) {
            k--;
        }
        return k;
    }

    /**
     * Lower bound on the number of sites: the largest k for which the Lagrangian bound proves that k sites cannot
     * reach {@code accept}, plus one. Tries m-1 first (proves the incumbent optimal), then bisects.
     */
    private static int minSitesLowerBound(ReducedProblem p, double accept, double[] prefix, int m, int trivialLb,
                                          int maxIter, long deadline) {
        if (trivialLb >= m) {
            return m;
        }
        LagrangianBound lag = new LagrangianBound(p);
        double margin = 1e-12 * Math.max(1, p.coverableWeight);
        int lo = trivialLb - 1; // proven infeasible (trivial bound)
        int hi = m - 1;         // candidate to test; m itself is feasible
        if (provenInfeasible(lag, p, accept, prefix, m - 1, margin, maxIter, deadline)) {
            return m;
        }
        while (lo + 1 < hi && System.nanoTime() < deadline) {
            int mid = (lo + hi) >>> 1;
            if (provenInfeasible(lag, p, accept, prefix, mid, margin, maxIter, deadline)) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return Math.max(lo + 1, 0);
    }

    private static boolean provenInfeasible(LagrangianBound lag, ReducedProblem p, double accept, double[] prefix,
                                            int k, double margin, int maxIter, long deadline) {
        if (k < 0) {
            return true;
        }
        if (k >= prefix.length - 1 || prefix[k] >= accept) {
            return false; // greedy reaches the target with k sites
        }
        double estimate = prefix[k];
        double ub = lag.minimise(k, estimate, accept - margin, margin, maxIter, deadline);
        return ub < accept - margin;
    }

    // ------------------------------------------------------------------------------------------------------------
    // Maximal covering
    // ------------------------------------------------------------------------------------------------------------

    /**
     * At most {@code k} candidates maximising the covered weight (MCLP). Fewer than k sites are returned when
     * additional sites would not add coverage (sites adding nothing are dropped).
     *
     * @throws IllegalArgumentException if the instance has no candidates or k is negative
     */
    public static PlanResult maximalCovering(CoverageInstance instance, int k, Options options) {
        long t0 = System.nanoTime();
        requireInstance(instance);
        if (k < 0) {
            throw new IllegalArgumentException("k must be >= 0, got " + k);
        }
        Options opt = options == null ? Options.defaults() : options;
        long deadline = t0 + opt.timeLimitMillis() * 1_000_000L;
        ReducedProblem p = ReducedProblem.of(instance);
        double total = p.totalWeight;
        if (total == 0) {
            return finish(instance, p, new int[0], true, true, 0, "trivial: total weight is zero, nothing to cover",
                    t0, true);
        }
        if (k == 0 || p.candidates() == 0) {
            return finish(instance, p, new int[0], true, true, p.existingWeight,
                    k == 0 ? "trivial: k = 0" : "trivial: no candidate covers any uncovered demand", t0, true);
        }
        double tol = TOLERANCE * total;
        double fullBound = p.existingWeight + p.coverableWeight;
        if (k >= p.candidates()) {
            // Everything coverable can be covered; report the fewest sites doing so.
            Solution s = solveMinSites(p, p.coverableWeight, tol, opt, t0, deadline);
            return finish(instance, p, s.sites, true, true, fullBound,
                    "k >= useful candidates: all coverable demand covered; site count by " + s.method, t0, true);
        }
        long budget = deadline - t0;
        CoverState st = new CoverState(p);
        st.greedy(k, Double.POSITIVE_INFINITY);
        if (st.size < k) {
            st.dropRedundant(st.covered);
            return finish(instance, p, st.chosenReduced(), true, true, fullBound,
                    "greedy covers all coverable demand with fewer than k sites (optimal)", t0, true);
        }
        st.swapSearch(Double.POSITIVE_INFINITY, t0 + (long) (budget * 0.4));
        boolean useMip = (long) p.candidates() * p.groups() <= opt.exactSizeLimit();
        LagrangianBound lag = new LagrangianBound(p);
        double margin = 1e-12 * Math.max(1, p.coverableWeight);
        double ub = lag.minimise(k, st.covered, Double.NEGATIVE_INFINITY, tol / 2, useMip ? 1000 : 3000,
                t0 + (long) (budget * (useMip ? 0.5 : 0.95)));
        ub = Math.min(ub + margin, p.coverableWeight);
        String heuristic = "greedy + swap local search (heuristic)";
        if (st.covered >= ub - tol) {
            st.dropRedundant(st.covered);
            return finish(instance, p, st.chosenReduced(), true, true, p.existingWeight + ub,
                    heuristic + ", optimality proven by " + BOUND_NOTE, t0, true);
        }
        long remainingMs = (deadline - System.nanoTime()) / 1_000_000L;
        String method = heuristic + ", " + BOUND_NOTE;
        boolean optimal = false;
        if (useMip && remainingMs > 0) {
            MipSolver.Outcome o = MipSolver.maximalCovering(p, k, remainingMs);
            if (o.sites() != null && o.sites().length <= k) {
                CoverState mip = new CoverState(p);
                mip.set(o.sites());
                if (o.provenOptimal() && mip.covered >= st.covered - tol) {
                    st = mip;
                    optimal = true;
                    ub = Math.min(ub, mip.covered);
                    method = "exact: ojAlgo MIP branch-and-bound (greedy incumbent)";
                } else {
                    if (mip.covered > st.covered) {
                        st = mip;
                    }
                    method = "ojAlgo MIP stopped without proof (state " + o.state()
                            + ", time limit); best solution with " + BOUND_NOTE;
                    optimal = st.covered >= ub - tol;
                }
            } else {
                method = "ojAlgo MIP gave no usable solution (state " + o.state() + "); " + method;
            }
        }
        st.dropRedundant(st.covered);
        return finish(instance, p, st.chosenReduced(), true, optimal, p.existingWeight + ub, method, t0, true);
    }

    // ------------------------------------------------------------------------------------------------------------

    private static void requireInstance(CoverageInstance instance) {
        if (instance == null) {
            throw new IllegalArgumentException("instance must not be null");
        }
        if (instance.candidateCount() == 0) {
            throw new IllegalArgumentException("no candidates");
        }
    }

    /**
     * Maps reduced sites back to original indices, recomputes coverage on the original instance and builds the
     * result. For maximal covering {@code bound} is the upper bound on covered weight (existing included); for
     * minimum sites it is the lower bound on the number of sites.
     */
    private static PlanResult finish(CoverageInstance inst, ReducedProblem p, int[] reducedSites, boolean reachable,
                                     boolean optimal, double bound, String method, long t0, boolean maxCovering) {
        int[] chosen = new int[reducedSites.length];
        for (int t = 0; t < chosen.length; t++) {
            chosen[t] = p.candidateIds[reducedSites[t]];
        }
        Arrays.sort(chosen);
        double covered = coveredWeight(inst, chosen);
        double total = p.totalWeight;
        double share = total > 0 ? Math.min(1.0, covered / total) : 1.0;
        double best = total > 0 ? Math.min(1.0, (p.existingWeight + p.coverableWeight) / total) : 1.0;
        double gap;
        if (maxCovering) {
            if (optimal) {
                bound = covered;
                gap = 0;
            } else {
                bound = Math.max(bound, covered);
                gap = bound > 0 ? (bound - covered) / bound : 0;
            }
        } else {
            if (optimal) {
                bound = chosen.length;
                gap = 0;
            } else {
                gap = chosen.length > 0 ? (chosen.length - bound) / chosen.length : 0;
            }
        }
        long elapsed = (System.nanoTime() - t0) / 1_000_000L;
        return new PlanResult(chosen, share, covered, reachable, best, optimal, bound, gap, method, elapsed);
    }

    /** Covered weight (existing + chosen) of a choice of original candidate indices. */
    static double coveredWeight(CoverageInstance inst, int[] chosen) {
        double[] w = inst.weights();
        boolean[] covered = inst.alreadyCovered().clone();
        for (int j : chosen) {
            for (int i : inst.coverage()[j]) {
                covered[i] = true;
            }
        }
        double s = 0;
        for (int i = 0; i < w.length; i++) {
            if (covered[i]) {
                s += w[i];
            }
        }
        return s;
    }
}
