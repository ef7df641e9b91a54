package org.civatlas.cluster.bench;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.civatlas.support.Http;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.io.geojson.GeoJsonReader;
import tools.jackson.databind.JsonNode;

/**
 * How long after a write on node A answers until node B shows it, over HTTP, for two running nodes on one database
 * (bench/two-nodes.sh starts them): a facility added and removed on A, seen in B's coverage and B's facility tile;
 * a place's spelling edited on A, found by B's search. Prints p50, p99 and the maximum per kind.
 *
 * <p>Usage: {@code mvn -q test-compile exec:java
 * -Dexec.mainClass=org.civatlas.cluster.bench.CrossNodeLatencyBenchmark
 * -Dexec.args="--a http://127.0.0.1:18081 --b http://127.0.0.1:18082 --rounds 50"}
 */
public final class CrossNodeLatencyBenchmark {

    private static final String RURAL = "/api/coverage?types=RURAL_COMMUNITY_SERVICE&urbanRural=rural";

    private CrossNodeLatencyBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String a = arg(args, "--a", "http://127.0.0.1:18081");
        String b = arg(args, "--b", "http://127.0.0.1:18082");
        int rounds = Integer.parseInt(arg(args, "--rounds", "50"));
        Http httpA = new Http(a);
        Http httpB = new Http(b);
        List<Long> coverage = new ArrayList<>();
        List<Long> tiles = new ArrayList<>();
        List<Long> search = new ArrayList<>();
        JsonNode before = httpB.get(RURAL).json();
        String village = before.path("uncovered").get(0).asString();
        Point at = insideVillage(httpA, village);
        String tile = org.civatlas.support.Tiles.path("facilities", at, 13);
        long placeId = httpA.get("/api/places/by-division/" + village).json().path("id").asLong();
        for (int i = 0; i < rounds; i++) {
            int covered = httpB.get(RURAL).json().path("covered").asInt();
            String tileBefore = httpB.get(tile).body();
            Http.Response created = httpA.post("/api/facilities", "{\"name\":\"跨节点测试 " + i + "\",\"type\":"
                    + "\"RURAL_COMMUNITY_SERVICE\",\"operator\":\"PUBLIC\",\"status\":\"OPERATING\",\"openedOn\":"
                    + "\"2020-01-01\",\"lon\":" + at.getX() + ",\"lat\":" + at.getY() + "}", "planner", "planner");
            if (created.status() != 201) {
                throw new IllegalStateException("create on A: " + created.status() + " " + created.body());
            }
            long start = System.nanoTime();
            coverage.add(await(() -> httpB.get(RURAL).json().path("covered").asInt() == covered + 1, start));
            tiles.add(await(() -> !tileBefore.equals(httpB.get(tile).body()), start));
            long id = created.json().path("id").asLong();
            httpA.delete("/api/facilities/" + id, "planner", "planner");
            start = System.nanoTime();
            coverage.add(await(() -> httpB.get(RURAL).json().path("covered").asInt() == covered, start));

            JsonNode place = httpA.get("/api/places/" + placeId).json().path("place");
            String spelling = "Kuajiedian " + letters(i);
            Http.Response edited = httpA.put("/api/places/" + placeId, "{\"version\":" + place.path("version")
                    .asLong() + ",\"romanized\":\"" + spelling + "\"}", "names", "names");
            if (edited.status() != 200) {
                throw new IllegalStateException("place edit on A: " + edited.status() + " " + edited.body());
            }
            start = System.nanoTime();
            String q = "/api/places/search?q=" + URLEncoder.encode(spelling, StandardCharsets.UTF_8);
            search.add(await(() -> java.util.stream.StreamSupport.stream(httpB.get(q).json()
                    .path("results").spliterator(), false).anyMatch(r -> r.path("id").asLong() == placeId), start));
        }
        report("coverage on B (add and remove)", coverage);
        report("facility tile on B", tiles);
        report("place search on B", search);
    }

    /** A spelling no other place has (letters only: the romanisation field takes Latin letters). */
    private static String letters(int i) {
        StringBuilder s = new StringBuilder();
        for (int n = i + 1; n > 0; n /= 26) {
            s.append((char) ('a' + (n - 1) % 26));
        }
        return "qx" + s;
    }

    private static long await(BooleanSupplier seen, long start) throws InterruptedException {
        long deadline = start + 30_000_000_000L;
        while (!seen.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("not seen on B within 30 s");
            }
            Thread.sleep(5);
        }
        return (System.nanoTime() - start) / 1_000_000;
    }

    private static void report(String what, List<Long> millis) {
        long[] sorted = millis.stream().mapToLong(Long::longValue).sorted().toArray();
        System.out.printf("%-32s n=%d p50=%d ms p99=%d ms max=%d ms%n", what, sorted.length,
                sorted[(int) Math.floor(0.50 * (sorted.length - 1))],
                sorted[(int) Math.ceil(0.99 * (sorted.length - 1))], sorted[sorted.length - 1]);
    }

    private static Point insideVillage(Http http, String code) throws Exception {
        JsonNode f = http.get("/ogc/collections/villages/items/" + code).json();
        Geometry g = new GeoJsonReader().read(f.path("geometry").toString());
        return g.getInteriorPoint();
    }

    private static String arg(String[] args, String name, String fallback) {
        int i = Arrays.asList(args).indexOf(name);
        return i >= 0 && i + 1 < args.length ? args[i + 1] : fallback;
    }
}
