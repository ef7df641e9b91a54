package org.civatlas.boundaries.bench;

import static org.civatlas.bench.BenchSupport.log;
import static org.civatlas.bench.BenchSupport.openBenchDatabase;
import static org.civatlas.bench.BenchSupport.parseArgs;
import static org.civatlas.bench.BenchSupport.require;
import static org.civatlas.bench.BenchSupport.rows;
import static org.civatlas.bench.BenchSupport.usedHeapAfterGc;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
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
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import java.util.zip.GZIPInputStream;

import net.sf.geographiclib.Geodesic;
import net.sf.geographiclib.GeodesicMask;
import org.civatlas.boundaries.core.Adjacency;
import org.civatlas.boundaries.core.BoundaryLine;
import org.civatlas.boundaries.core.Overlap;
import org.civatlas.boundaries.core.SharedBoundaries;
import org.civatlas.boundaries.core.Unit;
import org.civatlas.spatial.ChinaOffsetDatums;
import org.civatlas.spatial.Geometries;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.util.GeometryFixer;
import org.locationtech.jts.geom.util.LinearComponentExtracter;
import org.locationtech.jts.io.WKBReader;
import org.locationtech.jts.io.WKBWriter;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;
import org.locationtech.jts.operation.valid.IsValidOp;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * National benchmark of {@link SharedBoundaries#derive} against PostGIS, on the 3,253 county polygons of China.
 *
 * <p>Run from the repository root (the national seed file is read from the shared folder, never copied):
 * <pre>
 * mvn -q test-compile exec:java \
 *     -Dexec.mainClass=org.civatlas.boundaries.bench.BoundaryLinesBenchmark \
 *     -Dexec.args="--seed-dir ../shared/gis-seed --pg jdbc:postgresql://127.0.0.1:5432/civatlas_bench"
 * </pre>
 * Options: {@code --seed-dir DIR} (required), {@code --pg JDBC-URL} (user postgres, trust auth; the database is
 * created if missing; {@code --pg none} skips PostGIS), {@code --pg-user USER}, {@code --tolerance DEG} (default
 * 2/1024°, two quantisation steps of the source), {@code --runs N} timed runs after one warm-up (default 3),
 * {@code --pg-runs N} timed runs of the PostGIS query (default 1), {@code --pg-makevalid} to run the ST_MakeValid
 * variant even when the plain query succeeds.
 *
 * <p>Instance: {@code china-counties.geojson.gz}, streamed feature by feature (never held as one 210 MB text),
 * converted vertex by vertex from GCJ-02 to WGS 84 with {@link ChinaOffsetDatums}, invalid polygons kept as they
 * are. Rows without a geometry are skipped; rows without an adcode get the id {@code row-<index>}.
 *
 * <p>PostGIS baseline on the same polygons (COPY as hex WKB into {@code c(id text, geom geometry)}, GiST index,
 * ANALYZE): {@code SELECT a.id, b.id, ST_Intersection(ST_Boundary(a.geom), ST_Boundary(b.geom)) FROM c a JOIN c b
 * ON a.id < b.id AND ST_Touches(a.geom, b.geom)}, all rows fetched. If GEOS throws on the invalid polygons, the same
 * query runs on {@code ST_MakeValid} copies (table {@code c_valid}; the time to make them valid is reported apart).
 * The pairs and the total shared length (same GeographicLib measure on both results) are then compared.
 */
public final class BoundaryLinesBenchmark {

    private BoundaryLinesBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> opt = parseArgs(args);
        Path seedDir = Path.of(require(opt, "seed-dir"));
        String pgUrl = opt.getOrDefault("pg", "none");
        String pgUser = opt.getOrDefault("pg-user", "postgres");
        double tol = Double.parseDouble(opt.getOrDefault("tolerance", String.valueOf(2.0 / 1024)));
        int runs = Integer.parseInt(opt.getOrDefault("runs", "3"));
        int pgRuns = Integer.parseInt(opt.getOrDefault("pg-runs", "1"));
        boolean forceMakeValid = opt.containsKey("pg-makevalid");

        long t0 = System.nanoTime();
        System.out.printf(Locale.ROOT, "JVM %s, %d cores, max heap %d MB%n", System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);

        // ---------------------------------------------------------------- instance
        Instance inst = readCounties(seedDir.resolve("china-counties.geojson.gz"), t0);
        List<Unit> units = inst.units;
        long vertices = units.stream().mapToLong(u -> u.geometry().getNumPoints()).sum();
        AtomicInteger invalid = new AtomicInteger();
        units.parallelStream().forEach(u -> {
            if (!IsValidOp.isValid(u.geometry())) {
                invalid.incrementAndGet();
            }
        });
        log(t0, "instance: %,d units (%d without adcode → row-N, %d rows without geometry skipped), %,d vertices, "
                + "%,d invalid by JTS IsValidOp", units.size(), inst.noCode, inst.noGeometry, vertices, invalid.get());
        long instanceHeap = usedHeapAfterGc();
        log(t0, "heap used with the instance loaded (after GC): %,d MB", instanceHeap >> 20);

        // ---------------------------------------------------------------- ours
        Adjacency ours = null;
        long[] times = new long[runs];
        long allocated = 0;
        ours = SharedBoundaries.derive(units, tol); // warm-up
        log(t0, "warm-up: %,d lines, %,d overlaps", ours.lines().size(), ours.overlaps().size());
        for (int i = 0; i < runs; i++) {
            ours = null;
            usedHeapAfterGc();
            long a0 = allocatedBytes();
            long s = System.nanoTime();
            ours = SharedBoundaries.derive(units, tol);
            times[i] = System.nanoTime() - s;
            allocated = allocatedBytes() - a0;
            log(t0, "run %d: %.0f ms, allocated %,d MB", i + 1, times[i] / 1e6, allocated >> 20);
        }
        Arrays.sort(times);
        double oursMs = times[0] / 1e6;
        double oursMedianMs = times[runs / 2] / 1e6;
        long resultHeap = usedHeapAfterGc() - instanceHeap;
        Adjacency exact = null;
        long exactBest = Long.MAX_VALUE;
        for (int i = 0; i < 2; i++) {
            long s = System.nanoTime();
            exact = SharedBoundaries.derive(units, 0);
            exactBest = Math.min(exactBest, System.nanoTime() - s);
        }
        log(t0, "ours (tolerance %.6f°): best %.0f ms, median %.0f ms, %,d lines, %,d overlaps; exact only (tolerance 0):"
                        + " %.0f ms, %,d lines, %,d overlaps", tol, oursMs, oursMedianMs, ours.lines().size(),
                ours.overlaps().size(), exactBest / 1e6, exact.lines().size(), exact.overlaps().size());

        // ---------------------------------------------------------------- PostGIS
        Map<String, Geometry> pg = null;
        String pgInfo = "skipped";
        String pgVariant = "-";
        double pgMs = Double.NaN;
        double makeValidMs = Double.NaN;
        String plainError = null;
        if (!"none".equals(pgUrl)) {
            try (Connection c = openBenchDatabase(pgUrl, pgUser)) {
                pgInfo = postgisInfo(c);
                log(t0, "PostGIS: %s", pgInfo);
                load(c, units, t0);
                try {
                    double[] ms = new double[1];
                    pg = runPairs(c, "c", pgRuns, ms, t0);
                    pgMs = ms[0];
                    pgVariant = "plain";
                } catch (SQLException e) {
                    plainError = e.getMessage();
                    log(t0, "PostGIS plain query failed: %s", plainError);
                }
                if (pg == null || forceMakeValid) {
                    long s = System.nanoTime();
                    try (Statement st = c.createStatement()) {
                        st.execute("DROP TABLE IF EXISTS c_valid");
                        st.execute("CREATE TABLE c_valid AS SELECT id, ST_MakeValid(geom) AS geom FROM c");
                        st.execute("CREATE INDEX c_valid_gix ON c_valid USING gist (geom)");
                        st.execute("ANALYZE c_valid");
                    }
                    makeValidMs = (System.nanoTime() - s) / 1e6;
                    log(t0, "PostGIS: ST_MakeValid copies in %.0f ms", makeValidMs);
                    double[] ms = new double[1];
                    Map<String, Geometry> valid = runPairs(c, "c_valid", pgRuns, ms, t0);
                    if (pg == null) {
                        pg = valid;
                        pgMs = ms[0];
                        pgVariant = "ST_MakeValid";
                    } else {
                        comparePairs("ST_MakeValid variant vs plain", pg.keySet(), valid.keySet());
                        log(t0, "PostGIS ST_MakeValid variant: %.0f ms (+ %.0f ms to make valid)", ms[0], makeValidMs);
                    }
                }
            }
        }

        // ---------------------------------------------------------------- comparison
        Map<String, BoundaryLine> oursById = new TreeMap<>();
        for (BoundaryLine l : ours.lines()) {
            oursById.put(l.id(), l);
        }
        Map<String, BoundaryLine> exactById = new TreeMap<>();
        for (BoundaryLine l : exact.lines()) {
            exactById.put(l.id(), l);
        }
        Set<String> overlapIds = new HashSet<>();
        for (Overlap o : ours.overlaps()) {
            overlapIds.add(o.codeA() + "-" + o.codeB());
        }
        System.out.println();
        System.out.println("=== Shared boundary lines of China's county-level units ===");
        System.out.printf(Locale.ROOT, "instance: %,d polygons, %,d vertices, %,d invalid (JTS); tolerance %.6f° "
                + "(%.2f × 1/1024°)%n", units.size(), vertices, invalid.get(), tol, tol * 1024);
        System.out.println("PostGIS: " + pgInfo);
        System.out.printf(Locale.ROOT, "%-34s %12s%n", "", "value");
        row("ours: SharedBoundaries.derive best", String.format(Locale.ROOT, "%.0f ms (median %.0f ms, %d runs)",
                oursMs, oursMedianMs, runs));
        row("ours: exact only (tolerance 0)", String.format(Locale.ROOT, "%.0f ms", exactBest / 1e6));
        row("ours: heap", String.format(Locale.ROOT, "instance %,d MB, result retained %,d MB, allocated %,d MB/run",
                instanceHeap >> 20, resultHeap >> 20, allocated >> 20));
        row("PostGIS query (" + pgVariant + ")", Double.isNaN(pgMs) ? "-" : String.format(Locale.ROOT,
                "%.0f ms%s", pgMs, Double.isNaN(makeValidMs) ? "" : String.format(Locale.ROOT,
                        " (+ %.0f ms ST_MakeValid)", makeValidMs)));
        if (plainError != null) {
            row("PostGIS plain query", "ERROR: " + plainError);
        }
        row("ratio PostGIS / ours", Double.isNaN(pgMs) ? "-" : String.format(Locale.ROOT, "%.1fx", pgMs / oursMs));
        row("pairs: ours (lines)", String.format(Locale.ROOT, "%,d (exact only: %,d), overlaps %,d",
                oursById.size(), exactById.size(), ours.overlaps().size()));
        if (pg != null) {
            compare(units, oursById, exactById, overlapIds, pg);
        }
        log(t0, "done");
    }

    private static void row(String k, String v) {
        System.out.printf(Locale.ROOT, "%-34s %s%n", k, v);
    }

    // ==================================================================================================== comparison

    private static void compare(List<Unit> units, Map<String, BoundaryLine> ours, Map<String, BoundaryLine> exact,
                                Set<String> overlapIds, Map<String, Geometry> pg) {
        Map<String, Unit> byCode = new HashMap<>();
        for (Unit u : units) {
            byCode.put(u.code(), u);
        }
        Set<String> both = new HashSet<>(ours.keySet());
        both.retainAll(pg.keySet());
        List<String> onlyOurs = ours.keySet().stream().filter(k -> !pg.containsKey(k)).sorted().toList();
        List<String> onlyPg = pg.keySet().stream().filter(k -> !ours.containsKey(k)).sorted().toList();
        row("pairs: PostGIS (ST_Touches)", String.format(Locale.ROOT, "%,d", pg.size()));
        row("pairs: found by both", String.format(Locale.ROOT, "%,d", both.size()));

        // only ours: overlapping (PostGIS's ST_Touches drops them), or within the tolerance across a gap, or
        // touching while ST_Touches says no (classified on JTS-repaired copies)
        int onlyOursOverlap = 0;
        int onlyOursGap = 0;
        int onlyOursTouch = 0;
        int noiseOverlap = 0;
        List<String> missedOverlap = new ArrayList<>();
        List<String> touchExamples = new ArrayList<>();
        for (String id : onlyOurs) {
            if (overlapIds.contains(id)) {
                onlyOursOverlap++;
                continue;
            }
            BoundaryLine l = ours.get(id);
            Geometry a = fixed(byCode.get(l.codeA()).geometry());
            Geometry b = fixed(byCode.get(l.codeB()).geometry());
            if (!a.intersects(b)) {
                onlyOursGap++;
                continue;
            }
            Geometry inter = OverlayNGRobust.overlay(a, b, OverlayNG.INTERSECTION);
            double m2 = 0;
            for (Object o : org.locationtech.jts.geom.util.PolygonExtracter.getPolygons(inter)) {
                m2 += geodesicArea((Polygon) o);
            }
            if (m2 <= 0) {
                onlyOursTouch++;
                if (touchExamples.size() < 10) {
                    touchExamples.add(id);
                }
            } else if (m2 < 1.0) {
                noiseOverlap++;
            } else {
                missedOverlap.add(String.format(Locale.ROOT, "%s %.0f m²", id, m2));
            }
        }
        row("pairs: only ours", String.format(Locale.ROOT, "%,d = %,d reported as overlaps by us + %,d across a gap "
                        + "narrower than the tolerance + %,d touching (repaired copies) + %,d whose repaired copies "
                        + "overlap by < 1 m² (repair noise) + %,d overlapping >= 1 m² not reported by us",
                onlyOurs.size(), onlyOursOverlap, onlyOursGap, onlyOursTouch, noiseOverlap, missedOverlap.size()));
        if (!touchExamples.isEmpty()) {
            System.out.println("  e.g. touching, ST_Touches false: " + touchExamples);
        }
        if (!missedOverlap.isEmpty()) {
            System.out.println("  overlaps >= 1 m² we do not report (first 20): "
                    + missedOverlap.subList(0, Math.min(20, missedOverlap.size())));
        }
        int overlapsAlsoInPg = (int) overlapIds.stream().filter(pg::containsKey).count();
        row("overlaps also in ST_Touches", String.format(Locale.ROOT, "%,d of %,d overlaps (ST_Touches true "
                + "although the areas overlap: invalid polygons)", overlapsAlsoInPg, overlapIds.size()));

        // only PostGIS: should be point contacts only (no shared line by definition)
        int pointOnly = 0;
        int emptyOnly = 0;
        List<String> onlyPgLines = new ArrayList<>();
        double onlyPgLength = 0;
        for (String id : onlyPg) {
            Geometry g = pg.get(id);
            double len = lineLength(g);
            if (g == null || g.isEmpty()) {
                emptyOnly++;
            } else if (len == 0) {
                pointOnly++;
            } else {
                onlyPgLines.add(String.format(Locale.ROOT, "%s %.1f m", id, len));
                onlyPgLength += len;
            }
        }
        row("pairs: only PostGIS", String.format(Locale.ROOT, "%,d = %,d touching at points only (no shared line) "
                        + "+ %,d empty + %,d with linework (%.1f m in total)", onlyPg.size(), pointOnly, emptyOnly,
                onlyPgLines.size(), onlyPgLength));
        if (!onlyPgLines.isEmpty()) {
            System.out.println("  only PostGIS with linework: " + onlyPgLines.subList(0,
                    Math.min(30, onlyPgLines.size())));
        }

        // lengths for pairs found by both
        double sumOurs = 0;
        double sumExact = 0;
        double sumPg = 0;
        int bothLine = 0;
        double worst = 0;
        String worstId = null;
        for (String id : both) {
            double pgLen = lineLength(pg.get(id));
            sumOurs += ours.get(id).lengthMetres();
            BoundaryLine e = exact.get(id);
            sumExact += e == null ? 0 : e.lengthMetres();
            sumPg += pgLen;
            if (pgLen > 0) {
                bothLine++;
            }
            double d = Math.abs((e == null ? 0 : e.lengthMetres()) - pgLen);
            if (d > worst) {
                worst = d;
                worstId = id;
            }
        }
        row("length, pairs found by both", String.format(Locale.ROOT, "ours %.1f km, PostGIS %.1f km, rel. diff "
                + "%+.4f%%", sumOurs / 1000, sumPg / 1000, 100 * (sumOurs - sumPg) / sumPg));
        row("  ours exact-only lines", String.format(Locale.ROOT, "%.1f km, rel. diff to PostGIS %+.6f%%; largest "
                        + "pair difference %.1f m (%s)", sumExact / 1000, 100 * (sumExact - sumPg) / sumPg, worst,
                worstId));
        row("  pairs with PostGIS linework", String.format(Locale.ROOT, "%,d", bothLine));
    }

    private static void comparePairs(String what, Set<String> a, Set<String> b) {
        Set<String> onlyA = new HashSet<>(a);
        onlyA.removeAll(b);
        Set<String> onlyB = new HashSet<>(b);
        onlyB.removeAll(a);
        System.out.printf(Locale.ROOT, "  %s: %,d vs %,d pairs, %,d only in the first, %,d only in the second%n",
                what, a.size(), b.size(), onlyA.size(), onlyB.size());
    }

    private static double geodesicArea(Polygon p) {
        double a = Math.abs(ringArea(p.getExteriorRing().getCoordinates()));
        for (int h = 0; h < p.getNumInteriorRing(); h++) {
            a -= Math.abs(ringArea(p.getInteriorRingN(h).getCoordinates()));
        }
        return a;
    }

    private static double ringArea(Coordinate[] cs) {
        net.sf.geographiclib.PolygonArea pa = new net.sf.geographiclib.PolygonArea(Geodesic.WGS84, false);
        for (int k = 0; k < cs.length - 1; k++) {
            pa.AddPoint(cs[k].y, cs[k].x);
        }
        return pa.Compute(false, true).area;
    }

    private static Geometry fixed(Geometry g) {
        return IsValidOp.isValid(g) ? g : GeometryFixer.fix(g);
    }

    /** Geodesic length of the linear parts (GeographicLib, the same measure as SharedBoundaries). */
    private static double lineLength(Geometry g) {
        if (g == null) {
            return 0;
        }
        double sum = 0;
        for (Object o : LinearComponentExtracter.getLines(g)) {
            Coordinate[] cs = ((LineString) o).getCoordinates();
            for (int k = 1; k < cs.length; k++) {
                if (!cs[k].equals2D(cs[k - 1])) {
                    sum += Geodesic.WGS84.Inverse(cs[k - 1].y, cs[k - 1].x, cs[k].y, cs[k].x,
                            GeodesicMask.DISTANCE).s12;
                }
            }
        }
        return sum;
    }

    // ==================================================================================================== PostGIS

    private static String postgisInfo(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("CREATE EXTENSION IF NOT EXISTS postgis");
            try (ResultSet rs = st.executeQuery("SELECT current_setting('server_version'), postgis_lib_version(), "
                    + "postgis_geos_version(), current_setting('max_parallel_workers_per_gather'), "
                    + "current_setting('work_mem'), current_setting('jit')")) {
                rs.next();
                return String.format(Locale.ROOT, "PostgreSQL %s, PostGIS %s, GEOS %s, "
                                + "max_parallel_workers_per_gather=%s, work_mem=%s, jit=%s", rs.getString(1),
                        rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6));
            }
        }
    }

    private static void load(Connection c, List<Unit> units, long t0) throws SQLException, IOException {
        c.setAutoCommit(true);
        try (Statement st = c.createStatement()) {
            st.execute("DROP TABLE IF EXISTS c_valid");
            st.execute("DROP TABLE IF EXISTS c");
            st.execute("CREATE TABLE c (id text PRIMARY KEY, geom geometry(Geometry,4326) NOT NULL)");
        }
        CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
        WKBWriter writer = new WKBWriter(2, true); // EWKB with SRID, exact doubles
        long rows = copy.copyIn("COPY c (id, geom) FROM STDIN", rows(units.size(), i -> {
            Unit u = units.get(i);
            return u.code() + "\t" + WKBWriter.toHex(writer.write(u.geometry())) + "\n";
        }));
        try (Statement st = c.createStatement()) {
            st.execute("CREATE INDEX c_gix ON c USING gist (geom)");
            st.execute("VACUUM ANALYZE c");
        }
        log(t0, "PostGIS: copied %,d rows (hex EWKB), GiST index, VACUUM ANALYZE", rows);
        // the same doubles: compare a vertex count and a few coordinates
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT sum(ST_NPoints(geom)) FROM c")) {
            rs.next();
            long n = units.stream().mapToLong(u -> u.geometry().getNumPoints()).sum();
            if (rs.getLong(1) != n) {
                throw new IllegalStateException("vertex count differs in PostGIS: " + rs.getLong(1) + " vs " + n);
            }
        }
    }

    private static Map<String, Geometry> runPairs(Connection c, String table, int runs, double[] bestMs, long t0)
            throws SQLException {
        String sql = "SELECT a.id, b.id, ST_Intersection(ST_Boundary(a.geom), ST_Boundary(b.geom)) FROM " + table
                + " a JOIN " + table + " b ON a.id < b.id AND ST_Touches(a.geom, b.geom)";
        try (Statement st = c.createStatement()) {
            StringBuilder plan = new StringBuilder();
            try (ResultSet rs = st.executeQuery("EXPLAIN " + sql)) {
                while (rs.next()) {
                    plan.append("    ").append(rs.getString(1)).append('\n');
                }
            }
            System.out.print("  plan:\n" + plan);
        }
        Map<String, Geometry> out = null;
        long best = Long.MAX_VALUE;
        WKBReader reader = new WKBReader(Geometries.WGS84);
        for (int r = 0; r < runs; r++) {
            Map<String, String> raw = new LinkedHashMap<>();
            long s = System.nanoTime();
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
                while (rs.next()) {
                    String a = rs.getString(1);
                    String b = rs.getString(2);
                    raw.put(a + "-" + b, rs.getString(3));
                }
            }
            long t = System.nanoTime() - s;
            best = Math.min(best, t);
            log(t0, "PostGIS %s: %,d touching pairs in %.0f ms", table, raw.size(), t / 1e6);
            out = new HashMap<>();
            for (Map.Entry<String, String> e : raw.entrySet()) {
                try {
                    out.put(e.getKey(), e.getValue() == null ? null : reader.read(WKBReader.hexToBytes(e.getValue())));
                } catch (org.locationtech.jts.io.ParseException ex) {
                    throw new IllegalStateException(ex);
                }
            }
        }
        bestMs[0] = best / 1e6;
        return out;
    }

    // ==================================================================================================== instance

    record Instance(List<Unit> units, int noCode, int noGeometry) {
    }

    /** A feature as read: id, name and the raw GCJ-02 polygons (polygon → rings → flat lon/lat arrays). */
    private record RawFeature(String id, String name, List<List<double[]>> polygons) {
    }

    static Instance readCounties(Path file, long t0) throws IOException {
        List<RawFeature> raw = new ArrayList<>();
        int[] counts = new int[2];
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file), 1 << 16)) {
            StreamingJson json = new StreamingJson(new BufferedInputStream(in, 1 << 16));
            json.forEachFeature(f -> {
                int row = raw.size() + counts[1];
                @SuppressWarnings("unchecked")
                Map<String, Object> props = (Map<String, Object>) f.get("properties");
                Object adcode = props == null ? null : props.get("adcode");
                Object name = props == null ? null : props.get("name");
                String id;
                if (adcode == null || adcode.toString().isBlank()) {
                    counts[0]++;
                    id = "row-" + row;
                } else {
                    id = adcode.toString();
                }
                @SuppressWarnings("unchecked")
                Map<String, Object> geom = (Map<String, Object>) f.get("geometry");
                List<List<double[]>> polys = geom == null ? List.of() : polygons(geom);
                if (polys.isEmpty()) {
                    counts[1]++;
                    return;
                }
                raw.add(new RawFeature(id, name == null ? id : name.toString(), polys));
            });
        }
        log(t0, "streamed %,d features", raw.size() + counts[1]);
        Unit[] units = new Unit[raw.size()];
        IntStream.range(0, raw.size()).parallel().forEach(i -> {
            RawFeature f = raw.get(i);
            List<Polygon> polys = new ArrayList<>();
            for (List<double[]> rings : f.polygons()) {
                LinearRing shell = null;
                List<LinearRing> holes = new ArrayList<>();
                for (double[] r : rings) {
                    LinearRing ring = toRing(r);
                    if (ring == null) {
                        if (shell == null) {
                            break;
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
                    polys.add(Geometries.WGS84.createPolygon(shell, holes.toArray(new LinearRing[0])));
                }
            }
            Geometry g = polys.size() == 1 ? polys.get(0)
                    : Geometries.WGS84.createMultiPolygon(polys.toArray(new Polygon[0]));
            units[i] = new Unit(f.id(), f.name(), g);
        });
        List<Unit> out = new ArrayList<>();
        for (Unit u : units) {
            if (!u.geometry().isEmpty()) {
                out.add(u);
            }
        }
        return new Instance(out, counts[0], counts[1] + units.length - out.size());
    }

    @SuppressWarnings("unchecked")
    private static List<List<double[]>> polygons(Map<String, Object> geom) {
        String type = (String) geom.get("type");
        Object coords = geom.get("coordinates");
        List<List<double[]>> out = new ArrayList<>();
        if ("Polygon".equals(type)) {
            out.add(rings((List<Object>) coords));
        } else if ("MultiPolygon".equals(type)) {
            for (Object p : (List<Object>) coords) {
                out.add(rings((List<Object>) p));
            }
        }
        out.removeIf(List::isEmpty);
        return out;
    }

    @SuppressWarnings("unchecked")
    private static List<double[]> rings(List<Object> rings) {
        List<double[]> out = new ArrayList<>();
        for (Object r : rings) {
            if (!(r instanceof List<?> vertices)) {
                continue;
            }
            double[] flat = new double[vertices.size() * 2];
            int k = 0;
            for (Object v : vertices) {
                double[] xy = (double[]) v;
                flat[k++] = xy[0];
                flat[k++] = xy[1];
            }
            out.add(flat);
        }
        return out;
    }

    /** A GCJ-02 ring → WGS 84 linear ring (closed if needed); null if fewer than 4 vertices. */
    private static LinearRing toRing(double[] flat) {
        int n = flat.length / 2;
        List<Coordinate> cs = new ArrayList<>(n + 1);
        for (int k = 0; k < n; k++) {
            double[] w = ChinaOffsetDatums.gcj02ToWgs84(flat[2 * k], flat[2 * k + 1]);
            cs.add(new Coordinate(w[0], w[1]));
        }
        if (!cs.isEmpty() && !cs.get(0).equals2D(cs.get(cs.size() - 1))) {
            cs.add(new Coordinate(cs.get(0)));
        }
        if (cs.size() < 4) {
            return null;
        }
        return Geometries.WGS84.createLinearRing(cs.toArray(new Coordinate[0]));
    }

    // ==================================================================================================== utilities

    /** Bytes allocated so far by all live threads (HotSpot extension), 0 if unsupported. */
    private static long allocatedBytes() {
        if (ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean t
                && t.isThreadAllocatedMemorySupported()) {
            long sum = 0;
            for (long v : t.getThreadAllocatedBytes(t.getAllThreadIds())) {
                sum += Math.max(0, v);
            }
            return sum;
        }
        return 0;
    }

    // ==================================================================================================== JSON

    /**
     * A minimal streaming JSON reader for the 210 MB county file: it walks the top-level object to the
     * {@code features} array and hands over one feature at a time (objects → LinkedHashMap, arrays of numbers →
     * double[], other arrays → ArrayList, numbers → Double), so only one feature is in memory as parsed JSON.
     */
    static final class StreamingJson {
        private static final double[] POW10 = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12,
                1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};
        private final InputStream in;
        private final byte[] buf = new byte[1 << 16];
        private int len;
        private int pos;
        private long consumed;
        private double[] nums = new double[8];
        private final StringBuilder sb = new StringBuilder();
        private final java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();

        StreamingJson(InputStream in) {
            this.in = in;
        }

        void forEachFeature(java.util.function.Consumer<Map<String, Object>> consumer) throws IOException {
            ws();
            expect('{');
            while (true) {
                ws();
                if (peek() == '}') {
                    next();
                    return;
                }
                String key = string();
                ws();
                expect(':');
                ws();
                if ("features".equals(key)) {
                    expect('[');
                    ws();
                    if (peek() == ']') {
                        next();
                    } else {
                        while (true) {
                            @SuppressWarnings("unchecked")
                            Map<String, Object> f = (Map<String, Object>) value();
                            consumer.accept(f);
                            ws();
                            int c = next();
                            if (c == ']') {
                                break;
                            }
                            if (c != ',') {
                                throw error("expected , or ] in features");
                            }
                            ws();
                        }
                    }
                } else {
                    value();
                }
                ws();
                int c = next();
                if (c == '}') {
                    return;
                }
                if (c != ',') {
                    throw error("expected , or }");
                }
            }
        }

        private int peek() throws IOException {
            if (pos == len) {
                consumed += len;
                len = in.read(buf, 0, buf.length);
                pos = 0;
                if (len <= 0) {
                    len = 0;
                    return -1;
                }
            }
            return buf[pos] & 0xFF;
        }

        private int next() throws IOException {
            int c = peek();
            if (c < 0) {
                throw error("unexpected end");
            }
            pos++;
            return c;
        }

        private void expect(char c) throws IOException {
            if (next() != c) {
                throw error("expected " + c);
            }
        }

        private IOException error(String m) {
            return new IOException(m + " at byte " + (consumed + pos));
        }

        private void ws() throws IOException {
            while (true) {
                int c = peek();
                if (c == ' ' || c == '\n' || c == '\r' || c == '\t') {
                    pos++;
                } else {
                    return;
                }
            }
        }

        private Object value() throws IOException {
            ws();
            int c = peek();
            switch (c) {
                case '{':
                    return object();
                case '[':
                    return array();
                case '"':
                    return string();
                case 't':
                    return literal("true", Boolean.TRUE);
                case 'f':
                    return literal("false", Boolean.FALSE);
                case 'n':
                    return literal("null", null);
                default:
                    return number();
            }
        }

        private Object literal(String text, Object v) throws IOException {
            for (int k = 0; k < text.length(); k++) {
                if (next() != text.charAt(k)) {
                    throw error("bad literal");
                }
            }
            return v;
        }

        private Map<String, Object> object() throws IOException {
            expect('{');
            Map<String, Object> m = new LinkedHashMap<>();
            ws();
            if (peek() == '}') {
                next();
                return m;
            }
            while (true) {
                ws();
                String k = string();
                ws();
                expect(':');
                m.put(k, value());
                ws();
                int c = next();
                if (c == '}') {
                    return m;
                }
                if (c != ',') {
                    throw error("expected , or }");
                }
            }
        }

        private Object array() throws IOException {
            expect('[');
            ws();
            if (peek() == ']') {
                next();
                return new ArrayList<>();
            }
            int c0 = peek();
            if (c0 == '-' || (c0 >= '0' && c0 <= '9')) {
                int n = 0;
                while (true) {
                    ws();
                    if (n == nums.length) {
                        nums = Arrays.copyOf(nums, n * 2);
                    }
                    nums[n++] = number();
                    ws();
                    int c = next();
                    if (c == ']') {
                        return Arrays.copyOf(nums, n);
                    }
                    if (c != ',') {
                        throw error("expected , or ] in number array");
                    }
                }
            }
            List<Object> l = new ArrayList<>();
            while (true) {
                l.add(value());
                ws();
                int c = next();
                if (c == ']') {
                    return l;
                }
                if (c != ',') {
                    throw error("expected , or ]");
                }
            }
        }

        private String string() throws IOException {
            expect('"');
            bytes.reset();
            boolean escaped = false;
            while (true) {
                int c = next();
                if (c == '"') {
                    break;
                }
                if (c == '\\') {
                    escaped = true;
                    bytes.write(c);
                    c = next();
                }
                bytes.write(c);
            }
            String raw = bytes.toString(StandardCharsets.UTF_8);
            return escaped ? unescape(raw) : raw;
        }

        private String unescape(String s) {
            sb.setLength(0);
            for (int k = 0; k < s.length(); k++) {
                char c = s.charAt(k);
                if (c != '\\') {
                    sb.append(c);
                    continue;
                }
                char e = s.charAt(++k);
                switch (e) {
                    case 'n' -> sb.append('\n');
                    case 't' -> sb.append('\t');
                    case 'r' -> sb.append('\r');
                    case 'b' -> sb.append('\b');
                    case 'f' -> sb.append('\f');
                    case 'u' -> {
                        sb.append((char) Integer.parseInt(s.substring(k + 1, k + 5), 16));
                        k += 4;
                    }
                    default -> sb.append(e);
                }
            }
            return sb.toString();
        }

        /** Clinger's fast path (exact for up to 15 significant digits and 22 decimals), else Double.parseDouble. */
        private double number() throws IOException {
            sb.setLength(0);
            boolean neg = false;
            if (peek() == '-') {
                neg = true;
                sb.append((char) next());
            }
            long mant = 0;
            int digits = 0;
            int decimals = 0;
            boolean simple = true;
            int c = peek();
            while (c >= '0' && c <= '9') {
                mant = mant * 10 + (c - '0');
                digits++;
                sb.append((char) next());
                c = peek();
            }
            if (c == '.') {
                sb.append((char) next());
                c = peek();
                while (c >= '0' && c <= '9') {
                    mant = mant * 10 + (c - '0');
                    digits++;
                    decimals++;
                    sb.append((char) next());
                    c = peek();
                }
            }
            if (c == 'e' || c == 'E') {
                simple = false;
                sb.append((char) next());
                c = peek();
                if (c == '+' || c == '-') {
                    sb.append((char) next());
                    c = peek();
                }
                while (c >= '0' && c <= '9') {
                    sb.append((char) next());
                    c = peek();
                }
            }
            if (digits == 0) {
                throw error("bad number");
            }
            if (simple && digits <= 15 && decimals <= 22) {
                double v = decimals == 0 ? (double) mant : mant / POW10[decimals];
                return neg ? -v : v;
            }
            return Double.parseDouble(sb.toString());
        }
    }
}
