package org.civatlas.coverage.planning;

import java.util.Arrays;
import java.util.PriorityQueue;

/**
 * Mutable selection of reduced candidates with incremental coverage bookkeeping, plus the greedy and
 * local-search heuristics that operate on it. All tie-breaking is by (reduced, hence original) index.
 */
final class CoverState {

    final ReducedProblem p;
    final boolean[] chosen;
    /** Number of chosen candidates covering each group. */
    final int[] count;
    /** Sum of the indices of the chosen candidates covering each group: the unique owner when count == 1. */
    final long[] ownerSum;
    int size;
    double covered;

    CoverState(ReducedProblem p) {
        this.p = p;
        this.chosen = new boolean[p.candidates()];
        this.count = new int[p.groups()];
        this.ownerSum = new long[p.groups()];
    }

    CoverState copy() {
        CoverState c = new CoverState(p);
        System.arraycopy(chosen, 0, c.chosen, 0, chosen.length);
        System.arraycopy(count, 0, c.count, 0, count.length);
        System.arraycopy(ownerSum, 0, c.ownerSum, 0, ownerSum.length);
        c.size = size;
        c.covered = covered;
        return c;
    }

    void add(int j) {
        chosen[j] = true;
        size++;
        double[] w = p.weight;
        for (int g : p.candCover[j]) {
            if (count[g]++ == 0) {
                covered += w[g];
            }
            ownerSum[g] += j;
        }
    }

    void remove(int j) {
        chosen[j] = false;
        size--;
        double[] w = p.weight;
        for (int g : p.candCover[j]) {
            if (--count[g] == 0) {
                covered -= w[g];
            }
            ownerSum[g] -= j;
        }
    }

    /** Recomputes {@link #covered} exactly (removes floating-point drift of incremental updates). */
    void recomputeCovered() {
        double s = 0;
        for (int g = 0; g < count.length; g++) {
            if (count[g] > 0) {
                s += p.weight[g];
            }
        }
        covered = s;
    }

    double gain(int j) {
        double s = 0;
        for (int g : p.candCover[j]) {
            if (count[g] == 0) {
                s += p.weight[g];
            }
        }
        return s;
    }

    double loss(int j) {
        double s = 0;
        for (int g : p.candCover[j]) {
            if (count[g] == 1) {
                s += p.weight[g];
            }
        }
        return s;
    }

    int[] chosenReduced() {
        int[] out = new int[size];
        int k = 0;
        for (int j = 0; j < chosen.length; j++) {
            if (chosen[j]) {
                out[k++] = j;
            }
        }
        return out;
    }

    void set(int[] reducedSites) {
        for (int j = 0; j < chosen.length; j++) {
            if (chosen[j]) {
                remove(j);
            }
        }
        for (int j : reducedSites) {
            add(j);
        }
        recomputeCovered();
    }

    /**
     * Lazy greedy: repeatedly adds the candidate with the largest marginal gain (smallest index on ties) until
     * {@code maxSites} are chosen, {@code covered >= stopAt}, or no candidate adds anything.
     *
     * @return prefix[s] = covered weight after s greedy additions (prefix[0] = initial coverage)
     */
    double[] greedy(int maxSites, double stopAt) {
        int nc = chosen.length;
        double[] stored = new double[nc];
        PriorityQueue<Integer> pq = new PriorityQueue<>(Math.max(1, nc), (a, b) -> {
            int c = Double.compare(stored[b], stored[a]);
            return c != 0 ? c : Integer.compare(a, b);
        });
        for (int j = 0; j < nc; j++) {
            if (!chosen[j]) {
                stored[j] = gain(j);
                if (stored[j] > 0) {
                    pq.add(j);
                }
            }
        }
        double[] prefix = new double[Math.min(maxSites, nc) + 1];
        int steps = 0;
        prefix[0] = covered;
        while (size < maxSites && covered < stopAt && !pq.isEmpty()) {
            int j = pq.poll();
            double g = gain(j);
            if (g == stored[j]) {
                add(j);
                prefix[++steps] = covered;
            } else {
                stored[j] = g;
                if (g > 0) {
                    pq.add(j);
                }
            }
        }
        recomputeCovered();
        return Arrays.copyOf(prefix, steps + 1);
    }

    /**
     * First-improvement 1-swap local search at fixed size (exchange one chosen for one unchosen candidate when
     * that strictly increases coverage). Each pass costs O(non-zeros): for an entering candidate the best
     * leaving candidate is found from the "unique owner" bookkeeping.
     *
     * @return true if at least one improving swap was applied
     */
    boolean swapSearch(double stopAt, long deadlineNanos) {
        int nc = chosen.length;
        double[] w = p.weight;
        double eps = 1e-12 * Math.max(1.0, p.coverableWeight);
        double[] loss = new double[nc];
        double[] delta = new double[nc];
        boolean[] marked = new boolean[nc];
        int[] touched = new int[nc];
        boolean any = false;
        boolean improved = true;
        int minLossSite = refreshLoss(loss);
        while (improved && size > 0 && covered < stopAt) {
            improved = false;
            for (int in = 0; in < nc; in++) {
                if (chosen[in]) {
                    continue;
                }
                if ((in & 255) == 0 && System.nanoTime() > deadlineNanos) {
                    return any;
                }
                double g0 = 0;
                int nt = 0;
                for (int g : p.candCover[in]) {
                    int c = count[g];
                    if (c == 0) {
                        g0 += w[g];
                    } else if (c == 1) {
                        int o = (int) ownerSum[g];
                        if (!marked[o]) {
                            marked[o] = true;
                            touched[nt++] = o;
                        }
                        delta[o] += w[g];
                    }
                }
                int bestOut = minLossSite;
                double best = g0 + delta[minLossSite] - loss[minLossSite];
                for (int t = 0; t < nt; t++) {
                    int o = touched[t];
                    double v = g0 + delta[o] - loss[o];
                    if (v > best || (v == best && o < bestOut)) {
                        best = v;
                        bestOut = o;
                    }
                    delta[o] = 0;
                    marked[o] = false;
                }
                if (best > eps) {
                    remove(bestOut);
                    add(in);
                    recomputeCovered();
                    minLossSite = refreshLoss(loss);
                    improved = true;
                    any = true;
                    if (covered >= stopAt) {
                        return true;
                    }
                }
            }
        }
        return any;
    }

    /** Fills loss[] for chosen sites; returns the chosen site with the smallest loss (smallest index on ties). */
    private int refreshLoss(double[] loss) {
        int best = -1;
        for (int j = 0; j < chosen.length; j++) {
            if (chosen[j]) {
                loss[j] = loss(j);
                if (best < 0 || loss[j] < loss[best]) {
                    best = j;
                }
            }
        }
        return best;
    }

    /** Removes chosen sites whose removal keeps covered >= threshold (smallest loss first, index on ties). */
    void dropRedundant(double threshold) {
        boolean changed = true;
        while (changed) {
            changed = false;
            int best = -1;
            double bestLoss = 0;
            for (int j = 0; j < chosen.length; j++) {
                if (chosen[j]) {
                    double l = loss(j);
                    if (covered - l >= threshold && (best < 0 || l < bestLoss)) {
                        best = j;
                        bestLoss = l;
                    }
                }
            }
            if (best >= 0) {
                remove(best);
                recomputeCovered();
                changed = true;
            }
        }
    }

    /**
     * Minimum-sites improvement: starting from a feasible selection (covered >= threshold), repeatedly tries to
     * reach the threshold with one site fewer (drop the least-loss site, then swap search) until that fails,
     * the known lower bound is met, or time runs out.
     */
    void shrink(double threshold, int lowerBound, long deadlineNanos) {
        dropRedundant(threshold);
        while (size > Math.max(lowerBound, 1) && System.nanoTime() < deadlineNanos) {
            CoverState backup = copy();
            int out = -1;
            double outLoss = 0;
            for (int j = 0; j < chosen.length; j++) {
                if (chosen[j]) {
                    double l = loss(j);
                    if (out < 0 || l < outLoss) {
                        out = j;
                        outLoss = l;
                    }
                }
            }
            remove(out);
            recomputeCovered();
            if (covered < threshold) {
                swapSearch(threshold, deadlineNanos);
            }
            if (covered >= threshold) {
                dropRedundant(threshold);
            } else {
                restore(backup);
                return;
            }
        }
    }

    private void restore(CoverState b) {
        System.arraycopy(b.chosen, 0, chosen, 0, chosen.length);
        System.arraycopy(b.count, 0, count, 0, count.length);
        System.arraycopy(b.ownerSum, 0, ownerSum, 0, ownerSum.length);
        size = b.size;
        covered = b.covered;
    }
}
