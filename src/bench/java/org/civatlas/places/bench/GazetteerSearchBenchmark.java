package org.civatlas.places.bench;

import static org.civatlas.bench.BenchSupport.log;
import static org.civatlas.bench.BenchSupport.parseArgs;
import static org.civatlas.bench.BenchSupport.require;
import static org.civatlas.bench.BenchSupport.rows;
import static org.civatlas.bench.BenchSupport.seedOf;

import org.civatlas.bench.BenchSupport;
import org.civatlas.bench.JsonLite;
import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;

import net.sf.geographiclib.Geodesic;
import net.sf.geographiclib.GeodesicData;
import org.civatlas.places.romanization.NameKeys;
import org.civatlas.places.search.GazetteerIndex;
import org.civatlas.places.search.Hit;
import org.civatlas.places.search.NameEntry;
import org.civatlas.places.search.SearchFilter;
import org.civatlas.places.search.SearchText;
import org.civatlas.spatial.ChinaOffsetDatums;
import org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Location;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.geom.util.GeometryFixer;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * National benchmark of {@link GazetteerIndex} against PostgreSQL pg_trgm / PostGIS.
 *
 * <p>Run from the repository root (the national seed files are read from the shared folder, never copied):
 * <pre>
 * mvn -q test-compile exec:java \
 *     -Dexec.mainClass=org.civatlas.places.bench.GazetteerSearchBenchmark \
 *     -Dexec.args="--seed-dir ../shared/gis-seed --pg jdbc:postgresql://127.0.0.1:5432/civatlas_bench"
 * </pre>
 * Options: {@code --seed-dir DIR} (required); {@code --pg JDBC-URL} (user postgres, trust auth; the database is
 * created if missing; {@code --pg none} or omitted: skip the baseline); {@code --pg-user USER}; {@code --queries N}
 * per kind (default 1000); {@code --pg-queries N} per kind for PostgreSQL (default 200); {@code --seed N}
 * (default 20240601); {@code --no-points} to skip reading the county polygons (reverse lookup then skipped).
 *
 * <p>Instance: every division name of {@code china-divisions-{provinces,cities,areas,streets,villages}.csv.gz}
 * (place id = row number, unit code = the division code, importance 5 province … 1 village-level unit, category
 * 行政区域 or 群众自治组织 for village-level units, status PUBLISHED). Points are synthetic and deterministic:
 * each county-level, township-level and village-level unit is placed by seeded rejection sampling inside its
 * county's polygon from {@code china-counties.geojson.gz} (streamed feature by feature, GCJ-02 → WGS 84 with
 * {@link ChinaOffsetDatums}, invalid polygons repaired with {@link GeometryFixer}); units of counties without a
 * polygon, provinces and prefectures have no point.
 *
 * <p>Query sets (seeded, one per kind): Chinese prefix (first 2 characters of a random name), substring (2-3
 * inner characters), pinyin (the toneless key of a random name, every other one with spaces between syllables),
 * initials, typo (one random edit of a random name: substitution by a character drawn from the data, deletion,
 * insertion of a character drawn from the data, transposition of neighbours), reverse (a random point 0-1 km
 * from a random placed unit, radius 2 km) and homophone (one character replaced by another with the same toneless
 * reading, drawn from the data; its own random stream, reported separately from the typo set). Each query set runs twice untimed (warm-up), then timed, top-10,
 * single-threaded, with {@link SearchFilter#none()}; the timed pass is repeated three times and the pass with
 * the median p99 is reported (all three are logged). For typos and homophones we report the share whose intended entry (its id)
 * is in the top 10, and the share whose intended name (string) is among the top-10 names.
 *
 * <p>The PostgreSQL baseline loads the same rows (COPY) with a pinyin and initials column computed by the same
 * {@link NameKeys} the index uses, GIN trigram indexes on name, pinyin and initials and a GiST index on a geography point,
 * and runs the usual SQL through prepared statements: {@code name LIKE 'x%'}, {@code name LIKE '%x%'},
 * {@code pinyin LIKE 'x%'}, {@code initials LIKE 'x%'} (each {@code LIMIT 10}, unranked, which favours
 * PostgreSQL), {@code name % 'x' ORDER BY similarity(name,'x') DESC LIMIT 10}, and
 * {@code ST_DWithin(geog, p, 2000) ORDER BY geog <-> p LIMIT 10}, on the first {@code --pg-queries} queries
 * of each set (one untimed warm-up pass).
 */
public final class GazetteerSearchBenchmark {

    private static final String[] LEVELS = {"provinces", "cities", "areas", "streets", "villages"};
    private static final int[] IMPORTANCE = {5, 4, 3, 2, 1};
    private static final double REVERSE_RADIUS = 2000;
    private static final GeometryFactory WGS84 = new GeometryFactory(new PrecisionModel(), 4326);

    private GazetteerSearchBenchmark() {
    }

    record Query(String kind, String text, long intendedId, String intendedName, String editType, double lon,
                 double lat) {
    }

    record Stats(double p50, double p99, double max, int n) {
        static Stats of(long[] nanos, int n) {
            long[] s = Arrays.copyOf(nanos, n);
            Arrays.sort(s);
            return new Stats(pct(s, 0.50), pct(s, 0.99), n == 0 ? Double.NaN : s[n - 1] / 1e6, n);
        }

        private static double pct(long[] sorted, double p) {
            if (sorted.length == 0) {
                return Double.NaN;
            }
            int i = (int) Math.ceil(p * sorted.length) - 1;
            return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e6;
        }
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> opt = parseArgs(args);
        Path seedDir = Path.of(require(opt, "seed-dir"));
        String pgUrl = opt.getOrDefault("pg", "none");
        String pgUser = opt.getOrDefault("pg-user", "postgres");
        int perKind = Integer.parseInt(opt.getOrDefault("queries", "1000"));
        int pgPerKind = Integer.parseInt(opt.getOrDefault("pg-queries", "200"));
        long seed = Long.parseLong(opt.getOrDefault("seed", "20240601"));
        boolean points = !opt.containsKey("no-points");
        long t0 = System.nanoTime();
        System.out.printf(Locale.ROOT, "JVM %s, %d cores, max heap %d MB%n", System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);
        long heapBase = usedHeapAfterGc();

        // ------------------------------------------------------------------------------- names and points
        List<String[]> rows = new ArrayList<>(700_000); // code, name, level
        for (int lv = 0; lv < LEVELS.length; lv++) {
            readDivisions(seedDir.resolve("china-divisions-" + LEVELS[lv] + ".csv.gz"), lv, rows);
        }
        log(t0, "read %,d division names", rows.size());
        Map<String, double[]> placed = new HashMap<>();
        if (points) {
            Set<String> counties = new HashSet<>();
            for (String[] r : rows) {
                if (r[0].length() >= 6) {
                    counties.add(r[0].substring(0, 6));
                }
            }
            Map<String, Geometry> polygons = readCounties(seedDir.resolve("china-counties.geojson.gz"), counties,
                    t0);
            placed = placeUnits(rows, polygons);
            log(t0, "placed %,d units inside their county polygon (%,d counties with a polygon)", placed.size(),
                    polygons.size());
        }
        List<NameEntry> entries = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            String[] r = rows.get(i);
            int lv = Integer.parseInt(r[2]);
            double[] p = placed.get(r[0]);
            entries.add(new NameEntry(i + 1, r[1], null, null, lv == 4 ? "群众自治组织" : "行政区域", r[0], true, false,
                    SearchFilter.PUBLISHED, p == null ? Double.NaN : p[0], p == null ? Double.NaN : p[1],
                    IMPORTANCE[lv]));
        }
        rows = null;
        placed = null;
        long heapEntries = usedHeapAfterGc();
        log(t0, "heap with the %,d NameEntry objects: %,d MB (entries alone: %,d MB)", entries.size(),
                heapEntries >> 20, (heapEntries - heapBase) >> 20);

        // ------------------------------------------------------------------------------- build
        NameKeys.toneless("预热"); // load the reading tables outside the timed build
        long b0 = System.nanoTime();
        GazetteerIndex index = GazetteerIndex.build(entries);
        double buildSeconds = (System.nanoTime() - b0) / 1e9;
        long heapIndex = usedHeapAfterGc();
        log(t0, "built the index of %,d names in %.1f s; heap after GC %,d MB: index structures %,d MB, "
                        + "entries + index %,d MB", index.size(), buildSeconds, heapIndex >> 20,
                (heapIndex - heapEntries) >> 20, (heapIndex - heapBase) >> 20);
        log(t0, "index: %s", index.describe());

        // ------------------------------------------------------------------------------- queries
        Map<String, List<Query>> sets = makeQueries(entries, perKind, seed, points);
        Map<String, Stats> ours = new LinkedHashMap<>();
        Map<String, Stats> oursSubset = new LinkedHashMap<>(); // the queries PostgreSQL runs, for the ratios
        Map<String, List<List<Hit>>> ourResults = new LinkedHashMap<>();
        for (Map.Entry<String, List<Query>> e : sets.entrySet()) {
            List<Query> qs = e.getValue();
            for (int warm = 0; warm < 2; warm++) { // warm-up
                for (Query q : qs) {
                    run(index, q);
                }
            }
            // three timed passes (the machine is shared, so single outliers are noise): the table shows the
            // pass with the median p99, the log shows all three
            List<long[]> passes = new ArrayList<>();
            List<List<Hit>> results = new ArrayList<>(qs.size());
            for (int pass = 0; pass < 3; pass++) {
                long[] nanos = new long[qs.size()];
                results.clear();
                for (int i = 0; i < qs.size(); i++) {
                    long s = System.nanoTime();
                    List<Hit> hits = run(index, qs.get(i));
                    nanos[i] = System.nanoTime() - s;
                    results.add(hits);
                }
                passes.add(nanos);
                log(t0, "ours %-10s pass %d: %s", e.getKey(), pass + 1, fmt(Stats.of(nanos, nanos.length)));
            }
            passes.sort(java.util.Comparator.comparingDouble(n -> Stats.of(n, n.length).p99()));
            long[] nanos = passes.get(1);
            ours.put(e.getKey(), Stats.of(nanos, nanos.length));
            oursSubset.put(e.getKey(), Stats.of(nanos, Math.min(pgPerKind, nanos.length)));
            ourResults.put(e.getKey(), results);
            log(t0, "ours %-10s median pass: %s", e.getKey(), fmt(ours.get(e.getKey())));
        }
        Map<String, Long> nameCount = new HashMap<>();
        for (NameEntry en : entries) {
            nameCount.merge(en.name(), 1L, Long::sum);
        }
        String typoReport = typoRecall(sets.get("typo"), ourResults.get("typo"), nameCount)
                + "; " + typoAmbiguity(index, sets.get("typo"), ourResults.get("typo"));
        String homophoneReport = typoRecall(sets.get("homophone"), ourResults.get("homophone"), nameCount)
                + "; " + typoAmbiguity(index, sets.get("homophone"), ourResults.get("homophone"));

        // ------------------------------------------------------------------------------- PostgreSQL
        Map<String, Stats> pg = new LinkedHashMap<>();
        String pgTypo = null;
        String pgHomophone = null;
        String pgInfo = null;
        double pgLoadSeconds = Double.NaN;
        String reverseAgreement = null;
        if (!"none".equals(pgUrl)) {
            try (Connection c = openBenchDatabase(pgUrl, pgUser)) {
                pgInfo = pgInfo(c);
                long l0 = System.nanoTime();
                loadPostgres(c, entries, t0);
                pgLoadSeconds = (System.nanoTime() - l0) / 1e9;
                Map<String, List<List<Long>>> pgResults = new LinkedHashMap<>();
                for (Map.Entry<String, List<Query>> e : sets.entrySet()) {
                    List<Query> qs = e.getValue().subList(0, Math.min(pgPerKind, e.getValue().size()));
                    List<List<Long>> res = new ArrayList<>();
                    pg.put(e.getKey(), runPostgres(c, e.getKey(), qs, res));
                    pgResults.put(e.getKey(), res);
                    log(t0, "pg   %-10s %s", e.getKey(), fmt(pg.get(e.getKey())));
                }
                if (pgResults.containsKey("typo")) {
                    pgTypo = pgTypoRecall(c, sets.get("typo"), pgResults.get("typo"));
                }
                if (pgResults.containsKey("homophone")) {
                    pgHomophone = pgTypoRecall(c, sets.get("homophone"), pgResults.get("homophone"));
                }
                if (pgResults.containsKey("reverse")) {
                    reverseAgreement = reverseAgreement(ourResults.get("reverse"), pgResults.get("reverse"));
                }
            }
        }

        // ------------------------------------------------------------------------------- report
        System.out.println();
        System.out.println("=== GazetteerSearchBenchmark: " + entries.size() + " names, top-10, single thread ===");
        System.out.printf(Locale.ROOT, "index build: %.1f s; heap after GC: index structures %d MB, entries %d MB, "
                        + "total %d MB%n", buildSeconds, (heapIndex - heapEntries) >> 20,
                (heapEntries - heapBase) >> 20, (heapIndex - heapBase) >> 20);
        if (pgInfo != null) {
            System.out.printf(Locale.ROOT, "PostgreSQL: %s; COPY + indexes + ANALYZE %.1f s; %d queries per kind "
                    + "(subset of %d)%n", pgInfo, pgLoadSeconds, pgPerKind, perKind);
        }
        System.out.printf(Locale.ROOT, "%-10s %6s | %9s %9s %9s | %9s %9s %9s | %8s %8s%n", "kind", "n",
                "ours p50", "p99", "max", "pg p50", "p99", "max", "p50 x", "p99 x");
        // ratios: PostgreSQL vs ours on the same subset of queries
        for (String k : ours.keySet()) {
            Stats o = ours.get(k);
            Stats p = pg.get(k);
            System.out.printf(Locale.ROOT, "%-10s %6d | %9.3f %9.3f %9.3f | %9s %9s %9s | %8s %8s%n", k, o.n,
                    o.p50, o.p99, o.max, p == null ? "-" : String.format(Locale.ROOT, "%.3f", p.p50),
                    p == null ? "-" : String.format(Locale.ROOT, "%.3f", p.p99),
                    p == null ? "-" : String.format(Locale.ROOT, "%.3f", p.max),
                    p == null ? "-" : String.format(Locale.ROOT, "%.0f", p.p50 / oursSubset.get(k).p50),
                    p == null ? "-" : String.format(Locale.ROOT, "%.0f", p.p99 / oursSubset.get(k).p99));
        }
        System.out.println("(times in ms; ours over all n queries; 'x' = PostgreSQL p50/p99 / ours on the same "
                + "PostgreSQL subset)");
        System.out.println("typo recall, ours: " + typoReport);
        if (pgTypo != null) {
            System.out.println("typo recall, pg_trgm (same queries, subset): " + pgTypo);
        }
        System.out.println("homophone typo recall, ours: " + homophoneReport);
        if (pgHomophone != null) {
            System.out.println("homophone typo recall, pg_trgm (same queries, subset): " + pgHomophone);
        }
        if (reverseAgreement != null) {
            System.out.println("reverse, ours vs PostGIS (subset): " + reverseAgreement);
        }
        log(t0, "done");
    }

    private static List<Hit> run(GazetteerIndex index, Query q) {
        if (q.kind().equals("reverse")) {
            return index.reverse(q.lon(), q.lat(), REVERSE_RADIUS, 10, SearchFilter.none());
        }
        return index.search(q.text(), 10, SearchFilter.none());
    }

    private static String fmt(Stats s) {
        return String.format(Locale.ROOT, "n=%d p50 %.3f ms, p99 %.3f ms, max %.3f ms", s.n, s.p50, s.p99, s.max);
    }

    // ==================================================================================================== queries

    static Map<String, List<Query>> makeQueries(List<NameEntry> entries, int n, long seed, boolean points) {
        SplittableRandom r = new SplittableRandom(seed);
        int size = entries.size();
        Map<String, List<Query>> sets = new LinkedHashMap<>();
        List<Query> prefix = new ArrayList<>();
        while (prefix.size() < n) {
            NameEntry e = entries.get(r.nextInt(size));
            if (e.name().length() >= 2) {
                prefix.add(new Query("prefix", e.name().substring(0, 2), e.placeId(), e.name(), null, 0, 0));
            }
        }
        sets.put("prefix", prefix);
        List<Query> substring = new ArrayList<>();
        while (substring.size() < n) {
            NameEntry e = entries.get(r.nextInt(size));
            String s = e.name();
            int len = 2 + r.nextInt(2);
            if (s.length() < len + 2) {
                continue;
            }
            int from = 1 + r.nextInt(s.length() - len - 1); // inner: neither the first nor the last character
            substring.add(new Query("substring", s.substring(from, from + len), e.placeId(), s, null, 0, 0));
        }
        sets.put("substring", substring);
        List<Query> pinyin = new ArrayList<>();
        while (pinyin.size() < n) {
            NameEntry e = entries.get(r.nextInt(size));
            String q = pinyin.size() % 2 == 0 ? NameKeys.toneless(e.name()) : NameKeys.tonelessSpaced(e.name());
            if (!q.isBlank() && q.length() <= GazetteerIndex.MAX_QUERY_LENGTH) {
                pinyin.add(new Query("pinyin", q, e.placeId(), e.name(), null, 0, 0));
            }
        }
        sets.put("pinyin", pinyin);
        List<Query> initials = new ArrayList<>();
        while (initials.size() < n) {
            NameEntry e = entries.get(r.nextInt(size));
            String q = NameKeys.initials(e.name());
            if (!q.isBlank()) {
                initials.add(new Query("initials", q, e.placeId(), e.name(), null, 0, 0));
            }
        }
        sets.put("initials", initials);
        List<Query> typo = new ArrayList<>();
        String[] edits = {"substitution", "deletion", "insertion", "transposition"};
        while (typo.size() < n) {
            NameEntry e = entries.get(r.nextInt(size));
            String s = e.name();
            if (s.length() < 2) {
                continue;
            }
            String edit = edits[typo.size() % 4];
            int i = r.nextInt(s.length());
            String q = switch (edit) {
                case "substitution" -> s.substring(0, i) + randomHan(entries, r) + s.substring(i + 1);
                case "deletion" -> s.substring(0, i) + s.substring(i + 1);
                case "insertion" -> s.substring(0, i) + randomHan(entries, r) + s.substring(i);
                default -> {
                    int j = Math.min(i, s.length() - 2);
                    yield s.substring(0, j) + s.charAt(j + 1) + s.charAt(j) + s.substring(j + 2);
                }
            };
            if (q.equals(s) || q.isBlank()) {
                continue;
            }
            typo.add(new Query("typo", q, e.placeId(), s, edit, 0, 0));
        }
        sets.put("typo", typo);
        if (points) {
            List<Query> reverse = new ArrayList<>();
            while (reverse.size() < n) {
                NameEntry e = entries.get(r.nextInt(size));
                if (!e.hasPoint()) {
                    continue;
                }
                GeodesicData g = Geodesic.WGS84.Direct(e.lat(), e.lon(), r.nextDouble() * 360 - 180,
                        r.nextDouble() * 1000);
                reverse.add(new Query("reverse", null, e.placeId(), e.name(), null, g.lon2, g.lat2));
            }
            sets.put("reverse", reverse);
        }
        sets.put("homophone", homophoneTypos(entries, n, seed));
        return sets;
    }

    /**
     * Homophone typos, the commonest slip with a pinyin input method: one Han character of a random name replaced
     * by a different character with the same toneless dictionary reading, drawn from the characters of the data
     * in proportion to how often they occur (as {@link #randomHan} draws). A separate random stream, so the other
     * query sets are the same as without it.
     */
    static List<Query> homophoneTypos(List<NameEntry> entries, int n, long seed) {
        Map<String, Map<Character, Integer>> byReading = new HashMap<>();
        Map<Character, String> readingOf = new HashMap<>();
        for (NameEntry e : entries) {
            String s = e.name();
            for (int i = 0; i < s.length(); i++) {
                char ch = s.charAt(i);
                if (!SearchText.isHan(ch)) {
                    continue;
                }
                String reading = readingOf.computeIfAbsent(ch, k -> NameKeys.toneless(String.valueOf(k)));
                if (!reading.isEmpty()) {
                    byReading.computeIfAbsent(reading, k -> new TreeMap<>()).merge(ch, 1, Integer::sum);
                }
            }
        }
        SplittableRandom r = new SplittableRandom(seed ^ 0x5EEDL);
        List<Query> out = new ArrayList<>(n);
        while (out.size() < n) {
            NameEntry e = entries.get(r.nextInt(entries.size()));
            String s = e.name();
            if (s.length() < 2) {
                continue;
            }
            int i = r.nextInt(s.length());
            char ch = s.charAt(i);
            Map<Character, Integer> same = SearchText.isHan(ch) ? byReading.get(readingOf.get(ch)) : null;
            if (same == null) {
                continue;
            }
            int total = 0;
            for (Map.Entry<Character, Integer> m : same.entrySet()) {
                total += m.getKey() == ch ? 0 : m.getValue();
            }
            if (total == 0) {
                continue;
            }
            int pick = r.nextInt(total);
            char sub = 0;
            for (Map.Entry<Character, Integer> m : same.entrySet()) {
                if (m.getKey() == ch) {
                    continue;
                }
                pick -= m.getValue();
                if (pick < 0) {
                    sub = m.getKey();
                    break;
                }
            }
            out.add(new Query("homophone", s.substring(0, i) + sub + s.substring(i + 1), e.placeId(), s,
                    "homophone", 0, 0));
        }
        return out;
    }

    /** A Han character drawn from the data (a random character of a random name). */
    private static char randomHan(List<NameEntry> entries, SplittableRandom r) {
        while (true) {
            String s = entries.get(r.nextInt(entries.size())).name();
            char c = s.charAt(r.nextInt(s.length()));
            if (SearchText.isHan(c)) {
                return c;
            }
        }
    }

    private static String typoRecall(List<Query> qs, List<List<Hit>> results, Map<String, Long> nameCount) {
        Map<String, int[]> byEdit = new TreeMap<>(); // total, by id, by name
        int total = 0;
        int byId = 0;
        int byName = 0;
        int dupHeavy = 0;
        int dupHeavyById = 0;
        for (int i = 0; i < qs.size(); i++) {
            Query q = qs.get(i);
            boolean id = false;
            boolean name = false;
            for (Hit h : results.get(i)) {
                id |= h.entry().placeId() == q.intendedId();
                name |= h.entry().name().equals(q.intendedName());
            }
            int[] c = byEdit.computeIfAbsent(q.editType(), k -> new int[3]);
            c[0]++;
            c[1] += id ? 1 : 0;
            c[2] += name ? 1 : 0;
            total++;
            byId += id ? 1 : 0;
            byName += name ? 1 : 0;
            if (nameCount.getOrDefault(q.intendedName(), 0L) > 10) {
                dupHeavy++;
                dupHeavyById += id ? 1 : 0;
            }
        }
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT,
                "intended id in top 10: %.1f %%, intended name in top 10: %.1f %% (n=%d)", 100.0 * byId / total,
                100.0 * byName / total, total));
        for (Map.Entry<String, int[]> e : byEdit.entrySet()) {
            int[] c = e.getValue();
            sb.append(String.format(Locale.ROOT, "; %s id %.1f %% name %.1f %%", e.getKey(), 100.0 * c[1] / c[0],
                    100.0 * c[2] / c[0]));
        }
        sb.append(String.format(Locale.ROOT, "; %d queries (%.1f %%) come from a name shared by more than 10 "
                        + "entries (id recall among them %.1f %%; among the others %.1f %%)", dupHeavy,
                100.0 * dupHeavy / total, dupHeavy == 0 ? 0 : 100.0 * dupHeavyById / dupHeavy,
                100.0 * (byId - dupHeavyById) / Math.max(1, total - dupHeavy)));
        return sb.toString();
    }

    /**
     * How ambiguous the typo queries are: a query is ambiguous when more than 10 distinct names lie within one
     * edit of it (any ranking that does not know the intended name then fails on some of them).
     */
    private static String typoAmbiguity(GazetteerIndex index, List<Query> qs, List<List<Hit>> results) {
        int ambiguous = 0;
        int clearByName = 0;
        for (int i = 0; i < qs.size(); i++) {
            Query q = qs.get(i);
            Set<String> near = new HashSet<>();
            for (Hit h : index.search(q.text(), GazetteerIndex.MAX_LIMIT, SearchFilter.none())) {
                if (SearchText.distanceAtMostOne(h.entry().name(), q.text()) <= 1) {
                    near.add(h.entry().name());
                }
            }
            if (near.size() > 10) {
                ambiguous++;
            } else if (results.get(i).stream().anyMatch(h -> h.entry().name().equals(q.intendedName()))) {
                clearByName++;
            }
        }
        return String.format(Locale.ROOT, "%d of %d typo queries (%.1f %%) have more than 10 distinct names within "
                        + "one edit; on the others the intended name is in the top 10 for %.1f %%", ambiguous,
                qs.size(), 100.0 * ambiguous / qs.size(), 100.0 * clearByName / Math.max(1, qs.size() - ambiguous));
    }

    private static String pgTypoRecall(Connection c, List<Query> qs, List<List<Long>> results) throws SQLException {
        int n = results.size();
        int byId = 0;
        int byName = 0;
        try (PreparedStatement ps = c.prepareStatement("SELECT name FROM gaz WHERE id = ?")) {
            for (int i = 0; i < n; i++) {
                Query q = qs.get(i);
                List<Long> ids = results.get(i);
                byId += ids.contains(q.intendedId()) ? 1 : 0;
                boolean name = false;
                for (long id : ids) {
                    ps.setLong(1, id);
                    try (ResultSet rs = ps.executeQuery()) {
                        name |= rs.next() && rs.getString(1).equals(q.intendedName());
                    }
                }
                byName += name ? 1 : 0;
            }
        }
        return String.format(Locale.ROOT, "intended id in top 10: %.1f %%, intended name in top 10: %.1f %% (n=%d)",
                100.0 * byId / n, 100.0 * byName / n, n);
    }

    private static String reverseAgreement(List<List<Hit>> ours, List<List<Long>> pg) {
        int same = 0;
        int n = pg.size();
        int diffs = 0;
        for (int i = 0; i < n; i++) {
            List<Long> o = ours.get(i).stream().map(h -> h.entry().placeId()).toList();
            if (new HashSet<>(o).equals(new HashSet<>(pg.get(i)))) {
                same++;
            } else {
                diffs++;
            }
        }
        return String.format(Locale.ROOT, "%d of %d queries return the same set of places (%d differ; ties at "
                + "equal distance or points within rounding of 2 km can differ)", same, n, diffs);
    }

    // ==================================================================================================== input

    private static void readDivisions(Path file, int level, List<String[]> out) throws IOException {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(file), 1 << 16), StandardCharsets.UTF_8))) {
            String header = in.readLine();
            if (header == null || !header.startsWith("code,name")) {
                throw new IOException("unexpected header in " + file + ": " + header);
            }
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                int comma = line.indexOf(',');
                int q1 = line.indexOf('"', comma);
                int q2 = line.indexOf('"', q1 + 1);
                String name = q1 >= 0 && q2 > q1 ? line.substring(q1 + 1, q2)
                        : line.substring(comma + 1, line.indexOf(',', comma + 1) < 0 ? line.length()
                        : line.indexOf(',', comma + 1));
                if (!name.isBlank()) {
                    out.add(new String[] {line.substring(0, comma), name, Integer.toString(level)});
                }
            }
        }
    }

    /**
     * Streams the county FeatureCollection: each object directly inside the "features" array is cut out of the
     * decompressed byte stream and parsed on its own, so the 210 MB file is never held whole.
     */
    @SuppressWarnings("unchecked")
    static Map<String, Geometry> readCounties(Path file, Set<String> wanted, long t0) throws IOException {
        Map<String, List<Map<String, Object>>> byCode = new TreeMap<>();
        int[] counts = new int[2]; // features, without code
        try (InputStream in = new BufferedInputStream(new GZIPInputStream(Files.newInputStream(file), 1 << 16),
                1 << 16)) {
            streamFeatures(in, bytes -> {
                counts[0]++;
                Map<String, Object> f = (Map<String, Object>) new JsonLite(bytes).parse();
                Map<String, Object> props = (Map<String, Object>) f.get("properties");
                Object adcode = props == null ? null : props.get("adcode");
                Map<String, Object> geom = (Map<String, Object>) f.get("geometry");
                if (adcode == null || adcode.toString().isBlank()) {
                    counts[1]++;
                    return;
                }
                String code = adcode instanceof Double d ? Long.toString(d.longValue()) : adcode.toString();
                if (geom != null && geom.get("coordinates") instanceof List<?> l && !l.isEmpty()
                        && wanted.contains(code)) {
                    byCode.computeIfAbsent(code, k -> new ArrayList<>()).add(geom);
                }
            });
        }
        List<String> codes = new ArrayList<>(byCode.keySet());
        Geometry[] built = new Geometry[codes.size()];
        java.util.stream.IntStream.range(0, codes.size()).parallel().forEach(i -> {
            List<Polygon> parts = new ArrayList<>();
            for (Map<String, Object> g : byCode.get(codes.get(i))) {
                Geometry geometry = toWgs84Geometry(g);
                if (!geometry.isValid()) {
                    geometry = GeometryFixer.fix(geometry);
                }
                for (int k = 0; k < geometry.getNumGeometries(); k++) {
                    if (geometry.getGeometryN(k) instanceof Polygon p && !p.isEmpty()) {
                        parts.add(p);
                    }
                }
            }
            built[i] = parts.size() == 1 ? parts.get(0) : WGS84.createMultiPolygon(parts.toArray(new Polygon[0]));
        });
        Map<String, Geometry> out = new HashMap<>();
        for (int i = 0; i < codes.size(); i++) {
            if (!built[i].isEmpty()) {
                out.put(codes.get(i), built[i]);
            }
        }
        log(t0, "streamed %,d county features (%d without adcode); %,d wanted counties have a polygon", counts[0],
                counts[1], out.size());
        return out;
    }

    /** Calls {@code sink} with the bytes of every object at depth 2 (inside the top-level "features" array). */
    private static void streamFeatures(InputStream in, Consumer<byte[]> sink) throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream(1 << 20);
        int depth = 0;
        boolean inString = false;
        boolean escape = false;
        boolean capturing = false;
        int b;
        while ((b = in.read()) >= 0) {
            if (capturing) {
                buf.write(b);
            }
            if (inString) {
                if (escape) {
                    escape = false;
                } else if (b == '\\') {
                    escape = true;
                } else if (b == '"') {
                    inString = false;
                }
                continue;
            }
            switch (b) {
                case '"' -> inString = true;
                case '{', '[' -> {
                    if (depth == 2 && b == '{') {
                        capturing = true;
                        buf.reset();
                        buf.write(b);
                    }
                    depth++;
                }
                case '}', ']' -> {
                    depth--;
                    if (depth == 2 && capturing) {
                        capturing = false;
                        sink.accept(buf.toByteArray());
                    }
                }
                default -> {
                }
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static Geometry toWgs84Geometry(Map<String, Object> geom) {
        String type = (String) geom.get("type");
        List<Object> coords = (List<Object>) geom.get("coordinates");
        List<Polygon> polygons = new ArrayList<>();
        if ("Polygon".equals(type)) {
            addPolygon(coords, polygons);
        } else if ("MultiPolygon".equals(type)) {
            for (Object p : coords) {
                addPolygon((List<Object>) p, polygons);
            }
        } else {
            throw new IllegalArgumentException("unexpected geometry type " + type);
        }
        return polygons.size() == 1 ? polygons.get(0) : WGS84.createMultiPolygon(polygons.toArray(new Polygon[0]));
    }

    @SuppressWarnings("unchecked")
    private static void addPolygon(List<Object> rings, List<Polygon> out) {
        LinearRing shell = null;
        List<LinearRing> holes = new ArrayList<>();
        for (Object r : rings) {
            LinearRing ring = toRing((List<Object>) r);
            if (ring == null) {
                if (shell == null) {
                    return;
                }
                continue;
            }
            if (shell == null) {
                shell = ring;
            } else {
                holes.add(ring);
            }
        }
        if (shell != null) {
            out.add(WGS84.createPolygon(shell, holes.toArray(new LinearRing[0])));
        }
    }

    private static LinearRing toRing(List<Object> ring) {
        List<Coordinate> cs = new ArrayList<>(ring.size() + 1);
        for (Object v : ring) {
            double[] xy = (double[]) v;
            double[] w = ChinaOffsetDatums.gcj02ToWgs84(xy[0], xy[1]);
            cs.add(new Coordinate(w[0], w[1]));
        }
        if (!cs.isEmpty() && !cs.get(0).equals2D(cs.get(cs.size() - 1))) {
            cs.add(new Coordinate(cs.get(0)));
        }
        return cs.size() < 4 ? null : WGS84.createLinearRing(cs.toArray(new Coordinate[0]));
    }

    /** Every unit of level county or below whose county has a polygon → a point inside it, seeded by its code. */
    static Map<String, double[]> placeUnits(List<String[]> rows, Map<String, Geometry> polygons) {
        Map<String, List<String>> byCounty = new TreeMap<>();
        for (String[] r : rows) {
            if (r[0].length() >= 6 && polygons.containsKey(r[0].substring(0, 6))) {
                byCounty.computeIfAbsent(r[0].substring(0, 6), k -> new ArrayList<>()).add(r[0]);
            }
        }
        Map<String, double[]> out = new java.util.concurrent.ConcurrentHashMap<>();
        byCounty.entrySet().parallelStream().forEach(e -> {
            Geometry g = polygons.get(e.getKey());
            IndexedPointInAreaLocator locator = new IndexedPointInAreaLocator(g);
            for (String code : e.getValue()) {
                out.put(code, pointIn(g, locator, seedOf(code)));
            }
        });
        return out;
    }

    private static double[] pointIn(Geometry g, IndexedPointInAreaLocator locator, long seed) {
        Envelope e = g.getEnvelopeInternal();
        SplittableRandom r = new SplittableRandom(seed);
        Coordinate c = new Coordinate();
        for (int i = 0; i < 100_000; i++) {
            c.x = e.getMinX() + r.nextDouble() * e.getWidth();
            c.y = e.getMinY() + r.nextDouble() * e.getHeight();
            if (locator.locate(c) == Location.INTERIOR) {
                return new double[] {c.x, c.y};
            }
        }
        Coordinate p = g.getInteriorPoint().getCoordinate();
        return new double[] {p.x, p.y};
    }

    // ==================================================================================================== PostgreSQL

    /** C.UTF-8 ctype: pg_trgm then treats Han characters as word characters. */
    private static Connection openBenchDatabase(String url, String user) throws SQLException {
        return BenchSupport.openBenchDatabase(url, user,
                " TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8'");
    }

    private static String pgInfo(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm");
            st.execute("CREATE EXTENSION IF NOT EXISTS postgis");
            try (ResultSet rs = st.executeQuery("SELECT current_setting('server_version'), postgis_lib_version(), "
                    + "(SELECT extversion FROM pg_extension WHERE extname = 'pg_trgm'), "
                    + "current_setting('lc_ctype'), current_setting('shared_buffers'), "
                    + "show_limit()")) {
                rs.next();
                String info = String.format(Locale.ROOT, "PostgreSQL %s, PostGIS %s, pg_trgm %s, lc_ctype %s, "
                                + "shared_buffers %s, similarity_threshold %s", rs.getString(1), rs.getString(2),
                        rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6));
                try (ResultSet t = st.executeQuery("SELECT show_trgm('疏勒县')")) {
                    t.next();
                    if ("{}".equals(t.getString(1))) {
                        info += " (WARNING: pg_trgm extracts no trigrams from Han text under this lc_ctype)";
                    }
                }
                return info;
            }
        }
    }

    private static void loadPostgres(Connection c, List<NameEntry> entries, long t0)
            throws SQLException, IOException {
        c.setAutoCommit(true);
        try (Statement st = c.createStatement()) {
            st.execute("DROP TABLE IF EXISTS gaz");
            st.execute("CREATE TABLE gaz (id bigint PRIMARY KEY, name text NOT NULL, pinyin text NOT NULL, "
                    + "initials text NOT NULL, importance int NOT NULL, geog geography(Point,4326))");
        }
        CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
        copy.copyIn("COPY gaz (id, name, pinyin, initials, importance, geog) FROM STDIN", rows(entries.size(), i -> {
            NameEntry e = entries.get(i);
            String geog = e.hasPoint() ? "SRID=4326;POINT(" + e.lon() + " " + e.lat() + ")" : "\\N";
            return e.placeId() + "\t" + e.name() + "\t" + NameKeys.toneless(e.name()) + "\t"
                    + NameKeys.initials(e.name()) + "\t" + e.importance() + "\t" + geog + "\n";
        }));
        log(t0, "PostgreSQL: copied %,d rows", entries.size());
        try (Statement st = c.createStatement()) {
            st.execute("CREATE INDEX gaz_name_trgm ON gaz USING gin (name gin_trgm_ops)");
            st.execute("CREATE INDEX gaz_pinyin_trgm ON gaz USING gin (pinyin gin_trgm_ops)");
            st.execute("CREATE INDEX gaz_initials_trgm ON gaz USING gin (initials gin_trgm_ops)");
            st.execute("CREATE INDEX gaz_geog_gix ON gaz USING gist (geog)");
            st.execute("VACUUM ANALYZE gaz");
        }
        log(t0, "PostgreSQL: GIN trigram and GiST indexes built, VACUUM ANALYZE done");
    }

    private static String like(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static Stats runPostgres(Connection c, String kind, List<Query> qs, List<List<Long>> results)
            throws SQLException {
        String sql = switch (kind) {
            case "prefix", "substring" -> "SELECT id FROM gaz WHERE name LIKE ? LIMIT 10";
            case "pinyin" -> "SELECT id FROM gaz WHERE pinyin LIKE ? LIMIT 10";
            case "initials" -> "SELECT id FROM gaz WHERE initials LIKE ? LIMIT 10";
            case "typo", "homophone" ->
                    "SELECT id FROM gaz WHERE name % ? ORDER BY similarity(name, ?) DESC LIMIT 10";
            case "reverse" -> "SELECT id FROM gaz WHERE ST_DWithin(geog, ST_SetSRID(ST_MakePoint(?, ?), 4326)"
                    + "::geography, ?) ORDER BY geog <-> ST_SetSRID(ST_MakePoint(?, ?), 4326)::geography LIMIT 10";
            default -> throw new IllegalArgumentException(kind);
        };
        long[] nanos = new long[qs.size()];
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int pass = 0; pass < 2; pass++) {
                results.clear();
                for (int i = 0; i < qs.size(); i++) {
                    Query q = qs.get(i);
                    switch (kind) {
                        case "prefix" -> ps.setString(1, like(q.text()) + "%");
                        case "substring" -> ps.setString(1, "%" + like(q.text()) + "%");
                        case "pinyin", "initials" -> ps.setString(1, like(NameKeys.normalizeLatin(q.text())) + "%");
                        case "typo", "homophone" -> {
                            ps.setString(1, q.text());
                            ps.setString(2, q.text());
                        }
                        default -> {
                            ps.setDouble(1, q.lon());
                            ps.setDouble(2, q.lat());
                            ps.setDouble(3, REVERSE_RADIUS);
                            ps.setDouble(4, q.lon());
                            ps.setDouble(5, q.lat());
                        }
                    }
                    long s = System.nanoTime();
                    List<Long> ids = new ArrayList<>(10);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            ids.add(rs.getLong(1));
                        }
                    }
                    nanos[i] = System.nanoTime() - s;
                    results.add(ids);
                }
            }
        }
        return Stats.of(nanos, nanos.length);
    }

    // ==================================================================================================== utilities

    private static long usedHeapAfterGc() {
        Runtime rt = Runtime.getRuntime();
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 4; i++) {
            System.gc();
            used = Math.min(used, rt.totalMemory() - rt.freeMemory());
        }
        return used;
    }

    // ==================================================================================================== JSON

}
