package org.civatlas.places.search;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * One searchable field: the sorted unique terms (term id = position in sort order, so a prefix is a contiguous
 * range of term ids), each with its postings (doc ids = global ranks, ascending), and optionally a suffix array
 * over chosen inner offsets of the terms (all offsets for Chinese names, syllable starts for pinyin) for
 * substring search. Block minima of the best rank make top-k over a huge range cheap (see
 * {@link GazetteerIndex}). Immutable after construction.
 */
final class TermField {

    static final int BLOCK_SHIFT = 5;
    private static final int MAX_OFFSET = 255;

    final String[] terms;
    final int[] postStart;
    final int[] postings;
    /** Best (lowest) rank of each term = its first posting. */
    final int[] minRank;
    final int[] termBlockMin;
    final int[] saTerm;
    final byte[] saOff;
    final int[] saBlockMin;

    /** Collects (term, doc) pairs in increasing doc order, with the inner offsets where a term may be entered. */
    static final class Builder {
        private final Map<String, Integer> ids = new HashMap<>();
        private final List<String> terms = new ArrayList<>();
        private final List<byte[]> starts = new ArrayList<>();
        private int[] pairTerm = new int[1024];
        private int[] pairDoc = new int[1024];
        private int pairs;

        /** @param innerStarts offsets > 0 to index for substring search (null: none; {@code ALL}: every offset) */
        void add(String term, int doc, byte[] innerStarts) {
            if (term == null || term.isEmpty()) {
                return;
            }
            Integer id = ids.get(term);
            if (id == null) {
                id = terms.size();
                ids.put(term, id);
                terms.add(term);
                starts.add(innerStarts);
            }
            if (pairs == pairTerm.length) {
                pairTerm = Arrays.copyOf(pairTerm, pairs * 2);
                pairDoc = Arrays.copyOf(pairDoc, pairs * 2);
            }
            pairTerm[pairs] = id;
            pairDoc[pairs] = doc;
            pairs++;
        }

        TermField build(boolean suffixArray) {
            return new TermField(this, suffixArray);
        }
    }

    /** Marker: index every inner offset. */
    static final byte[] ALL = new byte[0];

    private TermField(Builder b, boolean suffixArray) {
        int n = b.terms.size();
        String[] unsorted = b.terms.toArray(new String[0]);
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.parallelSort(order, (x, y) -> unsorted[x].compareTo(unsorted[y]));
        int[] newId = new int[n];
        terms = new String[n];
        for (int i = 0; i < n; i++) {
            newId[order[i]] = i;
            terms[i] = unsorted[order[i]];
        }
        // postings by counting sort; pairs arrive in increasing doc order, so each list is sorted
        int[] count = new int[n + 1];
        for (int p = 0; p < b.pairs; p++) {
            count[newId[b.pairTerm[p]] + 1]++;
        }
        for (int i = 0; i < n; i++) {
            count[i + 1] += count[i];
        }
        int[] fill = Arrays.copyOf(count, n);
        int[] post = new int[b.pairs];
        int[] last = new int[n];
        Arrays.fill(last, -1);
        int[] kept = new int[n];
        for (int p = 0; p < b.pairs; p++) {
            int t = newId[b.pairTerm[p]];
            int d = b.pairDoc[p];
            if (last[t] == d) {
                continue; // same term twice for one doc
            }
            last[t] = d;
            post[fill[t]++] = d;
            kept[t]++;
        }
        // compact (remove holes left by duplicates)
        postStart = new int[n + 1];
        for (int t = 0; t < n; t++) {
            postStart[t + 1] = postStart[t] + kept[t];
        }
        postings = new int[postStart[n]];
        for (int t = 0; t < n; t++) {
            System.arraycopy(post, count[t], postings, postStart[t], kept[t]);
        }
        minRank = new int[n];
        for (int t = 0; t < n; t++) {
            minRank[t] = postings[postStart[t]];
        }
        termBlockMin = blockMins(n, i -> minRank[i]);

        if (!suffixArray) {
            saTerm = new int[0];
            saOff = new byte[0];
            saBlockMin = new int[0];
            return;
        }
        // suffix array entries: term << 8 | offset
        int total = 0;
        for (int i = 0; i < n; i++) {
            total += innerCount(terms[i], b.starts.get(order[i]));
        }
        long[] sa = new long[total];
        int k = 0;
        for (int i = 0; i < n; i++) {
            byte[] st = b.starts.get(order[i]);
            String s = terms[i];
            if (st == ALL) {
                for (int off = 1; off < Math.min(s.length(), MAX_OFFSET + 1); off++) {
                    sa[k++] = ((long) i << 8) | off;
                }
            } else if (st != null) {
                for (byte o : st) {
                    int off = o & 0xFF;
                    if (off > 0 && off < s.length()) {
                        sa[k++] = ((long) i << 8) | off;
                    }
                }
            }
        }
        sortSuffixes(sa, k);
        saTerm = new int[k];
        saOff = new byte[k];
        for (int i = 0; i < k; i++) {
            saTerm[i] = (int) (sa[i] >>> 8);
            saOff[i] = (byte) sa[i];
        }
        saBlockMin = blockMins(k, i -> minRank[saTerm[i]]);
    }

    private static int innerCount(String s, byte[] st) {
        if (st == ALL) {
            return Math.max(0, Math.min(s.length(), MAX_OFFSET + 1) - 1);
        }
        return st == null ? 0 : st.length;
    }

    private static int[] blockMins(int n, java.util.function.IntUnaryOperator rank) {
        int[] mins = new int[(n >>> BLOCK_SHIFT) + 1];
        Arrays.fill(mins, Integer.MAX_VALUE);
        for (int i = 0; i < n; i++) {
            int b = i >>> BLOCK_SHIFT;
            mins[b] = Math.min(mins[b], rank.applyAsInt(i));
        }
        return mins;
    }

    // ------------------------------------------------------------------------------------------- lookups

    /** Compares the suffix s[off..] with prefix q: 0 if it starts with q, < 0 if before every such string. */
    static int cmpPrefix(String s, int off, String q) {
        int rem = s.length() - off;
        int n = Math.min(rem, q.length());
        for (int k = 0; k < n; k++) {
            int c = s.charAt(off + k) - q.charAt(k);
            if (c != 0) {
                return c;
            }
        }
        return rem >= q.length() ? 0 : -1;
    }

    /** Term ids [lo, hi) of the terms starting with q; terms[lo] equals q if q is a term. */
    long prefixRange(String q) {
        int lo = 0;
        int hi = terms.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (cmpPrefix(terms[mid], 0, q) < 0) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        int start = lo;
        hi = terms.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (cmpPrefix(terms[mid], 0, q) <= 0) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return ((long) start << 32) | lo;
    }

    /** First term id whose term is not before q (q itself if present). */
    int lowerBound(String q) {
        int lo = 0;
        int hi = terms.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (terms[mid].compareTo(q) < 0) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** Term id of q, or -1. */
    int find(String q) {
        int i = Arrays.binarySearch(terms, q);
        return i >= 0 ? i : -1;
    }

    /** Suffix-array positions [lo, hi) whose suffix starts with q. */
    long suffixRange(String q) {
        int lo = 0;
        int hi = saTerm.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (cmpPrefix(terms[saTerm[mid]], saOff[mid] & 0xFF, q) < 0) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        int start = lo;
        hi = saTerm.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (cmpPrefix(terms[saTerm[mid]], saOff[mid] & 0xFF, q) <= 0) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return ((long) start << 32) | lo;
    }

    // ------------------------------------------------------------------------------------------- suffix sort

    private int compareSuffix(long a, long b) {
        String s = terms[(int) (a >>> 8)];
        int i = (int) (a & 0xFF);
        String t = terms[(int) (b >>> 8)];
        int j = (int) (b & 0xFF);
        int n = Math.min(s.length() - i, t.length() - j);
        for (int k = 0; k < n; k++) {
            int c = s.charAt(i + k) - t.charAt(j + k);
            if (c != 0) {
                return c;
            }
        }
        return (s.length() - i) - (t.length() - j);
    }

    /** Buckets by first character (counting sort), then a merge sort per bucket, buckets in parallel. */
    private void sortSuffixes(long[] sa, int n) {
        int[] start = new int[65537];
        for (int i = 0; i < n; i++) {
            start[firstChar(sa[i]) + 1]++;
        }
        for (int c = 0; c < 65536; c++) {
            start[c + 1] += start[c];
        }
        int[] fill = Arrays.copyOf(start, 65536);
        long[] tmp = new long[n];
        for (int i = 0; i < n; i++) {
            tmp[fill[firstChar(sa[i])]++] = sa[i];
        }
        System.arraycopy(tmp, 0, sa, 0, n);
        IntStream.range(0, 65536).parallel().filter(c -> start[c + 1] - start[c] > 1)
                .forEach(c -> mergeSort(sa, tmp, start[c], start[c + 1]));
    }

    private int firstChar(long e) {
        return terms[(int) (e >>> 8)].charAt((int) (e & 0xFF));
    }

    private void mergeSort(long[] a, long[] tmp, int lo, int hi) {
        if (hi - lo <= 16) {
            for (int i = lo + 1; i < hi; i++) {
                long v = a[i];
                int j = i - 1;
                while (j >= lo && compareSuffix(a[j], v) > 0) {
                    a[j + 1] = a[j];
                    j--;
                }
                a[j + 1] = v;
            }
            return;
        }
        int mid = (lo + hi) >>> 1;
        mergeSort(a, tmp, lo, mid);
        mergeSort(a, tmp, mid, hi);
        if (compareSuffix(a[mid - 1], a[mid]) <= 0) {
            return;
        }
        System.arraycopy(a, lo, tmp, lo, hi - lo);
        int i = lo;
        int j = mid;
        for (int k = lo; k < hi; k++) {
            if (j >= hi || (i < mid && compareSuffix(tmp[i], tmp[j]) <= 0)) {
                a[k] = tmp[i++];
            } else {
                a[k] = tmp[j++];
            }
        }
    }
}
