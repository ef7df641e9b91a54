package org.civatlas.layers.bench;

import static org.civatlas.bench.BenchSupport.log;
import static org.civatlas.bench.BenchSupport.ms;
import static org.civatlas.bench.BenchSupport.pct;
import static org.civatlas.bench.BenchSupport.sorted;
import static org.civatlas.bench.BenchSupport.sum;
import static org.civatlas.bench.BenchSupport.parseArgs;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.civatlas.CivatlasApplication;
import org.civatlas.bench.BenchSupport;
import org.civatlas.layers.tiles.TileFeature;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.io.WKBWriter;
import org.locationtech.jts.operation.valid.IsValidOp;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * GeoJSON pages of the national county layer: the application itself (on PostGIS, started here, over HTTP) serving
 * {@code /ogc/collections/counties/items?limit=N&offset=…} against the raw {@code ST_AsGeoJSON} query over JDBC on
 * the same table and the same rows — the baseline. Ours does everything a client gets (Hibernate read,
 * GeoJSON writing, properties, links, HTTP); the baseline only makes the geometry text and the name.
 *
 * <pre>
 * mvn -q test-compile exec:java \
 *   -Dexec.mainClass=org.civatlas.layers.bench.GeoJsonPagesBenchmark \
 *   -Dexec.args="--seed-dir ../shared/gis-seed --pg jdbc:postgresql://127.0.0.1:5432/civatlas_bench_pages"
 * </pre>
 *
 * The database named by {@code --pg} is dropped and created afresh (the application's Flyway migrations make the
 * schema); the counties with an adcode are written to {@code admin_unit} as county-level units (GCJ-02 → WGS 84,
 * unrepaired; 385 rows of the file have no adcode). Options: {@code --pg-user postgres}, {@code --limits 100,1000},
 * {@code --rounds 3}.
 */
public final class GeoJsonPagesBenchmark {

    private GeoJsonPagesBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> opt = parseArgs(args);
        Path seedDir = Path.of(opt.getOrDefault("seed-dir", "../shared/gis-seed"));
        String pgUrl = opt.getOrDefault("pg", "jdbc:postgresql://127.0.0.1:5432/civatlas_bench_pages");
        String pgUser = opt.getOrDefault("pg-user", "postgres");
        int rounds = Integer.parseInt(opt.getOrDefault("rounds", "3"));
        List<Integer> limits = java.util.Arrays.stream(opt.getOrDefault("limits", "100,1000").split(","))
                .map(String::trim).map(Integer::parseInt).toList();
        long t0 = System.nanoTime();
        System.out.printf(Locale.ROOT, "GeoJsonPagesBenchmark: %d cores, max heap %,d MB, Java %s%n",
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20,
                System.getProperty("java.version"));

        BenchSupport.recreateDatabase(pgUrl, pgUser);
        try (Connection c = DriverManager.getConnection(pgUrl, pgUser, ""); Statement st = c.createStatement()) {
            st.execute("CREATE EXTENSION IF NOT EXISTS postgis");
        }
        List<TileFeature> counties = TileBenchmark.readCounties(seedDir.resolve("china-counties.geojson.gz"), t0);

        // as command-line arguments: they win over the postgres profile's own settings
        ConfigurableApplicationContext app = new SpringApplicationBuilder(CivatlasApplication.class)
                .profiles("postgres")
                .run("--spring.datasource.url=" + pgUrl,
                        "--spring.datasource.username=" + pgUser,
                        "--spring.datasource.password=",
                        "--server.port=0",
                        "--civatlas.demo-data.enabled=false",
                        "--civatlas.security.admin-password=benchmark-only-" + System.nanoTime(),
                        "--logging.level.root=WARN");
        try (Connection c = DriverManager.getConnection(pgUrl, pgUser, "")) {
            int port = ((WebServerApplicationContext) app).getWebServer().getPort();
            log(t0, "application started on PostGIS (%s), port %d", postgisVersion(c), port);
            int rows = writeCounties(c, counties, t0);
            try (Statement st = c.createStatement()) {
                st.execute("VACUUM ANALYZE admin_unit");
            }
            HttpClient http = HttpClient.newHttpClient();
            for (int limit : limits) {
                verifySamePages(http, port, c, rows, limit);
                List<Long> ours = new ArrayList<>();
                List<Long> pg = new ArrayList<>();
                long[] oursBytes = new long[1];
                long[] pgChars = new long[1];
                // alternate ours and the baseline page by page so that machine noise hits both alike
                for (int round = 0; round <= rounds; round++) {
                    for (int offset = 0; offset < rows; offset += limit) {
                        long s = System.nanoTime();
                        long bytes = ourPage(http, port, limit, offset);
                        long ourNanos = System.nanoTime() - s;
                        s = System.nanoTime();
                        long chars = postgisPage(c, limit, offset);
                        long pgNanos = System.nanoTime() - s;
                        if (round > 0) { // round 0 warms both up
                            ours.add(ourNanos);
                            pg.add(pgNanos);
                            oursBytes[0] += bytes;
                            pgChars[0] += chars;
                        }
                    }
                }
                long[] o = sorted(ours);
                long[] p = sorted(pg);
                System.out.printf(Locale.ROOT, "pages of %d (%d pages × %d rounds, %,d units): ours (HTTP, whole "
                                + "response) p50 %.1f ms, p99 %.1f ms, total %.2f s, %,d MB sent; ST_AsGeoJSON (JDBC) "
                                + "p50 %.1f ms, p99 %.1f ms, total %.2f s, %,d MB of text → ours %.2f× the baseline's "
                                + "speed%n",
                        limit, o.length / rounds, rounds, rows, ms(pct(o, 50)), ms(pct(o, 99)), sum(o) / 1e9,
                        oursBytes[0] >> 20, ms(pct(p, 50)), ms(pct(p, 99)), sum(p) / 1e9, pgChars[0] >> 20,
                        sum(p) / sum(o));
            }
        } finally {
            app.close();
        }
        log(t0, "done");
    }

    // ------------------------------------------------------------------------------------------------ the two sides

    private static long ourPage(HttpClient http, int port, int limit, int offset) throws Exception {
        HttpResponse<InputStream> r = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/ogc/collections/counties/items?limit=" + limit + "&offset=" + offset)).build(),
                HttpResponse.BodyHandlers.ofInputStream());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("items answered " + r.statusCode());
        }
        long n = 0;
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = r.body()) {
            for (int k; (k = in.read(buffer)) > 0; ) {
                n += k;
            }
        }
        return n;
    }

    /** The baseline: the raw query, 7 decimals like ours (1e-7° ≈ 1 cm), rows read as strings. */
    private static long postgisPage(Connection c, int limit, int offset) throws SQLException {
        long chars = 0;
        try (PreparedStatement ps = c.prepareStatement("SELECT code, name, ST_AsGeoJSON(geom, 7) FROM admin_unit "
                + "WHERE level = 'COUNTY' ORDER BY code LIMIT ? OFFSET ?")) {
            ps.setInt(1, limit);
            ps.setInt(2, offset);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    chars += rs.getString(1).length() + rs.getString(2).length();
                    String g = rs.getString(3);
                    chars += g == null ? 0 : g.length();
                }
            }
        }
        return chars;
    }

    /** Both sides return the same units in the same order, with the same first vertex (checked, not timed). */
    private static void verifySamePages(HttpClient http, int port, Connection c, int rows, int limit)
            throws Exception {
        JsonMapper json = JsonMapper.builder().build();
        for (int offset = 0; offset < rows; offset += limit) {
            JsonNode page = json.readTree(http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                    + "/ogc/collections/counties/items?limit=" + limit + "&offset=" + offset)).build(),
                    HttpResponse.BodyHandlers.ofString()).body());
            List<String> ours = new ArrayList<>();
            page.path("features").forEach(f -> ours.add(f.path("id").asString() + " "
                    + f.path("geometry").path("coordinates").path(0).path(0).path(0).toString()));
            List<String> theirs = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT code, ST_AsGeoJSON(geom, 7)::json->'coordinates'"
                    + "->0->0->0 FROM admin_unit WHERE level = 'COUNTY' ORDER BY code LIMIT ? OFFSET ?")) {
                ps.setInt(1, limit);
                ps.setInt(2, offset);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        theirs.add(rs.getString(1) + " " + json.readTree(rs.getString(2)).toString());
                    }
                }
            }
            if (!ours.equals(theirs)) {
                throw new IllegalStateException("pages differ at offset " + offset + ": " + ours.subList(0,
                        Math.min(3, ours.size())) + " vs " + theirs.subList(0, Math.min(3, theirs.size())));
            }
            if (page.path("numberMatched").asLong() != rows) {
                throw new IllegalStateException("numberMatched " + page.path("numberMatched") + " ≠ " + rows);
            }
        }
    }

    // ------------------------------------------------------------------------------------------------ data

    /** County-level units with an adcode (first of a duplicated code kept); geometry as a MultiPolygon. */
    private static int writeCounties(Connection c, List<TileFeature> counties, long t0) throws SQLException {
        Set<String> seen = new HashSet<>();
        int written = 0;
        int skipped = 0;
        WKBWriter wkb = new WKBWriter();
        c.setAutoCommit(false);
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO admin_unit (code, gb_code, name, level, kind, "
                + "urban_rural, population_synthetic, geom, geometry_synthetic, geometry_source, crs_conversion, "
                + "geometry_valid, geometry_invalid_reason, version) VALUES (?, ?, ?, 'COUNTY', 'COUNTY', 'MIXED', "
                + "false, ST_SetSRID(ST_GeomFromWKB(?), 4326), false, 'gis-seed china-counties.geojson.gz', "
                + "'GCJ-02 → WGS 84', ?, ?, 0)")) {
            for (TileFeature f : counties) {
                String adcode = (String) f.attributes().get("adcode");
                Geometry g = f.geometryWgs84();
                if (adcode == null || !adcode.matches("\\d{6}") || g == null || !seen.add(adcode)) {
                    skipped++;
                    continue;
                }
                MultiPolygon multi = g instanceof MultiPolygon m ? m
                        : g.getFactory().createMultiPolygon(new Polygon[] {(Polygon) g});
                IsValidOp valid = new IsValidOp(multi);
                ps.setString(1, adcode + "000000");
                ps.setString(2, adcode);
                ps.setString(3, String.valueOf(f.attributes().getOrDefault("name", adcode)));
                ps.setBytes(4, wkb.write(multi));
                ps.setBoolean(5, valid.isValid());
                ps.setString(6, valid.isValid() ? null : valid.getValidationError().getMessage());
                ps.addBatch();
                if (++written % 200 == 0) {
                    ps.executeBatch();
                }
            }
            ps.executeBatch();
        }
        c.commit();
        c.setAutoCommit(true);
        log(t0, "wrote %,d county units to admin_unit (%,d rows without a usable adcode or geometry, or repeated)",
                written, skipped);
        return written;
    }

    private static String postgisVersion(Connection c) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT postgis_lib_version()")) {
            rs.next();
            return "PostGIS " + rs.getString(1);
        }
    }
}
