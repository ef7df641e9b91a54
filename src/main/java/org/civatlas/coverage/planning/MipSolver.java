package org.civatlas.coverage.planning;

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

    /** @param sites reduced candidate indices of the best solution found, or null if none */
    record Outcome(int[] sites, boolean provenOptimal, String state) {}

    private MipSolver() {}

    /** max sum w z  s.t.  sum y <= k. */
    static Outcome maximalCovering(ReducedProblem p, int k, long timeMillis) {
        ExpressionsBasedModel model = newModel(timeMillis);
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
