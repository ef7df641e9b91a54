package org.civatlas.coverage.planning;

import java.util.Arrays;

/**
 * Lagrangian upper bound for maximal covering on a {@link ReducedProblem}, optimised by subgradient descent.
 *
 * <p>Relaxing the linking constraints z_g <= sum_{j covers g} y_j with multipliers 0 <= lambda_g <= w_g gives,
 * for every k and every lambda,
 * <pre>
 *   max covered weight with k sites  <=  UB(lambda, k) = sum_g max(0, w_g - lambda_g) + (sum of the k largest
 *                                                        positive c_j),   c_j = sum_{g in cover(j)} lambda_g
 * </pre>
 * Any lambda yields a valid bound, so the bound is proven even when the subgradient method stops early; its
 * infimum over lambda equals the LP-relaxation bound. For minimum sites the same bound proves
 * "k sites cannot reach T" whenever UB(lambda, k) < T, which gives a lower bound on the number of sites.
 */
final class LagrangianBound {

    private final ReducedProblem p;
    private final double[] lambda;
    private final double[] c;
    private final double[] scratch;
    private final double[] sub;
    private final boolean[] inTop;

    LagrangianBound(ReducedProblem p) {
        this.p = p;
        this.lambda = p.weight.clone(); // lambda = w: UB = sum of the k largest single-site gains
        this.c = new double[p.candidates()];
        this.scratch = new double[p.candidates()];
        this.sub = new double[p.groups()];
        this.inTop = new boolean[p.candidates()];
    }

    /** Evaluates UB(lambda, k); fills inTop with the chosen top-k set (ties by index). */
    private double evaluate(int k) {
        double[] w = p.weight;
        double first = 0;
        for (int g = 0; g < w.length; g++) {
            double d = w[g] - lambda[g];
            if (d > 0) {
                first += d;
            }
        }
        int nc = c.length;
        int positives = 0;
        for (int j = 0; j < nc; j++) {
            double s = 0;
            for (int g : p.candCover[j]) {
                s += lambda[g];
            }
            c[j] = s;
            if (s > 0) {
                scratch[positives++] = s;
            }
        }
        double second = 0;
        Arrays.fill(inTop, false);
        if (k >= positives) {
            for (int j = 0; j < nc; j++) {
                if (c[j] > 0) {
                    second += c[j];
                    inTop[j] = true;
                }
            }
        } else if (k > 0) {
            double t = kthLargest(scratch, positives, k);
            int above = 0;
            for (int j = 0; j < nc; j++) {
                if (c[j] > t) {
                    second += c[j];
                    inTop[j] = true;
                    above++;
                }
            }
            for (int j = 0; j < nc && above < k; j++) {
                if (c[j] == t) {
                    second += c[j];
                    inTop[j] = true;
                    above++;
                }
            }
        }
        return first + second;
    }

    /**
     * Minimises UB(., k) by subgradient steps (Polyak step towards {@code estimate}, a known lower bound on the
     * optimum) and returns the best (smallest) bound found. Stops early once the bound drops below
     * {@code stopBelow}, once it is within {@code closeEnough} of {@code estimate}, or at the deadline.
     */
    double minimise(int k, double estimate, double stopBelow, double closeEnough, int maxIter, long deadlineNanos) {
        double[] w = p.weight;
        double current = evaluate(k);
        double best = Math.min(current, p.coverableWeight);
        double[] bestLambda = lambda.clone();
        double theta = 2.0;
        int sinceImprovement = 0;
        for (int it = 0; it < maxIter; it++) {
            if (best < stopBelow || best - estimate <= closeEnough) {
                break;
            }
            if ((it & 7) == 0 && System.nanoTime() > deadlineNanos) {
                break;
            }
            // Subgradient of UB at lambda: (number of top-k sites covering g) - z_g.
            Arrays.fill(sub, 0);
            for (int j = 0; j < c.length; j++) {
                if (inTop[j]) {
                    for (int g : p.candCover[j]) {
                        sub[g] += 1;
                    }
                }
            }
            double norm = 0;
            for (int g = 0; g < w.length; g++) {
                if (w[g] > lambda[g]) {
                    sub[g] -= 1;
                }
                // Projected direction: ignore components that would leave the box [0, w_g].
                if ((sub[g] > 0 && lambda[g] <= 0) || (sub[g] < 0 && lambda[g] >= w[g])) {
                    sub[g] = 0;
                }
                norm += sub[g] * sub[g];
            }
            if (norm == 0) {
                break; // lambda is optimal for this k
            }
            double step = theta * Math.max(current - estimate, 1e-9 * Math.max(1, p.coverableWeight)) / norm;
            for (int g = 0; g < w.length; g++) {
                double v = lambda[g] - step * sub[g];
                lambda[g] = v < 0 ? 0 : (v > w[g] ? w[g] : v);
            }
            double ub = evaluate(k);
            current = ub;
            if (ub < best - 1e-12 * Math.max(1, best)) {
                best = ub;
                System.arraycopy(lambda, 0, bestLambda, 0, lambda.length);
                sinceImprovement = 0;
            } else if (++sinceImprovement >= 20) {
                theta /= 2;
                sinceImprovement = 0;
                if (theta < 1e-4) {
                    break;
                }
            }
        }
        System.arraycopy(bestLambda, 0, lambda, 0, lambda.length);
        return Math.min(best, p.coverableWeight);
    }

    /** Bound for k sites with the current multipliers, without optimising. */
    double boundAt(int k) {
        return Math.min(evaluate(k), p.coverableWeight);
    }

    /** k-th largest of a[0..n) (1-based k, 1 <= k <= n); reorders a. Iterative quickselect. */
    static double kthLargest(double[] a, int n, int k) {
        int lo = 0;
        int hi = n - 1;
        int target = k - 1; // index in descending order
        while (lo < hi) {
            double pivot = a[(lo + hi) >>> 1];
            int i = lo;
            int j = hi;
            while (i <= j) {
                while (a[i] > pivot) {
                    i++;
                }
                while (a[j] < pivot) {
                    j--;
                }
                if (i <= j) {
                    double t = a[i];
                    a[i] = a[j];
                    a[j] = t;
                    i++;
                    j--;
                }
            }
            if (target <= j) {
                hi = j;
            } else if (target >= i) {
                lo = i;
            } else {
                return a[target];
            }
        }
        return a[target];
    }
}
