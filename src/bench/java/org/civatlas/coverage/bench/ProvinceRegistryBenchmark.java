package org.civatlas.coverage.bench;

import static org.civatlas.bench.BenchSupport.log;
import static org.civatlas.bench.BenchSupport.ms;
import static org.civatlas.bench.BenchSupport.parseArgs;
import static org.civatlas.bench.BenchSupport.pct;
import static org.civatlas.bench.BenchSupport.sum;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Date;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.civatlas.CivatlasApplication;
import org.civatlas.bench.BenchSupport;
import org.civatlas.facilities.FacilitiesChanged;
import org.civatlas.spatial.Geometries;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.io.WKBReader;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Coverage with a province-sized facility registry: the application itself (started here on PostGIS with the demo
 * county, plus {@code --facilities} synthetic facilities written by {@link ProvinceRegistryLoader}) answering
 * {@code /api/coverage} over HTTP for varied parameters (types and type groups, containment and distance rules with
 * several distances, as-of dates, scenarios, levels, urban/rural), each parameter set asked once cold (a cache miss)
 * and once warm, against the same indicator as one SQL query over JDBC: {@code ST_Contains} of the units with any
 * counting facility, or {@code ST_DWithin} on geography between the units' population points (the same JTS interior
 * points the application uses) and the counting facilities, both with GiST indexes. The covered and total counts
 * of the two are compared for every parameter set; a difference stops the run.
 *
 * <pre>
 * mvn -q test-compile exec:java \
 *   -Dexec.mainClass=org.civatlas.coverage.bench.ProvinceRegistryBenchmark \
 *   -Dexec.args="--pg jdbc:postgresql://127.0.0.1:5432/civatlas_bench_province"
 * </pre>
 * The database named by {@code --pg} is dropped and created afresh. Options: {@code --pg-user postgres},
 * {@code --facilities 20000}, {@code --requests 200} (parameter sets), {@code --seed 42}, {@code --prepare-only}
 * (create the database, load the demo data and the facilities, stop: for {@code bench/wrk-province.lua} against
 * the packaged jar).
 */
public final class ProvinceRegistryBenchmark {

    private static final String COUNTY = "653122";
    private static final double[] DISTANCES = {500, 1000, 2000, 5000, 10000};
    private static final LocalDate[] AS_OF = {LocalDate.of(2008, 1, 1), LocalDate.of(2015, 6, 30),
            LocalDate.of(2020, 1, 1), LocalDate.of(2023, 12, 31), LocalDate.of(2026, 7, 1)};

    private ProvinceRegistryBenchmark() {
    }

    /** One parameter set: the request's query string and the expanded types for the SQL side. */
    record Params(String types, List<String> expanded, boolean distance, double metres, LocalDate asOf,
            boolean planned, String level, String urbanRural) {

        String query() {
            return "types=" + URLEncoder.encode(types, StandardCharsets.UTF_8)
                    + (distance ? "&rule=distance&distance=" + (long) metres : "&rule=containment")
                    + "&asOf=" + asOf + "&scenario=" + (planned ? "planned" : "current") + "&level=" + level
                    + (urbanRural == null ? "" : "&urbanRural=" + urbanRural);
        }
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> opt = parseArgs(args);
        String pgUrl = opt.getOrDefault("pg", "jdbc:postgresql://127.0.0.1:5432/civatlas_bench_province");
        String pgUser = opt.getOrDefault("pg-user", "postgres");
        int facilities = Integer.parseInt(opt.getOrDefault("facilities", "20000"));
        int requests = Integer.parseInt(opt.getOrDefault("requests", "200"));
        long seed = Long.parseLong(opt.getOrDefault("seed", "42"));
        boolean prepareOnly = opt.containsKey("prepare-only");
        long t0 = System.nanoTime();
        System.out.printf(Locale.ROOT, "ProvinceRegistryBenchmark: %d cores, max heap %,d MB, Java %s%n",
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20,
                System.getProperty("java.version"));

        BenchSupport.recreateDatabase(pgUrl, pgUser);
        try (Connection c = DriverManager.getConnection(pgUrl, pgUser, ""); Statement st = c.createStatement()) {
            st.execute("CREATE EXTENSION IF NOT EXISTS postgis");
        }
        ConfigurableApplicationContext app = new SpringApplicationBuilder(CivatlasApplication.class)
                .profiles("postgres")
                .run("--spring.datasource.url=" + pgUrl,
                        "--spring.datasource.username=" + pgUser,
                        "--spring.datasource.password=",
                        "--server.port=0",
                        "--civatlas.demo-data.enabled=true",
                        "--civatlas.security.admin-password=benchmark-only-" + System.nanoTime(),
                        "--logging.level.root=WARN");
        try (Connection c = DriverManager.getConnection(pgUrl, pgUser, "")) {
            int port = ((WebServerApplicationContext) app).getWebServer().getPort();
            log(t0, "application started on PostGIS with the demo data, port %d", port);
            ProvinceRegistryLoader.load(c, facilities, COUNTY, seed);
            // the loader's notification reaches the application through its LISTEN connection; publish it here as
            // well so that the first timed request cannot race it
            app.publishEvent(new FacilitiesChanged(-1));
            long total = count(c, "SELECT count(*) FROM facility");
            log(t0, "wrote %,d synthetic facilities (registry now %,d)", facilities, total);
            if (prepareOnly) {
                log(t0, "prepared %s; start the packaged app on it (see README)", pgUrl);
                return;
            }
            prepareBaseline(c);
            log(t0, "baseline tables ready (bench_demand, bench_facility: geography with GiST)");

            Map<String, List<String>> groups = typeGroups(c);
            List<Params> sets = parameterSets(groups, requests, seed);
            HttpClient http = HttpClient.newHttpClient();
            JsonMapper json = JsonMapper.builder().build();
            // warm-up on other parameters (a different seed): JIT, connection pools, the units' population points
            for (Params p : parameterSets(groups, 20, seed + 1)) {
                ours(http, json, port, p);
                postgis(c, p);
            }
            long[] cold = new long[sets.size()];
            long[] warm = new long[sets.size()];
            long[] pg = new long[sets.size()];
            int checked = 0;
            for (int i = 0; i < sets.size(); i++) {
                Params p = sets.get(i);
                long s = System.nanoTime();
                int[] o = ours(http, json, port, p);
                cold[i] = System.nanoTime() - s;
                s = System.nanoTime();
                int[] o2 = ours(http, json, port, p);
                warm[i] = System.nanoTime() - s;
                s = System.nanoTime();
                int[] b = postgis(c, p);
                pg[i] = System.nanoTime() - s;
                if (!Arrays.equals(o, b) || !Arrays.equals(o, o2)) {
                    throw new IllegalStateException("covered/total differ for " + p.query() + ": ours "
                            + Arrays.toString(o) + " (again " + Arrays.toString(o2) + "), PostGIS "
                            + Arrays.toString(b));
                }
                checked++;
                if (i < 4) {
                    log(t0, "check %s: covered %d / %d on both", p.query(), o[0], o[1]);
                }
            }
            log(t0, "all %d parameter sets gave the same covered and total counts on both sides", checked);
            report("cold (cache miss), HTTP", cold, pg);
            report("warm (cache hit), HTTP", warm, pg);
        } finally {
            app.close();
        }
        log(t0, "done");
    }

    private static void report(String label, long[] ours, long[] pg) {
        long[] o = ours.clone();
        long[] p = pg.clone();
        Arrays.sort(o);
        Arrays.sort(p);
        System.out.printf(Locale.ROOT, "coverage %s, %d parameter sets: ours p50 %.1f ms, p99 %.1f ms, total %.2f s; "
                        + "PostGIS (JDBC) p50 %.1f ms, p99 %.1f ms, total %.2f s → ours %.2f× the baseline's speed%n",
                label, o.length, ms(pct(o, 50)), ms(pct(o, 99)), sum(o) / 1e9, ms(pct(p, 50)), ms(pct(p, 99)),
                sum(p) / 1e9, sum(p) / sum(o));
    }

    static List<Params> parameterSets(Map<String, List<String>> groups, int n, long seed) {
        List<String> typeChoices = new ArrayList<>();
        groups.values().forEach(typeChoices::addAll);
        List<String> singles = List.copyOf(typeChoices);
        typeChoices.addAll(groups.keySet().stream().filter(g -> groups.get(g).size() > 1).toList());
        SplittableRandom rnd = new SplittableRandom(seed);
        Set<String> seen = new LinkedHashSet<>();
        List<Params> out = new ArrayList<>();
        while (out.size() < n) {
            String types = typeChoices.get(rnd.nextInt(typeChoices.size()));
            if (rnd.nextInt(4) == 0) {
                types = types + "," + singles.get(rnd.nextInt(singles.size()));
            }
            Set<String> expanded = new java.util.TreeSet<>();
            for (String t : types.split(",")) {
                expanded.addAll(groups.getOrDefault(t, List.of(t)));
            }
            boolean distance = rnd.nextInt(3) != 0;
            double metres = DISTANCES[rnd.nextInt(DISTANCES.length)];
            Params p = new Params(types, List.copyOf(expanded), distance, distance ? metres : 0,
                    AS_OF[rnd.nextInt(AS_OF.length)], rnd.nextBoolean(), rnd.nextInt(3) == 0 ? "township" : "village",
                    switch (rnd.nextInt(3)) {
                        case 0 -> "urban";
                        case 1 -> "rural";
                        default -> null;
                    });
            if (seen.add(p.query())) {
                out.add(p);
            }
        }
        return out;
    }

    private static Map<String, List<String>> typeGroups(Connection c) throws SQLException {
        Map<String, List<String>> out = new LinkedHashMap<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                "SELECT group_code, code FROM facility_type ORDER BY sort_order")) {
            while (rs.next()) {
                out.computeIfAbsent(rs.getString(1), g -> new ArrayList<>()).add(rs.getString(2));
            }
        }
        return out;
    }

    private static int[] ours(HttpClient http, JsonMapper json, int port, Params p) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/api/coverage?" + p.query())).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("coverage answered " + r.statusCode() + " for " + p.query() + ": "
                    + r.body());
        }
        JsonNode o = json.readTree(r.body());
        return new int[] {o.path("covered").asInt(), o.path("total").asInt()};
    }

    /**
     * The baseline's tables: the demand units of the county with the population point the application uses (JTS
     * interior point of the polygon, computed here from the same stored geometry) as geography, and the facilities
     * with their location as geography; GiST on both.
     */
    private static void prepareBaseline(Connection c) throws Exception {
        try (Statement st = c.createStatement()) {
            st.execute("DROP TABLE IF EXISTS bench_demand");
            st.execute("CREATE TABLE bench_demand (code varchar(12) PRIMARY KEY, level varchar(16), "
                    + "urban_rural varchar(8), geog geography(Point, 4326))");
            st.execute("DROP TABLE IF EXISTS bench_facility");
            st.execute("CREATE TABLE bench_facility AS SELECT id, type_code, status, opened_on, closed_on, location, "
                    + "location::geography AS geog FROM facility");
        }
        WKBReader reader = new WKBReader(Geometries.WGS84);
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT code, level, urban_rural, ST_AsBinary(geom) FROM admin_unit "
                     + "WHERE level IN ('VILLAGE', 'TOWNSHIP') AND geom IS NOT NULL AND code LIKE '" + COUNTY + "%'");
             PreparedStatement ins = c.prepareStatement("INSERT INTO bench_demand VALUES (?, ?, ?, "
                     + "ST_SetSRID(ST_MakePoint(?, ?), 4326)::geography)")) {
            while (rs.next()) {
                Geometry g = reader.read(rs.getBytes(4));
                Point p = g.getInteriorPoint();
                ins.setString(1, rs.getString(1));
                ins.setString(2, rs.getString(2));
                ins.setString(3, rs.getString(3));
                ins.setDouble(4, p.getX());
                ins.setDouble(5, p.getY());
                ins.addBatch();
            }
            ins.executeBatch();
        }
        try (Statement st = c.createStatement()) {
            st.execute("CREATE INDEX ON bench_demand USING GIST (geog)");
            st.execute("CREATE INDEX ON bench_facility USING GIST (geog)");
            st.execute("CREATE INDEX ON bench_facility USING GIST (location)");
            st.execute("ANALYZE bench_demand");
            st.execute("ANALYZE bench_facility");
        }
    }

    /** Covered and total units for the parameters, as one SQL statement. */
    private static int[] postgis(Connection c, Params p) throws SQLException {
        String counts = "f.type_code = ANY (?) AND ((f.opened_on IS NOT NULL AND f.opened_on <= ? AND (f.closed_on IS "
                + "NULL OR f.closed_on > ?))" + (p.planned() ? " OR f.status IN ('PLANNED', 'UNDER_CONSTRUCTION')" : "")
                + ")";
        String level = p.level().toUpperCase(Locale.ROOT);
        String sql = p.distance()
                ? "SELECT count(*) FILTER (WHERE EXISTS (SELECT 1 FROM bench_facility f WHERE " + counts
                        + " AND ST_DWithin(d.geog, f.geog, ?))), count(*) FROM bench_demand d WHERE d.level = ?"
                : "SELECT count(*) FILTER (WHERE EXISTS (SELECT 1 FROM bench_facility f WHERE " + counts
                        + " AND ST_Contains(u.geom, f.location))), count(*) FROM admin_unit u WHERE u.level = ? "
                        + "AND u.geom IS NOT NULL AND u.code LIKE '" + COUNTY + "%'";
        String table = p.distance() ? "d" : "u";
        if (p.urbanRural() != null) {
            sql += " AND " + table + ".urban_rural = ?";
        }
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            int i = 1;
            ps.setArray(i++, c.createArrayOf("varchar", p.expanded().toArray()));
            ps.setDate(i++, Date.valueOf(p.asOf()));
            ps.setDate(i++, Date.valueOf(p.asOf()));
            if (p.distance()) {
                ps.setDouble(i++, p.metres());
            }
            ps.setString(i++, level);
            if (p.urbanRural() != null) {
                ps.setString(i, p.urbanRural().toUpperCase(Locale.ROOT));
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return new int[] {rs.getInt(1), rs.getInt(2)};
            }
        }
    }

    private static long count(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
