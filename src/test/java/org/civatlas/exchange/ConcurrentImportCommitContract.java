package org.civatlas.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.civatlas.support.Http;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.io.geojson.GeoJsonReader;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * A commit is applied exactly once: parallel commits of one upload give one 200 and 409 problems for the rest,
 * a repeated commit answers 409 with the first result, a refused commit (422) leaves the upload committable, and
 * the uploaded file is kept in the database, not in the node's data folder. Run on H2GIS and on PostGIS.
 */
abstract class ConcurrentImportCommitContract {

    static final int PARALLEL = 8;
    /** A township of the demo dataset; its villages make a small village upload. */
    static final String TOWNSHIP = "653122201000";

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Value("${civatlas.data-dir}")
    String dataDir;

    Http http;

    @BeforeEach
    void client() {
        http = new Http(port);
    }

    // ------------------------------------------------------------------------------------------------ cases

    @Test
    void parallelCommitsOfAFacilityUploadWriteItOnce() throws Exception {
        int rows = 40;
        String id = preview("facilities", "f.geojson", "application/geo+json", facilities(rows, "name"));
        long before = facilityCount();
        List<Http.Response> answers = commitInParallel(id, "{}", "planner");
        assertOneOkRestConflict(answers);
        assertThat(facilityCount() - before).isEqualTo(rows);
        Http.Response ok = answers.stream().filter(r -> r.status() == 200).findFirst().orElseThrow();
        assertThat(ok.json().path("created").asInt()).isEqualTo(rows);
    }

    @Test
    void parallelCommitsOfAVillageUploadWriteItOnce() throws Exception {
        byte[] shp = download("/api/exports/villages?format=shp&crs=EPSG:4326&unit=" + TOWNSHIP);
        String id = preview("villages", "villages.zip", "application/zip", shp);
        String village = firstVillageOf(id);
        int versions = history(village);
        List<Http.Response> answers = commitInParallel(id, "{}", "admin");
        assertOneOkRestConflict(answers);
        // one commit, so one more version of each village
        assertThat(history(village)).isEqualTo(versions + 1);
    }

    @Test
    void aRepeatedCommitIsAConflictCarryingTheFirstResult() throws Exception {
        String id = preview("facilities", "f.geojson", "application/geo+json", facilities(3, "name"));
        Http.Response first = http.post("/api/imports/" + id + "/commit", "{}", "planner", "planner");
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        long after = facilityCount();
        Http.Response again = http.post("/api/imports/" + id + "/commit", "{}", "planner", "planner");
        assertThat(again.status()).as(again.body()).isEqualTo(409);
        assertThat(again.contentType()).startsWith("application/problem+json");
        assertThat(again.json().path("detail").asString()).contains("已提交", "already committed");
        assertThat(again.json().path("status").asString()).isEqualTo("COMMITTED");
        assertThat(again.json().path("result")).isEqualTo(first.json());
        assertThat(facilityCount()).isEqualTo(after);
        assertThat(http.get("/api/imports/" + id, "planner", "planner").json().path("status").asString())
                .isEqualTo("COMMITTED");
    }

    @Test
    void aRefusedCommitLeavesTheUploadCommittable() throws Exception {
        // "label" is no recognised name field: the first commit is refused, the second maps it
        String id = preview("facilities", "f.geojson", "application/geo+json", facilities(5, "label"));
        long before = facilityCount();
        Http.Response refused = http.post("/api/imports/" + id + "/commit", "{}", "planner", "planner");
        assertThat(refused.status()).as(refused.body()).isEqualTo(422);
        assertThat(facilityCount()).isEqualTo(before);
        Http.Response fixed = http.post("/api/imports/" + id + "/commit", "{\"mapping\":{\"name\":\"label\"}}",
                "planner", "planner");
        assertThat(fixed.status()).as(fixed.body()).isEqualTo(200);
        assertThat(facilityCount() - before).isEqualTo(5);
    }

    @Test
    void theUploadIsKeptInTheDatabaseNotInTheDataFolder() throws Exception {
        byte[] shp = download("/api/exports/villages?format=shp&crs=EPSG:4326&unit=" + TOWNSHIP);
        String id = preview("villages", "villages.zip", "application/zip", shp);
        // another node behind the load balancer has no such folder
        deleteTree(Path.of(dataDir, "imports"));
        String village = firstVillageOf(id);
        int versions = history(village);
        Http.Response committed = http.post("/api/imports/" + id + "/commit", "{}", "admin", "admin");
        assertThat(committed.status()).as(committed.body()).isEqualTo(200);
        assertThat(committed.json().path("updated").asInt()).isPositive();
        assertThat(history(village)).isEqualTo(versions + 1);
        assertThat(Path.of(dataDir, "imports")).doesNotExist();
    }

    // ---------------------------------------------------------------------------------------------- helpers

    private static void assertOneOkRestConflict(List<Http.Response> answers) {
        List<Integer> statuses = answers.stream().map(Http.Response::status).toList();
        assertThat(statuses).as(answers.stream().map(Http.Response::body).toList().toString())
                .containsOnly(200, 409);
        assertThat(statuses.stream().filter(s -> s == 200).count()).as(statuses.toString()).isEqualTo(1);
        for (Http.Response r : answers) {
            if (r.status() == 409) {
                assertThat(r.contentType()).startsWith("application/problem+json");
                assertThat(r.json().path("detail").asString()).contains("committ");
                // waited for the first commit and found it done, or gave up waiting (H2's lock timeout)
                String status = r.json().path("status").asString();
                assertThat(status).as(r.body()).isIn("COMMITTED", "COMMITTING");
                assertThat(r.json().path("result").isObject()).as(r.body()).isEqualTo(status.equals("COMMITTED"));
            }
        }
    }

    private List<Http.Response> commitInParallel(String id, String body, String user) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(PARALLEL);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Http.Response>> futures = new ArrayList<>();
            for (int i = 0; i < PARALLEL; i++) {
                futures.add(pool.submit(() -> {
                    Http client = new Http(port);
                    start.await();
                    return client.post("/api/imports/" + id + "/commit", body, user, user);
                }));
            }
            start.countDown();
            List<Http.Response> answers = new ArrayList<>();
            for (Future<Http.Response> f : futures) {
                answers.add(f.get(180, TimeUnit.SECONDS));
            }
            return answers;
        } finally {
            pool.shutdownNow();
        }
    }

    private String preview(String layer, String fileName, String type, byte[] file) {
        String user = layer.equals("facilities") ? "planner" : "admin";
        Http.Response preview = http.multipart("/api/imports?layer=" + layer, fileName, type, file, user, user);
        assertThat(preview.status()).as(preview.body()).isEqualTo(201);
        return preview.json().path("id").asString();
    }

    /**
     * Facilities at the interior points of the demo villages, with names of their own and no identifier (so they
     * are matched by type and name, and nothing but the claim stops a second commit from creating them again).
     */
    private byte[] facilities(int rows, String nameField) throws Exception {
        JsonNode villages = http.get("/ogc/collections/villages/items?limit=" + rows).json();
        String run = UUID.randomUUID().toString().substring(0, 8);
        List<String> features = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
            Point at = new GeoJsonReader().read(villages.path("features").get(i).path("geometry").toString())
                    .getInteriorPoint();
            features.add("{\"type\":\"Feature\",\"properties\":{\"" + nameField + "\":\"并发测试幸福院 " + run + " "
                    + i + "\",\"类型\":\"RURAL_MUTUAL_AID_HOME\",\"状态\":\"PLANNED\"},\"geometry\":{\"type\":"
                    + "\"Point\",\"coordinates\":[" + at.getX() + "," + at.getY() + "]}}");
        }
        return ("{\"type\":\"FeatureCollection\",\"features\":[" + String.join(",", features) + "]}")
                .getBytes(StandardCharsets.UTF_8);
    }

    private String firstVillageOf(String importId) {
        JsonNode preview = http.get("/api/imports/" + importId, "admin", "admin").json();
        assertThat(preview.path("count").asInt()).isPositive();
        return http.get("/api/divisions/" + TOWNSHIP + "/children").json().get(0).path("code").asString();
    }

    private int history(String code) {
        Http.Response r = http.get("/api/divisions/" + code + "/history", "admin", "admin");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json().size();
    }

    private long facilityCount() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM facility", Long.class);
    }

    private byte[] download(String path) throws Exception {
        HttpResponse<byte[]> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + path)).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(r.statusCode()).as(path).isEqualTo(200);
        return r.body();
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
