package org.civatlas;

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
import org.springframework.boot.test.context.SpringBootTest;
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
}
