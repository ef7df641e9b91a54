package org.civatlas.coverage.bench;

import static org.civatlas.bench.BenchSupport.log;
import static org.civatlas.bench.BenchSupport.openBenchDatabase;
import static org.civatlas.bench.BenchSupport.parseArgs;
import static org.civatlas.bench.BenchSupport.require;
import static org.civatlas.bench.BenchSupport.rows;
import static org.civatlas.bench.BenchSupport.seedOf;
import static org.civatlas.bench.BenchSupport.usedHeapAfterGc;

import org.civatlas.bench.JsonLite;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.stream.IntStream;
import java.util.zip.GZIPInputStream;

import net.sf.geographiclib.Geodesic;
import net.sf.geographiclib.GeodesicMask;
import org.civatlas.coverage.core.DemandPoint;
import org.civatlas.coverage.core.DistanceCoverage;
import org.civatlas.coverage.core.SupplyPoint;
import org.civatlas.spatial.ChinaOffsetDatums;
import org.civatlas.spatial.Geometries;
import org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Location;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.util.GeometryFixer;
import org.locationtech.jts.index.strtree.STRtree;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * National-scale benchmark of {@link DistanceCoverage#covered} against PostGIS.
 *
 * <p>Run from the repository root (the national seed files are read from the shared folder, never copied):
 * <pre>
 * mvn -q test-compile exec:java \
 *     -Dexec.mainClass=org.civatlas.coverage.bench.NationalCoverageBenchmark \
 *     -Dexec.args="--seed-dir ../shared/gis-seed --pg jdbc:postgresql://127.0.0.1:5432/civatlas_bench"
 * </pre>
 * Options: {@code --seed-dir DIR} (required), {@code --pg JDBC-URL} (user postgres, trust auth; omit or
 * {@code --pg none} to skip PostGIS), {@code --pg-user USER}, {@code --supply N} (default 300000),
 * {@code --runs N} timed runs of our core per distance (default 7), {@code --pg-runs N} timed PostGIS runs per distance (default 3),
 * {@code --no-strtree} to skip the single-thread STRtree reference.
 *
 * <p>Instance (deterministic, synthetic facilities):
 * <ul>
 *   <li>County polygons from {@code china-counties.geojson.gz} (GCJ-02 → WGS 84 with {@link ChinaOffsetDatums},
 *       invalid ones repaired with JTS {@link GeometryFixer}; rows without adcode or geometry are skipped; several
 *       rows with one adcode are merged).</li>
 *   <li>Demand: every village of {@code china-divisions-villages.csv.gz} whose county (first 6 digits of its code)
 *       has a polygon, at a point drawn by rejection sampling in the county's envelope, seeded from the code.</li>
 *   <li>Supply: {@code --supply} synthetic facilities, spread over those counties in proportion to their village
 *       counts (largest remainder), each placed the same way, seeded from its id.</li>
 * </ul>
 * The PostGIS baseline loads the same points (COPY) into {@code demand}/{@code supply} tables of
 * {@code geography(Point,4326)} with GiST indexes, and times
 * {@code SELECT count(*) FROM demand d WHERE EXISTS (SELECT 1 FROM supply s WHERE ST_DWithin(d.geog, s.geog, d))}
 * under the server's default plan, then fetches the covered ids and compares them with ours.
 */
public final class NationalCoverageBenchmark {

    private static final double[] DISTANCES = {1000, 5000};
    private static final String SHULE = "653122";

    private NationalCoverageBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> opt = parseArgs(args);
        Path seedDir = Path.of(require(opt, "seed-dir"));
        String pgUrl = opt.getOrDefault("pg", "none");
        String pgUser = opt.getOrDefault("pg-user", "postgres");
        int supplyCount = Integer.parseInt(opt.getOrDefault("supply", "300000"));
        int runs = Integer.parseInt(opt.getOrDefault("runs", "7"));
        int pgRuns = Integer.parseInt(opt.getOrDefault("pg-runs", "3"));
        boolean strtree = !opt.containsKey("no-strtree");

        long t0 = System.nanoTime();
        System.out.printf(Locale.ROOT, "JVM %s, %d cores, max heap %d MB%n", System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);

        // ---------------------------------------------------------------- instance
        List<String> villages = readVillageCodes(seedDir.resolve("china-divisions-villages.csv.gz"));
        Map<String, Integer> villagesPerCounty = new TreeMap<>();
        for (String code : villages) {
            villagesPerCounty.merge(code.substring(0, 6), 1, Integer::sum);
        }
        log(t0, "read %,d village codes in %,d counties", villages.size(), villagesPerCounty.size());

        Map<String, County> counties = readCounties(seedDir.resolve("china-counties.geojson.gz"),
                villagesPerCounty.keySet(), t0);

        List<DemandPoint> demand = placeDemand(villages, counties);
        log(t0, "placed %,d demand points (villages whose county has a polygon)", demand.size());
        List<SupplyPoint> supply = placeSupply(counties, villagesPerCounty, supplyCount);
        log(t0, "placed %,d synthetic supply points", supply.size());
        long instanceHeap = usedHeapAfterGc();
        log(t0, "heap used with the instance loaded: %,d MB", instanceHeap >> 20);

        // ---------------------------------------------------------------- our core
        Map<Double, Result> results = new LinkedHashMap<>();
        for (double d : DISTANCES) {
            Result r = new Result(d);
            results.put(d, r);
            for (int i = 0; i < 3; i++) {
                r.ours = DistanceCoverage.covered(demand, supply, d); // warm-up
            }
            long[] times = new long[runs];
            for (int i = 0; i < runs; i++) {
                long alloc0 = allocatedBytes();
                long s = System.nanoTime();
                BitSet b = DistanceCoverage.covered(demand, supply, d);
                times[i] = System.nanoTime() - s;
                r.allocated = allocatedBytes() - alloc0;
                if (!b.equals(r.ours)) {
                    throw new IllegalStateException("non-deterministic result at d=" + d);
                }
            }
            Arrays.sort(times);
            r.oursBestMs = times[0] / 1e6;
            r.oursMedianMs = times[runs / 2] / 1e6;
            log(t0, "core d=%.0f m: covered %,d / %,d, best %.1f ms, median %.1f ms, allocated %,d MB/run",
                    d, r.ours.cardinality(), demand.size(), r.oursBestMs, r.oursMedianMs, r.allocated >> 20);
            if (strtree) {
                long best = Long.MAX_VALUE;
                BitSet ref = null;
                for (int i = 0; i < 2; i++) {
                    long s = System.nanoTime();
                    ref = strTreeSingleThread(demand, supply, d);
                    best = Math.min(best, System.nanoTime() - s);
                }
                r.strtreeMs = best / 1e6;
                r.strtreeEqual = ref.equals(r.ours);
                log(t0, "single-thread STRtree reference d=%.0f m: %.1f ms, same set: %s", d, r.strtreeMs,
                        r.strtreeEqual);
            }
        }

        // ---------------------------------------------------------------- county recompute
        County shule = counties.get(SHULE);
        List<DemandPoint> shuleDemand = demand.stream().filter(p -> p.code().startsWith(SHULE)).toList();
        IndexedPointInAreaLocator shuleLocator = new IndexedPointInAreaLocator(shule.geometry);
        List<SupplyPoint> shuleSupply = supply.stream()
                .filter(s -> shuleLocator.locate(new Coordinate(s.lon(), s.lat())) != Location.EXTERIOR).toList();
        Map<Double, double[]> shuleTimes = new LinkedHashMap<>();
        for (double d : DISTANCES) {
            for (int i = 0; i < 2000; i++) {
                DistanceCoverage.covered(shuleDemand, shuleSupply, d);
            }
            long[] times = new long[500];
            int covered = 0;
            for (int i = 0; i < times.length; i++) {
                long s = System.nanoTime();
                covered = DistanceCoverage.covered(shuleDemand, shuleSupply, d).cardinality();
                times[i] = System.nanoTime() - s;
            }
            Arrays.sort(times);
            shuleTimes.put(d, new double[] {times[0] / 1e6, times[times.length / 2] / 1e6,
                    times[times.length * 99 / 100] / 1e6, covered});
        }
        log(t0, "Shule: %d villages, %d facilities inside the county polygon", shuleDemand.size(), shuleSupply.size());

        // ---------------------------------------------------------------- PostGIS
        String pgInfo = "skipped";
        if (!"none".equals(pgUrl)) {
            try (Connection c = openBenchDatabase(pgUrl, pgUser)) {
                pgInfo = postgisInfo(c);
                log(t0, "PostGIS: %s", pgInfo);
                loadPostgis(c, demand, supply, t0);
                for (Result r : results.values()) {
                    runPostgis(c, r, pgRuns, t0);
                    explainDifferences(c, r, demand, supply);
                }
            }
        }

        // ---------------------------------------------------------------- table
        System.out.println();
        System.out.println("=== National distance coverage: " + String.format(Locale.ROOT,
                "%,d demand points (villages), %,d synthetic facilities, %d cores ===",
                demand.size(), supply.size(), Runtime.getRuntime().availableProcessors()));
        System.out.println("PostGIS: " + pgInfo);
        System.out.printf(Locale.ROOT, "%-7s %9s %10s %10s %11s %12s %7s %9s %9s %10s %s%n", "d", "covered",
                "ours best", "ours med", "STRtree 1T", "PostGIS best", "ratio", "ratio med", "PG ids", "PG cov",
                "set difference");
        for (Result r : results.values()) {
            System.out.printf(Locale.ROOT, "%-7s %,9d %8.1fms %8.1fms %11s %12s %7s %9s %9s %,10d %s%n",
                    String.format(Locale.ROOT, "%.0f m", r.d), r.ours.cardinality(), r.oursBestMs, r.oursMedianMs,
                    Double.isNaN(r.strtreeMs) ? "-" : String.format(Locale.ROOT, "%.0fms", r.strtreeMs),
                    Double.isNaN(r.pgCountMs) ? "-" : String.format(Locale.ROOT, "%.0fms", r.pgCountMs),
                    Double.isNaN(r.pgCountMs) ? "-" : String.format(Locale.ROOT, "%.1fx", r.pgCountMs / r.oursBestMs),
                    Double.isNaN(r.pgCountMs) ? "-" : String.format(Locale.ROOT, "%.1fx",
                            r.pgCountMs / r.oursMedianMs),
                    Double.isNaN(r.pgIdsMs) ? "-" : String.format(Locale.ROOT, "%.0fms", r.pgIdsMs),
                    r.pgCount, r.diffSummary);
        }
        System.out.printf(Locale.ROOT, "ratio = PostGIS count(*) best wall time / our best (ratio med: / our median) wall time; "
                + "ours includes building the index from the point lists; STRtree 1T = plain single-thread JTS STRtree "
                + "+ GeographicLib reference%n");
        System.out.printf(Locale.ROOT, "heap used with the instance loaded (after GC): %,d MB; our allocation per run: %s%n",
                instanceHeap >> 20, results.values().stream()
                        .map(r -> String.format(Locale.ROOT, "%.0f m: %,d MB", r.d, r.allocated >> 20)).toList());
        for (Map.Entry<Double, double[]> e : shuleTimes.entrySet()) {
            double[] v = e.getValue();
            System.out.printf(Locale.ROOT,
                    "county recompute (Shule %s: %d villages, %d facilities) d=%.0f m: covered %d, best %.3f ms, "
                            + "median %.3f ms, p99 %.3f ms%n",
                    SHULE, shuleDemand.size(), shuleSupply.size(), e.getKey(), (int) v[3], v[0], v[1], v[2]);
        }
        log(t0, "done");
    }

    // ==================================================================================================== results

    private static final class Result {
        final double d;
        BitSet ours;
        double oursBestMs;
        double oursMedianMs;
        long allocated;
        double strtreeMs = Double.NaN;
        boolean strtreeEqual;
        double pgCountMs = Double.NaN;
        double pgIdsMs = Double.NaN;
        long pgCount = -1;
        BitSet pg;
        String diffSummary = "-";

        Result(double d) {
            this.d = d;
        }
    }

    // ==================================================================================================== instance

    record County(String adcode, Geometry geometry) {
    }

    static List<String> readVillageCodes(Path file) throws IOException {
        List<String> codes = new ArrayList<>(640_000);
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(file), 1 << 16), StandardCharsets.UTF_8))) {
            String header = in.readLine();
            if (header == null || !header.startsWith("code,")) {
                throw new IOException("unexpected header in " + file + ": " + header);
            }
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                int comma = line.indexOf(',');
                String code = comma < 0 ? line : line.substring(0, comma);
                if (code.length() == 12) {
                    codes.add(code);
                }
            }
        }
        codes.sort(null);
        return codes;
    }

    @SuppressWarnings("unchecked")
    static Map<String, County> readCounties(Path file, java.util.Set<String> wanted, long t0)
            throws IOException {
        byte[] json;
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file), 1 << 16)) {
            json = in.readAllBytes();
        }
        Map<String, Object> fc = (Map<String, Object>) new JsonLite(json).parse();
        json = null;
        List<Object> features = (List<Object>) fc.get("features");
        int noCode = 0;
        int noGeometry = 0;
        Map<String, List<Map<String, Object>>> byCode = new TreeMap<>();
        for (Object o : features) {
            Map<String, Object> f = (Map<String, Object>) o;
            Map<String, Object> props = (Map<String, Object>) f.get("properties");
            Object adcode = props == null ? null : props.get("adcode");
            Map<String, Object> geom = (Map<String, Object>) f.get("geometry");
            boolean hasGeometry = geom != null && geom.get("coordinates") instanceof List<?> l && !l.isEmpty();
            if (!hasGeometry) {
                noGeometry++;
            }
            if (adcode == null || adcode.toString().isBlank()) {
                noCode++;
                continue;
            }
            if (hasGeometry && wanted.contains(adcode.toString())) {
                byCode.computeIfAbsent(adcode.toString(), k -> new ArrayList<>()).add(geom);
            }
        }
        int[] invalid = new int[1];
        List<String> codes = new ArrayList<>(byCode.keySet());
        Geometry[] built = new Geometry[codes.size()];
        IntStream.range(0, codes.size()).parallel().forEach(i -> {
            List<Polygon> parts = new ArrayList<>();
            for (Map<String, Object> g : byCode.get(codes.get(i))) {
                Geometry geometry = toWgs84Geometry(g);
                if (!geometry.isValid()) {
                    synchronized (invalid) {
                        invalid[0]++;
                    }
                    geometry = GeometryFixer.fix(geometry);
                }
                for (int k = 0; k < geometry.getNumGeometries(); k++) {
                    if (geometry.getGeometryN(k) instanceof Polygon p && !p.isEmpty()) {
                        parts.add(p);
                    }
                }
            }
            built[i] = parts.size() == 1 ? parts.get(0)
                    : Geometries.WGS84.createMultiPolygon(parts.toArray(new Polygon[0]));
        });
        Map<String, County> out = new TreeMap<>();
        for (int i = 0; i < codes.size(); i++) {
            if (!built[i].isEmpty()) {
                out.put(codes.get(i), new County(codes.get(i), built[i]));
            }
        }
        log(t0, "read %,d county features (%d without adcode, %d without geometry); %,d counties with villages "
                        + "have a polygon, %,d invalid geometries repaired with GeometryFixer",
                features.size(), noCode, noGeometry, out.size(), invalid[0]);
        return out;
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
        return polygons.size() == 1 ? polygons.get(0)
                : Geometries.WGS84.createMultiPolygon(polygons.toArray(new Polygon[0]));
    }

    @SuppressWarnings("unchecked")
    private static void addPolygon(List<Object> rings, List<Polygon> out) {
        LinearRing shell = null;
        List<LinearRing> holes = new ArrayList<>();
        for (Object r : rings) {
            LinearRing ring = toRing((List<Object>) r);
            if (ring == null) {
                if (shell == null) {
                    return; // degenerate shell: drop the polygon
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
            out.add(Geometries.WGS84.createPolygon(shell, holes.toArray(new LinearRing[0])));
        }
    }

    /** A GCJ-02 ring → WGS 84 linear ring (closed if needed); null if fewer than 3 distinct vertices. */
    private static LinearRing toRing(List<Object> ring) {
        List<Coordinate> cs = new ArrayList<>(ring.size() + 1);
        for (Object v : ring) {
            double[] xy = (double[]) v;
            double[] w = ChinaOffsetDatums.gcj02ToWgs84(xy[0], xy[1]);
            cs.add(new Coordinate(w[0], w[1]));
        }
        if (cs.size() > 0 && !cs.get(0).equals2D(cs.get(cs.size() - 1))) {
            cs.add(new Coordinate(cs.get(0)));
        }
        if (cs.size() < 4) {
            return null;
        }
        return Geometries.WGS84.createLinearRing(cs.toArray(new Coordinate[0]));
    }

    /** Seeded rejection sampling of a point in the county's polygon. */
    private static double[] pointIn(County county, IndexedPointInAreaLocator locator, long seed) {
        Envelope e = county.geometry.getEnvelopeInternal();
        SplittableRandom r = new SplittableRandom(seed);
        Coordinate c = new Coordinate();
        for (int i = 0; i < 100_000; i++) {
            c.x = e.getMinX() + r.nextDouble() * e.getWidth();
            c.y = e.getMinY() + r.nextDouble() * e.getHeight();
            if (locator.locate(c) == Location.INTERIOR) {
                return new double[] {c.x, c.y};
            }
        }
        Coordinate p = county.geometry.getInteriorPoint().getCoordinate();
        return new double[] {p.x, p.y};
    }

    static List<DemandPoint> placeDemand(List<String> villages, Map<String, County> counties) {
        // group by county (villages are sorted by code, so groups are contiguous) and place county by county
        List<int[]> groups = new ArrayList<>();
        int from = 0;
        for (int i = 1; i <= villages.size(); i++) {
            if (i == villages.size() || !villages.get(i).startsWith(villages.get(from).substring(0, 6))) {
                groups.add(new int[] {from, i});
                from = i;
            }
        }
        DemandPoint[] placed = new DemandPoint[villages.size()];
        groups.parallelStream().forEach(g -> {
            County county = counties.get(villages.get(g[0]).substring(0, 6));
            if (county == null) {
                return;
            }
            IndexedPointInAreaLocator locator = new IndexedPointInAreaLocator(county.geometry);
            for (int i = g[0]; i < g[1]; i++) {
                String code = villages.get(i);
                double[] p = pointIn(county, locator, seedOf(code));
                placed[i] = new DemandPoint(code, p[0], p[1], 1.0);
            }
        });
        List<DemandPoint> out = new ArrayList<>(placed.length);
        for (DemandPoint p : placed) {
            if (p != null) {
                out.add(p);
            }
        }
        return out;
    }

    static List<SupplyPoint> placeSupply(Map<String, County> counties, Map<String, Integer> villagesPerCounty,
                                                 int total) {
        List<String> codes = new ArrayList<>(counties.keySet()); // sorted (TreeMap)
        long villageTotal = codes.stream().mapToLong(villagesPerCounty::get).sum();
        int[] quota = new int[codes.size()];
        double[] rest = new double[codes.size()];
        int assigned = 0;
        for (int i = 0; i < codes.size(); i++) {
            double exact = (double) total * villagesPerCounty.get(codes.get(i)) / villageTotal;
            quota[i] = (int) Math.floor(exact);
            rest[i] = exact - quota[i];
            assigned += quota[i];
        }
        Integer[] order = IntStream.range(0, codes.size()).boxed().toArray(Integer[]::new);
        Arrays.sort(order, (a, b) -> rest[a] != rest[b] ? Double.compare(rest[b], rest[a]) : Integer.compare(a, b));
        for (int k = 0; assigned < total; k++, assigned++) {
            quota[order[k % order.length]]++;
        }
        SupplyPoint[][] perCounty = new SupplyPoint[codes.size()][];
        IntStream.range(0, codes.size()).parallel().forEach(i -> {
            County county = counties.get(codes.get(i));
            IndexedPointInAreaLocator locator = new IndexedPointInAreaLocator(county.geometry);
            SupplyPoint[] pts = new SupplyPoint[quota[i]];
            for (int k = 0; k < quota[i]; k++) {
                String id = "F" + county.adcode() + "-" + k;
                double[] p = pointIn(county, locator, seedOf(id));
                pts[k] = new SupplyPoint(id, p[0], p[1]);
            }
            perCounty[i] = pts;
        });
        List<SupplyPoint> out = new ArrayList<>(total);
        for (SupplyPoint[] pts : perCounty) {
            out.addAll(Arrays.asList(pts));
        }
        return out;
    }

    // ==================================================================================================== reference

    /** The plain reference: one thread, JTS STRtree over the supply, Inverse on every candidate until a hit. */
    private static BitSet strTreeSingleThread(List<DemandPoint> demand, List<SupplyPoint> supply, double d) {
        STRtree tree = new STRtree();
        for (int j = 0; j < supply.size(); j++) {
            SupplyPoint s = supply.get(j);
            tree.insert(new Envelope(s.lon(), s.lon(), s.lat(), s.lat()), j);
        }
        tree.build();
        double a = 6378137.0;
        double e2 = (1 / 298.257223563) * (2 - 1 / 298.257223563);
        double dLat = Math.toDegrees(d * 1.000001 / (a * (1 - e2)));
        BitSet out = new BitSet(demand.size());
        for (int i = 0; i < demand.size(); i++) {
            DemandPoint p = demand.get(i);
            double maxAbs = Math.toRadians(Math.min(90, Math.abs(p.lat()) + dLat));
            double pLo = a * Math.cos(maxAbs) / Math.sqrt(1 - e2 * Math.sin(maxAbs) * Math.sin(maxAbs));
            double dLon = Math.toDegrees(d * 1.000001 / pLo);
            List<?> hits = tree.query(new Envelope(p.lon() - dLon, p.lon() + dLon, p.lat() - dLat, p.lat() + dLat));
            for (Object h : hits) {
                SupplyPoint s = supply.get((Integer) h);
                if (Geodesic.WGS84.Inverse(p.lat(), p.lon(), s.lat(), s.lon(), GeodesicMask.DISTANCE).s12 <= d) {
                    out.set(i);
                    break;
                }
            }
        }
        return out;
    }

    // ==================================================================================================== PostGIS

    private static String postgisInfo(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("CREATE EXTENSION IF NOT EXISTS postgis");
            StringBuilder sb = new StringBuilder();
            try (ResultSet rs = st.executeQuery("SELECT current_setting('server_version'), postgis_lib_version(), "
                    + "current_setting('max_parallel_workers_per_gather'), current_setting('max_parallel_workers'), "
                    + "current_setting('shared_buffers'), current_setting('work_mem'), current_setting('jit')")) {
                rs.next();
                sb.append(String.format(Locale.ROOT, "PostgreSQL %s, PostGIS %s, max_parallel_workers_per_gather=%s, "
                                + "max_parallel_workers=%s, shared_buffers=%s, work_mem=%s, jit=%s",
                        rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getString(6), rs.getString(7)));
            }
            return sb.toString();
        }
    }

    private static void loadPostgis(Connection c, List<DemandPoint> demand, List<SupplyPoint> supply, long t0)
            throws SQLException, IOException {
        c.setAutoCommit(true);
        try (Statement st = c.createStatement()) {
            st.execute("DROP TABLE IF EXISTS demand");
            st.execute("DROP TABLE IF EXISTS supply");
            st.execute("CREATE TABLE demand (id integer PRIMARY KEY, code bigint NOT NULL, "
                    + "geog geography(Point,4326) NOT NULL)");
            st.execute("CREATE TABLE supply (id integer PRIMARY KEY, code text NOT NULL, "
                    + "geog geography(Point,4326) NOT NULL)");
        }
        CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
        // Double.toString is the shortest exact round-trip representation: PostGIS parses the same doubles.
        copy.copyIn("COPY demand (id, code, geog) FROM STDIN", rows(demand.size(), i -> {
            DemandPoint p = demand.get(i);
            return i + "\t" + p.code() + "\tSRID=4326;POINT(" + p.lon() + " " + p.lat() + ")\n";
        }));
        copy.copyIn("COPY supply (id, code, geog) FROM STDIN", rows(supply.size(), i -> {
            SupplyPoint p = supply.get(i);
            return i + "\t" + p.id() + "\tSRID=4326;POINT(" + p.lon() + " " + p.lat() + ")\n";
        }));
        log(t0, "PostGIS: copied %,d demand and %,d supply rows", demand.size(), supply.size());
        try (Statement st = c.createStatement()) {
            st.execute("CREATE INDEX demand_geog_gix ON demand USING gist (geog)");
            st.execute("CREATE INDEX supply_geog_gix ON supply USING gist (geog)");
            st.execute("VACUUM ANALYZE demand");
            st.execute("VACUUM ANALYZE supply");
        }
        log(t0, "PostGIS: GiST indexes built, VACUUM ANALYZE done");
        // check that PostGIS holds bit-identical coordinates
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT id, ST_X(geog::geometry), ST_Y(geog::geometry) FROM demand "
                     + "WHERE id % 9973 = 0 ORDER BY id")) {
            while (rs.next()) {
                DemandPoint p = demand.get(rs.getInt(1));
                if (rs.getDouble(2) != p.lon() || rs.getDouble(3) != p.lat()) {
                    throw new IllegalStateException("coordinates changed in PostGIS for demand " + rs.getInt(1));
                }
            }
        }
    }

    private static final String EXISTS =
            "FROM demand d WHERE EXISTS (SELECT 1 FROM supply s WHERE ST_DWithin(d.geog, s.geog, %s))";

    private static void runPostgis(Connection c, Result r, int runs, long t0) throws SQLException {
        String dist = String.format(Locale.ROOT, "%.1f", r.d);
        String count = "SELECT count(*) " + String.format(Locale.ROOT, EXISTS, dist);
        try (Statement st = c.createStatement()) {
            StringBuilder plan = new StringBuilder();
            try (ResultSet rs = st.executeQuery("EXPLAIN " + count)) {
                while (rs.next()) {
                    plan.append("    ").append(rs.getString(1)).append('\n');
                }
            }
            System.out.print("  plan:\n" + plan);
            long best = Long.MAX_VALUE;
            for (int i = 0; i < runs; i++) {
                long s = System.nanoTime();
                try (ResultSet rs = st.executeQuery(count)) {
                    rs.next();
                    r.pgCount = rs.getLong(1);
                }
                long t = System.nanoTime() - s;
                best = Math.min(best, t);
                log(t0, "PostGIS d=%s: count(*) = %,d in %.0f ms", dist, r.pgCount, t / 1e6);
            }
            r.pgCountMs = best / 1e6;
            // Fetched in one go: a cursor (fetch size) would make PostgreSQL plan the query without parallel workers.
            long s = System.nanoTime();
            BitSet ids = new BitSet();
            try (ResultSet rs = st.executeQuery("SELECT d.id " + String.format(Locale.ROOT, EXISTS, dist))) {
                while (rs.next()) {
                    ids.set(rs.getInt(1));
                }
            }
            r.pgIdsMs = (System.nanoTime() - s) / 1e6;
            r.pg = ids;
            log(t0, "PostGIS d=%s: fetched %,d covered ids in %.0f ms", dist, ids.cardinality(), r.pgIdsMs);
        }
    }

    private static void explainDifferences(Connection c, Result r, List<DemandPoint> demand, List<SupplyPoint> supply)
            throws SQLException {
        BitSet onlyOurs = (BitSet) r.ours.clone();
        onlyOurs.andNot(r.pg);
        BitSet onlyPg = (BitSet) r.pg.clone();
        onlyPg.andNot(r.ours);
        int diffs = onlyOurs.cardinality() + onlyPg.cardinality();
        if (diffs == 0) {
            r.diffSummary = "identical";
            System.out.printf(Locale.ROOT, "  d=%.0f m: covered sets identical (%,d)%n", r.d, r.ours.cardinality());
            return;
        }
        BitSet all = (BitSet) onlyOurs.clone();
        all.or(onlyPg);
        List<DemandPoint> sub = all.stream().mapToObj(demand::get).toList();
        int[] idx = all.stream().toArray();
        double[] nearest = DistanceCoverage.nearestDistance(sub, supply, r.d + 1.0);
        double worst = 0;
        System.out.printf(Locale.ROOT, "  d=%.0f m: %d differences (ours only %d, PostGIS only %d)%n", r.d, diffs,
                onlyOurs.cardinality(), onlyPg.cardinality());
        try (PreparedStatement ps = c.prepareStatement("SELECT min(ST_Distance(d.geog, s.geog)) FROM demand d, "
                + "supply s WHERE d.id = ? AND ST_DWithin(d.geog, s.geog, ?)")) {
            for (int k = 0; k < idx.length; k++) {
                double off = nearest[k] - r.d;
                worst = Math.max(worst, Math.abs(off));
                ps.setInt(1, idx[k]);
                ps.setDouble(2, r.d + 1.0);
                double pgDist = Double.NaN;
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        pgDist = rs.getDouble(1);
                    }
                }
                if (k < 50) {
                    System.out.printf(Locale.ROOT, "    demand %d (%s): %s, nearest supply %.9f m (threshold %+.3e m), "
                                    + "PostGIS ST_Distance %.9f m%n", idx[k], demand.get(idx[k]).code(),
                            onlyOurs.get(idx[k]) ? "ours only" : "PostGIS only", nearest[k], off, pgDist);
                }
            }
        }
        r.diffSummary = String.format(Locale.ROOT, "%d diff, all within %.2e m of d%s", diffs, worst,
                worst <= 0.01 ? " (explained: < 1 cm)" : " (NOT explained)");
    }

    // ==================================================================================================== utilities

    /** Bytes allocated so far by all live threads (HotSpot extension), 0 if unsupported. */
    private static long allocatedBytes() {
        if (ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean t
                && t.isThreadAllocatedMemorySupported()) {
            long[] ids = t.getAllThreadIds();
            long sum = 0;
            for (long v : t.getThreadAllocatedBytes(ids)) {
                sum += Math.max(0, v);
            }
            return sum;
        }
        return 0;
    }

    // ==================================================================================================== JSON


}
