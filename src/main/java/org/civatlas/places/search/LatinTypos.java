package org.civatlas.places.search;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The fuzzy tier of a Latin query: pinyin terms having a prefix within distance 1 of the query, so "shlue" finds
 * "shulexian". Let R(i) be the terms starting with q[0..i); edits at positions &lt; i* (the first i with
 * |R(i)| ≤ {@value #DIRECT_SCAN}) are enumerated as variants over a-z (about 52 per character) and looked up as
 * prefixes in the sorted terms; edits at positions ≥ i* are found by checking every term of R(i*) directly.
 */
final class LatinTypos {

    /** Pinyin queries shorter than this get no typo variants (too many neighbours to be meaningful). */
    static final int MIN_LENGTH = 4;
    static final int DIRECT_SCAN = 256;

    private LatinTypos() {
    }

    static void collect(TermField py, String q, TopK c, EntryFilter f) {
        int iStar = 0;
        int rlo = 0;
        int rhi = py.terms.length;
        while (iStar < q.length() && rhi - rlo > DIRECT_SCAN) {
            iStar++;
            long r = py.prefixRange(q.substring(0, iStar));
            rlo = (int) (r >>> 32);
            rhi = (int) r;
        }
        for (int t = rlo; t < rhi; t++) {
            int d = SearchText.prefixDistanceAtMostOne(py.terms[t], q);
            if (d == 1) {
                TermCollector.term(py, t, TopK.T_FUZZY, py.terms[t].length() <= q.length() + 1 ? 0 : 1,
                        TopK.K_FUZZY, c, f);
            }
        }
        for (String v : variants(q, iStar)) {
            if (c.closed(TopK.T_FUZZY)) {
                return;
            }
            int vlo = py.lowerBound(v);
            if (vlo >= py.terms.length || !py.terms[vlo].startsWith(v)) {
                continue;
            }
            long vr = py.prefixRange(v);
            int vhi = (int) vr;
            if (py.terms[vlo].length() == v.length()) {
                TermCollector.term(py, vlo, TopK.T_FUZZY, 0, TopK.K_FUZZY, c, f);
                vlo++;
            }
            TermCollector.terms(py, vlo, vhi, TopK.T_FUZZY, 1, TopK.K_FUZZY, c, f);
        }
    }

    /** Strings at distance 1 from q over a-z with the edit at a position &lt; maxPosition (deletions first). */
    static Set<String> variants(String q, int maxPosition) {
        Set<String> out = new LinkedHashSet<>();
        char[] a = q.toCharArray();
        int n = a.length;
        int m = Math.min(n, maxPosition);
        for (int i = 0; i < m; i++) {
            out.add(q.substring(0, i) + q.substring(i + 1));
        }
        for (int i = 0; i + 1 < n && i < m; i++) {
            if (a[i] != a[i + 1]) {
                char[] b = a.clone();
                b[i] = a[i + 1];
                b[i + 1] = a[i];
                out.add(new String(b));
            }
        }
        char[] b = a.clone();
        for (int i = 0; i < m; i++) {
            for (char ch = 'a'; ch <= 'z'; ch++) {
                if (ch != a[i]) {
                    b[i] = ch;
                    out.add(new String(b));
                }
            }
            b[i] = a[i];
        }
        StringBuilder sb = new StringBuilder(n + 1);
        for (int i = 0; i <= n && i < m; i++) {
            for (char ch = 'a'; ch <= 'z'; ch++) {
                sb.setLength(0);
                sb.append(a, 0, i).append(ch).append(a, i, n - i);
                out.add(sb.toString());
            }
        }
        out.remove(q);
        return out;
    }
}
