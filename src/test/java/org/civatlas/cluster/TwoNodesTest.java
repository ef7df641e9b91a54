package org.civatlas.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;
import java.util.stream.StreamSupport;
import org.civatlas.CivatlasApplication;
import org.civatlas.support.Http;
import org.civatlas.support.PostgisAvailable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.io.geojson.GeoJsonReader;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two application nodes in one JVM on one PostGIS database of their own, started at the same moment on the empty
 * database, checked over HTTP as a user would: a change made on node A is seen on node B (coverage, the facility
 * layer's ETag and tile, place-name search), a form login on A is valid on B, garbage notifications are ignored, a
 * node catches up changes it missed while not listening, and a node refuses a newer database schema.
 */
@ExtendWith(PostgisAvailable.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoNodesTest {

    private static final String DATABASE = "civatlas_test_nodes";
    private static final String RURAL = "/api/coverage?types=RURAL_COMMUNITY_SERVICE&urbanRural=rural";
    private static final long WITHIN_MS = 2_000;

    private final String user = System.getenv().getOrDefault("CIVATLAS_TEST_POSTGIS_USER", "postgres");
    private final String password = System.getenv().getOrDefault("CIVATLAS_TEST_POSTGIS_PASSWORD", "");
    private String url;
    private ConfigurableApplicationContext a;
    private ConfigurableApplicationContext b;
    private Http httpA;
    private Http httpB;
    private final List<Path> dataDirs = new ArrayList<>();

    @BeforeAll
    void startTwoNodesAtOnce() throws Exception {
        url = withDatabase(PostgisAvailable.url(), DATABASE);
        try (Connection c = DriverManager.getConnection(withDatabase(PostgisAvailable.url(), "postgres"), user,
                password); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + DATABASE + " WITH (FORCE)");
            s.execute("CREATE DATABASE " + DATABASE);
        }
        sql("CREATE EXTENSION IF NOT EXISTS postgis");
        CompletableFuture<ConfigurableApplicationContext> first = CompletableFuture.supplyAsync(this::node);
        CompletableFuture<ConfigurableApplicationContext> second = CompletableFuture.supplyAsync(this::node);
        a = first.get();
        b = second.get();
        httpA = new Http(port(a));
        httpB = new Http(port(b));
    }

    @AfterAll
    void stopAndDrop() throws Exception {
        for (ConfigurableApplicationContext c : new ConfigurableApplicationContext[] {a, b}) {
            if (c != null && c.isActive()) {
                c.close();
            }
        }
        if (url != null) {
            try (Connection c = DriverManager.getConnection(withDatabase(PostgisAvailable.url(), "postgres"), user,
                    password); Statement s = c.createStatement()) {
                s.execute("DROP DATABASE IF EXISTS " + DATABASE + " WITH (FORCE)");
            }
        }
        for (Path dir : dataDirs) {
            org.springframework.util.FileSystemUtils.deleteRecursively(dir);
        }
    }

    @Test
    @Order(1)
    void startingTogetherOnAnEmptyDatabaseLoadsTheDemoDataOnce() throws Exception {
        JsonNode demo = JsonMapper.builder().build().readTree(
                getClass().getResourceAsStream("/gis-data/demo/facilities.geojson"));
        assertThat(count("SELECT count(*) FROM facility")).isEqualTo(demo.path("features").size());
        assertThat(count("SELECT count(*) FROM place")).isGreaterThan(0)
                .isEqualTo(count("SELECT count(DISTINCT division_code) FROM place"));
        assertThat(count("SELECT count(*) FROM boundary_line WHERE valid_to IS NULL")).isGreaterThan(0)
                .isEqualTo(count("SELECT count(DISTINCT line_code) FROM boundary_line WHERE valid_to IS NULL"));
        assertThat(count("SELECT count(*) FROM app_user")).isEqualTo(count("SELECT count(DISTINCT username) FROM app_user"));
        assertThat(httpA.get("/api/facilities").json().size()).isEqualTo(httpB.get("/api/facilities").json().size());
    }

    @Test
    @Order(2)
    void garbageNotificationsAreIgnored() throws Exception {
        long connects = listener(b).connects();
        sql("SELECT pg_notify('civatlas_changes', 'garbage')");
        sql("SELECT pg_notify('civatlas_changes', '{\"node\":\"other\",\"kind\":\"no-such-kind\",\"key\":\"1\","
                + "\"version\":1}')");
        sql("SELECT pg_notify('civatlas_changes', '{\"node\":\"other\"}')");
        sql("SELECT pg_notify('civatlas_changes', '')");
        Thread.sleep(1_000);
        assertThat(listener(b).connects()).isEqualTo(connects);
        assertThat(listener(b).isRunning()).isTrue();
        assertThat(httpB.get(RURAL).status()).isEqualTo(200);
        // and the next real change still arrives: see the facility test that follows
    }

    @Test
    @Order(3)
    void aFacilityAddedOnAChangesCoverageTilesAndTheLayerOnB() throws Exception {
        JsonNode before = httpB.get(RURAL).json(); // B caches the result
        String target = before.path("uncovered").get(0).asString();
        Point at = insideVillage(target);
        String tile = org.civatlas.support.Tiles.path("facilities", at, 12);
        String tileBefore = httpB.get(tile).body();
        String etagBefore = httpB.get("/ogc/collections/facilities/items").headers().firstValue("ETag").orElseThrow();
        String facilitiesOnB = httpB.get("/api/facilities").body();

        long republished = listener(b).republished();
        long posted = System.nanoTime();
        Http.Response created = httpA.post("/api/facilities", facility(at), "planner", "planner");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long start = System.nanoTime(); // A answered: the change is committed
        long requestMs = (start - posted) / 1_000_000;
        long notifiedMs = notifiedAfter(listener(b), republished, start);
        long coverageMs = awaitOnB(() -> httpB.get(RURAL).json().path("covered").asInt()
                == before.path("covered").asInt() + 1, start, "coverage");
        long etagMs = awaitOnB(() -> !etagBefore.equals(httpB.get("/ogc/collections/facilities/items").headers()
                .firstValue("ETag").orElse(etagBefore)), start, "facilities ETag");
        long tileMs = awaitOnB(() -> !tileBefore.equals(httpB.get(tile).body()), start, "tile " + tile);
        System.out.printf("[civatlas] cross-node latency after A answered the POST (which took %d ms): B "
                + "notified after %d ms; requests to B begun after %d ms (coverage), %d ms (items ETag), %d ms (tile) "
                + "show the new facility%n", requestMs, notifiedMs, coverageMs, etagMs, tileMs);
        assertThat(httpB.get("/api/facilities").body()).isNotEqualTo(facilitiesOnB);
    }

    @Test
    @Order(4)
    void aNamePublishedOnAIsFoundOnB() throws Exception {
        String code = "653122200210";
        long placeId = httpA.get("/api/places/by-division/" + code).json().path("id").asLong();
        String newName = "节点测试更名村";
        assertThat(ids(httpB, newName)).doesNotContain(placeId); // B builds its index
        long caseId = httpA.post("/api/naming/cases", "{\"kind\":\"RENAMING\",\"placeId\":" + placeId
                + ",\"proposedName\":\"" + newName + "\",\"scheme\":\"更名方案\",\"reasons\":\"测试\"}", "names", "names")
                .json().path("id").asLong();
        LocalDate today = LocalDate.now();
        act(caseId, "start_review", "{\"remarks\":\"受理\"}");
        act(caseId, "add_report", "{\"reportKind\":\"ASSESSMENT\",\"report\":\"综合评估：可行\"}");
        act(caseId, "add_report", "{\"reportKind\":\"EXPERT\",\"report\":\"专家论证：同意\"}");
        act(caseId, "open_consultation", "{\"consultationFrom\":\"" + today.minusDays(40) + "\",\"consultationTo\":\""
                + today.minusDays(20) + "\"}");
        act(caseId, "add_comment", "{\"author\":\"村民\",\"comment\":\"同意\",\"handling\":\"采纳\"}");
        act(caseId, "add_report", "{\"reportKind\":\"CONSULTATION\",\"report\":\"征求意见：多数同意\"}");
        LocalDate approvedOn = today.minusDays(10);
        act(caseId, "approve", "{\"approvingBody\":\"疏勒县人民政府\",\"documentNumber\":\"疏政函〔2026〕9号\","
                + "\"date\":\"" + approvedOn + "\"}");
        act(caseId, "record_announcement", "{\"date\":\"" + approvedOn.plusDays(3) + "\",\"medium\":\"县政府网站\"}");
        act(caseId, "record_filing", "{\"date\":\"" + approvedOn.plusDays(5) + "\",\"filedWith\":\"喀什地区民政局\"}");
        long republished = listener(b).republished();
        act(caseId, "publish", "{}");
        long start = System.nanoTime(); // A answered: the name is published
        long notifiedMs = notifiedAfter(listener(b), republished, start);
        long ms = awaitOnB(() -> ids(httpB, newName).contains(placeId), start, "search");
        System.out.printf("[civatlas] cross-node latency after A answered 'publish': B notified after %d ms; "
                + "a search on B begun after %d ms finds the new name%n", notifiedMs, ms);
    }

    @Test
    @Order(5)
    void aFormLoginOnAIsValidOnB() throws Exception {
        HttpClient client = HttpClient.newHttpClient(); // no cookie handler: cookies are carried by hand
        HttpResponse<String> page = client.send(HttpRequest.newBuilder(URI.create(base(a) + "/login.html")).build(),
                HttpResponse.BodyHandlers.ofString());
        String xsrf = cookie(page, "XSRF-TOKEN");
        HttpResponse<String> login = client.send(HttpRequest.newBuilder(URI.create(base(a) + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Cookie", "XSRF-TOKEN=" + xsrf)
                .POST(HttpRequest.BodyPublishers.ofString("username=planner&password=planner&_csrf="
                        + URLEncoder.encode(xsrf, StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(login.headers().firstValue("Location").orElse("")).doesNotContain("error");
        String session = cookie(login, "SESSION");

        HttpResponse<String> me = client.send(HttpRequest.newBuilder(URI.create(base(b) + "/api/me"))
                .header("Cookie", "SESSION=" + session).build(), HttpResponse.BodyHandlers.ofString());
        JsonNode body = JsonMapper.builder().build().readTree(me.body());
        assertThat(body.path("authenticated").asBoolean()).as(me.body()).isTrue();
        assertThat(body.path("username").asString()).isEqualTo("planner");

        // a write on B in the session started on A, with the CSRF cookie and header as the page sends them
        Point at = insideVillage(httpA.get(RURAL).json().path("uncovered").get(0).asString());
        HttpResponse<String> write = client.send(HttpRequest.newBuilder(URI.create(base(b) + "/api/facilities"))
                .header("Content-Type", "application/json")
                .header("Cookie", "SESSION=" + session + "; XSRF-TOKEN=" + xsrf)
                .header("X-XSRF-TOKEN", xsrf)
                .POST(HttpRequest.BodyPublishers.ofString(facility(at))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(write.statusCode()).as(write.body()).isEqualTo(201);
        long id = JsonMapper.builder().build().readTree(write.body()).path("id").asLong();
        assertThat(httpA.delete("/api/facilities/" + id, "planner", "planner").status()).isEqualTo(204);
    }

    @Test
    @Order(6)
    void aNodeThatStoppedListeningCatchesUpTheChangesItMissed() throws Exception {
        int covered = httpB.get(RURAL).json().path("covered").asInt();
        ChangeListener listenerB = listener(b);
        listenerB.stop();
        String target = httpA.get(RURAL).json().path("uncovered").get(0).asString();
        Http.Response created = httpA.post("/api/facilities", facility(insideVillage(target)), "planner", "planner");
        assertThat(created.status()).isEqualTo(201);
        Thread.sleep(1_000);
        // B did not hear of it: its cached result is stale, as it would be after a network cut
        assertThat(httpB.get(RURAL).json().path("covered").asInt()).isEqualTo(covered);
        long start = System.nanoTime();
        listenerB.start();
        long ms = awaitOnB(() -> httpB.get(RURAL).json().path("covered").asInt() == covered + 1, start, "catch-up");
        System.out.printf("[civatlas] catch-up after listening again: %d ms%n", ms);
    }

    @Test
    @Order(7)
    void aNodeWhoseListeningConnectionIsKilledReconnectsAndSeesChanges() throws Exception {
        ChangeListener listenerB = listener(b);
        awaitOnB(() -> listenerB.connects() > 0, System.nanoTime(), "listening");
        long connects = listenerB.connects();
        int covered = httpB.get(RURAL).json().path("covered").asInt();
        String name = ChangeListener.applicationName(b.getBean(ClusterNode.class).id());
        assertThat(count("SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE application_name = '"
                + name + "'")).isEqualTo(1);
        String target = httpA.get(RURAL).json().path("uncovered").get(0).asString();
        assertThat(httpA.post("/api/facilities", facility(insideVillage(target)), "planner", "planner").status())
                .isEqualTo(201);
        long start = System.nanoTime();
        long ms = awaitOnB(() -> httpB.get(RURAL).json().path("covered").asInt() == covered + 1, start + 0,
                "after reconnect", 10_000);
        assertThat(listenerB.connects()).isGreaterThan(connects);
        System.out.printf("[civatlas] change seen after the listening connection was killed: %d ms%n", ms);
    }

    @Test
    @Order(8)
    void aChangeRolledBackIsNotSentAndOneCommittedIs() throws Exception {
        var transactions = a.getBean(org.springframework.transaction.support.TransactionTemplate.class);
        ChangeListener listenerB = listener(b);
        awaitOnB(() -> listenerB.isRunning() && listenerB.connects() > 0, System.nanoTime(), "listening");
        long version = count("SELECT version FROM data_version WHERE kind = 'facilities'");
        long republished = listenerB.republished();
        transactions.executeWithoutResult(status -> {
            a.publishEvent(new org.civatlas.facilities.FacilitiesChanged(-1));
            status.setRollbackOnly();
        });
        Thread.sleep(1_000);
        assertThat(listenerB.republished()).isEqualTo(republished);
        assertThat(count("SELECT version FROM data_version WHERE kind = 'facilities'")).isEqualTo(version);

        transactions.executeWithoutResult(status -> {
            a.publishEvent(new org.civatlas.facilities.FacilitiesChanged(-1));
            a.publishEvent(new org.civatlas.facilities.FacilitiesChanged(-2));
        });
        awaitOnB(() -> listenerB.republished() == republished + 1, System.nanoTime(), "committed change");
        // two events of one transaction: one notification, one version step
        assertThat(count("SELECT version FROM data_version WHERE kind = 'facilities'")).isEqualTo(version + 1);
        Thread.sleep(300);
        assertThat(listenerB.republished()).isEqualTo(republished + 1);
    }

    @Test
    @Order(100)
    void aNodeRefusesADatabaseSchemaNewerThanItKnows() throws Exception {
        a.close();
        b.close();
        sql("INSERT INTO flyway_schema_history (installed_rank, version, description, type, script, checksum, "
                + "installed_by, execution_time, success) SELECT max(installed_rank) + 1, '99', 'from a newer node', "
                + "'SQL', 'V99__from_a_newer_node.sql', 0, 'test', 0, true FROM flyway_schema_history");
        assertThatThrownBy(this::node).hasStackTraceContaining("the database schema is version 99")
                .hasStackTraceContaining("upgrade this node")
                .hasStackTraceContaining("数据库结构版本为 99");
        var analysis = new SchemaTooNewFailureAnalyzer().analyze(new SchemaVersionCheck.SchemaTooNewException("99", "15"));
        assertThat(analysis.getDescription()).contains("this node knows up to 15");
    }

    // ---------------------------------------------------------------------------------------------------------

    private ConfigurableApplicationContext node() {
        try {
            Path dir = Files.createTempDirectory("civatlas-node-");
            synchronized (dataDirs) {
                dataDirs.add(dir);
            }
            // command-line arguments: they win over application-postgres.yml (builder properties would not)
            return new SpringApplicationBuilder(CivatlasApplication.class).profiles("postgres").run(
                    "--spring.datasource.url=" + url,
                    "--spring.datasource.username=" + user,
                    "--spring.datasource.password=" + password,
                    "--server.port=0",
                    "--civatlas.data-dir=" + dir,
                    "--civatlas.demo-data.enabled=true",
                    "--civatlas.security.demo-users=true");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ChangeListener listener(ConfigurableApplicationContext context) {
        return context.getBean(ChangeListener.class);
    }

    private static int port(ConfigurableApplicationContext context) {
        return Integer.parseInt(context.getEnvironment().getRequiredProperty("local.server.port"));
    }

    private static String base(ConfigurableApplicationContext context) {
        return "http://localhost:" + port(context);
    }

    /**
     * Polls B until the condition holds; returns the milliseconds from start to the beginning of the first request
     * that showed the change (what a user asking at that moment would see; the response itself may take longer when
     * B recomputes, e.g. coverage or the search index), or fails when no request begun within the limit showed it.
     */
    private static long awaitOnB(BooleanSupplier condition, long start, String what) throws InterruptedException {
        return awaitOnB(condition, start, what, WITHIN_MS);
    }

    private static long awaitOnB(BooleanSupplier condition, long start, String what, long limitMs)
            throws InterruptedException {
        while (true) {
            long asked = System.nanoTime();
            long askedMs = (asked - start) / 1_000_000;
            assertThat(askedMs).as("node B did not show the change (" + what + ") within " + limitMs + " ms")
                    .isLessThan(limitMs);
            if (condition.getAsBoolean()) {
                return askedMs;
            }
            Thread.sleep(10);
        }
    }

    /**
     * Milliseconds from start until B's listener republished the change it heard of last (negative: B had it before
     * A's answer arrived here).
     */
    private static long notifiedAfter(ChangeListener listener, long republishedBefore, long start)
            throws InterruptedException {
        awaitOnB(() -> listener.republished() > republishedBefore, start, "notification");
        return (listener.lastRepublishedNanos() - start) / 1_000_000;
    }

    private Point insideVillage(String code) throws Exception {
        JsonNode village = httpA.get("/ogc/collections/villages/items/" + code).json();
        return new GeoJsonReader().read(village.path("geometry").toString()).getInteriorPoint();
    }

    private static String facility(Point at) {
        return "{\"name\":\"节点测试设施 node test\",\"type\":\"RURAL_COMMUNITY_SERVICE\",\"operator\":\"PUBLIC\","
                + "\"status\":\"OPERATING\",\"openedOn\":\"2024-05-01\",\"lon\":" + at.getX() + ",\"lat\":" + at.getY()
                + "}";
    }

    private JsonNode act(long caseId, String action, String body) {
        Http.Response r = httpA.post("/api/naming/cases/" + caseId + "/actions/" + action, body, "names", "names");
        assertThat(r.status()).as(action + " " + r.body()).isEqualTo(200);
        return r.json();
    }

    private static List<Long> ids(Http http, String q) {
        JsonNode results = http.get("/api/places/search?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8)).json()
                .path("results");
        return StreamSupport.stream(results.spliterator(), false).map(r -> r.path("id").asLong()).toList();
    }

    private static String cookie(HttpResponse<?> response, String name) {
        return response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith(name + "="))
                .map(c -> c.substring(name.length() + 1, c.indexOf(';') < 0 ? c.length() : c.indexOf(';')))
                .findFirst().orElseThrow(() -> new AssertionError("no " + name + " cookie: " + response.headers()));
    }

    private void sql(String statement) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement()) {
            s.execute(statement);
        }
    }

    private long count(String query) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(query)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** The same server and parameters, another database. */
    static String withDatabase(String jdbcUrl, String database) {
        int query = jdbcUrl.indexOf('?');
        String head = query < 0 ? jdbcUrl : jdbcUrl.substring(0, query);
        String tail = query < 0 ? "" : jdbcUrl.substring(query);
        return head.substring(0, head.lastIndexOf('/') + 1) + database + tail;
    }
}
