package org.civatlas.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import org.civatlas.support.Http;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Users who click twice or edit what a colleague is editing, over real HTTP on each database: an edit names the
 * version it was made on, one of several simultaneous edits of the same version is stored and the others are told
 * (409, never a 500, never a silent overwrite), and input no record should hold is refused.
 */
interface ConcurrentEditsContract {

    Http http();

    /** Sends the requests all at once (released together) and returns their statuses in order. */
    private static List<Http.Response> atOnce(int n, IntFunction<Http.Response> request) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Http.Response>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int index = i;
                futures.add(pool.submit(() -> {
                    start.await();
                    return request.apply(index);
                }));
            }
            start.countDown();
            List<Http.Response> responses = new ArrayList<>();
            for (Future<Http.Response> f : futures) {
                responses.add(f.get());
            }
            return responses;
        } finally {
            pool.shutdownNow();
        }
    }

    private static Map<Integer, Long> byStatus(List<Http.Response> responses) {
        return responses.stream().collect(Collectors.groupingBy(Http.Response::status, Collectors.counting()));
    }

    private static void oneStoredOthersRefused(List<Http.Response> responses) {
        assertThat(byStatus(responses)).as("statuses of %s simultaneous edits", responses.size())
                .containsOnlyKeys(200, 409).containsEntry(200, 1L);
        responses.stream().filter(r -> r.status() == 409).forEach(r -> {
            assertThat(r.contentType()).startsWith("application/problem+json");
            assertThat(r.json().path("detail").asString()).contains("重新").contains("reload");
        });
    }

    private String facilityBody(JsonNode f, String name, long version) {
        return "{\"name\":\"" + name + "\",\"type\":\"" + f.path("type").asString() + "\",\"operator\":\""
                + f.path("operator").asString() + "\",\"status\":\"" + f.path("status").asString() + "\","
                + "\"plannedOn\":" + quoted(f.path("plannedOn")) + ",\"constructionStartedOn\":"
                + quoted(f.path("constructionStartedOn")) + ",\"openedOn\":" + quoted(f.path("openedOn"))
                + ",\"closedOn\":" + quoted(f.path("closedOn")) + ",\"beds\":" + f.path("beds")
                + ",\"nursingBeds\":" + f.path("nursingBeds") + ",\"lon\":" + f.path("lon") + ",\"lat\":"
                + f.path("lat") + ",\"version\":" + version + "}";
    }

    private static String quoted(JsonNode date) {
        return date.isNull() || date.isMissingNode() ? "null" : "\"" + date.asString() + "\"";
    }

    @Test
    default void twentySimultaneousSavesOfOneFacilityVersionStoreOneAndRefuseTheOthers() throws Exception {
        JsonNode f = http().get("/api/facilities/6", "planner", "planner").json();
        long version = f.path("version").asLong();
        String original = f.path("name").asString();
        List<Http.Response> responses = atOnce(20, i -> http().put("/api/facilities/6",
                facilityBody(f, original + " 编辑" + i, version), "planner", "planner"));
        oneStoredOthersRefused(responses);
        Http.Response stored = responses.stream().filter(r -> r.status() == 200).findFirst().orElseThrow();
        JsonNode now = http().get("/api/facilities/6", "planner", "planner").json();
        assertThat(now.path("name").asString()).isEqualTo(stored.json().path("name").asString());
        assertThat(now.path("version").asLong()).isEqualTo(version + 1);
        assertThat(http().put("/api/facilities/6", facilityBody(f, original, version + 1), "planner", "planner")
                .status()).isEqualTo(200);
    }

    @Test
    default void aFacilitySavedOnAStaleVersionIsA409AndWithoutAVersionA400() {
        JsonNode f = http().get("/api/facilities/7", "planner", "planner").json();
        long version = f.path("version").asLong();
        String name = f.path("name").asString();
        assertThat(http().put("/api/facilities/7", facilityBody(f, name + " 新", version), "planner", "planner")
                .status()).isEqualTo(200);
        Http.Response stale = http().put("/api/facilities/7", facilityBody(f, name + " 旧", version), "admin",
                "admin");
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.json().path("parameter").asString()).isEqualTo("version");
        Http.Response missing = http().put("/api/facilities/7",
                facilityBody(f, name + " 无版本", version + 1).replace(",\"version\":" + (version + 1), ""), "planner",
                "planner");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json().path("parameter").asString()).isEqualTo("version");
        assertThat(http().get("/api/facilities/7").json().path("name").asString()).isEqualTo(name + " 新");
        assertThat(http().put("/api/facilities/7", facilityBody(f, name, version + 1), "planner", "planner")
                .status()).isEqualTo(200);
    }

    @Test
    default void twentySimultaneousSavesOfOnePlaceVersionStoreOneAndRefuseTheOthers() throws Exception {
        long placeId = http().get("/api/places/by-division/653122200206").json().path("id").asLong();
        long version = http().get("/api/places/" + placeId).json().path("place").path("version").asLong();
        List<Http.Response> responses = atOnce(20, i -> http().put("/api/places/" + placeId, "{\"version\":"
                + version + ",\"meaning\":\"同时编辑 " + i + "\"}", "names", "names"));
        oneStoredOthersRefused(responses);
    }

    @Test
    default void simultaneousConditionReportsOfOneMarkerVersionStoreOne() throws Exception {
        JsonNode marker = http().get("/api/boundaries/markers").json().get(0);
        long id = marker.path("id").asLong();
        long version = marker.path("version").asLong();
        // conditions other than the current one, so that each report changes the marker (a report of the condition
        // it already has changes nothing that another report could overwrite)
        String[] conditions = java.util.stream.Stream.of("INTACT", "DAMAGED", "MOVED", "MISSING")
                .filter(c -> !c.equals(marker.path("condition").asString())).toArray(String[]::new);
        List<Http.Response> responses = atOnce(3, i -> http().post("/api/boundaries/markers/" + id + "/conditions",
                "{\"version\":" + version + ",\"condition\":\"" + conditions[i] + "\"}", "boundary", "boundary"));
        oneStoredOthersRefused(responses);
    }

    @Test
    default void aStaleTargetOrUnitEditIsA409() {
        JsonNode t2 = http().get("/api/targets/T2").json().path("definition");
        long version = t2.path("version").asLong();
        String title = t2.path("titleEn").asString();
        ((tools.jackson.databind.node.ObjectNode) t2).put("titleEn", title + " (edited)");
        assertThat(http().put("/api/targets/T2", t2.toString(), "planner", "planner").status()).isEqualTo(200);
        ((tools.jackson.databind.node.ObjectNode) t2).put("titleEn", title);
        Http.Response stale = http().put("/api/targets/T2", t2.toString(), "planner", "planner");
        assertThat(stale.status()).isEqualTo(409);
        assertThat(http().get("/api/targets/T2").json().path("definition").path("version").asLong())
                .isEqualTo(version + 1);
        ((tools.jackson.databind.node.ObjectNode) t2).put("version", version + 1);
        assertThat(http().put("/api/targets/T2", t2.toString(), "planner", "planner").status()).isEqualTo(200);

        String code = "653122200204";
        JsonNode unit = http().get("/api/divisions/" + code).json();
        Http.Response staleUnit = http().patch("/api/divisions/" + code, "{\"population\":1,\"version\":"
                + (unit.path("version").asLong() - 1) + "}", "admin", "admin");
        assertThat(staleUnit.status()).isEqualTo(409);
        assertThat(http().patch("/api/divisions/" + code, "{\"population\":1}", "admin", "admin").status())
                .isEqualTo(400);
        assertThat(http().get("/api/divisions/" + code).json().path("population").asInt())
                .isEqualTo(unit.path("population").asInt());
    }

    @Test
    default void inputNoRecordShouldHoldIsA400AndStoresNothing() {
        Http.Response nan = http().post("/api/planning/runs", "{\"types\":[\"RURAL_COMMUNITY_SERVICE\"],"
                + "\"objective\":\"MAX_COVERAGE\",\"k\":1,\"candidates\":[{\"lon\":\"NaN\",\"lat\":1}]}", "planner",
                "planner");
        assertThat(nan.status()).isEqualTo(400);
        assertThat(nan.contentType()).startsWith("application/problem+json");
        assertThat(nan.json().path("parameter").asString()).contains("lon");

        String code = "653122200205";
        JsonNode unit = http().get("/api/divisions/" + code).json();
        Http.Response surrogate = http().patch("/api/divisions/" + code, "{\"name\":\"\\ud800\",\"version\":"
                + unit.path("version").asLong() + "}", "admin", "admin");
        assertThat(surrogate.status()).isEqualTo(400);
        assertThat(surrogate.json().path("parameter").asString()).isEqualTo("name");
        assertThat(http().get("/api/divisions/" + code).json().path("name").asString())
                .isEqualTo(unit.path("name").asString());

        Http.Response nullBody = http().post("/api/naming/cases/1/actions/start_review", "null", "names", "names");
        assertThat(nullBody.status()).isEqualTo(400);
        assertThat(nullBody.contentType()).startsWith("application/problem+json");
    }
}
