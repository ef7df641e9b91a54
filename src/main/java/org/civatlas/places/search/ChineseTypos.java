package org.civatlas.places.search;

import java.util.Arrays;

import org.civatlas.places.romanization.NameKeys;

/**
 * The fuzzy tier of a Chinese query: names within one edit (optimal string alignment distance 1) and names read
 * like the query.
 *
 * <p>One-edit names come from a deletion index (SymSpell style): a 32-bit hash of every one-character deletion of
 * every unique name, as sorted {@code long}s (hash, best rank); candidates from the query, its deletions and the
 * query's hash are verified exactly. Names read like the query (its toneless pinyin is a pinyin term: 团洁村 →
 * 团结村, the commonest slip with a pinyin input method) are candidates too. The tier shows distinct names first:
 * each candidate name's best entry, ordered by class ({@link #F_SOUND_EDIT}, {@link #F_ORDER},
 * {@link #F_OTHER_CHAR}, {@link #F_SOUND}: a specific slip such as a dropped or swapped character is far likelier
 * than one particular character among thousands typed in place of the right one), standard first, importance, how
 * many entries bear the name (a name borne by 274 villages is a likelier intent than a one-off), rank; then, in
 * sub-tier 1, further entries of those names in the same order of names. Immutable.
 */
final class ChineseTypos {

    /** Fuzzy candidate classes, best first: one edit and the same reading (a homophone slip of the input method). */
    static final int F_SOUND_EDIT = 0;
    /** One character missing, extra or swapped with its neighbour: every character typed is right. */
    static final int F_ORDER = 1;
    /** One character replaced by another of a different reading: thousands of such neighbours, each unlikely. */
    static final int F_OTHER_CHAR = 2;
    /** The same reading, more than one edit (书乐县 for 疏勒县). */
    static final int F_SOUND = 3;

    private final RankedEntries entries;
    private final NameTerms terms;
    private final TermField cn;
    /** Sorted (hash of a name minus one char) << 32 | best rank of the name, for every unique Chinese name. */
    private final long[] deletions;

    ChineseTypos(RankedEntries entries, NameTerms terms) {
        this.entries = entries;
        this.terms = terms;
        this.cn = terms.cn;
        this.deletions = deletionIndex(cn);
    }

    int deletionKeys() {
        return deletions.length;
    }

    private static long[] deletionIndex(TermField f) {
        int n = f.terms.length;
        int total = 0;
        for (String t : f.terms) {
            total += t.length() >= 2 ? t.length() : 0;
        }
        long[] out = new long[total];
        int k = 0;
        for (int t = 0; t < n; t++) {
            String s = f.terms[t];
            if (s.length() < 2) {
                continue;
            }
            for (int i = 0; i < s.length(); i++) {
                if (i > 0 && s.charAt(i) == s.charAt(i - 1)) {
                    continue; // deleting either of two equal neighbours gives the same string
                }
                out[k++] = ((long) SearchText.hashSkipping(s, i) << 32) | f.minRank[t];
            }
        }
        out = Arrays.copyOf(out, k);
        Arrays.parallelSort(out);
        return out;
    }

    /** Collects the fuzzy tier of the Chinese key q (at least two characters) into c. */
    void collect(String q, TopK c, EntryFilter f) {
        int[] sounds = homophoneTerms(q); // sorted
        // candidates as term << 2 | class (F_SOUND_EDIT, F_ORDER, F_OTHER_CHAR, F_SOUND)
        LongList cands = new LongList();
        // the query lost a character: q == t minus one char
        scanDeletionBucket(SearchText.hashSkipping(q, -1), q, cands, sounds);
        StringBuilder sb = new StringBuilder(q.length());
        int[] hashes = new int[q.length()];
        for (int i = 0; i < q.length(); i++) {
            // the query gained a character: t == q minus one char
            sb.setLength(0);
            sb.append(q, 0, i).append(q, i + 1, q.length());
            int t = cn.find(sb.toString());
            if (t >= 0) {
                cands.add(((long) t << 2) | classOf(cn.terms[t], q, sounds, t));
            }
            hashes[i] = SearchText.hashSkipping(q, i);
        }
        // substitution or transposition: t minus one char == q minus one char
        for (int i = 0; i < hashes.length; i++) {
            if (i == 0 || hashes[i] != hashes[i - 1]) { // equal neighbours give the same deletion
                scanDeletionBucket(hashes[i], q, cands, sounds);
            }
        }
        for (int t : sounds) {
            cands.add(((long) t << 2) | F_SOUND);
        }
        if (cands.size == 0) {
            return;
        }
        // one entry per name: its best entry that passes the filter, as a sort key (see rankOfName)
        long[] a = cands.values;
        Arrays.sort(a, 0, cands.size);
        long[] order = new long[cands.size];
        int n = 0;
        for (int i = 0; i < cands.size; i++) {
            int t = (int) (a[i] >>> 2);
            if (i > 0 && (int) (a[i - 1] >>> 2) == t) {
                continue; // the same name again, with an equal or worse class
            }
            for (int p = cn.postStart[t], end = cn.postStart[t + 1]; p < end; p++) {
                int d = cn.postings[p];
                if (f.accept(d)) {
                    order[n++] = rankOfName((int) (a[i] & 3), d, cn.postStart[t + 1] - cn.postStart[t]);
                    break;
                }
            }
        }
        Arrays.sort(order, 0, n);
        int groups = Math.min(n, TopK.MAX_GROUPS);
        for (int g = 0; g < groups; g++) {
            long k = TopK.key(TopK.T_FUZZY, 0, g, 0);
            if (k >= c.threshold()) {
                return; // nothing later can enter
            }
            int d = (int) (order[g] & Integer.MAX_VALUE);
            c.offer(k | d, d, TopK.K_FUZZY);
        }
        // further entries of the same names, names in the same order
        for (int g = 0; g < groups; g++) {
            long base = TopK.key(TopK.T_FUZZY, 1, g, 0);
            if (base >= c.threshold()) {
                return;
            }
            int head = (int) (order[g] & Integer.MAX_VALUE);
            int t = terms.cnTermOfDoc[head];
            int end = cn.postStart[t + 1];
            for (int p = Arrays.binarySearch(cn.postings, cn.postStart[t], end, head) + 1; p < end; p++) {
                int d = cn.postings[p];
                if (base + d >= c.threshold()) {
                    break;
                }
                if (f.accept(d)) {
                    c.offer(base + d, d, TopK.K_FUZZY);
                }
            }
        }
    }

    /** The class of a candidate name t at distance one from q. */
    static int classOf(String t, String q, int[] sounds, int term) {
        if (Arrays.binarySearch(sounds, term) >= 0) {
            return F_SOUND_EDIT;
        }
        if (t.length() != q.length()) {
            return F_ORDER;
        }
        int i = 0;
        while (t.charAt(i) == q.charAt(i)) {
            i++;
        }
        return i + 1 < t.length() && t.charAt(i) == q.charAt(i + 1) && t.charAt(i + 1) == q.charAt(i) ? F_ORDER
                : F_OTHER_CHAR;
    }

    /**
     * Order of a fuzzy candidate name, by its best entry d: class (2 bits), non-standard (1), importance
     * descending (8, clamped), entries bearing the name descending (20, clamped), rank d (31).
     */
    private long rankOfName(int cls, int d, int count) {
        NameEntry e = entries.get(d);
        long importance = 127 - Math.max(-128, Math.min(127, e.importance()));
        long rarity = (1 << 20) - 1 - Math.min(count, (1 << 20) - 1);
        return ((long) cls << 60) | ((e.standard() ? 0L : 1L) << 59) | (importance << 51) | (rarity << 31) | d;
    }

    /** Chinese names (term ids, sorted) whose pinyin key equals the query's toneless reading, other than the query. */
    private int[] homophoneTerms(String q) {
        TermField py = terms.py;
        String reading = NameKeys.normalizeLatin(NameKeys.toneless(q));
        int t = reading.isEmpty() ? -1 : py.find(reading);
        if (t < 0) {
            return new int[0];
        }
        int[] out = new int[py.postStart[t + 1] - py.postStart[t]];
        int n = 0;
        for (int p = py.postStart[t], end = py.postStart[t + 1]; p < end; p++) {
            int term = terms.cnTermOfDoc[py.postings[p]];
            if (!cn.terms[term].equals(q)) {
                out[n++] = term;
            }
        }
        Arrays.sort(out, 0, n);
        int m = 0;
        for (int i = 0; i < n; i++) {
            if (m == 0 || out[m - 1] != out[i]) {
                out[m++] = out[i];
            }
        }
        return Arrays.copyOf(out, m);
    }

    private void scanDeletionBucket(int hash, String q, LongList cands, int[] sounds) {
        long from = (long) hash << 32;
        int i = lowerBound(deletions, from);
        int last = -1;
        for (; i < deletions.length && (int) (deletions[i] >>> 32) == hash; i++) {
            int t = terms.cnTermOfDoc[(int) deletions[i]];
            if (t != last && SearchText.distanceAtMostOne(cn.terms[t], q) == 1) {
                cands.add(((long) t << 2) | classOf(cn.terms[t], q, sounds, t));
            }
            last = t;
        }
    }

    private static int lowerBound(long[] a, long v) {
        int lo = 0;
        int hi = a.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (a[mid] < v) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** A growable list of longs. */
    private static final class LongList {
        long[] values = new long[16];
        int size;

        void add(long v) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = v;
        }
    }
}
