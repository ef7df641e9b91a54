package org.civatlas.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.civatlas.support.DatabaseProxy;
import org.civatlas.support.Http;
import org.civatlas.support.PostgisAvailable;
import org.civatlas.support.PostgisDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The database goes away while people work (a restart, a lost network), on the server install: the application
 * reaches PostgreSQL through a relay the test cuts. Clients get a 503 problem with Retry-After within seconds, a
 * commit cut off stores nothing, and the application works again by itself once the database is back.
 */
@ExtendWith(PostgisAvailable.class)
@ActiveProfiles("postgres")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "civatlas.demo-data.enabled=true",
        "civatlas.security.demo-users=true"})
class DatabaseOutageTest {

    private static final String DATABASE = "civatlas_test_outage";
    private static final Duration PROMPT = Duration.ofSeconds(8);
    private static String databaseUrl;
    private static DatabaseProxy proxy;

    @LocalServerPort
    int port;

    Http http;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) throws Exception {
        databaseUrl = PostgisDatabases.fresh(DATABASE);
        proxy = DatabaseProxy.forJdbcUrl(databaseUrl);
        registry.add("spring.datasource.url", () -> proxy.jdbcUrl(databaseUrl));
        registry.add("spring.datasource.username", PostgisDatabases::user);
        registry.add("spring.datasource.password", PostgisDatabases::password);
    }

    @BeforeEach
    void client() {
        http = new Http(port);
        proxy.restore();
    }

    @AfterEach
    void databaseBack() {
        proxy.restore();
    }

    private record Timed(Http.Response response, Duration took) {
    }

    private static Timed timed(java.util.function.Supplier<Http.Response> call) {
        long start = System.nanoTime();
        Http.Response r = call.get();
        return new Timed(r, Duration.ofNanos(System.nanoTime() - start));
    }

    private static void assertUnavailable(Timed t) {
        assertThat(t.took()).as("answered within %s", PROMPT).isLessThan(PROMPT);
        assertThat(t.response().status()).isEqualTo(503);
        assertThat(t.response().contentType()).startsWith("application/problem+json");
        assertThat(t.response().headers().firstValue("Retry-After")).hasValueSatisfying(v ->
                assertThat(Integer.parseInt(v)).isBetween(1, 60));
        assertThat(t.response().json().path("detail").asString()).contains("数据库").contains("database");
    }

    private long facilityCount() throws Exception {
        try (Connection c = DriverManager.getConnection(databaseUrl, PostgisDatabases.user(),
                PostgisDatabases.password()); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT count(*) FROM facility")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Waits until the database is reachable for the application again (recovery needs no restart). */
    private void awaitRecovery() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            if (http.get("/actuator/health").status() == 200) {
                return;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("the application did not recover within 30 s of the database's return");
    }

    @Test
    void editsDuringAnOutageAre503sThatStoreNothingAndTheAppRecoversByItself() throws Exception {
        JsonNode facility = http.get("/api/facilities/6", "planner", "planner").json();
        String name = facility.path("name").asString();
        ((tools.jackson.databind.node.ObjectNode) facility).put("name", name + " 停机时");
        // what the public reads from memory keeps working: the index is built before the outage
        assertThat(http.get("/api/places/search?q=shule").status()).isEqualTo(200);

        proxy.cut();
        assertUnavailable(timed(() -> http.put("/api/facilities/6", facility.toString(), "planner", "planner")));
        assertUnavailable(timed(() -> http.get("/api/facilities/6")));
        Timed health = timed(() -> http.get("/actuator/health"));
        assertThat(health.took()).isLessThan(PROMPT);
        assertThat(health.response().status()).isEqualTo(503);
        Timed search = timed(() -> http.get("/api/places/search?q=shule"));
        assertThat(search.took()).isLessThan(PROMPT);
        assertThat(search.response().status()).isEqualTo(200);
        assertThat(search.response().json().path("results").size()).isPositive();

        proxy.restore();
        awaitRecovery();
        assertThat(http.get("/api/facilities/6").json().path("name").asString()).isEqualTo(name);
        assertThat(http.put("/api/facilities/6", facility.toString(), "planner", "planner").status()).isEqualTo(200);
        assertThat(http.get("/api/facilities/6").json().path("name").asString()).isEqualTo(name + " 停机时");
    }

    @Test
    void anImportCommitCutOffByTheOutageStoresNothingAndCommitsOnceWhenSentAgain() throws Exception {
        int rows = 200;
        StringBuilder file = new StringBuilder("{\"type\":\"FeatureCollection\",\"features\":[");
        for (int i = 0; i < rows; i++) {
            double lon = 75.95 + (i % 20) * 0.006;
            double lat = 39.33 + (i / 20) * 0.008;
            file.append(i == 0 ? "" : ",").append("{\"type\":\"Feature\",\"properties\":{\"编号\":\"OUTAGE-").append(i)
                    .append("\",\"名称\":\"停机测试点").append(i).append("\",\"类型\":\"FUNERAL_HOME\",\"状态\":\"规划\"},")
                    .append("\"geometry\":{\"type\":\"Point\",\"coordinates\":[").append(lon).append(',').append(lat)
                    .append("]}}");
        }
        file.append("]}");
        Http.Response preview = http.multipart("/api/imports?layer=facilities", "outage.geojson",
                "application/geo+json", file.toString().getBytes(StandardCharsets.UTF_8), "planner", "planner");
        assertThat(preview.status()).isIn(200, 201);
        String id = preview.json().path("id").asString();
        long before = facilityCount();

        // Hold the facility table so that the commit stops at its first write, inside its transaction; cut the
        // database there, then let go: the commit was never finished and PostgreSQL rolls it back.
        Http.Response cutOff;
        try (Connection holder = DriverManager.getConnection(databaseUrl, PostgisDatabases.user(),
                PostgisDatabases.password())) {
            holder.setAutoCommit(false);
            try (Statement s = holder.createStatement()) {
                s.execute("LOCK TABLE facility IN SHARE MODE");
            }
            CompletableFuture<Http.Response> commit = CompletableFuture.supplyAsync(() ->
                    http.post("/api/imports/" + id + "/commit", "{}", "planner", "planner"));
            awaitCommitWaitingToWrite();
            proxy.cut();
            cutOff = commit.get();
            holder.rollback();
        }
        proxy.restore();
        awaitRecovery();

        assertThat(cutOff.status()).isEqualTo(503);
        assertThat(cutOff.headers().firstValue("Retry-After")).isPresent();
        assertThat(facilityCount()).as("nothing of a cut-off commit is stored").isEqualTo(before);
        Http.Response again = http.post("/api/imports/" + id + "/commit", "{}", "planner", "planner");
        assertThat(again.status()).isEqualTo(200);
        assertThat(facilityCount()).isEqualTo(before + rows);
        assertThat(http.post("/api/imports/" + id + "/commit", "{}", "planner", "planner").status()).isEqualTo(409);
        assertThat(facilityCount()).isEqualTo(before + rows);
    }

    /** Until an application transaction waits on the test's lock of the facility table (seen from PostgreSQL). */
    private void awaitCommitWaitingToWrite() throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        try (Connection c = DriverManager.getConnection(databaseUrl, PostgisDatabases.user(),
                PostgisDatabases.password()); Statement s = c.createStatement()) {
            while (System.nanoTime() < deadline) {
                try (ResultSet rs = s.executeQuery("SELECT count(*) FROM pg_stat_activity WHERE datname = '"
                        + DATABASE + "' AND wait_event_type = 'Lock' AND query ILIKE '%facility%'")) {
                    rs.next();
                    if (rs.getLong(1) > 0) {
                        return;
                    }
                }
                Thread.sleep(20);
            }
            StringBuilder sessions = new StringBuilder();
            try (ResultSet rs = s.executeQuery("SELECT state, wait_event_type, left(query, 100) FROM pg_stat_activity "
                    + "WHERE datname = '" + DATABASE + "' AND pid <> pg_backend_pid()")) {
                while (rs.next()) {
                    sessions.append('\n').append(rs.getString(1)).append(" | ").append(rs.getString(2)).append(" | ")
                            .append(rs.getString(3));
                }
            }
            throw new AssertionError("the commit never reached its first write of a facility; sessions:" + sessions);
        }
    }
}
