package org.civatlas.exchange.bench;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.civatlas.exchange.crs.Crs;
import org.civatlas.exchange.formats.FeatureReader;
import org.civatlas.exchange.formats.ReadOptions;
import org.civatlas.exchange.formats.Readers;
import org.civatlas.exchange.formats.SourceFeature;
import org.civatlas.spatial.Geometries;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.WKBWriter;
import org.locationtech.jts.operation.valid.IsValidOp;
import org.locationtech.jts.operation.valid.TopologyValidationError;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;
import org.postgresql.core.BaseConnection;

/**
 * Imports the national county layer (china-counties.geojson.gz: 3,253 GCJ-02 polygons, 210 MB uncompressed) into
 * PostGIS with this library — streaming GeoJSON read, GCJ-02 → WGS 84, per-feature problem collection (invalid with
 * JTS's reason, missing geometry, missing code), PgJDBC COPY of hex EWKB, then a GiST index — and times GDAL's
 * ogr2ogr on the same file as the baseline (ogr2ogr does no datum conversion and no validation: ours does more).
 *
 * <p>Run from the repository root (PostgreSQL with PostGIS on 127.0.0.1:5432, user postgres, trust auth; the
 * database is created if missing):
 * <pre>
 * mvn -q test-compile exec:java -Dexec.mainClass=org.civatlas.exchange.bench.ImportBenchmark \
 *     -Dexec.args="--seed-dir ../shared/gis-seed --pg jdbc:postgresql://127.0.0.1:5432/civatlas_bench"
 * </pre>
 * The main process re-launches itself in a child JVM with {@code -Xmx512m} (option {@code --xmx}) so that the heap
 * measured is the import's own, not Maven's; the peak is the sum of the heap pools' peak usage (JVM-tracked
 * high-water marks) and, for comparison, the largest "used heap" seen by a 10 ms sampler. Options: {@code --no-ogr}
 * skips the baseline, {@code --workers N} sets the conversion/validation threads (default: available processors).
 */
public final class ImportBenchmark {

    private ImportBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> opts = parse(args);
        if (!opts.containsKey("child")) {
            System.exit(relaunch(args, opts.getOrDefault("xmx", "512m")));
        }
        run(opts);
    }

    private static Map<String, String> parse(String[] args) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (!a.startsWith("--")) {
                continue;
            }
            String key = a.substring(2);
            boolean flag = i + 1 >= args.length || args[i + 1].startsWith("--");
            m.put(key, flag ? "true" : args[++i]);
        }
        return m;
    }

    private static int relaunch(String[] args, String xmx) throws Exception {
        StringBuilder cp = new StringBuilder();
        ClassLoader cl = Thread.currentThread().getContextClassLoader();
        if (cl instanceof URLClassLoader ucl) {
            for (URL u : ucl.getURLs()) {
                cp.append(cp.length() > 0 ? File.pathSeparator : "").append(new File(u.toURI()).getPath());
            }
        }
        if (cp.length() == 0) {
            cp.append(System.getProperty("java.class.path"));
        }
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + xmx, "-cp", cp.toString(), ImportBenchmark.class.getName(), "--child"));
        cmd.addAll(List.of(args));
        System.out.println("Re-launching in a child JVM with -Xmx" + xmx + " ...");
        return new ProcessBuilder(cmd).inheritIO().start().waitFor();
    }

    // ------------------------------------------------------------------ the run

    private static void run(Map<String, String> opts) throws Exception {
        Path seed = Path.of(opts.getOrDefault("seed-dir", "../shared/gis-seed"));
        Path file = seed.resolve("china-counties.geojson.gz").toAbsolutePath().normalize();
        String url = opts.getOrDefault("pg", "jdbc:postgresql://127.0.0.1:5432/civatlas_bench");
        int workers = Integer.parseInt(opts.getOrDefault("workers",
                Integer.toString(Runtime.getRuntime().availableProcessors())));
        if (!Files.exists(file)) {
            throw new IllegalArgumentException("Not found: " + file + " (use --seed-dir)");
        }
        ensureDatabase(url);
        System.out.printf(Locale.ROOT, "Input: %s (%.1f MB compressed), JVM max heap %d MB, %d worker threads%n",
                file, Files.size(file) / 1e6, Runtime.getRuntime().maxMemory() >> 20, workers);

        HeapSampler sampler = new HeapSampler();
        sampler.start();
        Result ours = importWithLibrary(file, url, workers);
        sampler.stop();

        double ogrSeconds = Double.NaN;
        long ogrRows = -1;
        if (!opts.containsKey("no-ogr")) {
            String dbname = url.substring(url.lastIndexOf('/') + 1);
            List<String> cmd = List.of("ogr2ogr", "-f", "PostgreSQL", "PG:host=127.0.0.1 user=postgres dbname=" + dbname,
                    "/vsigzip/" + file, "-nln", "counties_ogr", "-overwrite", "-lco", "GEOMETRY_NAME=geom", "-nlt",
                    "PROMOTE_TO_MULTI");
            System.out.println("Baseline: " + String.join(" ", cmd));
            long t0 = System.nanoTime();
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int rc = p.waitFor();
            ogrSeconds = (System.nanoTime() - t0) / 1e9;
            if (rc != 0) {
                System.out.println("ogr2ogr failed (exit " + rc + "):\n" + out);
                ogrSeconds = Double.NaN;
            } else {
                ogrRows = count(url, "counties_ogr");
            }
        }

        System.out.println();
        System.out.println("=== Import of china-counties.geojson.gz into PostGIS ===");
        System.out.printf(Locale.ROOT, "civatlas (stream read + GCJ-02→WGS 84 + validation + COPY + GiST index): %.2f s, "
                + "%d rows in table (read %.2f s of it inside the pipeline, index %.2f s)%n",
                ours.seconds, ours.rowsInTable, ours.readSeconds, ours.indexSeconds);
        System.out.printf(Locale.ROOT, "  features %d, vertices %d%n", ours.features, ours.vertices);
        System.out.printf(Locale.ROOT, "  problems: %d invalid geometries, %d without geometry, %d without adcode, "
                + "%d features with read problems (degenerate parts dropped, or unreadable)%n", ours.invalid,
                ours.noGeometry, ours.noCode, ours.readProblems);
        System.out.println("  invalid by JTS reason: " + ours.reasons);
        System.out.printf(Locale.ROOT, "  peak heap: %.0f MB (sum of heap pool peaks), %.0f MB (max sampled used heap)"
                + " — limit -Xmx %d MB, goal < 512 MB%n", pools() / 1e6, sampler.max.get() / 1e6,
                Runtime.getRuntime().maxMemory() >> 20);
        if (!Double.isNaN(ogrSeconds)) {
            System.out.printf(Locale.ROOT, "ogr2ogr (no datum conversion, no validation, with its GiST index): %.2f s, "
                    + "%d rows%n", ogrSeconds, ogrRows);
            System.out.printf(Locale.ROOT, "ratio civatlas / ogr2ogr: %.2f (goal <= 1.5)%n", ours.seconds / ogrSeconds);
        }
    }

    private record Result(double seconds, double readSeconds, double indexSeconds, long features, long vertices,
                          long invalid, long noGeometry, long noCode, long readProblems, Map<String, Long> reasons,
                          long rowsInTable) {
    }

    /** What a worker produces for one feature. */
    private record Row(byte[] copyLine, String invalidReason, boolean noGeometry, boolean noCode, boolean readProblem,
                       int vertices) {
    }

    private static Result importWithLibrary(Path file, String url, int workers) throws Exception {
        try (Connection c = DriverManager.getConnection(url, "postgres", "")) {
            try (Statement s = c.createStatement()) {
                s.execute("DROP TABLE IF EXISTS counties_civatlas");
                s.execute("CREATE TABLE counties_civatlas (fid integer PRIMARY KEY, adcode text, name text, "
                        + "source_file text, problem text, geom geometry(MultiPolygon, 4326))");
            }
            for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                pool.resetPeakUsage();
            }
            long t0 = System.nanoTime();
            long readNanos = 0;
            ExecutorService pool = Executors.newFixedThreadPool(workers);
            CopyIn copy = new CopyManager(c.unwrap(BaseConnection.class))
                    .copyIn("COPY counties_civatlas (fid, adcode, name, source_file, problem, geom) FROM STDIN");
            Deque<Future<Row>> inFlight = new ArrayDeque<>();
            ByteArrayOutputStream buffer = new ByteArrayOutputStream(1 << 20);
            long features = 0;
            long vertices = 0;
            long invalid = 0;
            long noGeometry = 0;
            long noCode = 0;
            long readProblems = 0;
            Map<String, Long> reasons = new TreeMap<>();
            try (FeatureReader reader = Readers.open(file, file.getFileName().toString(), ReadOptions.defaults())) {
                Crs source = Crs.GCJ02; // the seed README says so; the file itself declares no crs
                while (true) {
                    long r0 = System.nanoTime();
                    boolean more = reader.hasNext();
                    SourceFeature f = more ? reader.next() : null;
                    readNanos += System.nanoTime() - r0;
                    if (f != null) {
                        inFlight.add(pool.submit(() -> process(f, source)));
                    }
                    while (!inFlight.isEmpty() && (inFlight.size() >= 4 * workers || f == null)) {
                        Row row = inFlight.poll().get();
                        features++;
                        vertices += row.vertices;
                        if (row.invalidReason != null) {
                            invalid++;
                            reasons.merge(row.invalidReason, 1L, Long::sum);
                        }
                        noGeometry += row.noGeometry ? 1 : 0;
                        noCode += row.noCode ? 1 : 0;
                        readProblems += row.readProblem ? 1 : 0;
                        buffer.write(row.copyLine);
                        if (buffer.size() > (1 << 20)) {
                            copy.writeToCopy(buffer.toByteArray(), 0, buffer.size());
                            buffer.reset();
                        }
                    }
                    if (f == null) {
                        break;
                    }
                }
            } finally {
                pool.shutdown();
            }
            if (buffer.size() > 0) {
                copy.writeToCopy(buffer.toByteArray(), 0, buffer.size());
            }
            copy.endCopy();
            long i0 = System.nanoTime();
            try (Statement s = c.createStatement()) {
                s.execute("CREATE INDEX counties_civatlas_geom ON counties_civatlas USING gist (geom)");
            }
            long t1 = System.nanoTime();
            return new Result((t1 - t0) / 1e9, readNanos / 1e9, (t1 - i0) / 1e9, features, vertices, invalid,
                    noGeometry, noCode, readProblems, reasons, count(url, "counties_civatlas"));
        }
    }

    private static final ThreadLocal<WKBWriter> EWKB = ThreadLocal.withInitial(() -> new WKBWriter(2, true));

    /** Worker: convert, validate, encode one COPY line. */
    private static Row process(SourceFeature f, Crs source) {
        Object code = f.attributes().get("adcode");
        boolean noCode = code == null || code.toString().isBlank();
        String invalidReason = null;
        String problem = f.problem();
        String hex = null;
        int vertices = 0;
        boolean missing = f.geometry() == null || f.geometry().isEmpty();
        if (!missing) {
            Geometry wgs = source.toWgs84(f.geometry());
            vertices = wgs.getNumPoints();
            TopologyValidationError err = new IsValidOp(wgs).getValidationError();
            if (err != null) {
                invalidReason = err.getMessage();
                problem = "invalid: " + err;
            }
            Geometry multi = wgs instanceof org.locationtech.jts.geom.Polygon
                    || wgs instanceof org.locationtech.jts.geom.MultiPolygon ? Geometries.toMultiPolygon(wgs) : null;
            if (multi != null) {
                hex = WKBWriter.toHex(EWKB.get().write(multi));
            } else {
                problem = (problem == null ? "" : problem + "; ") + "not a polygon: " + wgs.getGeometryType();
            }
        }
        if (noCode) {
            problem = (problem == null ? "" : problem + "; ") + "missing adcode";
        }
        if (missing && f.problem() == null) {
            problem = (problem == null ? "" : problem + "; ") + "missing geometry";
        }
        StringBuilder sb = new StringBuilder(hex == null ? 128 : hex.length() + 200);
        sb.append(f.index()).append('\t');
        field(sb, noCode ? null : code.toString()).append('\t');
        field(sb, f.attributes().get("name")).append('\t');
        field(sb, f.attributes().get("source_file")).append('\t');
        field(sb, problem).append('\t');
        field(sb, hex).append('\n');
        return new Row(sb.toString().getBytes(StandardCharsets.UTF_8), invalidReason, missing && f.problem() == null,
                noCode, f.problem() != null, vertices);
    }

    /** COPY text format escaping. */
    private static StringBuilder field(StringBuilder sb, Object v) {
        if (v == null) {
            return sb.append("\\N");
        }
        String s = v.toString();
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '\\' -> sb.append("\\\\");
                case '\t' -> sb.append("\\t");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                default -> sb.append(ch);
            }
        }
        return sb;
    }

    // ------------------------------------------------------------------ database and heap

    private static void ensureDatabase(String url) throws Exception {
        String dbname = url.substring(url.lastIndexOf('/') + 1);
        String admin = url.substring(0, url.lastIndexOf('/') + 1) + "postgres";
        try (Connection c = DriverManager.getConnection(admin, "postgres", "");
             Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + dbname.replace("'", "''") + "'")) {
                if (!rs.next()) {
                    s.execute("CREATE DATABASE \"" + dbname.replace("\"", "") + "\"");
                    System.out.println("Created database " + dbname);
                }
            }
        }
        try (Connection c = DriverManager.getConnection(url, "postgres", ""); Statement s = c.createStatement()) {
            s.execute("CREATE EXTENSION IF NOT EXISTS postgis");
        }
    }

    private static long count(String url, String table) throws Exception {
        try (Connection c = DriverManager.getConnection(url, "postgres", ""); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static long pools() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
                sum += pool.getPeakUsage().getUsed();
            }
        }
        return sum;
    }

    /** Samples used heap every 10 ms and keeps the maximum. */
    private static final class HeapSampler {
        final AtomicLong max = new AtomicLong();
        final AtomicBoolean running = new AtomicBoolean(true);
        Thread thread;

        void start() {
            thread = new Thread(() -> {
                var mem = ManagementFactory.getMemoryMXBean();
                while (running.get()) {
                    max.accumulateAndGet(mem.getHeapMemoryUsage().getUsed(), Math::max);
                    try {
                        TimeUnit.MILLISECONDS.sleep(10);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "heap-sampler");
            thread.setDaemon(true);
            thread.start();
        }

        void stop() throws InterruptedException {
            running.set(false);
            thread.join();
        }
    }
}
