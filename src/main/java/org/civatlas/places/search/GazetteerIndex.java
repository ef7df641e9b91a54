package org.civatlas.places.search;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;

/**
 * In-memory gazetteer search index: Chinese names (exact, prefix, substring, one-edit typos, homophones), pinyin
 * (full, toneless, with or without spaces, syllable-aligned substrings, one-edit typos), initials, Uyghur script,
 * romanized names, and reverse lookup by geodesic distance. Plain Java; immutable and thread-safe after
 * {@link #build}. This class checks the arguments and hands each job to its part:
 * <ul>
 *   <li>{@link RankedEntries}: the entries in rank order (a doc id is a rank, so every posting list lists the best
 *       entries first), compiled to {@link EntryFilter}s per query;</li>
 *   <li>{@link NameTerms}: the term fields ({@link TermField}: sorted terms, postings, suffix arrays) with the keys
 *       of the place-name romanisation;</li>
 *   <li>{@link TieredSearch}: the tiers exact → prefix → other → fuzzy into a bounded heap ({@link TopK}), walking
 *       postings with {@link TermCollector}, which skips terms and blocks whose best rank cannot enter;</li>
 *   <li>{@link ChineseTypos} and {@link LatinTypos}: the fuzzy tier of each script;</li>
 *   <li>{@link ReverseGrid}: reverse lookup, kept apart from name search (as photon keeps its reverse geocoder
 *       apart from search).</li>
 * </ul>
 */
public final class GazetteerIndex {

    public static final int MAX_QUERY_LENGTH = 100;
    public static final int MAX_LIMIT = 1000;
    public static final double MAX_RADIUS_METRES = 100_000;

    private final RankedEntries entries;
    private final NameTerms terms;
    private final ChineseTypos chineseTypos;
    private final TieredSearch search;
    private final ReverseGrid grid;

    private GazetteerIndex(RankedEntries entries) {
        this.entries = entries;
        this.terms = new NameTerms(entries.docs());
        this.chineseTypos = new ChineseTypos(entries, terms);
        this.search = new TieredSearch(entries, terms, chineseTypos);
        this.grid = new ReverseGrid(entries);
    }

    /**
     * Builds the index. Entries need a non-blank name; everything else may be null/NaN. Pinyin and initials keys
     * are the place-name romanisation's ({@code NameKeys}).
     */
    public static GazetteerIndex build(Collection<NameEntry> entries) {
        return new GazetteerIndex(RankedEntries.of(entries));
    }

    public int size() {
        return entries.size();
    }

    /** Sizes of the internal structures (diagnostics for benchmarks and logs). */
    public String describe() {
        return String.format(Locale.ROOT, "%,d entries; Chinese: %,d terms, %,d suffixes, %,d deletion "
                        + "keys; pinyin: %,d terms, %,d postings, %,d syllable suffixes; initials: %,d terms; "
                        + "Uyghur: %,d; points: %,d", entries.size(), terms.cn.terms.length, terms.cn.saTerm.length,
                chineseTypos.deletionKeys(), terms.py.terms.length, terms.py.postings.length,
                terms.py.saTerm.length, terms.ini.terms.length, terms.uyDocs.length, grid.size());
    }

    /**
     * Searches names. The script of the query decides the path: Han characters → Chinese names; Arabic script →
     * Uyghur names; otherwise pinyin, initials and romanized names.
     *
     * @param filter null for {@link SearchFilter#publicDefault()}
     * @throws IllegalArgumentException if the query is null, blank or longer than {@value #MAX_QUERY_LENGTH}
     *                                  characters, or the limit is outside 1..{@value #MAX_LIMIT}
     */
    public List<Hit> search(String query, int limit, SearchFilter filter) {
        checkQuery(query);
        checkLimit(limit);
        return search.search(query, limit, new EntryFilter(entries, filter));
    }

    /**
     * Named places within {@code radiusMetres} (geodesic, WGS 84) of a point, nearest first, one hit per place.
     *
     * @param filter null for {@link SearchFilter#publicDefault()}
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
        return grid.nearest(lon, lat, radiusMetres, limit, new EntryFilter(entries, filter));
    }

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
}
