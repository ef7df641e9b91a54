package org.civatlas.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.civatlas.support.Http;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.geojson.GeoJsonReader;
import org.civatlas.exchange.TestSupport;
import org.civatlas.spatial.ChinaOffsetDatums;
import org.locationtech.jts.geom.Point;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Import and export over HTTP with real files, on an H2GIS database of its own (imports change the units, so they
 * must not share a database with the other API tests).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:civatlas-exchange;DB_CLOSE_DELAY=-1",
        "civatlas.security.demo-users=true"})
class ExchangeApiTest {

    @LocalServerPort
    int port;

    Http http;

    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void client() {
        http = new Http(port);
    }

    private byte[] download(String path) throws Exception {
        HttpResponse<byte[]> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + path)).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(r.statusCode()).as(path).isEqualTo(200);
        return r.body();
    }

    private static Geometry geometry(JsonNode feature) throws Exception {
        return new GeoJsonReader().read(feature.path("geometry").toString());
    }

    @Test
    void aTownshipExportInAGaussKrugerZoneImportsBackWithinAMetre(@TempDir Path dir) throws Exception {
        byte[] zip = download("/api/exports/townships?format=shp&crs=EPSG:4534");
        Geometry before = geometry(http.get("/ogc/collections/townships/items/653122201000").json());
        Http.Response preview = http.multipart("/api/imports?layer=townships", "townships.zip", "application/zip",
                zip, "admin", "admin");
        assertThat(preview.status()).as(preview.body()).isEqualTo(201);
        JsonNode p = preview.json();
        assertThat(p.path("count").asInt()).isEqualTo(16);
        assertThat(p.path("crs").asString()).isEqualTo("EPSG:4534");
        assertThat(p.path("crsSource").asString()).contains("declared");
        assertThat(p.path("codeField").asString()).isEqualTo("code");
        assertThat(p.path("problemCount").asInt()).isZero();
        Http.Response committed = http.post("/api/imports/" + p.path("id").asString() + "/commit", "{}", "admin",
                "admin");
        assertThat(committed.status()).as(committed.body()).isEqualTo(200);
        assertThat(committed.json().path("updated").asInt()).isEqualTo(16);
        JsonNode after = http.get("/ogc/collections/townships/items/653122201000").json();
        // 1 m is about 1e-5 degrees here
        assertThat(geometry(after).buffer(1e-5).covers(before)).isTrue();
        assertThat(before.buffer(1e-5).covers(geometry(after))).isTrue();
        assertThat(after.path("properties").path("geometrySynthetic").asBoolean()).isFalse();
        assertThat(after.path("properties").path("crsConversion").asString()).contains("4534");
        assertThat(http.get("/api/divisions/653122201000/history", "admin", "admin").json().size())
                .isGreaterThanOrEqualTo(2);
        // a second commit of the same upload is refused
        assertThat(http.post("/api/imports/" + p.path("id").asString() + "/commit", "{}", "admin", "admin").status())
                .isEqualTo(409);
    }

    @Test
    void everyExportFormatOpensInGdalWithTheRightCount(@TempDir Path dir) throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/ogrinfo")), "GDAL's ogrinfo is not installed");
        for (String format : List.of("geojson", "gpkg", "shp", "csv")) {
            for (String crs : List.of("EPSG:4326", "EPSG:4490", "EPSG:4534")) {
                byte[] body = download("/api/exports/villages?format=" + format + "&crs=" + crs);
                String ext = switch (format) {
                    case "shp" -> ".zip";
                    case "gpkg" -> ".gpkg";
                    case "csv" -> ".csv";
                    default -> ".geojson";
                };
                Path file = dir.resolve("villages-" + format + "-" + crs.replace(':', '_') + ext);
                Files.write(file, body);
                String source = format.equals("shp") ? "/vsizip/" + file : file.toString();
                Process ogr = new ProcessBuilder("ogrinfo", "-ro", "-al", "-so", source).redirectErrorStream(true)
                        .start();
                String out = new String(ogr.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                assertThat(ogr.waitFor(60, TimeUnit.SECONDS)).isTrue();
                assertThat(out).as(format + " " + crs + "\n" + out).contains("Feature Count: 251");
            }
        }
    }

    @Test
    void theKashgarCountiesInGcj02ArePreviewedWithTheirInvalidPolygons() throws Exception {
        Path root = Path.of(System.getenv().getOrDefault("CIVATLAS_REPO_ROOT", "."));
        byte[] file = Files.readAllBytes(root.resolve("gis-data/source/kashgar-counties.geojson"));
        Http.Response preview = http.multipart("/api/imports?layer=counties&crs=GCJ-02", "kashgar.geojson",
                "application/geo+json", file, "admin", "admin");
        assertThat(preview.status()).as(preview.body()).isEqualTo(201);
        JsonNode p = preview.json();
        assertThat(p.path("count").asInt()).isEqualTo(12);
        assertThat(p.path("conversion").asString()).contains("GCJ-02");
        assertThat(p.path("invalidGeometries").asInt()).isGreaterThanOrEqualTo(3);
        assertThat(p.path("codeField").asString()).isEqualTo("adcode");
        assertThat(p.path("unknownCodes").asInt()).isZero();
        // rejecting invalid geometry refuses the whole import and stores nothing
        Http.Response refused = http.post("/api/imports/" + p.path("id").asString() + "/commit",
                "{\"invalid\":\"reject\"}", "admin", "admin");
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().path("detail").asString()).contains("invalid geometry", "nothing was imported");
        assertThat(http.get("/ogc/collections/counties/items/653122000000").json().path("properties")
                .path("geometrySource").asString()).contains("echarts");
    }

    @Test
    void badFilesAre4xxAndStoreNothing() throws Exception {
        assertThat(http.multipart("/api/imports?layer=townships", "x.geojson", "application/geo+json",
                "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":".getBytes(), "admin", "admin").status())
                .isEqualTo(400);
        assertThat(http.multipart("/api/imports?layer=rivers", "x.geojson", "application/geo+json",
                "{}".getBytes(), "admin", "admin").status()).isEqualTo(400);
        assertThat(http.multipart("/api/imports?layer=townships&crs=EPSG:9999999", "x.geojson",
                "application/geo+json", "{\"type\":\"FeatureCollection\",\"features\":[]}".getBytes(), "admin",
                "admin").status()).isEqualTo(400);
        ByteArrayOutputStream traversal = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(traversal)) {
            zip.putNextEntry(new ZipEntry("../../evil.shp"));
            zip.write(new byte[100]);
            zip.closeEntry();
        }
        Http.Response evil = http.multipart("/api/imports?layer=townships", "evil.zip", "application/zip",
                traversal.toByteArray(), "admin", "admin");
        assertThat(evil.status()).isEqualTo(400);
        assertThat(evil.json().path("detail").asString()).containsIgnoringCase("path");
        String unknown = "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"properties\":{\"code\":"
                + "\"653122299000\"},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[76,39.3],[76.01,39.3],"
                + "[76.01,39.31],[76,39.3]]]}}]}";
        Http.Response preview = http.multipart("/api/imports?layer=townships", "u.geojson", "application/geo+json",
                unknown.getBytes(), "admin", "admin");
        assertThat(preview.json().path("unknownCodes").asInt()).isEqualTo(1);
        Http.Response commit = http.post("/api/imports/" + preview.json().path("id").asString() + "/commit", "{}",
                "admin", "admin");
        assertThat(commit.status()).isEqualTo(409);
        assertThat(http.get("/api/divisions/653122299000").status()).isEqualTo(404);
        assertThat(http.multipart("/api/imports?layer=townships", "u.geojson", "application/geo+json",
                unknown.getBytes(), null, null).status()).isEqualTo(401);
        assertThat(http.multipart("/api/imports?layer=townships", "u.geojson", "application/geo+json",
                unknown.getBytes(), "planner", "planner").status()).isEqualTo(403);
        assertThat(http.get("/api/exports/villages?format=xlsx").status()).isEqualTo(400);
        assertThat(http.get("/api/exports/villages?crs=GCJ-02").status()).isEqualTo(400);
        assertThat(http.get("/api/exports/disputes").status()).isEqualTo(404);
    }

    // ------------------------------------------------------------------------------------------ facilities

    /** A point inside the village (its polygon's interior point), as {lon, lat}. */
    private double[] inside(String villageCode) throws Exception {
        Point p = geometry(http.get("/ogc/collections/villages/items/" + villageCode).json()).getInteriorPoint();
        return new double[] {p.getX(), p.getY()};
    }

    private JsonNode coverage(String type) {
        Http.Response r = http.get("/api/coverage?types=" + type + "&rule=containment&level=village");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    private static String pointFeature(String properties, double[] at) {
        return "{\"type\":\"Feature\",\"properties\":{" + properties + "},\"geometry\":{\"type\":\"Point\","
                + "\"coordinates\":[" + at[0] + "," + at[1] + "]}}";
    }

    private static byte[] collection(String... features) {
        return ("{\"type\":\"FeatureCollection\",\"features\":[" + String.join(",", features) + "]}")
                .getBytes(StandardCharsets.UTF_8);
    }

    private JsonNode facilityByExternalId(String externalId) {
        JsonNode all = http.get("/api/facilities", "planner", "planner").json();
        JsonNode found = null;
        for (JsonNode f : all) {
            if (externalId.equals(f.path("externalId").asString(null))) {
                assertThat(found).as("one facility with external id " + externalId).isNull();
                found = f;
            }
        }
        return found;
    }

    private JsonNode previewAndCommit(String query, String fileName, String type, byte[] file, int creates,
            int updates) {
        Http.Response preview = http.multipart("/api/imports?layer=facilities" + query, fileName, type, file,
                "planner", "planner");
        assertThat(preview.status()).as(preview.body()).isEqualTo(201);
        JsonNode p = preview.json();
        assertThat(p.path("problemCount").asInt()).as(preview.body()).isZero();
        assertThat(p.path("creates").asInt()).as(preview.body()).isEqualTo(creates);
        assertThat(p.path("updates").asInt()).as(preview.body()).isEqualTo(updates);
        Http.Response committed = http.post("/api/imports/" + p.path("id").asString() + "/commit", "{}", "planner",
                "planner");
        assertThat(committed.status()).as(committed.body()).isEqualTo(200);
        assertThat(committed.json().path("created").asInt()).isEqualTo(creates);
        assertThat(committed.json().path("updated").asInt()).isEqualTo(updates);
        return p;
    }

    @Test
    void facilitiesFromGeoJsonAndCsvShowUpInTheLayerAndChangeCoverage() throws Exception {
        JsonNode before = coverage("MARRIAGE_REGISTRY");
        int covered = before.path("covered").asInt();
        List<String> villages = new java.util.ArrayList<>();
        before.path("uncoveredUnits").forEach(u -> villages.add(u.path("code").asString()));
        assertThat(villages.size()).isGreaterThanOrEqualTo(3);
        double[] a = inside(villages.get(0));
        double[] b = inside(villages.get(1));
        double[] c = inside(villages.get(2));
        // GeoJSON with Chinese field names; one type by code, one by its Chinese name as in the types table
        byte[] geojson = collection(
                pointFeature("\"编号\":\"MZ-GJ-1\",\"名称\":\"测试婚姻登记处甲\",\"类型\":\"MARRIAGE_REGISTRY\","
                        + "\"状态\":\"运营\",\"启用日期\":\"2020-03-01\",\"工作人员\":4", a),
                pointFeature("\"编号\":\"MZ-GJ-2\",\"名称\":\"测试婚姻登记处乙\",\"类型\":\"婚姻登记处\","
                        + "\"状态\":\"OPERATING\",\"启用日期\":\"2021/6/1\"", b));
        JsonNode p = previewAndCommit("", "registries.geojson", "application/geo+json", geojson, 2, 0);
        assertThat(p.path("count").asInt()).isEqualTo(2);
        assertThat(p.path("crs").asString()).isEqualTo("EPSG:4326");
        assertThat(p.path("mapping").path("name").asString()).isEqualTo("名称");
        assertThat(p.path("mapping").path("type").asString()).isEqualTo("类型");
        assertThat(p.path("mapping").path("externalId").asString()).isEqualTo("编号");
        assertThat(p.path("points").size()).isEqualTo(2);
        assertThat(p.path("extent").size()).isEqualTo(4);
        assertThat(coverage("MARRIAGE_REGISTRY").path("covered").asInt()).isEqualTo(covered + 2);
        // a CSV with lon/lat columns
        String csv = "id_code,name,type,status,opened_on,lon,lat\n"
                + "MZ-CSV-1,测试婚姻登记处丙,MARRIAGE_REGISTRY,运营,2019-09-09," + c[0] + "," + c[1] + "\n";
        Http.Response preview = http.multipart("/api/imports?layer=facilities&crs=EPSG:4490", "r.csv", "text/csv",
                csv.getBytes(StandardCharsets.UTF_8), "planner", "planner");
        assertThat(preview.status()).as(preview.body()).isEqualTo(201);
        // "id_code" is no recognised identifier name: map it when committing
        assertThat(preview.json().path("mapping").path("externalId").isNull()).isTrue();
        Http.Response committed = http.post("/api/imports/" + preview.json().path("id").asString() + "/commit",
                "{\"mapping\":{\"externalId\":\"id_code\"}}", "planner", "planner");
        assertThat(committed.status()).as(committed.body()).isEqualTo(200);
        assertThat(coverage("MARRIAGE_REGISTRY").path("covered").asInt()).isEqualTo(covered + 3);

        JsonNode items = http.get("/ogc/collections/facilities/items?limit=1000").json();
        List<String> names = new java.util.ArrayList<>();
        items.path("features").forEach(f -> names.add(f.path("properties").path("name").asString()));
        assertThat(names).contains("测试婚姻登记处甲", "测试婚姻登记处乙", "测试婚姻登记处丙");
        JsonNode first = facilityByExternalId("MZ-GJ-1");
        assertThat(first.path("unitCode").asString()).isEqualTo(villages.get(0));
        assertThat(first.path("synthetic").asBoolean()).isFalse();
        assertThat(first.path("source").asString()).contains("registries.geojson", "feature 0", "EPSG:4326");
        assertThat(first.path("staff").asInt()).isEqualTo(4);
        assertThat(facilityByExternalId("MZ-GJ-2").path("openedOn").asString()).isEqualTo("2021-06-01");
        assertThat(facilityByExternalId("MZ-CSV-1").path("unitCode").asString()).isEqualTo(villages.get(2));
        // the demo's facilities keep their synthetic flag
        assertThat(http.get("/api/facilities/1").json().path("synthetic").asBoolean()).isTrue();
    }

    @Test
    void aGcj02CsvLandsWithinAFewMetresOfTheTruePoint() throws Exception {
        String village = coverage("CHILD_WELFARE_CENTRE").path("uncoveredUnits").get(0).path("code").asString();
        double[] truth = inside(village);
        double[] gcj = ChinaOffsetDatums.wgs84ToGcj02(truth[0], truth[1]);
        assertThat(TestSupport.metres(truth[0], truth[1], gcj[0], gcj[1])).isGreaterThan(100);
        String csv = "编号,名称,类型,状态,开工日期,经度,纬度\n"
                + "GCJ-1,测试儿童福利机构,CHILD_WELFARE_CENTRE,在建,2024-05-01," + gcj[0] + "," + gcj[1] + "\n";
        JsonNode p = previewAndCommit("&crs=GCJ-02", "amap.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8),
                1, 0);
        assertThat(p.path("conversion").asString()).contains("GCJ-02");
        JsonNode f = facilityByExternalId("GCJ-1");
        assertThat(TestSupport.metres(truth[0], truth[1], f.path("lon").asDouble(), f.path("lat").asDouble()))
                .isLessThan(3);
        assertThat(f.path("unitCode").asString()).isEqualTo(village);
        assertThat(f.path("source").asString()).contains("GCJ-02");
        assertThat(f.path("status").asString()).isEqualTo("UNDER_CONSTRUCTION");
    }

    @Test
    void aBadFacilityFileListsEveryProblemByIndexAndStoresNothing() throws Exception {
        int count = http.get("/api/facilities").json().size();
        double[] at = inside(coverage("FUNERAL_HOME").path("uncoveredUnits").get(0).path("code").asString());
        String polygon = "{\"type\":\"Feature\",\"properties\":{\"code\":\"BAD-2\",\"name\":\"面\",\"type\":"
                + "\"FUNERAL_HOME\",\"status\":\"PLANNED\"},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":"
                + "[[[76,39.3],[76.01,39.3],[76.01,39.31],[76,39.3]]]}}";
        byte[] file = collection(
                pointFeature("\"code\":\"BAD-0\",\"name\":\"好的殡仪馆\",\"type\":\"FUNERAL_HOME\",\"status\":\"PLANNED\"", at),
                pointFeature("\"code\":\"BAD-1\",\"name\":\"游泳馆\",\"type\":\"SWIMMING_POOL\",\"status\":\"PLANNED\"", at),
                polygon,
                pointFeature("\"code\":\"BAD-0\",\"name\":\"重复\",\"type\":\"FUNERAL_HOME\",\"status\":\"PLANNED\"", at),
                pointFeature("\"code\":\"BAD-4\",\"type\":\"FUNERAL_HOME\",\"status\":\"PLANNED\"", at),
                pointFeature("\"code\":\"BAD-5\",\"name\":\"状态错\",\"type\":\"FUNERAL_HOME\",\"status\":\"营业\"", at),
                pointFeature("\"code\":\"BAD-6\",\"name\":\"负床位\",\"type\":\"NURSING_HOME\",\"status\":\"PLANNED\","
                        + "\"beds\":-5", at));
        Http.Response preview = http.multipart("/api/imports?layer=facilities", "bad.geojson",
                "application/geo+json", file, "admin", "admin");
        assertThat(preview.status()).as(preview.body()).isEqualTo(201);
        JsonNode p = preview.json();
        assertThat(p.path("count").asInt()).isEqualTo(7);
        java.util.Map<Integer, String> kinds = new java.util.HashMap<>();
        p.path("problems").forEach(x -> kinds.merge(x.path("index").asInt(), x.path("kind").asString(),
                (u, v) -> u + "," + v));
        assertThat(kinds).doesNotContainKey(0);
        assertThat(kinds.get(1)).contains("unknown-type");
        assertThat(kinds.get(2)).contains("wrong-type");
        assertThat(kinds.get(3)).contains("duplicate-key");
        assertThat(kinds.get(4)).contains("no-name");
        assertThat(kinds.get(5)).contains("bad-status");
        assertThat(kinds.get(6)).contains("negative");
        assertThat(p.path("problems").get(0).path("reason").asString()).matches("(?s).*\\p{IsHan}.*/.*");
        Http.Response refused = http.post("/api/imports/" + p.path("id").asString() + "/commit", "{}", "admin",
                "admin");
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.contentType()).contains("application/problem+json");
        assertThat(refused.json().path("detail").asString()).contains("#1", "#2", "#3", "nothing was imported");
        assertThat(http.get("/api/facilities").json().size()).isEqualTo(count);
        assertThat(facilityByExternalId("BAD-0")).isNull();
        // a mapping to a field the file does not have is a 400 naming the parameter
        Http.Response badMapping = http.post("/api/imports/" + p.path("id").asString() + "/commit",
                "{\"mapping\":{\"name\":\"nope\"}}", "admin", "admin");
        assertThat(badMapping.status()).isEqualTo(400);
        assertThat(badMapping.json().path("parameter").asString()).isEqualTo("mapping");
    }

    /**
     * A planner's round trip: export the facility list (as staff: with dates, capacities and external ids) as a
     * Gauss-Krüger shapefile, edit it elsewhere, import it back: every facility is recognised as an update, nothing
     * is a problem, and what came back is what went out. The public export leaves the staff-only fields out.
     */
    @Test
    void anExportedFacilityListImportsBackAsUpdates() throws Exception {
        assertThat(new String(download("/api/exports/facilities?format=csv"), StandardCharsets.UTF_8))
                .doesNotContain("beds", "opened_on");
        HttpResponse<byte[]> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:"
                + port + "/api/exports/facilities?format=shp&crs=EPSG:4534")).header("Authorization", "Basic "
                + java.util.Base64.getEncoder().encodeToString("planner:planner".getBytes(StandardCharsets.UTF_8)))
                .build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode before = http.get("/api/facilities", "planner", "planner").json();
        int count = before.size();
        Http.Response preview = http.multipart("/api/imports?layer=facilities", "facilities.zip", "application/zip",
                r.body(), "planner", "planner");
        assertThat(preview.status()).as(preview.body()).isEqualTo(201);
        JsonNode p = preview.json();
        assertThat(p.path("problemCount").asInt()).as(preview.body()).isZero();
        assertThat(p.path("creates").asInt()).isZero();
        assertThat(p.path("updates").asInt()).isEqualTo(count);
        Http.Response committed = http.post("/api/imports/" + p.path("id").asString() + "/commit", "{}", "planner",
                "planner");
        assertThat(committed.status()).as(committed.body()).isEqualTo(200);
        JsonNode after = http.get("/api/facilities", "planner", "planner").json();
        assertThat(after.size()).isEqualTo(count);
        java.util.Map<Long, JsonNode> byId = new java.util.HashMap<>();
        after.forEach(f -> byId.put(f.path("id").asLong(), f));
        for (JsonNode f : before) {
            JsonNode back = byId.get(f.path("id").asLong());
            assertThat(back).as("facility " + f.path("id")).isNotNull();
            // the demo's synthetic facilities stay labelled synthetic: the export says so and the import keeps it
            for (String field : List.of("name", "type", "status", "operator", "openedOn", "plannedOn", "beds",
                    "nursingBeds", "staff", "unitCode", "synthetic", "externalId")) {
                assertThat(back.path(field).toString()).as(f.path("name") + " " + field)
                        .isEqualTo(f.path(field).toString());
            }
            // the Gauss-Krüger projection and back: well under a metre (1e-5° ≈ 1 m)
            assertThat(back.path("lon").asDouble()).isCloseTo(f.path("lon").asDouble(),
                    org.assertj.core.data.Offset.offset(1e-6));
            assertThat(back.path("lat").asDouble()).isCloseTo(f.path("lat").asDouble(),
                    org.assertj.core.data.Offset.offset(1e-6));
        }
    }

    @Test
    void anAtlasIdThatIsNotOursIsAProblemNotANewFacility() throws Exception {
        String csv = "atlas_id,name,type,status,lon,lat\n99999999,某敬老院,NURSING_HOME,PLANNED,76.35,39.16\n";
        Http.Response preview = http.multipart("/api/imports?layer=facilities&crs=EPSG:4326", "ids.csv", "text/csv",
                csv.getBytes(StandardCharsets.UTF_8), "planner", "planner");
        assertThat(preview.status()).as(preview.body()).isEqualTo(201);
        assertThat(preview.json().path("problemCount").asInt()).isEqualTo(1);
        assertThat(preview.json().path("problems").get(0).path("kind").asString()).isEqualTo("unknown-atlas-id");
        assertThat(preview.json().path("problems").get(0).path("reason").asString()).contains("99999999");
    }

    @Test
    void reImportingUpdatesTheFacilityAndKeepsItsHistory() throws Exception {
        double[] a = inside(coverage("NURSING_HOME").path("uncoveredUnits").get(0).path("code").asString());
        double[] b = inside(coverage("NURSING_HOME").path("uncoveredUnits").get(1).path("code").asString());
        String first = "{\"type\":\"FeatureCollection\",\"features\":[" + pointFeature("\"externalId\":\"RE-1\","
                + "\"name\":\"测试敬老院\",\"type\":\"NURSING_HOME\",\"status\":\"OPERATING\",\"openedOn\":"
                + "\"2018-01-01\",\"beds\":40,\"nursingBeds\":10", a) + "]}";
        previewAndCommit("", "home.geojson", "application/geo+json", first.getBytes(StandardCharsets.UTF_8), 1, 0);
        long id = facilityByExternalId("RE-1").path("id").asLong();
        String second = first.replace("\"beds\":40", "\"beds\":60").replace("测试敬老院", "测试敬老院（扩建）")
                .replace(a[0] + "," + a[1], b[0] + "," + b[1]);
        previewAndCommit("", "home.geojson", "application/geo+json", second.getBytes(StandardCharsets.UTF_8), 0, 1);
        JsonNode f = facilityByExternalId("RE-1");
        assertThat(f.path("id").asLong()).isEqualTo(id);
        assertThat(f.path("name").asString()).isEqualTo("测试敬老院（扩建）");
        assertThat(f.path("beds").asInt()).isEqualTo(60);
        assertThat(f.path("lon").asDouble()).isCloseTo(b[0], org.assertj.core.data.Offset.offset(1e-7));
        assertThat(jdbc.queryForObject("select count(*) from facility_aud where id = ?", Integer.class, id))
                .isEqualTo(2);
        // without an identifier, type and name identify the facility
        String csv = "name,type,status,beds,lon,lat\n测试互助幸福院,RURAL_MUTUAL_AID_HOME,PLANNED,12," + a[0] + ","
                + a[1] + "\n";
        previewAndCommit("&crs=EPSG:4326", "mutual.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8), 1, 0);
        previewAndCommit("&crs=EPSG:4326", "mutual.csv", "text/csv",
                csv.replace(",12,", ",16,").getBytes(StandardCharsets.UTF_8), 0, 1);
        long same = 0;
        for (JsonNode x : http.get("/api/facilities", "planner", "planner").json()) {
            if (x.path("name").asString().equals("测试互助幸福院")) {
                same++;
                assertThat(x.path("beds").asInt()).isEqualTo(16);
            }
        }
        assertThat(same).isEqualTo(1);
    }

    @Test
    void onlyPlannersAndAdminsImportFacilities() throws Exception {
        byte[] file = collection(pointFeature("\"name\":\"x\",\"type\":\"FUNERAL_HOME\",\"status\":\"PLANNED\"",
                new double[] {76.05, 39.4}));
        for (String officer : List.of("names", "boundary")) {
            Http.Response r = http.multipart("/api/imports?layer=facilities", "f.geojson", "application/geo+json",
                    file, officer, officer);
            assertThat(r.status()).as(officer).isEqualTo(403);
            assertThat(r.json().path("detail").asString()).contains("只有", "only planners");
        }
        assertThat(http.multipart("/api/imports?layer=facilities", "f.geojson", "application/geo+json", file, null,
                null).status()).isEqualTo(401);
        Http.Response preview = http.multipart("/api/imports?layer=facilities", "f.geojson", "application/geo+json",
                file, "planner", "planner");
        assertThat(preview.status()).isEqualTo(201);
        String id = preview.json().path("id").asString();
        assertThat(http.get("/api/imports/" + id, "names", "names").status()).isEqualTo(403);
        assertThat(http.post("/api/imports/" + id + "/commit", "{}", "names", "names").status()).isEqualTo(403);
        assertThat(http.get("/api/imports/" + id, "planner", "planner").status()).isEqualTo(200);
    }

    @Test
    void aPointShapefileIsPreviewedWithItsFieldsMapped(@TempDir Path dir) throws Exception {
        double[] at = inside(coverage("RESCUE_STATION").path("uncoveredUnits").get(0).path("code").asString());
        List<Path> parts = TestSupport.writePointShapefile(dir, "stations", List.of(
                new TestSupport.PointRecord(at[0], at[1], "测试救助站", 42)), StandardCharsets.UTF_8, "UTF-8", null);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Path part : parts) {
                zip.putNextEntry(new ZipEntry(part.getFileName().toString()));
                zip.write(Files.readAllBytes(part));
                zip.closeEntry();
            }
        }
        Http.Response preview = http.multipart("/api/imports?layer=facilities&crs=EPSG:4326", "stations.zip",
                "application/zip", bytes.toByteArray(), "planner", "planner");
        assertThat(preview.status()).as(preview.body()).isEqualTo(201);
        JsonNode p = preview.json();
        assertThat(p.path("mapping").path("name").asString()).isEqualTo("NAME");
        assertThat(p.path("mapping").path("externalId").asString()).isEqualTo("CODE");
        // the file has no type and no status column: listed per feature, and the commit is refused
        assertThat(p.path("problems").toString()).contains("unknown-type", "bad-status");
        assertThat(http.post("/api/imports/" + p.path("id").asString() + "/commit", "{}", "planner", "planner")
                .status()).isEqualTo(422);
        assertThat(facilityByExternalId("42")).isNull();
    }
}
