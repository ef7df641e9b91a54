package org.civatlas.coverage.bench;

import static org.civatlas.bench.BenchSupport.parseArgs;
import static org.civatlas.bench.BenchSupport.require;

import java.sql.Connection;
import java.sql.Date;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.civatlas.spatial.Geometries;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.io.WKBReader;

/**
 * Writes a province-sized facility registry (default 20,000 facilities, all {@code synthetic = true}, source
 * "generated: ProvinceRegistryLoader …") into the PostgreSQL database of a civatlas instance that already holds the
 * county's divisions (e.g. the demo data), and announces the change the way the cluster module does (the
 * {@code facilities} row of {@code data_version} incremented and a {@code civatlas_changes} notification with key
 * {@code *} in the same transaction), so running nodes drop their coverage caches.
 *
 * <p>Deterministic for a seed: each facility lies in a village of the county (drawn uniformly over villages, the
 * point drawn uniformly inside the village polygon), has one of the real facility types of {@code facility_type},
 * an operator, a status (≈70 % operating, 10 % closed, 10 % under construction, 10 % planned) with dates that keep
 * {@code FacilityRules}, and beds for the types that have beds. Earlier generated facilities are removed first, so a
 * second run replaces them.
 *
 * <pre>
 * mvn -q test-compile exec:java \
 *   -Dexec.mainClass=org.civatlas.coverage.bench.ProvinceRegistryLoader \
 *   -Dexec.args="--pg jdbc:postgresql://127.0.0.1:5432/civatlas_bench_province --facilities 20000"
 * </pre>
 * Options: {@code --pg-user postgres}, {@code --county 653122} (code prefix), {@code --seed 42}.
 */
public final class ProvinceRegistryLoader {

    static final String SOURCE_PREFIX = "generated: ProvinceRegistryLoader";

    private ProvinceRegistryLoader() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> opt = parseArgs(args);
        String url = require(opt, "pg");
        try (Connection c = DriverManager.getConnection(url, opt.getOrDefault("pg-user", "postgres"), "")) {
            int n = load(c, Integer.parseInt(opt.getOrDefault("facilities", "20000")),
                    opt.getOrDefault("county", "653122"), Long.parseLong(opt.getOrDefault("seed", "42")));
            System.out.printf(Locale.ROOT, "wrote %,d synthetic facilities%n", n);
        }
    }

    private record Village(String code, Geometry geometry, PreparedGeometry prepared) {
    }

    private record Type(String code, String nameZh, boolean hasBeds) {
    }

    /** Replaces the generated facilities by {@code n} new ones and announces the change; returns n. */
    public static int load(Connection c, int n, String countyPrefix, long seed) throws Exception {
        List<Village> villages = villages(c, countyPrefix);
        List<Type> types = new ArrayList<>();
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT code, name_zh, has_beds FROM facility_type ORDER BY sort_order")) {
            while (rs.next()) {
                types.add(new Type(rs.getString(1), rs.getString(2), rs.getBoolean(3)));
            }
        }
        if (villages.isEmpty() || types.isEmpty()) {
            throw new IllegalStateException("the database has no villages under " + countyPrefix + " or no types");
        }
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(false);
        try {
            try (PreparedStatement del = c.prepareStatement("DELETE FROM facility WHERE source LIKE ?")) {
                del.setString(1, SOURCE_PREFIX + "%");
                del.executeUpdate();
            }
            SplittableRandom rnd = new SplittableRandom(seed);
            String source = SOURCE_PREFIX + " (synthetic, province-sized benchmark registry, seed " + seed + ")";
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO facility (name, type_code, operator, status, "
                    + "planned_on, construction_started_on, opened_on, closed_on, beds, nursing_beds, location, "
                    + "unit_code, synthetic, source, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
                    + "ST_SetSRID(ST_MakePoint(?, ?), 4326), ?, TRUE, ?, 0)")) {
                for (int i = 0; i < n; i++) {
                    Village v = villages.get(rnd.nextInt(villages.size()));
                    Type t = types.get(rnd.nextInt(types.size()));
                    double[] p = pointIn(v, rnd);
                    LocalDate planned;
                    LocalDate started = null;
                    LocalDate opened = null;
                    LocalDate closed = null;
                    String status;
                    double r = rnd.nextDouble();
                    if (r < 0.8) {
                        opened = LocalDate.of(2000, 1, 1).plusDays(rnd.nextInt(365 * 26));
                        started = opened.minusDays(150 + rnd.nextInt(600));
                        planned = started.minusDays(60 + rnd.nextInt(400));
                        if (r < 0.7) {
                            status = "OPERATING";
                        } else {
                            status = "CLOSED";
                            closed = opened.plusDays(200 + rnd.nextInt(3650));
                            if (closed.isAfter(LocalDate.of(2026, 6, 30))) {
                                closed = LocalDate.of(2026, 6, 30);
                                opened = closed.minusDays(200 + rnd.nextInt(1000));
                                started = opened.minusDays(150);
                                planned = started.minusDays(60);
                            }
                        }
                    } else if (r < 0.9) {
                        status = "UNDER_CONSTRUCTION";
                        planned = LocalDate.of(2023, 1, 1).plusDays(rnd.nextInt(700));
                        started = planned.plusDays(60 + rnd.nextInt(300));
                    } else {
                        status = "PLANNED";
                        planned = LocalDate.of(2024, 1, 1).plusDays(rnd.nextInt(900));
                    }
                    Integer beds = t.hasBeds() ? 10 + rnd.nextInt(290) : null;
                    ps.setString(1, String.format(Locale.ROOT, "合成%s %05d（synthetic）", t.nameZh(), i + 1));
                    ps.setString(2, t.code());
                    ps.setString(3, rnd.nextDouble() < 0.8 ? "PUBLIC" : "PRIVATE");
                    ps.setString(4, status);
                    setDate(ps, 5, planned);
                    setDate(ps, 6, started);
                    setDate(ps, 7, opened);
                    setDate(ps, 8, closed);
                    if (beds == null) {
                        ps.setNull(9, Types.INTEGER);
                        ps.setNull(10, Types.INTEGER);
                    } else {
                        ps.setInt(9, beds);
                        ps.setInt(10, (int) (beds * rnd.nextDouble() * 0.6));
                    }
                    ps.setDouble(11, p[0]);
                    ps.setDouble(12, p[1]);
                    ps.setString(13, v.code());
                    ps.setString(14, source);
                    ps.addBatch();
                    if (i % 1000 == 999) {
                        ps.executeBatch();
                    }
                }
                ps.executeBatch();
            }
            announce(c);
            c.commit();
        } catch (Exception e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(autoCommit);
        }
        try (Statement st = c.createStatement()) {
            st.execute("ANALYZE facility");
        }
        return n;
    }

    /** As the cluster module's broadcaster: the kind's counter moves and a notification goes out on commit. */
    private static void announce(Connection c) throws SQLException {
        long version;
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                "UPDATE data_version SET version = version + 1 WHERE kind = 'facilities' RETURNING version")) {
            if (!rs.next()) {
                return; // no cluster table: nothing to announce to
            }
            version = rs.getLong(1);
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT pg_notify('civatlas_changes', ?)")) {
            ps.setString(1, "{\"node\":\"province-loader\",\"kind\":\"facilities\",\"key\":\"*\",\"version\":"
                    + version + "}");
            ps.executeQuery().close();
        }
    }

    private static void setDate(PreparedStatement ps, int i, LocalDate d) throws SQLException {
        if (d == null) {
            ps.setNull(i, Types.DATE);
        } else {
            ps.setDate(i, Date.valueOf(d));
        }
    }

    private static List<Village> villages(Connection c, String countyPrefix) throws Exception {
        List<Village> out = new ArrayList<>();
        WKBReader reader = new WKBReader(Geometries.WGS84);
        try (PreparedStatement ps = c.prepareStatement("SELECT code, ST_AsBinary(geom) FROM admin_unit "
                + "WHERE level = 'VILLAGE' AND geom IS NOT NULL AND code LIKE ? ORDER BY code")) {
            ps.setString(1, countyPrefix + "%");
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Geometry g = reader.read(rs.getBytes(2));
                    out.add(new Village(rs.getString(1), g, PreparedGeometryFactory.prepare(g)));
                }
            }
        }
        return out;
    }

    private static double[] pointIn(Village v, SplittableRandom rnd) {
        Envelope e = v.geometry().getEnvelopeInternal();
        for (int k = 0; k < 1000; k++) {
            double lon = e.getMinX() + rnd.nextDouble() * e.getWidth();
            double lat = e.getMinY() + rnd.nextDouble() * e.getHeight();
            if (v.prepared().containsProperly(Geometries.WGS84.createPoint(
                    new org.locationtech.jts.geom.Coordinate(lon, lat)))) {
                return new double[] {lon, lat};
            }
        }
        var p = v.geometry().getInteriorPoint();
        return new double[] {p.getX(), p.getY()};
    }
}
