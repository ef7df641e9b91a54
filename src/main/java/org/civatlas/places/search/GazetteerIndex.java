package org.civatlas.places.search;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.IntStream;

import net.sf.geographiclib.Geodesic;
import net.sf.geographiclib.GeodesicMask;
import org.civatlas.places.romanization.NameKeys;

/**
 * In-memory gazetteer search index: Chinese names (exact, prefix, substring, one-edit typos), pinyin (full,
 * toneless, with or without spaces, syllable-aligned substrings, one-edit typos), initials, Uyghur script,
 * romanized names, and reverse lookup by geodesic distance. Plain Java; immutable and thread-safe after
 * {@link #build}.
 *
 * <h2>Design</h2>
 * <ul>
 *   <li><b>Rank order.</b> Entries are sorted once by (standard first, importance descending, shorter name, place
 *       id, input order); an entry's position is its doc id. All postings are in doc order, so the best entries
 *       of any posting list come first.</li>
 *   <li><b>Term fields</b> ({@link TermField}): unique terms sorted as strings (a prefix is a contiguous range of
 *       term ids, found by binary search), postings in a flat {@code int[]}. Chinese names: a suffix array over
 *       every inner offset (substring search = one range). Pinyin: the dictionary reading, up to
 *       {@value #MAX_ALTERNATIVES} alternative readings of polyphones and the normalized romanized spelling,
 *       with a suffix array over syllable and word starts. Initials: prefix only.</li>
 *   <li><b>Top-k by tiers.</b> A query runs the tiers exact, prefix, other (substring, pinyin substring,
 *       initials), fuzzy, in that order, into a bounded max-heap keyed by (tier, sub-tier, fuzzy name group,
 *       rank). A term, or a
 *       block of 32 consecutive terms/suffixes (block minima precomputed), whose best rank cannot enter the heap
 *       is skipped, so "村" (500,000 matches) costs about as much as a rare name; later tiers are skipped when the
 *       heap is full of better tiers. The filter is evaluated only for entries that would enter the heap.</li>
 *   <li><b>Typos</b> (optimal string alignment distance 1). Chinese: a deletion index (SymSpell style) holding a
 *       32-bit hash of every one-character deletion of every unique name, as sorted {@code long}s (hash, best
 *       rank); candidates from the query, its deletions and the query's hash are verified exactly. Names read
 *       like the query (its toneless pinyin is a pinyin term: 团洁村 → 团结村, the commonest slip with a pinyin
 *       input method) are candidates too. The Chinese fuzzy tier shows distinct names: each candidate name's
 *       best entry, ordered by (same reading and one edit; a character missing, extra or swapped; another
 *       character; same reading only), standard first, importance, how many entries bear the name, rank; then
 *       further entries of those names. Pinyin: the
 *       query's one-edit variants over a-z (about 52 per character) are looked up as prefixes in the sorted
 *       pinyin terms, so "shlue" finds "shulexian".</li>
 *   <li><b>Uyghur</b>: normalized substring scan over the entries that have a Uyghur name (few; linear).</li>
 *   <li><b>Reverse</b>: a 0.02° grid; cells covering a safe bounding box of the radius are scanned, a spherical
 *       pre-check with 1 % slack discards far points, and GeographicLib's WGS 84 inverse gives the exact
 *       geodesic distance.</li>
 *   <li>Results are de-duplicated by place id; a former name that matches returns the current place's standard
 *       entry with match kind FORMER.</li>
 * </ul>
 */
public final class GazetteerIndex {

    public static final int MAX_QUERY_LENGTH = 100;
    public static final int MAX_LIMIT = 1000;
    public static final double MAX_RADIUS_METRES = 100_000;
    static final int MAX_ALTERNATIVES = 1;
    /** Pinyin queries shorter than this get no typo variants (too many neighbours to be meaningful). */
    static final int MIN_FUZZY_LATIN = 4;

    static final int T_EXACT = 0;
    static final int T_PREFIX = 1;
    static final int T_OTHER = 2;
    static final int T_FUZZY = 3;

    static final byte K_EXACT = 0;
    static final byte K_PREFIX = 1;
    static final byte K_SUBSTRING = 2;
    static final byte K_PINYIN = 3;
    static final byte K_INITIALS = 4;
    static final byte K_UYGHUR = 5;
    static final byte K_FUZZY = 6;
    private static final String[] KIND = {"EXACT", "PREFIX", "SUBSTRING", "PINYIN", "INITIALS", "UYGHUR", "FUZZY"};

    private final NameEntry[] docs;
    private final short[] categoryOf;
    private final Map<String, Integer> categoryIds;
    private final short[] statusOf;
    private final Map<String, Integer> statusIds;
    private final Map<Long, Integer> currentOf;
    private final TermField cn;
    private final long[] cnDeletions;
    private final int[] cnTermOfDoc;
    private final TermField py;
    private final TermField ini;
    private final int[] uyDocs;
    private final String[] uyKeys;
    private final PointGrid grid;

    private GazetteerIndex(NameEntry[] docs) {
        this.docs = docs;
        int n = docs.length;

        categoryIds = new HashMap<>();
        statusIds = new HashMap<>();
        categoryOf = new short[n];
        statusOf = new short[n];
        for (int d = 0; d < n; d++) {
            categoryOf[d] = (short) intern(categoryIds, docs[d].category());
            statusOf[d] = (short) intern(statusIds, docs[d].status());
        }
        Map<Long, Integer> current = new HashMap<>();
        Set<Long> withFormer = new HashSet<>();
        for (int d = 0; d < n; d++) {
            if (docs[d].former()) {
                withFormer.add(docs[d].placeId());
            }
        }
        for (int d = 0; d < n; d++) { // rank order: the first standard, non-former entry of a place wins
            NameEntry e = docs[d];
            if (e.standard() && !e.former() && withFormer.contains(e.placeId())) {
                current.putIfAbsent(e.placeId(), d);
            }
        }
        currentOf = Map.copyOf(current);

        // keys, computed in parallel (NameKeys is thread-safe)
        String[] cnKey = new String[n];
        String[][] pyKeys = new String[n][];
        byte[][][] pyStarts = new byte[n][][];
        String[] iniKey = new String[n];
        IntStream.range(0, n).parallel().forEach(d -> {
            NameEntry e = docs[d];
            cnKey[d] = SearchText.chineseKey(e.name());
            List<String> keys = new ArrayList<>(4);
            List<byte[]> starts = new ArrayList<>(4);
            String spaced = NameKeys.tonelessSpaced(e.name());
            addSpaced(spaced, keys, starts);
            for (String alt : alternativeReadings(e.name())) {
                String k = NameKeys.normalizeLatin(alt);
                if (!k.isEmpty() && !keys.contains(k)) {
                    keys.add(k);
                    starts.add(null);
                }
            }
            if (e.romanized() != null && !e.romanized().isBlank()) {
                addSpaced(e.romanized().replace('-', ' ').replace('\'', ' '), keys, starts);
            }
            pyKeys[d] = keys.toArray(new String[0]);
            pyStarts[d] = starts.toArray(new byte[0][]);
            iniKey[d] = NameKeys.normalizeLatin(NameKeys.initials(e.name()));
        });
        TermField.Builder cnb = new TermField.Builder();
        TermField.Builder pyb = new TermField.Builder();
        TermField.Builder inb = new TermField.Builder();
        List<Integer> uy = new ArrayList<>();
        for (int d = 0; d < n; d++) {
            cnb.add(cnKey[d], d, TermField.ALL);
            for (int k = 0; k < pyKeys[d].length; k++) {
                pyb.add(pyKeys[d][k], d, pyStarts[d][k]);
            }
            inb.add(iniKey[d], d, null);
            if (docs[d].uyghur() != null && !NameKeys.normalizeUyghur(docs[d].uyghur()).isEmpty()) {
                uy.add(d);
            }
        }
        cn = cnb.build(true);
        py = pyb.build(true);
        ini = inb.build(false);
        cnDeletions = deletionIndex(cn);
        cnTermOfDoc = new int[n];
        for (int t = 0; t < cn.terms.length; t++) {
            for (int p = cn.postStart[t]; p < cn.postStart[t + 1]; p++) {
                cnTermOfDoc[cn.postings[p]] = t;
            }
        }
        uyDocs = uy.stream().mapToInt(Integer::intValue).toArray();
        uyKeys = new String[uyDocs.length];
        for (int i = 0; i < uyDocs.length; i++) {
            uyKeys[i] = NameKeys.normalizeUyghur(docs[uyDocs[i]].uyghur());
        }
        grid = new PointGrid(docs);
    }

    /** Other readings of polyphones than the dictionary one, at most {@value #MAX_ALTERNATIVES}. */
    static List<String> alternativeReadings(String name) {
        List<String> all = NameKeys.allReadingKeys(name, MAX_ALTERNATIVES + 1);
        return all.size() <= 1 ? List.of() : all.subList(1, all.size());
    }

    /** Adds the key of a spaced reading, with the word starts as inner offsets. */
    private void addSpaced(String spaced, List<String> keys, List<byte[]> starts) {
        StringBuilder key = new StringBuilder(spaced.length());
        List<Integer> offs = new ArrayList<>();
        for (String word : spaced.trim().split("\\s+")) {
            String w = NameKeys.normalizeLatin(word);
            if (w.isEmpty()) {
                continue;
            }
            if (key.length() > 0 && key.length() < 256) {
                offs.add(key.length());
            }
            key.append(w);
        }
        if (key.length() == 0) {
            return;
        }
        String k = key.toString();
        int existing = keys.indexOf(k);
        byte[] st = new byte[offs.size()];
        for (int i = 0; i < st.length; i++) {
            st[i] = (byte) (int) offs.get(i);
        }
        if (existing < 0) {
            keys.add(k);
            starts.add(st);
        } else if (starts.get(existing) == null) {
            starts.set(existing, st);
        }
    }

    private static int intern(Map<String, Integer> ids, String value) {
        if (value == null) {
            return -1;
        }
        Integer id = ids.get(value);
        if (id == null) {
            if (ids.size() >= Short.MAX_VALUE) {
                throw new IllegalArgumentException("too many distinct categories or statuses");
            }
            id = ids.size();
            ids.put(value, id);
        }
        return id;
    }

    /** Sorted (hash of t minus one char) << 32 | best rank of t, for every unique Chinese name t. */
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

    /**
     * Builds the index. Entries need a non-blank name; everything else may be null/NaN. Pinyin and initials keys
     * are the place-name romanisation's ({@link NameKeys}).
     */
    public static GazetteerIndex build(Collection<NameEntry> entries) {
        Objects.requireNonNull(entries, "entries");
        NameEntry[] in = entries.toArray(new NameEntry[0]);
        for (NameEntry e : in) {
            if (e == null || e.name() == null || e.name().isBlank()) {
                throw new IllegalArgumentException("every entry needs a name: " + e);
            }
        }
        Integer[] order = new Integer[in.length];
        for (int i = 0; i < in.length; i++) {
            order[i] = i;
        }
        Comparator<Integer> byRank = Comparator.<Integer>comparingInt(i -> in[i].standard() ? 0 : 1)
                .thenComparingInt(i -> -in[i].importance())
                .thenComparingInt(i -> in[i].name().length())
                .thenComparingLong(i -> in[i].placeId())
                .thenComparingInt(i -> i);
        Arrays.parallelSort(order, byRank);
        NameEntry[] docs = new NameEntry[in.length];
        for (int i = 0; i < in.length; i++) {
            docs[i] = in[order[i]];
        }
        return new GazetteerIndex(docs);
    }

    public int size() {
        return docs.length;
    }

    /** Sizes of the internal structures (diagnostics for benchmarks and logs). */
    public String describe() {
        return String.format(java.util.Locale.ROOT, "%,d entries; Chinese: %,d terms, %,d suffixes, %,d deletion "
                        + "keys; pinyin: %,d terms, %,d postings, %,d syllable suffixes; initials: %,d terms; "
                        + "Uyghur: %,d; points: %,d", docs.length, cn.terms.length, cn.saTerm.length,
                cnDeletions.length, py.terms.length, py.postings.length, py.saTerm.length, ini.terms.length,
                uyDocs.length, grid.size());
    }

    // ================================================================================================ search

    /**
     * Searches names. The script of the query decides the path: Han characters → Chinese names; Arabic script →
     * Uyghur names; otherwise pinyin, initials and romanized names.
     *
     * @throws IllegalArgumentException if the query is null, blank or longer than {@value #MAX_QUERY_LENGTH}
     *                                  characters, or the limit is outside 1..{@value #MAX_LIMIT}
     */
    public List<Hit> search(String query, int limit, SearchFilter filter) {
        checkQuery(query);
        checkLimit(limit);
        Filter f = new Filter(filter == null ? SearchFilter.publicDefault() : filter);
        Mode mode;
        String key;
        if (SearchText.containsHan(query)) {
            mode = Mode.CHINESE;
            key = SearchText.chineseKey(query);
        } else if (SearchText.containsArabic(query)) {
            mode = Mode.UYGHUR;
            key = NameKeys.normalizeUyghur(query);
        } else {
            mode = Mode.LATIN;
            key = NameKeys.normalizeLatin(query);
        }
        if (key.isEmpty()) {
            return List.of();
        }
        int cap = limit;
        while (true) {
            Collector c = new Collector(cap);
            switch (mode) {
                case CHINESE -> searchChinese(key, c, f);
                case LATIN -> searchLatin(key, c, f);
                default -> searchUyghur(key, c, f);
            }
            List<Hit> hits = finish(c, limit, f);
            if (hits.size() >= limit || c.size < cap || cap >= docs.length) {
                return hits;
            }
            cap = (int) Math.min((long) cap * 4, docs.length); // duplicates filled the heap: widen and rerun
        }
    }

    private enum Mode { CHINESE, LATIN, UYGHUR }

    private static void checkQuery(String query) {
        if (query == null || query.isBlank()) {
            throw new IllegalArgumentException("query must not be empty or blank");
        }
        if (query.length() > MAX_QUERY_LENGTH) {
            throw new IllegalArgumentException("query is longer than " + MAX_QUERY_LENGTH + " characters");
        }
    }

    private static void checkLimit(int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT + ", was " + limit);
        }
    }

    /** Heap key: tier and sub-tier in bits 56-59, a group number (fuzzy names only, else 0) in 32-55, rank. */
    private static long key(int tier, int sub, int rank) {
        return ((long) (tier * 4 + sub) << 56) | rank;
    }

    private static long key(int tier, int sub, int group, int rank) {
        return ((long) (tier * 4 + sub) << 56) | ((long) group << 32) | rank;
    }

    /** True when nothing of this tier can enter the heap any more. */
    private static boolean tierClosed(Collector c, int tier) {
        return c.threshold() <= key(tier, 0, 0);
    }

    /**
     * The exact term (the first of its prefix range, if as long as the query) and then the rest of the range as
     * prefix matches; false when the prefix tier could not enter the heap any more.
     */
    private boolean collectExactThenPrefix(TermField field, String q, byte exactKind, byte prefixKind, Collector c,
            Filter f) {
        long r = field.prefixRange(q);
        int lo = (int) (r >>> 32);
        int hi = (int) r;
        if (lo < hi && field.terms[lo].length() == q.length()) {
            collectTerm(field, lo, T_EXACT, 0, exactKind, c, f);
            lo++;
        }
        if (tierClosed(c, T_PREFIX)) {
            return false;
        }
        collectTermRange(field, lo, hi, T_PREFIX, 0, prefixKind, c, f);
        return true;
    }

    private void searchChinese(String q, Collector c, Filter f) {
        if (!collectExactThenPrefix(cn, q, K_EXACT, K_PREFIX, c, f) || tierClosed(c, T_OTHER)) {
            return;
        }
        long s = cn.suffixRange(q);
        collectSuffixRange(cn, (int) (s >>> 32), (int) s, T_OTHER, 0, K_SUBSTRING, c, f);
        if (tierClosed(c, T_FUZZY) || q.length() < 2) {
            return;
        }
        fuzzyChinese(q, c, f);
    }

    /**
     * Chinese typos and homophones, one hit per distinct name first. Candidates are the names within one edit
     * (deletion index) and the names read like the query (same toneless pinyin as {@link NameKeys#toneless} of
     * the query). Each candidate name contributes its best entry that passes the filter (sub-tier 0), ordered by:
     * class ({@link #F_SOUND_EDIT}, {@link #F_ORDER}, {@link #F_OTHER_CHAR}, {@link #F_SOUND}: a specific slip such
     * as a dropped or swapped character is far likelier than one particular character among thousands typed in
     * place of the right one); standard first; importance; how many entries share the name (a name borne by 274
     * villages is a likelier intent than a one-off); rank. Further entries of the same names follow in sub-tier
     * 1, in the same order of names.
     */
    private void fuzzyChinese(String q, Collector c, Filter f) {
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
                cands.add(((long) t << 2) | fuzzySub(cn.terms[t], q, sounds, t));
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
                continue; // the same name again, with an equal or worse sub-tier
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
        int groups = Math.min(n, MAX_GROUPS);
        for (int g = 0; g < groups; g++) {
            long k = key(T_FUZZY, 0, g, 0);
            if (k >= c.threshold()) {
                return; // nothing later can enter
            }
            int d = (int) (order[g] & Integer.MAX_VALUE);
            c.offer(k | d, d, K_FUZZY);
        }
        // further entries of the same names, names in the same order
        for (int g = 0; g < groups; g++) {
            long base = key(T_FUZZY, 1, g, 0);
            if (base >= c.threshold()) {
                return;
            }
            int head = (int) (order[g] & Integer.MAX_VALUE);
            int t = cnTermOfDoc[head];
            int end = cn.postStart[t + 1];
            for (int p = Arrays.binarySearch(cn.postings, cn.postStart[t], end, head) + 1; p < end; p++) {
                int d = cn.postings[p];
                if (base + d >= c.threshold()) {
                    break;
                }
                if (f.accept(d)) {
                    c.offer(base + d, d, K_FUZZY);
                }
            }
        }
    }

    /** Fuzzy candidate classes, best first: one edit and the same reading (a homophone slip of the input method). */
    static final int F_SOUND_EDIT = 0;
    /** One character missing, extra or swapped with its neighbour: every character typed is right. */
    static final int F_ORDER = 1;
    /** One character replaced by another of a different reading: thousands of such neighbours, each unlikely. */
    static final int F_OTHER_CHAR = 2;
    /** The same reading, more than one edit (书乐县 for 疏勒县). */
    static final int F_SOUND = 3;

    /** The class of a candidate name t at distance one from q. */
    private static int fuzzySub(String t, String q, int[] sounds, int term) {
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

    /** Fuzzy candidate names ranked per query (fits the 24-bit group number of the heap key). */
    static final int MAX_GROUPS = 1 << 20;

    /**
     * Order of a fuzzy candidate name, by its best entry d: sub-tier (2 bits), non-standard (1), importance
     * descending (8, clamped), entries bearing the name descending (20, clamped), rank d (31).
     */
    private long rankOfName(int sub, int d, int count) {
        NameEntry e = docs[d];
        long importance = 127 - Math.max(-128, Math.min(127, e.importance()));
        long rarity = (1 << 20) - 1 - Math.min(count, (1 << 20) - 1);
        return ((long) sub << 60) | ((e.standard() ? 0L : 1L) << 59) | (importance << 51) | (rarity << 31) | d;
    }

    /** Chinese names (term ids, sorted) whose pinyin key equals the query's toneless reading, other than the query. */
    private int[] homophoneTerms(String q) {
        String reading = NameKeys.normalizeLatin(NameKeys.toneless(q));
        int t = reading.isEmpty() ? -1 : py.find(reading);
        if (t < 0) {
            return new int[0];
        }
        int[] out = new int[py.postStart[t + 1] - py.postStart[t]];
        int n = 0;
        for (int p = py.postStart[t], end = py.postStart[t + 1]; p < end; p++) {
            int term = cnTermOfDoc[py.postings[p]];
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
        int i = lowerBound(cnDeletions, from);
        int last = -1;
        for (; i < cnDeletions.length && (int) (cnDeletions[i] >>> 32) == hash; i++) {
            int t = cnTermOfDoc[(int) cnDeletions[i]];
            if (t != last && SearchText.distanceAtMostOne(cn.terms[t], q) == 1) {
                cands.add(((long) t << 2) | fuzzySub(cn.terms[t], q, sounds, t));
            }
            last = t;
        }
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

    private void searchLatin(String q, Collector c, Filter f) {
        if (!collectExactThenPrefix(py, q, K_PINYIN, K_PINYIN, c, f) || tierClosed(c, T_OTHER)) {
            return;
        }
        long ir = ini.prefixRange(q);
        int ilo = (int) (ir >>> 32);
        int ihi = (int) ir;
        if (ilo < ihi && ini.terms[ilo].length() == q.length()) {
            collectTerm(ini, ilo, T_OTHER, 0, K_INITIALS, c, f);
            ilo++;
        }
        collectTermRange(ini, ilo, ihi, T_OTHER, 1, K_INITIALS, c, f);
        long s = py.suffixRange(q);
        collectSuffixRange(py, (int) (s >>> 32), (int) s, T_OTHER, 0, K_PINYIN, c, f);
        if (tierClosed(c, T_FUZZY) || q.length() < MIN_FUZZY_LATIN) {
            return;
        }
        fuzzyLatin(q, c, f);
    }

    /**
     * Pinyin typos: terms having a prefix within distance 1 of q. Let R(i) be the terms starting with q[0..i);
     * edits at positions < i* (the first i with |R(i)| ≤ {@value #DIRECT_SCAN}) are enumerated as variants and
     * looked up as prefixes; edits at positions ≥ i* are found by checking every term of R(i*) directly.
     */
    private void fuzzyLatin(String q, Collector c, Filter f) {
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
                collectTerm(py, t, T_FUZZY, py.terms[t].length() <= q.length() + 1 ? 0 : 1, K_FUZZY, c, f);
            }
        }
        for (String v : latinVariants(q, iStar)) {
            if (tierClosed(c, T_FUZZY)) {
                return;
            }
            int vlo = py.lowerBound(v);
            if (vlo >= py.terms.length || !py.terms[vlo].startsWith(v)) {
                continue;
            }
            long vr = py.prefixRange(v);
            int vhi = (int) vr;
            if (py.terms[vlo].length() == v.length()) {
                collectTerm(py, vlo, T_FUZZY, 0, K_FUZZY, c, f);
                vlo++;
            }
            collectTermRange(py, vlo, vhi, T_FUZZY, 1, K_FUZZY, c, f);
        }
    }

    static final int DIRECT_SCAN = 256;

    /** Strings at distance 1 from q over a-z with the edit at a position < maxPosition (deletions first). */
    static Set<String> latinVariants(String q, int maxPosition) {
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

    private void searchUyghur(String q, Collector c, Filter f) {
        String wordStart = " " + q;
        for (int i = 0; i < uyDocs.length; i++) {
            String k = uyKeys[i];
            int tier;
            if (k.equals(q)) {
                tier = T_EXACT;
            } else if (k.startsWith(q) || k.contains(wordStart)) {
                tier = T_PREFIX;
            } else if (k.contains(q)) {
                tier = T_OTHER;
            } else {
                continue;
            }
            long key = key(tier, 0, uyDocs[i]);
            if (key < c.threshold() && f.accept(uyDocs[i])) {
                c.offer(key, uyDocs[i], K_UYGHUR);
            }
        }
    }

    // ------------------------------------------------------------------------------------------- collection

    private void collectTerm(TermField fld, int t, int tier, int sub, byte kind, Collector c, Filter f) {
        long base = key(tier, sub, 0);
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

    private void collectTermRange(TermField fld, int lo, int hi, int tier, int sub, byte kind, Collector c,
                                  Filter f) {
        long base = key(tier, sub, 0);
        int i = lo;
        while (i < hi) {
            int b = i >>> TermField.BLOCK_SHIFT;
            int blockStart = b << TermField.BLOCK_SHIFT;
            int blockEnd = blockStart + (1 << TermField.BLOCK_SHIFT);
            if (i == blockStart && blockEnd <= hi && base + fld.termBlockMin[b] >= c.threshold()) {
                i = blockEnd;
                continue;
            }
            int end = Math.min(hi, blockEnd);
            for (; i < end; i++) {
                collectTerm(fld, i, tier, sub, kind, c, f);
            }
        }
    }

    private void collectSuffixRange(TermField fld, int lo, int hi, int tier, int sub, byte kind, Collector c,
                                    Filter f) {
        long base = key(tier, sub, 0);
        int i = lo;
        while (i < hi) {
            int b = i >>> TermField.BLOCK_SHIFT;
            int blockStart = b << TermField.BLOCK_SHIFT;
            int blockEnd = blockStart + (1 << TermField.BLOCK_SHIFT);
            if (i == blockStart && blockEnd <= hi && base + fld.saBlockMin[b] >= c.threshold()) {
                i = blockEnd;
                continue;
            }
            int end = Math.min(hi, blockEnd);
            for (; i < end; i++) {
                collectTerm(fld, fld.saTerm[i], tier, sub, kind, c, f);
            }
        }
    }

    private List<Hit> finish(Collector c, int limit, Filter f) {
        Integer[] idx = new Integer[c.size];
        for (int i = 0; i < c.size; i++) {
            idx[i] = i;
        }
        Arrays.sort(idx, Comparator.comparingLong(i -> c.keys[i]));
        List<Hit> out = new ArrayList<>(Math.min(limit, c.size));
        Set<Long> places = new HashSet<>();
        for (Integer i : idx) {
            if (out.size() == limit) {
                break;
            }
            NameEntry e = docs[c.docs[i]];
            if (!places.add(e.placeId())) {
                continue;
            }
            int tierSub = (int) (c.keys[i] >>> 56);
            double score = 4 - tierSub / 4 - 0.25 * (tierSub % 4);
            String kind = KIND[c.kinds[i]];
            String matched = e.name();
            if (e.former()) {
                Integer cur = currentOf.get(e.placeId());
                if (cur != null) {
                    e = docs[cur];
                }
                kind = "FORMER";
            }
            int sameName = c.kinds[i] == K_FUZZY ? countPassing(cnTermOfDoc[c.docs[i]], f) : 0;
            out.add(new Hit(e, score, kind, Double.NaN, matched, sameName));
        }
        return out;
    }

    /** Entries of a Chinese name that pass the filter. */
    private int countPassing(int term, Filter f) {
        int n = 0;
        for (int p = cn.postStart[term], end = cn.postStart[term + 1]; p < end; p++) {
            if (f.accept(cn.postings[p])) {
                n++;
            }
        }
        return n;
    }

    // ================================================================================================ reverse

    /**
     * Named places within {@code radiusMetres} (geodesic, WGS 84) of a point, nearest first, one hit per place.
     *
     * @throws IllegalArgumentException for an invalid point, a radius outside (0, {@value #MAX_RADIUS_METRES}]
     *                                  or a limit outside 1..{@value #MAX_LIMIT}
     */
    public List<Hit> reverse(double lon, double lat, double radiusMetres, int limit, SearchFilter filter) {
        if (!(lon >= -180 && lon <= 180 && lat >= -90 && lat <= 90)) {
            throw new IllegalArgumentException("point must be WGS 84 longitude/latitude, was " + lon + ", " + lat);
        }
        if (!(radiusMetres > 0 && radiusMetres <= MAX_RADIUS_METRES)) {
            throw new IllegalArgumentException("radius must be in (0, " + (long) MAX_RADIUS_METRES + "] metres");
        }
        checkLimit(limit);
        Filter f = new Filter(filter == null ? SearchFilter.publicDefault() : filter);
        List<double[]> found = new ArrayList<>(); // distance, doc
        grid.within(lon, lat, radiusMetres, (d, dist) -> {
            if (f.accept(d)) {
                found.add(new double[] {dist, d});
            }
        });
        found.sort((a, b) -> a[0] != b[0] ? Double.compare(a[0], b[0]) : Double.compare(a[1], b[1]));
        List<Hit> out = new ArrayList<>(Math.min(limit, found.size()));
        Set<Long> places = new HashSet<>();
        for (double[] h : found) {
            if (out.size() == limit) {
                break;
            }
            NameEntry e = docs[(int) h[1]];
            if (!places.add(e.placeId())) {
                continue;
            }
            if (e.former()) {
                Integer cur = currentOf.get(e.placeId());
                if (cur != null) {
                    e = docs[cur];
                }
            }
            out.add(new Hit(e, 1 - h[0] / radiusMetres, "NEARBY", h[0], e.name()));
        }
        return out;
    }

    // ================================================================================================ suggest

    /**
     * Distinct names for suggest-as-you-type, best first: names starting with the prefix (Chinese or pinyin)
     * before other matches; only what the public may see ({@link SearchFilter#publicDefault()}).
     */
    public List<String> suggest(String prefix, int limit) {
        checkQuery(prefix);
        checkLimit(limit);
        int ask = Math.min(MAX_LIMIT, limit * 4);
        while (true) {
            List<Hit> hits = search(prefix, ask, SearchFilter.publicDefault());
            LinkedHashSet<String> names = new LinkedHashSet<>();
            for (Hit h : hits) {
                if (!"FUZZY".equals(h.matchKind())) {
                    names.add(h.entry().name());
                }
                if (names.size() == limit) {
                    break;
                }
            }
            if (names.size() >= limit || hits.size() < ask || ask == MAX_LIMIT) {
                return List.copyOf(names);
            }
            ask = Math.min(MAX_LIMIT, ask * 4);
        }
    }

    // ================================================================================================ helpers

    /** A query's filter, compiled to checks on the per-doc arrays. */
    private final class Filter {
        private final boolean[] categoryOk;
        private final boolean[] statusOk;
        private final String unitPrefix;
        private final double[] bbox;
        private final boolean nonStandard;

        Filter(SearchFilter s) {
            categoryOk = allowed(s.categories(), categoryIds);
            statusOk = allowed(s.statuses(), statusIds);
            unitPrefix = s.unitPrefix();
            bbox = s.bbox();
            nonStandard = s.includeNonStandard();
        }

        private boolean[] allowed(Set<String> values, Map<String, Integer> ids) {
            if (values == null || values.isEmpty()) {
                return null;
            }
            boolean[] ok = new boolean[ids.size()];
            for (String v : values) {
                Integer id = ids.get(v);
                if (id != null) {
                    ok[id] = true;
                }
            }
            return ok;
        }

        boolean accept(int d) {
            NameEntry e = docs[d];
            if (!nonStandard && !e.standard() && !e.former()) {
                return false;
            }
            if (categoryOk != null && (categoryOf[d] < 0 || !categoryOk[categoryOf[d]])) {
                return false;
            }
            if (statusOk != null && (statusOf[d] < 0 || !statusOk[statusOf[d]])) {
                return false;
            }
            if (unitPrefix != null && (e.unitCode() == null || !e.unitCode().startsWith(unitPrefix))) {
                return false;
            }
            if (bbox != null) {
                double x = e.lon();
                double y = e.lat();
                return x >= bbox[0] && x <= bbox[2] && y >= bbox[1] && y <= bbox[3];
            }
            return true;
        }
    }

    /** Bounded max-heap of (key, doc, kind): keeps the {@code cap} smallest keys. */
    static final class Collector {
        final long[] keys;
        final int[] docs;
        final byte[] kinds;
        int size;

        Collector(int cap) {
            keys = new long[cap];
            docs = new int[cap];
            kinds = new byte[cap];
        }

        long threshold() {
            return size < keys.length ? Long.MAX_VALUE : keys[0];
        }

        void offer(long key, int doc, byte kind) {
            if (size < keys.length) {
                int i = size++;
                while (i > 0) {
                    int parent = (i - 1) >>> 1;
                    if (keys[parent] >= key) {
                        break;
                    }
                    set(i, parent);
                    i = parent;
                }
                keys[i] = key;
                docs[i] = doc;
                kinds[i] = kind;
            } else if (key < keys[0]) {
                int i = 0;
                while (true) {
                    int l = 2 * i + 1;
                    if (l >= size) {
                        break;
                    }
                    int r = l + 1;
                    int big = r < size && keys[r] > keys[l] ? r : l;
                    if (keys[big] <= key) {
                        break;
                    }
                    set(i, big);
                    i = big;
                }
                keys[i] = key;
                docs[i] = doc;
                kinds[i] = kind;
            }
        }

        private void set(int to, int from) {
            keys[to] = keys[from];
            docs[to] = docs[from];
            kinds[to] = kinds[from];
        }
    }

    /** Points on a 0.02° grid, cells sorted row-major; exact geodesic distances with GeographicLib. */
    static final class PointGrid {
        static final double CELL = 0.02;
        static final long COLS = (long) Math.ceil(360 / CELL) + 1;
        private static final double EARTH_MEAN_RADIUS = 6_371_008.8;
        private final long[] cellKeys;
        private final int[] cellStart;
        private final int[] docIds;
        private final NameEntry[] docs;

        int size() {
            return docIds.length;
        }

        interface Sink {
            void accept(int doc, double metres);
        }

        PointGrid(NameEntry[] docs) {
            long[] packed = new long[docs.length];
            int n = 0;
            for (int d = 0; d < docs.length; d++) {
                NameEntry e = docs[d];
                if (e.hasPoint() && e.lon() >= -180 && e.lon() <= 180 && e.lat() >= -90 && e.lat() <= 90) {
                    packed[n++] = (cell(e.lon(), e.lat()) << 32) | d;
                }
            }
            packed = Arrays.copyOf(packed, n);
            Arrays.parallelSort(packed);
            this.docs = docs;
            docIds = new int[n];
            long[] keys = new long[n];
            int[] starts = new int[n + 1];
            int cells = 0;
            for (int i = 0; i < n; i++) {
                long key = packed[i] >>> 32;
                docIds[i] = (int) packed[i];
                if (cells == 0 || keys[cells - 1] != key) {
                    keys[cells] = key;
                    starts[cells] = i;
                    cells++;
                }
            }
            starts[cells] = n;
            cellKeys = Arrays.copyOf(keys, cells);
            cellStart = Arrays.copyOf(starts, cells + 1);
        }

        private static long row(double lat) {
            return (long) Math.floor((lat + 90) / CELL);
        }

        private static long col(double lon) {
            return (long) Math.floor((lon + 180) / CELL);
        }

        private static long cell(double lon, double lat) {
            return row(lat) * COLS + col(lon);
        }

        void within(double lon, double lat, double r, Sink sink) {
            // safe bounding box: 110,574 m is the shortest degree of latitude, a·cos φ bounds a degree of
            // longitude from below; 1 % slack covers great-circle vs parallel for r ≤ 100 km
            double dLat = r / 110_574.0 * 1.01 + 1e-9;
            double latMin = Math.max(-90, lat - dLat);
            double latMax = Math.min(90, lat + dLat);
            double maxAbs = Math.max(Math.abs(latMin), Math.abs(latMax));
            double dLon = maxAbs >= 89.5 ? 360
                    : r / (111_319.49 * Math.cos(Math.toRadians(maxAbs))) * 1.01 + 1e-9;
            List<double[]> lonRanges = new ArrayList<>(2);
            if (dLon >= 180) {
                lonRanges.add(new double[] {-180, 180});
            } else {
                double a = lon - dLon;
                double b = lon + dLon;
                if (a < -180) {
                    lonRanges.add(new double[] {a + 360, 180});
                    lonRanges.add(new double[] {-180, b});
                } else if (b > 180) {
                    lonRanges.add(new double[] {a, 180});
                    lonRanges.add(new double[] {-180, b - 360});
                } else {
                    lonRanges.add(new double[] {a, b});
                }
            }
            double slack = r * 1.01 + 1;
            double phi1 = Math.toRadians(lat);
            for (long row = row(latMin); row <= row(latMax); row++) {
                for (double[] lr : lonRanges) {
                    long from = row * COLS + col(lr[0]);
                    long to = row * COLS + Math.min(col(lr[1]), COLS - 1);
                    int c = Arrays.binarySearch(cellKeys, from);
                    if (c < 0) {
                        c = -c - 1;
                    }
                    for (; c < cellKeys.length && cellKeys[c] <= to; c++) {
                        for (int i = cellStart[c]; i < cellStart[c + 1]; i++) {
                            // spherical pre-check (haversine); ellipsoid differs by < 0.6 %
                            NameEntry e = docs[docIds[i]];
                            double phi2 = Math.toRadians(e.lat());
                            double sdp = Math.sin((phi2 - phi1) / 2);
                            double sdl = Math.sin(Math.toRadians(e.lon() - lon) / 2);
                            double h = sdp * sdp + Math.cos(phi1) * Math.cos(phi2) * sdl * sdl;
                            double approx = 2 * EARTH_MEAN_RADIUS * Math.asin(Math.min(1, Math.sqrt(h)));
                            if (approx > slack) {
                                continue;
                            }
                            double s = Geodesic.WGS84.Inverse(lat, lon, e.lat(), e.lon(),
                                    GeodesicMask.DISTANCE).s12;
                            if (s <= r) {
                                sink.accept(docIds[i], s);
                            }
                        }
                    }
                }
            }
        }
    }
}
