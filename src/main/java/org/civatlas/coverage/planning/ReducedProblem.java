package org.civatlas.coverage.planning;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Preprocessed form of a {@link CoverageInstance}, shared by both planning problems.
 *
 * <ol>
 *   <li>Demand units that are already covered or have zero weight are dropped (they cannot change the objective).</li>
 *   <li>Candidates covering no remaining demand are dropped.</li>
 *   <li>Dominated candidates are dropped: j is dominated by j' when cover(j) is a strict subset of cover(j'),
 *       or the two covers are equal and j' has the smaller index. Swapping j for its dominator never loses
 *       coverage, so an optimal solution without dominated candidates exists for both problems.</li>
 *   <li>Demand units covered by no surviving candidate are uncoverable and dropped.</li>
 *   <li>Demand units covered by exactly the same set of candidates are merged into one "group" whose weight
 *       is the sum (they are always covered together).</li>
 * </ol>
 * Reduced candidate indices follow the original index order, so index-based tie-breaking is preserved.
 */
final class ReducedProblem {

    /** Total weight of all demand units (existing coverage included). */
    final double totalWeight;
    /** Weight already covered by existing facilities. */
    final double existingWeight;
    /** Weight that can be covered by the candidates on top of the existing coverage (sum of group weights). */
    final double coverableWeight;
    /** Reduced candidate index -> original candidate index (ascending). */
    final int[] candidateIds;
    /** Group weights. */
    final double[] weight;
    /** Reduced candidate -> sorted group indices it covers. */
    final int[][] candCover;
    /** Group -> sorted reduced candidate indices covering it. */
    final int[][] groupCands;
    /** Statistics for reporting. */
    final int usefulCandidates;
    final int dominatedCandidates;
    final int relevantDemand;

    private ReducedProblem(double totalWeight, double existingWeight, int[] candidateIds, double[] weight,
                           int[][] candCover, int[][] groupCands, int usefulCandidates, int dominatedCandidates,
                           int relevantDemand) {
        this.totalWeight = totalWeight;
        this.existingWeight = existingWeight;
        this.candidateIds = candidateIds;
        this.weight = weight;
        this.candCover = candCover;
        this.groupCands = groupCands;
        this.usefulCandidates = usefulCandidates;
        this.dominatedCandidates = dominatedCandidates;
        this.relevantDemand = relevantDemand;
        double s = 0;
        for (double w : weight) {
            s += w;
        }
        this.coverableWeight = s;
    }

    int candidates() {
        return candidateIds.length;
    }

    int groups() {
        return weight.length;
    }

    /** Number of non-zeros of the reduced coverage matrix. */
    long nonZeros() {
        long nnz = 0;
        for (int[] c : candCover) {
            nnz += c.length;
        }
        return nnz;
    }

    static ReducedProblem of(CoverageInstance inst) {
        double[] w = inst.weights();
        boolean[] already = inst.alreadyCovered();
        int[][] coverage = inst.coverage();
        int n = w.length;
        int m = coverage.length;

        double total = 0;
        double existing = 0;
        boolean[] relevant = new boolean[n];
        int relevantCount = 0;
        for (int i = 0; i < n; i++) {
            total += w[i];
            if (already[i]) {
                existing += w[i];
            } else if (w[i] > 0) {
                relevant[i] = true;
                relevantCount++;
            }
        }

        // 1-2. Restrict each candidate's cover to relevant demand.
        int[][] cov = new int[m][];
        int useful = 0;
        for (int j = 0; j < m; j++) {
            int[] src = coverage[j];
            int len = 0;
            for (int i : src) {
                if (relevant[i]) {
                    len++;
                }
            }
            int[] dst = new int[len];
            len = 0;
            for (int i : src) {
                if (relevant[i]) {
                    dst[len++] = i;
                }
            }
            cov[j] = dst;
            if (len > 0) {
                useful++;
            }
        }

        // Demand -> useful candidates (CSR), candidates in ascending order.
        int[] deg = new int[n + 1];
        for (int j = 0; j < m; j++) {
            for (int i : cov[j]) {
                deg[i + 1]++;
            }
        }
        for (int i = 0; i < n; i++) {
            deg[i + 1] += deg[i];
        }
        int[] start = deg.clone();
        int[] adj = new int[deg[n]];
        int[] fill = Arrays.copyOf(deg, n);
        for (int j = 0; j < m; j++) {
            for (int i : cov[j]) {
                adj[fill[i]++] = j;
            }
        }

        // 3. Dominance.
        boolean[] dominated = new boolean[m];
        int dominatedCount = 0;
        for (int j = 0; j < m; j++) {
            int[] cj = cov[j];
            if (cj.length == 0) {
                continue;
            }
            int pivot = cj[0];
            for (int i : cj) {
                if (start[i + 1] - start[i] < start[pivot + 1] - start[pivot]) {
                    pivot = i;
                }
            }
            for (int p = start[pivot]; p < start[pivot + 1]; p++) {
                int j2 = adj[p];
                if (j2 == j) {
                    continue;
                }
                int[] c2 = cov[j2];
                if (c2.length < cj.length || (c2.length == cj.length && j2 > j)) {
                    continue;
                }
                if (isSubset(cj, c2)) {
                    dominated[j] = true;
                    dominatedCount++;
                    break;
                }
            }
        }

        int[] newIndex = new int[m];
        Arrays.fill(newIndex, -1);
        int kept = 0;
        for (int j = 0; j < m; j++) {
            if (cov[j].length > 0 && !dominated[j]) {
                newIndex[j] = kept++;
            }
        }
        int[] candidateIds = new int[kept];
        for (int j = 0; j < m; j++) {
            if (newIndex[j] >= 0) {
                candidateIds[newIndex[j]] = j;
            }
        }

        // 4-5. Group demand by the set of surviving candidates covering it.
        Map<Key, Integer> groupOf = new HashMap<>();
        List<int[]> groupLists = new ArrayList<>();
        List<double[]> groupWeight = new ArrayList<>();
        int[] buf = new int[Math.max(1, m)];
        for (int i = 0; i < n; i++) {
            if (!relevant[i]) {
                continue;
            }
            int len = 0;
            for (int p = start[i]; p < start[i + 1]; p++) {
                int r = newIndex[adj[p]];
                if (r >= 0) {
                    buf[len++] = r;
                }
            }
            if (len == 0) {
                continue; // uncoverable
            }
            int[] list = Arrays.copyOf(buf, len);
            Key key = new Key(list);
            Integer g = groupOf.get(key);
            if (g == null) {
                groupOf.put(key, groupLists.size());
                groupLists.add(list);
                groupWeight.add(new double[] {w[i]});
            } else {
                groupWeight.get(g)[0] += w[i];
            }
        }
        int groups = groupLists.size();
        double[] weight = new double[groups];
        int[][] groupCands = new int[groups][];
        int[] candDeg = new int[kept];
        for (int g = 0; g < groups; g++) {
            weight[g] = groupWeight.get(g)[0];
            groupCands[g] = groupLists.get(g);
            for (int r : groupCands[g]) {
                candDeg[r]++;
            }
        }
        int[][] candCover = new int[kept][];
        for (int r = 0; r < kept; r++) {
            candCover[r] = new int[candDeg[r]];
        }
        int[] pos = new int[kept];
        for (int g = 0; g < groups; g++) {
            for (int r : groupCands[g]) {
                candCover[r][pos[r]++] = g;
            }
        }
        return new ReducedProblem(total, existing, candidateIds, weight, candCover, groupCands, useful,
                dominatedCount, relevantCount);
    }

    private static boolean isSubset(int[] small, int[] big) {
        int b = 0;
        for (int v : small) {
            while (b < big.length && big[b] < v) {
                b++;
            }
            if (b == big.length || big[b] != v) {
                return false;
            }
            b++;
        }
        return true;
    }

    private record Key(int[] a) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Arrays.equals(a, k.a);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(a);
        }
    }
}
