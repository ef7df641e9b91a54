package org.civatlas.coverage.planning;

import java.util.Arrays;

/**
 * A coverage-based site-planning instance.
 *
 * <p>{@code weights[i] >= 0} is the weight of demand unit {@code i} (population, or 1 for count-based
 * planning); {@code alreadyCovered[i]} is true when an existing facility already covers unit {@code i};
 * {@code coverage[j]} lists the demand indices covered by candidate site {@code j} (e.g. all units within
 * d metres). Coverage lists are normalised on construction (copied, sorted ascending, duplicates removed),
 * so callers may pass unsorted lists. All arrays are defensively copied; the accessors return the internal
 * arrays, which must not be modified.
 *
 * @throws IllegalArgumentException for null arrays, negative / NaN / infinite weights, a length mismatch
 *         between {@code weights} and {@code alreadyCovered}, or a demand index out of range.
 */
public record CoverageInstance(double[] weights, boolean[] alreadyCovered, int[][] coverage) {

    public CoverageInstance {
        if (weights == null) {
            throw new IllegalArgumentException("weights must not be null");
        }
        if (alreadyCovered == null) {
            throw new IllegalArgumentException("alreadyCovered must not be null");
        }
        if (coverage == null) {
            throw new IllegalArgumentException("coverage must not be null");
        }
        if (weights.length != alreadyCovered.length) {
            throw new IllegalArgumentException("length mismatch: weights has " + weights.length
                    + " entries but alreadyCovered has " + alreadyCovered.length);
        }
        int n = weights.length;
        for (int i = 0; i < n; i++) {
            double w = weights[i];
            if (Double.isNaN(w)) {
                throw new IllegalArgumentException("weight of demand unit " + i + " is NaN");
            }
            if (w < 0) {
                throw new IllegalArgumentException("weight of demand unit " + i + " is negative: " + w);
            }
            if (Double.isInfinite(w)) {
                throw new IllegalArgumentException("weight of demand unit " + i + " is infinite");
            }
        }
        int[][] cov = new int[coverage.length][];
        for (int j = 0; j < coverage.length; j++) {
            int[] list = coverage[j];
            if (list == null) {
                throw new IllegalArgumentException("coverage list of candidate " + j + " is null");
            }
            int[] sorted = list.clone();
            Arrays.sort(sorted);
            int len = 0;
            for (int v : sorted) {
                if (v < 0 || v >= n) {
                    throw new IllegalArgumentException("candidate " + j + " covers demand index " + v
                            + ", out of range [0, " + n + ")");
                }
                if (len == 0 || sorted[len - 1] != v) {
                    sorted[len++] = v;
                }
            }
            cov[j] = len == sorted.length ? sorted : Arrays.copyOf(sorted, len);
        }
        weights = weights.clone();
        alreadyCovered = alreadyCovered.clone();
        coverage = cov;
    }

    /** Number of demand units. */
    public int demandCount() {
        return weights.length;
    }

    /** Number of candidate sites. */
    public int candidateCount() {
        return coverage.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CoverageInstance other
                && Arrays.equals(weights, other.weights)
                && Arrays.equals(alreadyCovered, other.alreadyCovered)
                && Arrays.deepEquals(coverage, other.coverage);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Arrays.hashCode(weights) + Arrays.hashCode(alreadyCovered)) + Arrays.deepHashCode(coverage);
    }

    @Override
    public String toString() {
        return "CoverageInstance[demand=" + weights.length + ", candidates=" + coverage.length + "]";
    }
}
