package org.civatlas.coverage.planning;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.ojalgo.optimisation.Expression;
import org.ojalgo.optimisation.ExpressionsBasedModel;
import org.ojalgo.optimisation.Optimisation;
import org.ojalgo.optimisation.Variable;

/**
 * Exact models on a {@link ReducedProblem}, solved with ojAlgo's MIP branch-and-bound (ExpressionsBasedModel).
 *
 * <p>Variables: binary y_j per reduced candidate, continuous 0 <= z_g <= 1 per demand group (z may be continuous:
 * z_g <= sum y_j with integral y makes any positive z_g feasible at 1 as well). Constraints z_g - sum_{j covers g} y_j
 * <= 0. Weights are scaled so that the coverable weight is 1, which keeps ojAlgo's relative tolerances meaningful.
 */
final class MipSolver {

    /**
     * @param sites            reduced candidate indices of the best solution found, or null if none
     * @param provenOptimal    ojAlgo reported OPTIMAL
     * @param provenInfeasible ojAlgo reported INFEASIBLE well before its time limit (ojAlgo also reports INFEASIBLE
     *                         when it is aborted before finding any solution, so a late INFEASIBLE is no proof)
     */
    record Outcome(int[] sites, boolean provenOptimal, boolean provenInfeasible, String state) {
        Outcome(int[] sites, boolean provenOptimal, String state) {
            this(sites, provenOptimal, false, state);
        }
    }

    private MipSolver() {}

    /**
     * ojAlgo checks its time limit only between branch-and-bound steps (a single root LP of a large model can take
     * seconds), so the solve runs on a daemon worker and the caller stops waiting at the deadline. An abandoned
     * solve keeps running in the background until ojAlgo's own time_abort (same limit) stops it.
     */
    private static final ExecutorService WORKERS = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "site-planner-mip");
        t.setDaemon(true);
        return t;
    });

    /** A MIP solve running on a worker thread; {@link #stop()} makes ojAlgo abort at its next check. */
    static final class Job {
        private final Future<Outcome> future;
        private final Optimisation.Options options;

        private Job(Future<Outcome> future, Optimisation.Options options) {
            this.future = future;
            this.options = options;
        }

        /** The outcome if finished, else null. */
        Outcome poll() {
            if (!future.isDone()) {
                return null;
            }
            try {
                return future.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new Outcome(null, false, "INTERRUPTED");
            } catch (ExecutionException | java.util.concurrent.CancellationException e) {
                return new Outcome(null, false, "FAILED: " + e);
            }
        }

        /** Waits up to timeMillis for the outcome; stops the solve and returns a TIME_LIMIT outcome on timeout. */
        Outcome await(long timeMillis) {
            try {
                return future.get(Math.max(1, timeMillis), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                stop();
                return new Outcome(null, false, "TIME_LIMIT");
            } catch (InterruptedException e) {
                stop();
                Thread.currentThread().interrupt();
                return new Outcome(null, false, "INTERRUPTED");
            } catch (ExecutionException e) {
                return new Outcome(null, false, "FAILED: " + e.getCause());
            }
        }

        /** ojAlgo re-reads options.time_abort at every iteration check, so lowering it stops the solve. */
        void stop() {
            options.time_abort = 0;
            options.iterations_abort = 0;
            future.cancel(true);
        }
    }

    /** Starts: max sum w z  s.t.  sum y <= k. */
    static Job startMaximalCovering(ReducedProblem p, int k, long timeMillis) {
        ExpressionsBasedModel model = newModel(timeMillis);
        return new Job(WORKERS.submit(() -> solveMaximalCovering(model, p, k)), model.options);
    }

    /** max sum w z  s.t.  sum y <= k; waits at most timeMillis (+ a small grace period). */
    static Outcome maximalCovering(ReducedProblem p, int k, long timeMillis) {
        return startMaximalCovering(p, k, timeMillis).await(timeMillis + 20);
    }

    /**
     * Starts the feasibility model (no objective): is there a choice of at most k sites with sum w z >= threshold?
     * Usually much faster in ojAlgo than optimising the maximal-covering objective (nodes whose LP cannot reach the
     * threshold are pruned at once), but it occasionally stalls, so callers race it against the optimisation model.
     */
    static Job startReach(ReducedProblem p, int k, double threshold, long timeMillis) {
        ExpressionsBasedModel model = newModel(timeMillis);
        return new Job(WORKERS.submit(() -> solveReach(model, p, k, threshold, timeMillis)), model.options);
    }

    private static Outcome solveMaximalCovering(ExpressionsBasedModel model, ReducedProblem p, int k) {
        Variable[] y = addLinking(model, p, 0.0);
        Variable[] z = zVariables(model, p);
        double scale = 1.0 / p.coverableWeight;
        for (int g = 0; g < z.length; g++) {
            z[g].weight(p.weight[g] * scale);
        }
        Expression card = model.addExpression("cardinality").upper(k);
        for (Variable v : y) {
            card.set(v, 1);
        }
        return outcome(model.maximise(), y.length);
    }

    private static Outcome solveReach(ExpressionsBasedModel model, ReducedProblem p, int k, double threshold,
                                      long timeMillis) {
        long t0 = System.nanoTime();
        Variable[] y = addLinking(model, p, 0.0);
        Variable[] z = zVariables(model, p);
        double scale = 1.0 / p.coverableWeight;
        Expression cover = model.addExpression("target").lower(Math.min(1.0, threshold * scale));
        for (int g = 0; g < z.length; g++) {
            cover.set(z[g], p.weight[g] * scale);
        }
        Expression card = model.addExpression("cardinality").upper(k);
        for (Variable v : y) {
            card.set(v, 1);
        }
        Optimisation.Result r = model.minimise();
        long elapsedMs = (System.nanoTime() - t0) / 1_000_000L;
        if (r.getState() == Optimisation.State.INFEASIBLE) {
            return new Outcome(null, false, elapsedMs < 0.9 * timeMillis && model.options.time_abort > 0,
                    r.getState().name());
        }
        return outcome(r, y.length);
    }

    private static ExpressionsBasedModel newModel(long timeMillis) {
        ExpressionsBasedModel model = new ExpressionsBasedModel();
        long t = Math.max(1, timeMillis);
        model.options.time_abort = t;
        model.options.time_suffice = t;
        return model;
    }

    /** Adds y variables (y first, so model indices 0..nc-1 are the sites). Linking rows are added in zVariables. */
    private static Variable[] addLinking(ExpressionsBasedModel model, ReducedProblem p, double cost) {
        Variable[] y = new Variable[p.candidates()];
        for (int j = 0; j < y.length; j++) {
            y[j] = model.addVariable("y" + j).binary();
            if (cost != 0) {
                y[j].weight(cost);
            }
        }
        return y;
    }

    private static Variable[] zVariables(ExpressionsBasedModel model, ReducedProblem p) {
        int nc = p.candidates();
        Variable[] z = new Variable[p.groups()];
        for (int g = 0; g < z.length; g++) {
            z[g] = model.addVariable("z" + g).lower(0).upper(1);
        }
        for (int g = 0; g < z.length; g++) {
            Expression link = model.addExpression("link" + g).upper(0);
            link.set(z[g], 1);
            for (int j : p.groupCands[g]) {
                link.set(model.getVariable(j), -1);
            }
        }
        assert model.countVariables() == nc + z.length;
        return z;
    }

    private static Outcome outcome(Optimisation.Result r, int nc) {
        Optimisation.State state = r.getState();
        if (!state.isFeasible() || r.count() < nc) {
            return new Outcome(null, false, state.name());
        }
        int cnt = 0;
        for (int j = 0; j < nc; j++) {
            if (r.doubleValue(j) > 0.5) {
                cnt++;
            }
        }
        int[] sites = new int[cnt];
        cnt = 0;
        for (int j = 0; j < nc; j++) {
            if (r.doubleValue(j) > 0.5) {
                sites[cnt++] = j;
            }
        }
        return new Outcome(sites, state.isOptimal(), state.name());
    }
}
