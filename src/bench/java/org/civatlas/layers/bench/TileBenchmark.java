package org.civatlas.layers.bench;

import static org.civatlas.bench.BenchSupport.log;
import static org.civatlas.bench.BenchSupport.ms;
import static org.civatlas.bench.BenchSupport.pct;
import static org.civatlas.bench.BenchSupport.sorted;
import static org.civatlas.bench.BenchSupport.sum;
import static org.civatlas.bench.BenchSupport.openBenchDatabase;
import static org.civatlas.bench.BenchSupport.parseArgs;
import static org.civatlas.bench.BenchSupport.usedHeapAfterGc;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.stream.IntStream;
import java.util.zip.GZIPInputStream;

import org.civatlas.layers.tiles.AttributePolicy;
import org.civatlas.layers.tiles.TileCache;
import org.civatlas.layers.tiles.TileFeature;
import org.civatlas.layers.tiles.TileMath;
import org.civatlas.layers.tiles.TileSource;
import org.civatlas.spatial.ChinaOffsetDatums;
import org.civatlas.spatial.Geometries;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.io.WKBWriter;
import org.postgresql.PGConnection;

import io.github.sebasbaumh.mapbox.vectortile.VectorTile;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.json.JsonMapper;

/**
 * National vector-tile benchmark: our {@link TileSource} against PostGIS {@code ST_AsMVT} on the 3,253 county
 * polygons of China. Single-threaded requests, one run, one machine. GeoJSON pages of the same layer are
 * {@link GeoJsonPagesBenchmark}.
 *
 * <pre>
 * mvn -q test-compile exec:java \
 *   -Dexec.mainClass=org.civatlas.layers.bench.TileBenchmark \
 *   -Dexec.args="--seed-dir ../shared/gis-seed --pg jdbc:postgresql://127.0.0.1:5432/civatlas_bench"
 * </pre>
 *
 * Options: {@code --pg-user postgres}, {@code --max-zoom 8}, {@code --pg-sample N} (time only a seeded sample of N
 * tiles per zoom from z7 on in PostGIS; default 0 = every tile, which takes ~10 s here), {@code --seed 42}, {@code --no-pg} (ours only), {@code --reload}
 * (reload the PostGIS table even if it is there). The PostGIS table lives in schema {@code tiles_bench} of the bench
 * database (created if missing), as {@code c(id, name, adcode, geom geometry(MultiPolygon, 3857))} with a GiST index;
 * invalid polygons are repaired there with ST_MakeValid (ours repairs them with GeometryFixer).
 */
public final class TileBenchmark {

    private static final String LAYER = "counties";
    private static final String MVT_SQL = "SELECT ST_AsMVT(q, 'counties') FROM (SELECT id, name, "
            + "ST_AsMVTGeom(geom, ST_TileEnvelope(?, ?, ?), 4096, 64, true) AS geom FROM c "
            + "WHERE geom && ST_TileEnvelope(?, ?, ?, margin => 64.0/4096)) q";

    private TileBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> opt = parseArgs(args);
        Path seedDir = Path.of(opt.getOrDefault("seed-dir", "../shared/gis-seed"));
        String pgUrl = opt.get("pg");
        boolean withPg = pgUrl != null && !opt.containsKey("no-pg");
        String pgUser = opt.getOrDefault("pg-user", "postgres");
        int maxZoom = Integer.parseInt(opt.getOrDefault("max-zoom", "8"));
        int pgSample = Integer.parseInt(opt.getOrDefault("pg-sample", "0")); // 0: every tile
        long seed = Long.parseLong(opt.getOrDefault("seed", "42"));
        long t0 = System.nanoTime();
        System.out.printf(Locale.ROOT, "TileBenchmark: %d cores, max heap %,d MB, Java %s%n",
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20,
                System.getProperty("java.version"));

        // ------------------------------------------------------------------ load
        List<TileFeature> features = readCounties(seedDir.resolve("china-counties.geojson.gz"), t0);
        long heapBefore = usedHeapAfterGc();
        long b0 = System.nanoTime();
        AttributePolicy policy = AttributePolicy.byZoom(Map.of(0, List.of("name"), 6, List.of("adcode")));
        TileSource source = TileSource.build(LAYER, features, 0, maxZoom, policy);
        double buildS = (System.nanoTime() - b0) / 1e9;
        long heapAfter = usedHeapAfterGc();
        TileSource.BuildStats st = source.stats();
        log(t0, "TileSource built in %.1f s: %,d features, %,d without geometry, %,d polygonal, %,d invalid repaired "
                        + "(GeometryFixer), %,d dropped, coverage fallbacks: %d zooms / %d features; heap retained by "
                        + "the source ≈ %,d MB (used heap after GC %,d → %,d MB)",
                buildS, st.features(), st.withoutGeometry(), st.polygonal(), st.invalidRepaired(), st.invalidDropped(),
                st.coverageFallbackZooms(), st.perFeatureFallbacks(), (heapAfter - heapBefore) >> 20,
                heapBefore >> 20, heapAfter >> 20);
        log(t0, "vertices per zoom: %s", st.verticesPerZoom());
        log(t0, "features per zoom: %s", st.featuresPerZoom());

        // ------------------------------------------------------------------ tile sets
        Envelope b = source.boundsWgs84();
        log(t0, "data bounds (WGS 84): %.3f,%.3f – %.3f,%.3f", b.getMinX(), b.getMinY(), b.getMaxX(), b.getMaxY());
        Map<Integer, List<int[]>> all = new TreeMap<>();
        for (int z = 0; z <= maxZoom; z++) {
            List<int[]> tiles = new ArrayList<>();
            for (int x = TileMath.lonToTileX(b.getMinX(), z); x <= TileMath.lonToTileX(b.getMaxX(), z); x++) {
                for (int y = TileMath.latToTileY(b.getMaxY(), z); y <= TileMath.latToTileY(b.getMinY(), z); y++) {
                    tiles.add(new int[] {z, x, y});
                }
            }
            all.put(z, tiles);
        }
        Map<Integer, List<int[]>> sample = new TreeMap<>();
        SplittableRandom rnd = new SplittableRandom(seed);
        for (var e : all.entrySet()) {
            List<int[]> tiles = e.getValue();
            if (e.getKey() <= 6 || pgSample <= 0 || tiles.size() <= pgSample) {
                sample.put(e.getKey(), tiles);
            } else {
                int[] idx = rnd.ints(0, tiles.size()).distinct().limit(pgSample).sorted().toArray();
                sample.put(e.getKey(), Arrays.stream(idx).mapToObj(tiles::get).toList());
            }
        }
        log(t0, "tiles intersecting the data bounds per zoom: %s",
                all.entrySet().stream().map(e -> e.getKey() + ":" + e.getValue().size()).toList());

        // ------------------------------------------------------------------ ours, uncached
        // warm-up (JIT): every tile of z0–z6 once, untimed
        for (int z = 0; z <= Math.min(6, maxZoom); z++) {
            for (int[] t : all.get(z)) {
                source.tile(t[0], t[1], t[2]);
            }
        }
        Map<Integer, Map<String, Long>> oursNanos = new TreeMap<>();   // z -> "x/y" -> ns
        Map<String, Integer> oursFeatures = new HashMap<>();
        java.util.Set<String> pgNonEmpty = new java.util.HashSet<>();
        Map<Integer, long[]> oursBytes = new TreeMap<>();
        Map<Integer, Long> repsMax = new TreeMap<>();
        long oursStart = System.nanoTime();
        for (var e : all.entrySet()) {
            Map<String, Long> times = new LinkedHashMap<>();
            long bytes = 0;
            long maxBytes = 0;
            // zooms with few tiles: each tile 5 times, its median counts (one sample would make p99 = one GC pause)
            int reps = e.getValue().size() < 50 ? 5 : 1;
            for (int[] t : e.getValue()) {
                byte[] tile = null;
                long[] runs = new long[reps];
                for (int r = 0; r < reps; r++) {
                    long s = System.nanoTime();
                    tile = source.tile(t[0], t[1], t[2]);
                    runs[r] = System.nanoTime() - s;
                }
                Arrays.sort(runs);
                times.put(t[1] + "/" + t[2], runs[reps / 2]);
                if (reps > 1) {
                    repsMax.merge(e.getKey(), runs[reps - 1], Math::max);
                }
                bytes += tile.length;
                maxBytes = Math.max(maxBytes, tile.length);
                oursFeatures.put(t[0] + "/" + t[1] + "/" + t[2], featureCount(tile));
            }
            oursNanos.put(e.getKey(), times);
            oursBytes.put(e.getKey(), new long[] {bytes, maxBytes});
        }
        double oursAllS = (System.nanoTime() - oursStart) / 1e9;
        log(t0, "ours: all %,d tiles z0–z%d generated uncached (z0–z5 five times each) in %.2f s; slowest single "
                        + "run per repeated zoom (ms): %s", all.values().stream().mapToInt(List::size).sum(), maxZoom,
                oursAllS, repsMax.entrySet().stream().map(en -> en.getKey() + "=" + String.format(Locale.ROOT,
                        "%.1f", ms(en.getValue()))).toList());

        // ------------------------------------------------------------------ ours, cached
        TileCache cache = new TileCache(512L << 20);
        for (var e : all.entrySet()) {
            for (int[] t : e.getValue()) {
                cache.get(LAYER, 1, t[0], t[1], t[2], () -> source.tile(t[0], t[1], t[2]));
            }
        }
        List<Long> hitNanos = new ArrayList<>();
        for (int round = 0; round < 3; round++) {
            for (var e : all.entrySet()) {
                for (int[] t : e.getValue()) {
                    long s = System.nanoTime();
                    byte[] tile = cache.get(LAYER, 1, t[0], t[1], t[2], () -> {
                        throw new IllegalStateException("miss");
                    });
                    long d = System.nanoTime() - s;
                    if (round > 0) {
                        hitNanos.add(d);
                    }
                    if (tile == null) {
                        throw new IllegalStateException();
                    }
                }
            }
        }
        cache.cleanUp();
        log(t0, "cache: %,d tiles, %,d KB", cache.estimatedSize(), cache.weightedSize() >> 10);

        // ------------------------------------------------------------------ PostGIS
        Map<Integer, Map<String, Long>> pgNanos = new TreeMap<>();
        int countMismatch = 0;
        int compared = 0;
        List<String> mismatches = new ArrayList<>();
        String pgInfo = "(PostGIS not run)";
        if (withPg) {
            try (Connection c = openBenchDatabase(pgUrl, pgUser)) {
                pgInfo = postgisInfo(c);
                log(t0, "%s", pgInfo);
                loadPostgis(c, features, opt.containsKey("reload"), t0);
                try (PreparedStatement ps = c.prepareStatement(MVT_SQL)) {
                    runMvt(ps, 5, 23, 12); // warm-up
                    for (var e : sample.entrySet()) {
                        Map<String, Long> times = new LinkedHashMap<>();
                        long zs = System.nanoTime();
                        for (int[] t : e.getValue()) {
                            long s = System.nanoTime();
                            byte[] tile = runMvt(ps, t[0], t[1], t[2]);
                            times.put(t[1] + "/" + t[2], System.nanoTime() - s);
                            int theirs = featureCount(tile);
                            if (theirs > 0) {
                                pgNonEmpty.add(t[0] + "/" + t[1] + "/" + t[2]);
                            }
                            int ours = oursFeatures.get(t[0] + "/" + t[1] + "/" + t[2]);
                            compared++;
                            if (theirs != ours) {
                                countMismatch++;
                                if (mismatches.size() < 8) {
                                    mismatches.add(t[0] + "/" + t[1] + "/" + t[2] + " ours " + ours + " PostGIS " + theirs);
                                }
                            }
                        }
                        pgNanos.put(e.getKey(), times);
                        log(t0, "PostGIS z%d: %d tiles in %.1f s", e.getKey(), times.size(),
                                (System.nanoTime() - zs) / 1e9);
                    }
                }
            }
        }

        // ------------------------------------------------------------------ report
        System.out.println();
        System.out.printf(Locale.ROOT, "Vector tiles, %s layer, 3,253 counties, extent 4096, buffer 64 (times in ms)%n", LAYER);
        System.out.printf(Locale.ROOT, "%-4s | %6s %8s %8s %8s %9s %9s | %6s %8s %8s | %6s %8s %8s %8s %8s %8s | %8s %8s%n",
                "zoom", "tiles", "p50", "p99", "max", "total", "avg KB", "non-0", "ne p50", "ne p99", "pgN", "ours p50",
                "ours p99", "pg p50", "pg p99", "pg max", "p50 ×", "total ×");
        double oursSampleTotal = 0;
        double pgSampleTotal = 0;
        double pgExtrapolatedAll = 0;
        boolean p99Goal = true;
        for (int z = 0; z <= maxZoom; z++) {
            Map<String, Long> ours = oursNanos.get(z);
            long[] o = sorted(ours.values());
            double oursTotal = sum(o);
            String row = String.format(Locale.ROOT, "z%-3d | %6d %8.2f %8.2f %8.2f %9.1f %9.1f |", z, o.length,
                    ms(pct(o, 50)), ms(pct(o, 99)), ms(o[o.length - 1]), ms(oursTotal),
                    oursBytes.get(z)[0] / 1024.0 / o.length);
            final int zz = z;
            long[] ne = sorted(ours.entrySet().stream()
                    .filter(en -> oursFeatures.get(zz + "/" + en.getKey()) > 0).map(Map.Entry::getValue).toList());
            row += String.format(Locale.ROOT, " %6d %8.2f %8.2f |", ne.length, ms(pct(ne, 50)), ms(pct(ne, 99)));
            p99Goal &= ms(pct(o, 99)) <= 50;
            Map<String, Long> pg = pgNanos.get(z);
            if (pg != null && !pg.isEmpty()) {
                long[] p = sorted(pg.values());
                long[] os = sorted(pg.keySet().stream().map(ours::get).toList());
                double osTotal = sum(os);
                double pTotal = sum(p);
                oursSampleTotal += osTotal;
                pgSampleTotal += pTotal;
                pgExtrapolatedAll += pTotal / p.length * o.length;
                row += String.format(Locale.ROOT, " %6d %8.2f %8.2f %8.2f %8.2f %8.2f | %8.1f %8.1f", p.length,
                        ms(pct(os, 50)), ms(pct(os, 99)), ms(pct(p, 50)), ms(pct(p, 99)), ms(p[p.length - 1]),
                        (double) pct(p, 50) / Math.max(1, pct(os, 50)), pTotal / Math.max(1, osTotal));
            }
            System.out.println(row);
        }
        double oursNe = 0;
        double pgNe = 0;
        for (var e : pgNanos.entrySet()) {
            for (var t : e.getValue().entrySet()) {
                String key = e.getKey() + "/" + t.getKey();
                if (pgNonEmpty.contains(key) || oursFeatures.get(key) > 0) {
                    oursNe += oursNanos.get(e.getKey()).get(t.getKey());
                    pgNe += t.getValue();
                }
            }
        }
        long[] allOurs = sorted(oursNanos.values().stream().flatMap(m -> m.values().stream()).toList());
        System.out.printf(Locale.ROOT, "all  | %6d %8.2f %8.2f %8.2f %9.1f%n", allOurs.length, ms(pct(allOurs, 50)),
                ms(pct(allOurs, 99)), ms(allOurs[allOurs.length - 1]), ms(sum(allOurs)));
        if (withPg) {
            System.out.printf(Locale.ROOT, "Same tiles (%s): ours %.3f s, PostGIS %.3f s → ours is %.1f× faster; "
                            + "non-empty tiles only: ours %.3f s, PostGIS %.3f s → %.1f×%n",
                    pgSample <= 0 ? "every tile z0–z" + maxZoom : "z0–z6 all, z7+ sample of " + pgSample + " per zoom",
                    oursSampleTotal / 1e9, pgSampleTotal / 1e9, pgSampleTotal / oursSampleTotal, oursNe / 1e9,
                    pgNe / 1e9, pgNe / oursNe);
            System.out.printf(Locale.ROOT, "Whole z0–z%d set: ours measured %.2f s; PostGIS extrapolated from its per-zoom "
                            + "means %.1f s → %.1f×%n", maxZoom, sum(allOurs) / 1e9, pgExtrapolatedAll / 1e9,
                    pgExtrapolatedAll / sum(allOurs));
            System.out.printf(Locale.ROOT, "Feature counts per tile, ours vs PostGIS: %d of %d tiles differ %s%n",
                    countMismatch, compared, mismatches);
        }
        long[] hits = sorted(hitNanos);
        System.out.printf(Locale.ROOT, "Cached (Caffeine hit, %,d lookups): p50 %.4f ms, p99 %.4f ms, max %.3f ms%n",
                hits.length, ms(pct(hits, 50)), ms(pct(hits, 99)), ms(hits[hits.length - 1]));
        System.out.printf(Locale.ROOT, "Goals: uncached p99 ≤ 50 ms at every zoom: %s; z0–z%d ≥ 5× ST_AsMVT: %s; "
                        + "cached p99 < 2 ms: %s%n", p99Goal ? "met" : "NOT met", maxZoom,
                withPg ? (pgSampleTotal / oursSampleTotal >= 5 ? "met (same tiles)" : "NOT met") : "not measured",
                ms(pct(hits, 99)) < 2 ? "met" : "NOT met");
        log(t0, "done");
    }

    // ==================================================================================================== reading

    /**
     * Streams the gzipped national file with Jackson's token parser (one feature in memory at a time), converts
     * GCJ-02 → WGS 84 in parallel afterwards. Ids are the 1-based row numbers (385 rows have no adcode).
     */
    static List<TileFeature> readCounties(Path file, long t0) throws IOException {
        List<String> names = new ArrayList<>();
        List<String> codes = new ArrayList<>();
        List<Geometry> gcj = new ArrayList<>();
        JsonMapper mapper = JsonMapper.builder().build();
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file), 1 << 16);
             JsonParser p = mapper.createParser(in)) {
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                if (t == JsonToken.PROPERTY_NAME && "features".equals(p.currentName()) && p.nextToken() == JsonToken.START_ARRAY) {
                    break;
                }
            }
            while (p.nextToken() == JsonToken.START_OBJECT) {
                String name = null;
                String code = null;
                Geometry g = null;
                while (p.nextToken() == JsonToken.PROPERTY_NAME) {
                    String field = p.currentName();
                    JsonToken v = p.nextToken();
                    if ("properties".equals(field) && v == JsonToken.START_OBJECT) {
                        while (p.nextToken() == JsonToken.PROPERTY_NAME) {
                            String k = p.currentName();
                            JsonToken pv = p.nextToken();
                            if (pv == JsonToken.VALUE_STRING && "name".equals(k)) {
                                name = p.getString();
                            } else if (pv == JsonToken.VALUE_STRING && "adcode".equals(k)) {
                                code = p.getString().isBlank() ? null : p.getString();
                            } else {
                                p.skipChildren();
                            }
                        }
                    } else if ("geometry".equals(field) && v == JsonToken.START_OBJECT) {
                        g = readGeometry(p);
                    } else {
                        p.skipChildren();
                    }
                }
                names.add(name);
                codes.add(code);
                gcj.add(g);
            }
        }
        log(t0, "read %,d features (streamed); converting GCJ-02 → WGS 84", gcj.size());
        Geometry[] wgs = new Geometry[gcj.size()];
        IntStream.range(0, wgs.length).parallel().forEach(i -> {
            Geometry g = gcj.get(i);
            wgs[i] = g == null ? null : ChinaOffsetDatums.gcj02ToWgs84(g);
        });
        List<TileFeature> out = new ArrayList<>(wgs.length);
        long vertices = 0;
        int noCode = 0;
        int noGeometry = 0;
        for (int i = 0; i < wgs.length; i++) {
            Map<String, Object> attrs = new LinkedHashMap<>();
            if (names.get(i) != null) {
                attrs.put("name", names.get(i));
            }
            if (codes.get(i) != null) {
                attrs.put("adcode", codes.get(i));
            } else {
                noCode++;
            }
            if (wgs[i] == null) {
                noGeometry++;
            } else {
                vertices += wgs[i].getNumPoints();
            }
            out.add(new TileFeature(Integer.toString(i + 1), wgs[i], attrs));
        }
        log(t0, "%,d features, %,d without geometry, %,d without adcode, %,d vertices", out.size(), noGeometry,
                noCode, vertices);
        return out;
    }

    /** Reads a GeoJSON Polygon/MultiPolygon object (parser just past its START_OBJECT); null if none. */
    private static Geometry readGeometry(JsonParser p) {
        String type = null;
        Object coords = null;
        while (p.nextToken() == JsonToken.PROPERTY_NAME) {
            String field = p.currentName();
            JsonToken v = p.nextToken();
            if ("type".equals(field) && v == JsonToken.VALUE_STRING) {
                type = p.getString();
            } else if ("coordinates".equals(field) && v == JsonToken.START_ARRAY) {
                coords = readArray(p);
            } else {
                p.skipChildren();
            }
        }
        if (!(coords instanceof List<?> list) || list.isEmpty()) {
            return null;
        }
        List<Polygon> polys = new ArrayList<>();
        if ("Polygon".equals(type)) {
            addPolygon(list, polys);
        } else if ("MultiPolygon".equals(type)) {
            for (Object poly : list) {
                addPolygon((List<?>) poly, polys);
            }
        } else {
            throw new IllegalArgumentException("unexpected geometry type " + type);
        }
        if (polys.isEmpty()) {
            return null;
        }
        return polys.size() == 1 ? polys.get(0) : Geometries.WGS84.createMultiPolygon(polys.toArray(new Polygon[0]));
    }

    /** Nested arrays → List; a position [x, y, ...] → Coordinate. */
    private static Object readArray(JsonParser p) {
        JsonToken t = p.nextToken();
        if (t == JsonToken.VALUE_NUMBER_FLOAT || t == JsonToken.VALUE_NUMBER_INT) {
            double x = p.getDoubleValue();
            p.nextToken();
            double y = p.getDoubleValue();
            while (p.nextToken() != JsonToken.END_ARRAY) {
                // ignore z
            }
            return new Coordinate(x, y);
        }
        List<Object> out = new ArrayList<>();
        while (t != JsonToken.END_ARRAY) {
            out.add(readArray(p));
            t = p.nextToken();
        }
        return out;
    }

    private static void addPolygon(List<?> rings, List<Polygon> out) {
        LinearRing shell = null;
        List<LinearRing> holes = new ArrayList<>();
        for (Object r : rings) {
            List<?> ring = (List<?>) r;
            List<Coordinate> cs = new ArrayList<>(ring.size() + 1);
            for (Object c : ring) {
                cs.add((Coordinate) c);
            }
            if (!cs.isEmpty() && !cs.get(0).equals2D(cs.get(cs.size() - 1))) {
                cs.add(new Coordinate(cs.get(0)));
            }
            if (cs.size() < 4) {
                if (shell == null) {
                    return;
                }
                continue;
            }
            LinearRing lr = Geometries.WGS84.createLinearRing(cs.toArray(new Coordinate[0]));
            if (shell == null) {
                shell = lr;
            } else {
                holes.add(lr);
            }
        }
        if (shell != null) {
            out.add(Geometries.WGS84.createPolygon(shell, holes.toArray(new LinearRing[0])));
        }
    }

    // ==================================================================================================== PostGIS

    private static String postgisInfo(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("CREATE EXTENSION IF NOT EXISTS postgis");
            st.execute("CREATE SCHEMA IF NOT EXISTS tiles_bench");
            st.execute("SET search_path = tiles_bench, public");
            try (ResultSet rs = st.executeQuery("SELECT current_setting('server_version'), postgis_full_version(), "
                    + "current_setting('max_parallel_workers_per_gather'), current_setting('shared_buffers'), "
                    + "current_setting('jit')")) {
                rs.next();
                return String.format(Locale.ROOT, "PostgreSQL %s, %s, max_parallel_workers_per_gather=%s, "
                                + "shared_buffers=%s, jit=%s", rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getString(5));
            }
        }
    }

    /** Table tiles_bench.c in EPSG:3857 via COPY (hex EWKB computed here), repaired with ST_MakeValid, GiST. */
    private static void loadPostgis(Connection c, List<TileFeature> features, boolean reload, long t0)
            throws SQLException, IOException {
        long withGeometry = features.stream().filter(f -> f.geometryWgs84() != null).count();
        try (Statement st = c.createStatement()) {
            if (!reload) {
                try (ResultSet rs = st.executeQuery("SELECT count(*) FROM pg_tables WHERE schemaname = 'tiles_bench' "
                        + "AND tablename = 'c'")) {
                    rs.next();
                    if (rs.getInt(1) == 1) {
                        try (ResultSet r2 = st.executeQuery("SELECT count(*) FROM c")) {
                            r2.next();
                            if (r2.getLong(1) == withGeometry) {
                                log(t0, "PostGIS: reusing tiles_bench.c (%,d rows); --reload to rebuild", withGeometry);
                                return;
                            }
                        }
                    }
                }
            }
            st.execute("DROP TABLE IF EXISTS c");
            st.execute("CREATE TABLE c (id integer PRIMARY KEY, name text, adcode text, "
                    + "geom geometry(MultiPolygon, 3857) NOT NULL)");
        }
        WKBWriter wkb = new WKBWriter(2, true);
        StringBuilder sb = new StringBuilder();
        for (TileFeature f : features) {
            if (f.geometryWgs84() == null) {
                continue;
            }
            Geometry m = Geometries.toMultiPolygon(TileMath.toMercator(f.geometryWgs84()));
            m.setSRID(3857);
            sb.append(f.id()).append('\t').append(copyText((String) f.attributes().get("name"))).append('\t')
                    .append(copyText((String) f.attributes().get("adcode"))).append('\t')
                    .append(WKBWriter.toHex(wkb.write(m))).append('\n');
        }
        long rows = c.unwrap(PGConnection.class).getCopyAPI()
                .copyIn("COPY c (id, name, adcode, geom) FROM STDIN", new StringReader(sb.toString()));
        try (Statement st = c.createStatement()) {
            int fixed = st.executeUpdate("UPDATE c SET geom = ST_Multi(ST_CollectionExtract(ST_MakeValid(geom), 3)) "
                    + "WHERE NOT ST_IsValid(geom)");
            st.execute("CREATE INDEX c_geom_gist ON c USING gist (geom)");
            st.execute("VACUUM ANALYZE c");
            log(t0, "PostGIS: loaded %,d rows via COPY into tiles_bench.c (EPSG:3857), %,d repaired with ST_MakeValid, "
                    + "GiST index", rows, fixed);
        }
    }

    private static String copyText(String s) {
        if (s == null) {
            return "\\N";
        }
        return s.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r");
    }

    private static byte[] runMvt(PreparedStatement ps, int z, int x, int y) throws SQLException {
        ps.setInt(1, z);
        ps.setInt(2, x);
        ps.setInt(3, y);
        ps.setInt(4, z);
        ps.setInt(5, x);
        ps.setInt(6, y);
        try (ResultSet rs = ps.executeQuery()) {
            rs.next();
            byte[] b = rs.getBytes(1);
            return b == null ? new byte[0] : b;
        }
    }

    // ==================================================================================================== utilities

    private static int featureCount(byte[] tile) {
        if (tile.length == 0) {
            return 0;
        }
        try {
            VectorTile.Tile t = VectorTile.Tile.parseFrom(tile);
            return t.getLayersCount() == 0 ? 0 : t.getLayers(0).getFeaturesCount();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
