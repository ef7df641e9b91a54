package org.civatlas.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.stream.StreamSupport;
import org.civatlas.support.Http;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.io.WKTReader;
import tools.jackson.databind.JsonNode;

/** What boundary staff rely on: derived lines, topology checks, markers, inspections and the dispute log. */
interface BoundaryContract {

    Http http();

    private static List<JsonNode> list(JsonNode a) {
        return StreamSupport.stream(a.spliterator(), false).toList();
    }

    @Test
    default void shuleHasFiveCountyNeighboursWithLengthsAndTownshipLines() {
        List<JsonNode> around = list(http().get("/api/boundaries/lines?level=COUNTY").json()).stream()
                .filter(l -> l.path("lineCode").asString().contains("653122")).toList();
        assertThat(around).extracting(l -> l.path("lineCode").asString()).containsExactlyInAnyOrder(
                "653101-653122", "653121-653122", "653122-653123", "653122-653128", "653122-653129");
        assertThat(around).allSatisfy(l -> assertThat(l.path("lengthMetres").asDouble()).isBetween(10_000.0,
                200_000.0));
        List<JsonNode> townships = list(http().get("/api/boundaries/lines?level=TOWNSHIP").json());
        assertThat(townships.size()).isGreaterThanOrEqualTo(15);
        assertThat(townships).allSatisfy(l -> assertThat(l.path("geometrySynthetic").asBoolean()).isTrue());
        JsonNode ogc = http().get("/ogc/collections/boundary-lines/items?limit=1000").json();
        assertThat(ogc.path("numberMatched").asInt()).isGreaterThan(townships.size());
    }

    @Test
    default void topologyFindsNothingInTheGeneratedUnitsAndTheFourInvalidKashgarCounties() {
        assertThat(http().get("/api/boundaries/topology?parent=653122000000").json().path("problems").size())
                .isZero();
        assertThat(http().get("/api/boundaries/topology?parent=653122200000").json().path("problems").size())
                .isZero();
        List<JsonNode> problems = list(http().get("/api/boundaries/topology?parent=6531").json().path("problems"));
        assertThat(problems.stream().filter(p -> p.path("kind").asString().equals("invalid"))
                .map(p -> p.path("units").get(0).asString()).distinct().toList())
                .containsExactlyInAnyOrder("653101000000", "653126000000", "653127000000", "653130000000");
        assertThat(http().get("/api/boundaries/topology?parent=abc").status()).isEqualTo(400);
    }

    @Test
    default void aBoundaryOfficerLogsADisputeWithClaimedLinesAndOthersCannotSeeIt() throws Exception {
        JsonNode line = http().get("/api/boundaries/lines/653122-653123").json();
        Coordinate[] c = new WKTReader().read(line.path("wkt").asString()).getCoordinates();
        Coordinate mid = c[c.length / 2];
        double x = mid.x;
        double y = mid.y;
        String area = "{\"type\":\"Polygon\",\"coordinates\":[[[" + (x - .01) + "," + (y - .01) + "],[" + (x + .01) + ","
                + (y - .01) + "],[" + (x + .01) + "," + (y + .01) + "],[" + (x - .01) + "," + (y + .01) + "],[" + (x - .01)
                + "," + (y - .01) + "]]]}";
        String claimA = "{\"kind\":\"CLAIM_A\",\"geometry\":{\"type\":\"LineString\",\"coordinates\":[[" + (x - .01)
                + "," + y + "],[" + (x + .01) + "," + (y + .002) + "]]}}";
        String claimB = "{\"kind\":\"CLAIM_B\",\"geometry\":{\"type\":\"LineString\",\"coordinates\":[[" + (x - .01)
                + "," + (y - .003) + "],[" + (x + .01) + "," + (y - .001) + "]]}}";
        String body = "{\"title\":\"草场争议 <script>alert(1)</script>\",\"partyA\":\"653122000000\",\"partyB\":"
                + "\"653123000000\",\"description\":\"放牧范围\",\"location\":" + area + ",\"lines\":[" + claimA + ","
                + claimB + "]}";
        String staffTag = http().get("/ogc/collections/boundary-disputes/items", "planner", "planner").headers()
                .firstValue("ETag").orElseThrow();
        assertThat(http().post("/api/boundaries/disputes", body, null, null).status()).isEqualTo(401);
        assertThat(http().post("/api/boundaries/disputes", body, "planner", "planner").status()).isEqualTo(403);
        Http.Response created = http().post("/api/boundaries/disputes", body, "boundary", "boundary");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonNode d = created.json();
        long id = d.path("id").asLong();
        assertThat(d.path("lineCode").asString()).isEqualTo("653122-653123");
        assertThat(d.path("lines").size()).isEqualTo(2);
        assertThat(d.path("frozen").asBoolean()).isTrue();
        assertThat(d.path("title").asString()).contains("<script>");

        // the public learns nothing: 401 on the API, and the collection is indistinguishable from a missing one
        assertThat(http().get("/api/boundaries/disputes").status()).isEqualTo(401);
        assertThat(http().get("/api/boundaries/disputes/" + id).status()).isEqualTo(401);
        Http.Response hidden = http().get("/ogc/collections/boundary-disputes/items");
        Http.Response missing = http().get("/ogc/collections/no-such-thing/items");
        assertThat(hidden.status()).isEqualTo(404).isEqualTo(missing.status());
        assertThat(http().get("/ogc/collections").body()).doesNotContain("boundary-disputes");
        assertThat(http().get("/api/boundaries/lines/653122-653123").body()).doesNotContain("草场争议");
        // other staff read it, also when revalidating a page they had before the dispute was logged
        assertThat(http().revalidate("/ogc/collections/boundary-disputes/items", staffTag, "planner", "planner")
                .status()).isEqualTo(200);
        assertThat(http().get("/ogc/collections/boundary-disputes/items", "planner", "planner").json()
                .path("numberMatched").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(http().get("/api/boundaries/disputes/" + id, "names", "names").status()).isEqualTo(200);

        // the timeline: legal moves only; archiving needs the filing upward; a stale version is a 409
        long v = d.path("version").asLong();
        Http.Response illegal = http().post("/api/boundaries/disputes/" + id + "/events",
                "{\"toStatus\":\"DECIDED\",\"what\":\"跳步\"}", "boundary", "boundary");
        assertThat(illegal.status()).isEqualTo(409);
        assertThat(illegal.json().path("detail").asString()).contains("INVESTIGATING");
        JsonNode investigating = http().post("/api/boundaries/disputes/" + id + "/events", "{\"version\":" + v
                + ",\"toStatus\":\"INVESTIGATING\",\"what\":\"实地调查\"}", "boundary", "boundary").json();
        assertThat(investigating.path("status").asString()).isEqualTo("INVESTIGATING");
        assertThat(http().post("/api/boundaries/disputes/" + id + "/events", "{\"version\":" + v
                + ",\"what\":\"stale\"}", "boundary", "boundary").status()).isEqualTo(409);
        for (String s : List.of("NEGOTIATING", "DECIDED")) {
            assertThat(http().post("/api/boundaries/disputes/" + id + "/events", "{\"toStatus\":\"" + s
                    + "\",\"what\":\"" + s + "\"}", "boundary", "boundary").status()).isEqualTo(200);
        }
        assertThat(http().post("/api/boundaries/disputes/" + id + "/events",
                "{\"toStatus\":\"ARCHIVED\",\"what\":\"归档\"}", "boundary", "boundary").status()).isEqualTo(409);
        http().post("/api/boundaries/disputes/" + id + "/filing", "{\"filedWith\":\"喀什地区行署\"}", "boundary",
                "boundary");
        JsonNode archived = http().post("/api/boundaries/disputes/" + id + "/events",
                "{\"toStatus\":\"ARCHIVED\",\"what\":\"归档\"}", "boundary", "boundary").json();
        assertThat(archived.path("status").asString()).isEqualTo("ARCHIVED");
        assertThat(archived.path("frozen").asBoolean()).isFalse();
        assertThat(archived.path("timeline").size()).isGreaterThanOrEqualTo(6);
        assertThat(archived.path("timeline").get(1).path("actor").asString()).isEqualTo("boundary");
    }

    @Test
    default void badDisputeInputIs4xxAndStoresNothing() {
        int before = http().get("/api/boundaries/disputes", "boundary", "boundary").json().size();
        String ok = "\"title\":\"t\",\"description\":\"d\",\"partyA\":\"653122000000\",\"partyB\":\"653123000000\"";
        for (String location : List.of("{\"type\":\"Point\",\"coordinates\":[10,10]}",
                "{\"type\":\"Polygon\",\"coordinates\":[[[76,39],[76.1,39.1],[76.1,39],[76,39.1],[76,39]]]}",
                "{\"type\":\"Point\",\"coordinates\":[]}", "{\"type\":\"Nope\"}", "null")) {
            Http.Response r = http().post("/api/boundaries/disputes", "{" + ok + ",\"location\":" + location + "}",
                    "boundary", "boundary");
            assertThat(r.status()).as(location).isEqualTo(400);
            assertThat(r.json().path("parameter").asString()).as(location).isEqualTo("location");
        }
        Http.Response badLine = http().post("/api/boundaries/disputes", "{" + ok + ",\"location\":{\"type\":\"Point\","
                + "\"coordinates\":[76,39.3]},\"lines\":[{\"kind\":\"LAWFUL\",\"geometry\":{\"type\":\"Point\","
                + "\"coordinates\":[76,39.3]}}]}", "boundary", "boundary");
        assertThat(badLine.status()).isEqualTo(400);
        assertThat(http().get("/api/boundaries/disputes", "boundary", "boundary").json().size()).isEqualTo(before);
    }

    @Test
    default void attachmentsAreCheckedAndStoredWithTheirTimelineEntry() throws Exception {
        String body = "{\"title\":\"附件测试\",\"partyA\":\"653122000000\",\"partyB\":\"653121000000\",\"description\":\"d\","
                + "\"location\":{\"type\":\"Point\",\"coordinates\":[76.0,39.4]}}";
        long id = http().post("/api/boundaries/disputes", body, "boundary", "boundary").json().path("id").asLong();
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 0};
        Http.Response ok = http().multipart("/api/boundaries/disputes/" + id + "/attachments?evidenceKind=协议书",
                "photo.png", "image/png", png, "boundary", "boundary");
        assertThat(ok.status()).as(ok.body()).isEqualTo(200);
        assertThat(ok.json().path("attachments").size()).isEqualTo(1);
        int events = ok.json().path("timeline").size();
        Http.Response text = http().multipart("/api/boundaries/disputes/" + id + "/attachments", "x.png",
                "image/png", "<html>not an image</html>".getBytes(), "boundary", "boundary");
        assertThat(text.status()).isEqualTo(415);
        ByteArrayOutputStream big = new ByteArrayOutputStream();
        big.write(png);
        big.write(new byte[11 * 1024 * 1024]);
        assertThat(http().multipart("/api/boundaries/disputes/" + id + "/attachments", "big.png", "image/png",
                big.toByteArray(), "boundary", "boundary").status()).isEqualTo(413);
        JsonNode after = http().get("/api/boundaries/disputes/" + id, "boundary", "boundary").json();
        assertThat(after.path("attachments").size()).isEqualTo(1);
        assertThat(after.path("timeline").size()).isEqualTo(events);
        long attachmentId = after.path("attachments").get(0).path("id").asLong();
        assertThat(http().get("/api/boundaries/disputes/" + id + "/attachments/" + attachmentId).status())
                .isEqualTo(401);
        assertThat(http().get("/api/boundaries/disputes/" + id + "/attachments/" + attachmentId, "planner", "planner")
                .contentType()).startsWith("image/png");
    }

    @Test
    default void markersAndInspections() throws Exception {
        JsonNode line = http().get("/api/boundaries/lines/653101-653122").json();
        Coordinate on = new WKTReader().read(line.path("wkt").asString()).getCoordinates()[3];
        double[] gcj = org.civatlas.spatial.ChinaOffsetDatums.wgs84ToGcj02(on.x, on.y);
        Http.Response created = http().post("/api/boundaries/markers", "{\"lineCode\":\"653101-653122\",\"type\":"
                + "\"DOUBLE\",\"x\":" + gcj[0] + ",\"y\":" + gcj[1] + ",\"crs\":\"GCJ-02\",\"keptBy\":\"653122000000\"}",
                "boundary", "boundary");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonNode marker = created.json();
        assertThat(marker.path("number").asString()).startsWith("653101-653122-").endsWith("2");
        assertThat(marker.path("lon").asDouble()).isCloseTo(on.x, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(http().post("/api/boundaries/markers", "{\"lineCode\":\"653101-653122\",\"type\":\"SINGLE\",\"x\":"
                + on.x + ",\"y\":" + on.y + ",\"keptBy\":\"653123000000\"}", "boundary", "boundary").status())
                .isEqualTo(400);
        assertThat(http().post("/api/boundaries/markers", "{\"lineCode\":\"653101-653122\",\"type\":\"SINGLE\",\"x\":"
                + (on.x + 0.5) + ",\"y\":" + on.y + ",\"keptBy\":\"653122000000\"}", "boundary", "boundary").status())
                .isEqualTo(400);
        long markerId = marker.path("id").asLong();
        Http.Response inspected = http().post("/api/boundaries/lines/653101-653122/inspections",
                "{\"kind\":\"ROUTINE\",\"inspectedOn\":\"2025-05-10\",\"parties\":\"疏勒县、喀什市\",\"markerFindings\":"
                        + "[{\"markerId\":" + markerId + ",\"condition\":\"DAMAGED\",\"remarks\":\"倾斜\"}]}",
                "boundary", "boundary");
        assertThat(inspected.status()).as(inspected.body()).isEqualTo(201);
        JsonNode status = list(http().get("/api/boundaries/inspections/status", "planner", "planner").json()).stream()
                .filter(s -> s.path("lineCode").asString().equals("653101-653122")).findFirst().orElseThrow();
        assertThat(status.path("nextDue").asString()).isEqualTo("2030-05-10");
        assertThat(status.path("status").asString()).isEqualTo("OK");
        JsonNode markers = http().get("/api/boundaries/lines/653101-653122").json().path("markers");
        JsonNode m = list(markers).stream().filter(x -> x.path("id").asLong() == markerId).findFirst().orElseThrow();
        assertThat(m.path("condition").asString()).isEqualTo("DAMAGED");
        assertThat(m.path("history").size()).isEqualTo(2);
        assertThat(http().get("/ogc/collections/boundary-markers/items").json().path("numberMatched").asInt())
                .isGreaterThanOrEqualTo(1);
    }
}
