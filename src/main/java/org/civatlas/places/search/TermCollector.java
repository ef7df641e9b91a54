package org.civatlas.places.search;

/**
 * Walks postings of a {@link TermField} into a {@link TopK}. Postings are in rank order, so a term whose best
 * rank cannot enter is skipped whole, and so is a block of 32 consecutive terms or suffixes (block minima are
 * precomputed): "村" (500,000 matches) costs about as much as a rare name. The filter is evaluated only for
 * entries that would enter.
 */
final class TermCollector {

    private TermCollector() {
    }

    static void term(TermField fld, int t, int tier, int sub, byte kind, TopK c, EntryFilter f) {
        long base = TopK.key(tier, sub, 0);
        if (base + fld.minRank[t] >= c.threshold()) {
            return;
        }
        for (int p = fld.postStart[t], end = fld.postStart[t + 1]; p < end; p++) {
            int d = fld.postings[p];
            long k = base + d;
            if (k >= c.threshold()) {
                return;
            }
            if (f.accept(d)) {
                c.offer(k, d, kind);
            }
        }
    }

    /** Terms [lo, hi), in term-id order. */
    static void terms(TermField fld, int lo, int hi, int tier, int sub, byte kind, TopK c, EntryFilter f) {
        range(fld, false, lo, hi, tier, sub, kind, c, f);
    }

    /** Suffix-array positions [lo, hi): the terms containing a substring. */
    static void suffixes(TermField fld, int lo, int hi, int tier, int sub, byte kind, TopK c, EntryFilter f) {
        range(fld, true, lo, hi, tier, sub, kind, c, f);
    }

    private static void range(TermField fld, boolean suffixes, int lo, int hi, int tier, int sub, byte kind,
            TopK c, EntryFilter f) {
        int[] blockMin = suffixes ? fld.saBlockMin : fld.termBlockMin;
        long base = TopK.key(tier, sub, 0);
        int i = lo;
        while (i < hi) {
            int b = i >>> TermField.BLOCK_SHIFT;
            int blockStart = b << TermField.BLOCK_SHIFT;
            int blockEnd = blockStart + (1 << TermField.BLOCK_SHIFT);
            if (i == blockStart && blockEnd <= hi && base + blockMin[b] >= c.threshold()) {
                i = blockEnd;
                continue;
            }
            int end = Math.min(hi, blockEnd);
            for (; i < end; i++) {
                term(fld, suffixes ? fld.saTerm[i] : i, tier, sub, kind, c, f);
            }
        }
    }

    /**
     * The exact term (the first of q's prefix range, if as long as q) and then the rest of the range as prefix
     * matches; false when the prefix tier could not enter any more.
     */
    static boolean exactThenPrefix(TermField field, String q, byte exactKind, byte prefixKind, TopK c,
            EntryFilter f) {
        long r = field.prefixRange(q);
        int lo = (int) (r >>> 32);
        int hi = (int) r;
        if (lo < hi && field.terms[lo].length() == q.length()) {
            term(field, lo, TopK.T_EXACT, 0, exactKind, c, f);
            lo++;
        }
        if (c.closed(TopK.T_PREFIX)) {
            return false;
        }
        terms(field, lo, hi, TopK.T_PREFIX, 0, prefixKind, c, f);
        return true;
    }
}
