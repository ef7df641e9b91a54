package org.civatlas.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;
import org.civatlas.support.Gdal;
import org.civatlas.support.Http;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.io.geojson.GeoJsonReader;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * What an API user relies on, run over real HTTP against the application on each database
 * (H2GIS always, PostGIS when available): the demo dataset, the OGC API, the divisions API, roles and errors.
 */
abstract class ApiContractTests implements CoverageContract, GazetteerContract, BoundaryContract,
        ConcurrentEditsContract {

    @LocalServerPort
    int port;

    Http http;

    @BeforeEach
    void client() {
        http = new Http(port);
    }

    @Override
    public Http http() {
        return http;
    }

    static List<JsonNode> features(JsonNode collection) {
        return StreamSupport.stream(collection.path("features").spliterator(), false).toList();
    }

    static Geometry geometry(JsonNode feature) throws Exception {
        return new GeoJsonReader().read(feature.path("geometry").toString());
    }

    // --- the demo dataset through the OGC API ---------------------------------------------------------

    @Test
    void demoDatasetHasTheCountyItsNeighboursTownshipsAndVillages() {
        JsonNode villages = http.get("/ogc/collections/villages/items?limit=1000").json();
        assertThat(villages.path("numberMatched").asInt()).isEqualTo(251);
        assertThat(features(villages)).hasSize(251);
        assertThat(features(http.get("/ogc/collections/townships/items?limit=1000").json())).hasSize(16);
        List<JsonNode> counties = features(http.get("/ogc/collections/counties/items?limit=1000").json());
        assertThat(counties).hasSize(12);
        assertThat(counties).extracting(f -> f.path("properties").path("name").asString())
                .contains("疏勒县", "喀什市", "疏附县", "英吉沙县", "岳普湖县", "伽师县");
    }

    @Test
    void invalidSourcePolygonsAreKeptAndFlaggedWithJtsReason() {
        List<JsonNode> invalid = features(http.get("/ogc/collections/counties/items?limit=100").json()).stream()
                .filter(f -> !f.path("properties").path("geometryValid").asBoolean()).toList();
        assertThat(invalid).hasSize(4);
        assertThat(invalid).allSatisfy(f -> {
            assertThat(f.path("properties").path("geometryInvalidReason").asString()).contains("Self-intersection");
            assertThat(f.path("geometry").path("type").asString()).isEqualTo("MultiPolygon");
        });
    }

    @Test
    void syntheticValuesAreLabelledAndRealOnesAreNot() {
        JsonNode village = features(http.get("/ogc/collections/villages/items?limit=1").json()).get(0);
        assertThat(village.path("properties").path("geometrySynthetic").asBoolean()).isTrue();
        assertThat(village.path("properties").path("populationSynthetic").asBoolean()).isTrue();
        assertThat(village.path("properties").path("population").asInt()).isPositive();
        JsonNode county = http.get("/ogc/collections/counties/items/653122000000").json();
        assertThat(county.path("properties").path("name").asString()).isEqualTo("疏勒县");
        assertThat(county.path("properties").path("synthetic").asBoolean()).isFalse();
        assertThat(county.path("properties").path("crsConversion").asString()).contains("GCJ-02");
    }

    @Test
    void urbanRuralKindIsDerivedFromTheCode() {
        JsonNode community = http.get("/ogc/collections/villages/items/653122100001").json().path("properties");
        assertThat(community.path("kind").asString()).isEqualTo("RESIDENTS_COMMITTEE");
        assertThat(community.path("urbanRural").asString()).isEqualTo("URBAN");
        JsonNode town = http.get("/ogc/collections/townships/items/653122100000").json().path("properties");
        assertThat(town.path("kind").asString()).isEqualTo("TOWN");
        assertThat(town.path("kindLabel").asString()).isEqualTo("镇");
    }

    @Test
    void itemsArePagedWithNextAndPrevLinks() {
        JsonNode first = http.get("/ogc/collections/villages/items?limit=100").json();
        assertThat(first.path("numberReturned").asInt()).isEqualTo(100);
        assertThat(link(first, "next")).contains("offset=100");
        assertThat(link(first, "prev")).isNull();
        JsonNode last = http.get("/ogc/collections/villages/items?limit=100&offset=200").json();
        assertThat(last.path("numberReturned").asInt()).isEqualTo(51);
        assertThat(link(last, "next")).isNull();
        assertThat(link(last, "prev")).contains("offset=100");
        List<String> ids = new ArrayList<>();
        for (int offset = 0; offset < 251; offset += 100) {
            features(http.get("/ogc/collections/villages/items?limit=100&offset=" + offset).json())
                    .forEach(f -> ids.add(f.path("id").asString()));
        }
        assertThat(ids).hasSize(251).doesNotHaveDuplicates();
    }

    @Test
    void bboxSelectsTheUnitsThatIntersectIt() throws Exception {
        JsonNode village = http.get("/ogc/collections/villages/items/653122100001").json();
        Point inside = geometry(village).getInteriorPoint();
        double d = 0.001;
        String bbox = (inside.getX() - d) + "," + (inside.getY() - d) + "," + (inside.getX() + d) + ","
                + (inside.getY() + d);
        JsonNode hits = http.get("/ogc/collections/villages/items?limit=1000&bbox=" + bbox).json();
        assertThat(features(hits)).extracting(f -> f.path("id").asString()).contains("653122100001");
        assertThat(hits.path("numberMatched").asInt()).isBetween(1, 20);
        JsonNode far = http.get("/ogc/collections/villages/items?bbox=10,10,11,11").json();
        assertThat(far.path("numberMatched").asInt()).isZero();
        // the whole prefecture box meets every county, the invalid polygons included, without an error
        assertThat(http.get("/ogc/collections/counties/items?bbox=70,35,80,42").json().path("numberMatched").asInt())
                .isEqualTo(12);
    }

    @Test
    void pointQueryFindsCountyTownshipAndVillage() throws Exception {
        JsonNode village = http.get("/ogc/collections/villages/items/653122200201").json();
        Point p = geometry(village).getInteriorPoint();
        JsonNode units = http.get("/api/divisions/at?lon=" + p.getX() + "&lat=" + p.getY()).json();
        assertThat(StreamSupport.stream(units.spliterator(), false).map(u -> u.path("code").asString()).toList())
                .containsExactly("653122000000", "653122200000", "653122200201");
    }

    @Test
    void pointQueryOnInvalidPolygonsDoesNotFail() throws Exception {
        for (JsonNode county : features(http.get("/ogc/collections/counties/items?limit=100").json())) {
            var envelope = geometry(county).getEnvelopeInternal();
            Http.Response response = http.get("/api/divisions/at?lon=" + envelope.centre().x + "&lat="
                    + envelope.centre().y);
            assertThat(response.status()).as(county.path("properties").path("name").asString()).isEqualTo(200);
        }
    }

    @Test
    void hierarchyQueries() {
        JsonNode children = http.get("/api/divisions/653122000000/children").json();
        assertThat(children.size()).isEqualTo(16);
        JsonNode ancestors = http.get("/api/divisions/653122100001/ancestors").json();
        assertThat(StreamSupport.stream(ancestors.spliterator(), false).map(u -> u.path("code").asString()).toList())
                .containsExactly("653122100000", "653122000000");
    }

    @Test
    void collectionsDescribeTheirExtent() {
        JsonNode collections = http.get("/ogc/collections").json().path("collections");
        assertThat(StreamSupport.stream(collections.spliterator(), false).map(c -> c.path("id").asString()).toList())
                .startsWith("counties", "townships", "villages", "facilities")
                .contains("place-names", "boundary-lines", "boundary-markers", "coverage-by-township",
                        "facilities-elderly", "facilities-community-service").doesNotContain("boundary-disputes");
        JsonNode bbox = http.get("/ogc/collections/villages").json().path("extent").path("spatial").path("bbox").get(0);
        assertThat(bbox.get(0).asDouble()).isBetween(75.0, 77.0);
        assertThat(bbox.get(1).asDouble()).isBetween(38.5, 40.0);
        assertThat(http.get("/ogc").json().path("links").size()).isGreaterThanOrEqualTo(3);
        assertThat(http.get("/ogc/conformance").json().path("conformsTo").toString()).contains("conf/core");
    }

    @Test
    void itemsAreGeoJson() {
        Http.Response response = http.get("/ogc/collections/townships/items");
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.contentType()).startsWith("application/geo+json");
        assertThat(response.json().path("numberReturned").asInt()).isEqualTo(10);
    }

    @Test
    void ogcApiHasAnOpenApiDocumentHtmlQueryablesFiltersAndDatetime() {
        JsonNode landing = http.get("/ogc").json();
        String serviceDesc = StreamSupport.stream(landing.path("links").spliterator(), false)
                .filter(l -> l.path("rel").asString().equals("service-desc")).findFirst().orElseThrow()
                .path("href").asString();
        Http.Response api = http.get(serviceDesc.substring(serviceDesc.indexOf("/ogc")));
        assertThat(api.contentType()).startsWith("application/vnd.oai.openapi+json");
        assertThat(api.json().path("openapi").asString()).startsWith("3.0");
        assertThat(api.json().path("paths").has("/collections/{collectionId}/items")).isTrue();
        Http.Response html = http.get("/ogc/collections/townships/items?f=html&limit=3");
        assertThat(html.contentType()).startsWith("text/html");
        assertThat(html.body()).contains("<table>", "653122");
        assertThat(http.get("/ogc/collections/villages/queryables").json().path("properties").has("urbanRural"))
                .isTrue();
        JsonNode urban = http.get("/ogc/collections/villages/items?urbanRural=URBAN&limit=1000").json();
        assertThat(urban.path("numberMatched").asInt()).isBetween(1, 40);
        assertThat(features(urban)).allSatisfy(f -> assertThat(f.path("properties").path("urbanRural").asString())
                .isEqualTo("URBAN"));
        assertThat(link(urban, "self")).contains("urbanRural=URBAN");
        Http.Response unknown = http.get("/ogc/collections/villages/items?colour=red");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().path("parameter").asString()).isEqualTo("colour");
        assertThat(http.get("/ogc/collections/place-names/items?datetime=2020-01-01&limit=1").status()).isEqualTo(200);
        assertThat(http.get("/ogc/collections/place-names/items?datetime=yesterday").status()).isEqualTo(400);
        assertThat(http.get("/ogc/collections/place-names/items?datetime=2024-01-01/2020-01-01").status())
                .isEqualTo(400);
        Http.Response items = http.get("/ogc/collections/townships/items");
        assertThat(items.headers().firstValue("ETag")).isPresent();
        assertThat(items.headers().firstValue("Cache-Control").orElse("")).contains("public");
    }

    /**
     * A desktop GIS or the page revalidating a page of items gets a 304 while nothing changed, and the new data as
     * soon as an edit is committed; staff, who may see more, never share a tag with the public.
     */
    @Test
    void itemPagesAreRevalidatedUntilTheDataChanges() throws Exception {
        String path = "/ogc/collections/villages/items?limit=3&offset=2";
        Http.Response first = http.get(path);
        String etag = first.headers().firstValue("ETag").orElseThrow();
        assertThat(etag).startsWith("W/");
        assertThat(first.json().path("numberReturned").asInt()).isEqualTo(3);
        assertThat(first.json().path("numberMatched").asInt()).isEqualTo(251);
        assertThat(revalidate(path, etag).statusCode()).isEqualTo(304);
        assertThat(http.get(path, "planner", "planner").headers().firstValue("ETag").orElseThrow()).isNotEqualTo(etag);
        assertThat(http.get("/ogc/collections/villages/items?limit=3&offset=3").headers().firstValue("ETag")
                .orElseThrow()).isNotEqualTo(etag);

        JsonNode village = first.json().path("features").get(0);
        String code = village.path("id").asString();
        int population = village.path("properties").path("population").asInt();
        assertThat(http.patch("/api/divisions/" + code, "{\"population\":" + (population + 1) + ",\"version\":"
                + divisionVersion(code) + "}", "admin", "admin").status()).isEqualTo(200);
        try {
            var changed = revalidate(path, etag);
            assertThat(changed.statusCode()).isEqualTo(200);
            assertThat(changed.headers().firstValue("ETag").orElseThrow()).isNotEqualTo(etag);
            assertThat(tools.jackson.databind.json.JsonMapper.builder().build().readTree(changed.body())
                    .path("features").get(0).path("properties").path("population").asInt()).isEqualTo(population + 1);
        } finally {
            http.patch("/api/divisions/" + code, "{\"population\":" + population + ",\"version\":"
                    + divisionVersion(code) + "}", "admin", "admin");
        }
    }

    /** The stored version of a unit, as an editing client reads it before a PATCH. */
    protected long divisionVersion(String code) {
        return http.get("/api/divisions/" + code).json().path("version").asLong();
    }

    private java.net.http.HttpResponse<String> revalidate(String path, String etag) throws Exception {
        return java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create("http://localhost:" + port + path)).header("If-None-Match", etag).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void featuresComeInTheRequestedCrsWithItsAxisOrder() throws Exception {
        JsonNode wgs = http.get("/ogc/collections/townships/items/653122201000").json();
        org.locationtech.jts.geom.Coordinate lonLat = geometry(wgs).getCoordinates()[0];
        Http.Response cgcs = http.get("/ogc/collections/townships/items/653122201000?crs="
                + "http://www.opengis.net/def/crs/EPSG/0/4490");
        assertThat(cgcs.headers().firstValue("Content-Crs")).hasValue("<http://www.opengis.net/def/crs/EPSG/0/4490>");
        org.locationtech.jts.geom.Coordinate latLon = geometry(cgcs.json()).getCoordinates()[0];
        assertThat(latLon.x).isCloseTo(lonLat.y, org.assertj.core.data.Offset.offset(1e-7));
        assertThat(latLon.y).isCloseTo(lonLat.x, org.assertj.core.data.Offset.offset(1e-7));
        JsonNode collection = http.get("/ogc/collections/townships").json();
        assertThat(collection.path("crs").toString()).contains("EPSG/0/4534", "EPSG/0/4490", "CRS84");
        JsonNode gk = http.get("/ogc/collections/townships/items?limit=1&crs=http://www.opengis.net/def/crs/EPSG/0/"
                + "4534").json();
        double northing = features(gk).get(0).path("geometry").path("coordinates").get(0).get(0).get(0).get(0)
                .asDouble();
        assertThat(northing).isBetween(4_000_000.0, 4_700_000.0);
        // a bbox in the GK zone around a township finds it
        org.locationtech.jts.geom.Point p = geometry(wgs).getInteriorPoint();
        double[] en = org.civatlas.exchange.crs.Crs.epsg(4534).fromWgs84(p).getCoordinates()[0] == null ? null
                : new double[] {org.civatlas.exchange.crs.Crs.epsg(4534).fromWgs84(p).getCoordinate().x,
                        org.civatlas.exchange.crs.Crs.epsg(4534).fromWgs84(p).getCoordinate().y};
        String bbox = (en[1] - 100) + "," + (en[0] - 100) + "," + (en[1] + 100) + "," + (en[0] + 100);
        JsonNode hit = http.get("/ogc/collections/townships/items?bbox=" + bbox + "&bbox-crs="
                + "http://www.opengis.net/def/crs/EPSG/0/4534").json();
        assertThat(features(hit)).extracting(f -> f.path("id").asString()).contains("653122201000");
        assertThat(http.get("/ogc/collections/townships/items?crs=EPSG:3857").status()).isEqualTo(400);
        assertThat(http.get("/ogc/collections/townships/items?bbox=1,2,3,4&bbox-crs=http://example.com/x").status())
                .isEqualTo(400);
    }

    @Test
    void vectorTilesCarryTheLayerWithNamesAndAnswerBadTilesWith400() throws Exception {
        int z = 10;
        double lon = 75.95;
        double lat = 39.4;
        int x = (int) Math.floor((lon + 180) / 360 * (1 << z));
        double latRad = Math.toRadians(lat);
        int y = (int) Math.floor((1 - Math.log(Math.tan(latRad) + 1 / Math.cos(latRad)) / Math.PI) / 2 * (1 << z));
        java.net.http.HttpResponse<byte[]> tile = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + "/tiles/townships/"
                        + z + "/" + x + "/" + y + ".mvt")).build(), java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        assertThat(tile.statusCode()).isEqualTo(200);
        assertThat(tile.headers().firstValue("Content-Type").orElse("")).startsWith("application/vnd.mapbox-vector-tile");
        var decoded = io.github.sebasbaumh.mapbox.vectortile.adapt.jts.MvtReader.loadMvt(
                new java.io.ByteArrayInputStream(tile.body()), org.civatlas.spatial.Geometries.WGS84,
                new io.github.sebasbaumh.mapbox.vectortile.adapt.jts.TagKeyValueMapConverter());
        assertThat(decoded.getLayers()).isNotEmpty();
        assertThat(decoded.getLayers().iterator().next().getGeometries()).isNotEmpty();
        String etag = tile.headers().firstValue("ETag").orElseThrow();
        var again = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create("http://localhost:" + port + "/tiles/townships/" + z + "/" + x + "/" + y + ".mvt"))
                .header("If-None-Match", etag).build(), java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        assertThat(again.statusCode()).isEqualTo(304);
        JsonNode tileJson = http.get("/tiles/townships.json").json();
        assertThat(tileJson.path("tiles").get(0).asString()).endsWith("/tiles/townships/{z}/{x}/{y}.mvt");
        assertThat(http.get("/tiles/townships/30/0/0.mvt").status()).isEqualTo(400);
        assertThat(http.get("/tiles/townships/2/4/0.mvt").status()).isEqualTo(400);
        assertThat(http.get("/tiles/townships/a/0/0.mvt").status()).isEqualTo(400);
        assertThat(http.get("/tiles/boundary-disputes/0/0/0.mvt").status()).isEqualTo(404);
    }

    @Test
    void cql2TextFiltersItems() {
        JsonNode urbanBig = http.get("/ogc/collections/villages/items?limit=1000&filter="
                + java.net.URLEncoder.encode("urbanRural = 'URBAN' AND population > 4000",
                        java.nio.charset.StandardCharsets.UTF_8)).json();
        assertThat(urbanBig.path("numberMatched").asInt()).isPositive();
        assertThat(features(urbanBig)).allSatisfy(f -> {
            assertThat(f.path("properties").path("urbanRural").asString()).isEqualTo("URBAN");
            assertThat(f.path("properties").path("population").asInt()).isGreaterThan(4000);
        });
        JsonNode near = http.get("/ogc/collections/facilities/items?limit=1000&filter=" + java.net.URLEncoder.encode(
                "S_INTERSECTS(geometry, BBOX(75.9, 39.0, 76.1, 39.5)) AND type = 'RURAL_COMMUNITY_SERVICE'",
                java.nio.charset.StandardCharsets.UTF_8)).json();
        assertThat(features(near)).isNotEmpty().allSatisfy(f -> assertThat(f.path("geometry").path("coordinates").get(0)
                .asDouble()).isBetween(75.9, 76.1));
        Http.Response bad = http.get("/ogc/collections/villages/items?filter=colour%3D1");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().path("parameter").asString()).isEqualTo("filter");
        assertThat(http.get("/ogc/collections/villages/items?filter=x&filter-lang=cql2-json").status())
                .isEqualTo(400);
    }

    // --- bad input ----------------------------------------------------------------------------------

    @Test
    void unknownCollectionOrFeatureIsA404Problem() {
        Http.Response collection = http.get("/ogc/collections/nothing/items");
        assertThat(collection.status()).isEqualTo(404);
        assertThat(collection.contentType()).startsWith("application/problem+json");
        assertThat(collection.json().path("detail").asString()).contains("nothing");
        assertThat(http.get("/ogc/collections/villages/items/999999999999").status()).isEqualTo(404);
        // a county code asked for in the villages collection is not a village
        assertThat(http.get("/ogc/collections/villages/items/653122000000").status()).isEqualTo(404);
        assertThat(http.get("/api/divisions/000000000000").status()).isEqualTo(404);
    }

    @Test
    void malformedParametersAre400ProblemsNamingTheParameter() {
        for (String query : List.of("bbox=1,2,3", "bbox=a,b,c,d", "bbox=77,39,76,40", "bbox=76,40,77,39",
                "bbox=-200,0,0,10", "limit=abc", "limit=0", "limit=-5", "offset=-1", "offset=x")) {
            Http.Response response = http.get("/ogc/collections/villages/items?" + query);
            assertThat(response.status()).as(query).isEqualTo(400);
            assertThat(response.contentType()).as(query).startsWith("application/problem+json");
            assertThat(response.json().path("parameter").asString()).as(query)
                    .isEqualTo(query.substring(0, query.indexOf('=')));
        }
        assertThat(http.get("/api/divisions/at?lon=500&lat=39").status()).isEqualTo(400);
    }

    @Test
    void limitAboveTheMaximumIsClampedAndSaid() {
        JsonNode body = http.get("/ogc/collections/villages/items?limit=5000").json();
        assertThat(body.path("numberReturned").asInt()).isEqualTo(251);
        assertThat(body.path("notice").asString()).contains("1000");
    }

    // --- roles and audit ----------------------------------------------------------------------------

    @Test
    void anonymousWriteIs401AndWrongRoleIs403() {
        Http.Response anonymous = http.patch("/api/divisions/653122200201", "{\"population\":1}", null, null);
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.contentType()).startsWith("application/problem+json");
        assertThat(anonymous.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v)
                .startsWith("Basic"));
        Http.Response planner = http.patch("/api/divisions/653122200201", "{\"population\":1}", "planner", "planner");
        assertThat(planner.status()).isEqualTo(403);
        assertThat(planner.contentType()).startsWith("application/problem+json");
        assertThat(http.patch("/api/divisions/653122200201", "{\"population\":1}", "admin", "wrong").status())
                .isEqualTo(401);
        assertThat(http.get("/api/divisions/653122200201/history").status()).isEqualTo(401);
    }

    @Test
    void adminEditIsStoredAndRecordedWithWhoAndWhen() {
        int population = 1000 + (int) (System.nanoTime() % 5000);
        Http.Response response = http.patch("/api/divisions/653122200202",
                "{\"population\":" + population + ",\"version\":" + divisionVersion("653122200202") + "}", "admin",
                "admin");
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().path("population").asInt()).isEqualTo(population);
        assertThat(response.json().path("populationSynthetic").asBoolean()).isFalse();
        JsonNode history = http.get("/api/divisions/653122200202/history", "planner", "planner").json();
        JsonNode latest = history.get(history.size() - 1);
        assertThat(latest.path("username").asString()).isEqualTo("admin");
        assertThat(latest.path("population").asInt()).isEqualTo(population);
        assertThat(latest.path("time").asString()).isNotBlank();
        assertThat(history.get(0).path("type").asString()).isEqualTo("ADD");
    }

    @Test
    void invalidEditIsA400AndStoresNothing() {
        String before = http.get("/api/divisions/653122200203").json().path("name").asString();
        for (String body : List.of("{\"population\":-3}", "{\"name\":\"   \"}", "{}", "{\"population\":\"many\"}",
                "not json")) {
            Http.Response response = http.patch("/api/divisions/653122200203", body, "admin", "admin");
            assertThat(response.status()).as(body).isEqualTo(400);
            assertThat(response.contentType()).as(body).startsWith("application/problem+json");
        }
        assertThat(http.get("/api/divisions/653122200203").json().path("name").asString()).isEqualTo(before);
        assertThat(http.patch("/api/divisions/999999999999", "{\"population\":3}", "admin", "admin").status())
                .isEqualTo(404);
    }

    // --- the page and the service ---------------------------------------------------------------------

    @Test
    void webPageAndLeafletAreServedWithoutInternet() {
        Http.Response page = http.get("/");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("webjars/leaflet/dist/leaflet.js").doesNotContain("unpkg", "cdnjs",
                "jsdelivr");
        assertThat(http.get("/webjars/leaflet/dist/leaflet.js").status()).isEqualTo(200);
        assertThat(http.get("/login.html").status()).isEqualTo(200);
        assertThat(http.get("/actuator/health").json().path("status").asString()).isEqualTo("UP");
    }

    @Test
    void meReportsTheLoggedInUser() {
        assertThat(http.get("/api/me").json().path("authenticated").asBoolean()).isFalse();
        JsonNode me = http.get("/api/me", "names", "names").json();
        assertThat(me.path("username").asString()).isEqualTo("names");
        assertThat(me.path("roles").toString()).contains("NAME_OFFICER");
    }

    @Test
    void gdalReadsTheLayersAsADesktopGisWould() throws Exception {
        Assumptions.assumeTrue(commandExists("ogrinfo"), "GDAL's ogrinfo is not installed (apt-get install gdal-bin)");
        Process process = new ProcessBuilder("ogrinfo", "-ro", "-so", "OAPIF:http://localhost:" + port + "/ogc",
                "villages").redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        assertThat(output).contains("Feature Count: 251", "Multi Polygon", "name: String", "population: Integer");
        // every public collection is listed for a desktop GIS, with the right feature counts
        Process list = new ProcessBuilder("ogrinfo", "-ro", "-so", "OAPIF:http://localhost:" + port + "/ogc")
                .redirectErrorStream(true).start();
        String layers = new String(list.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(list.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        for (JsonNode c : http.get("/ogc/collections").json().path("collections")) {
            assertThat(layers).contains(c.path("id").asString());
        }
        Process townships = new ProcessBuilder("ogrinfo", "-ro", "-so", "OAPIF:http://localhost:" + port + "/ogc",
                "coverage-by-township").redirectErrorStream(true).start();
        String t = new String(townships.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(townships.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        assertThat(t).contains("Feature Count: 16", "ruralShare");
    }

    /**
     * Done means: a desktop GIS reads features in EPSG:4490. Needs a GDAL whose OAPIF driver speaks Part 2 (≥ 3.7;
     * see {@link Gdal}). GDAL asks for the CRS itself, receives lat/lon (4490's axis order) or projected metres,
     * and must end up with the same places as our CRS84 output — for the Gauss-Krüger zone, as PROJ itself projects
     * them.
     */
    @Test
    void gdalReadsFeaturesInCgcs2000AndTheCountysGaussKrugerZone() throws Exception {
        java.util.Optional<Gdal> found = Gdal.withOgcApiCrsSupport();
        if (found.isEmpty()) {
            String why = "no GDAL with OGC API - Features Part 2 (host's is older than 3.7 and " + Gdal.ROOT_VARIABLE
                    + " is not set; .ci/gdal-root makes one)";
            if ("true".equalsIgnoreCase(System.getenv("CIVATLAS_REQUIRE_GDAL_CRS"))) {
                throw new AssertionError(why + " — but CIVATLAS_REQUIRE_GDAL_CRS=true");
            }
            Assumptions.abort(why);
        }
        Gdal gdal = found.get();
        String source = "OAPIF:http://localhost:" + port + "/ogc";

        JsonNode collection = http.get("/ogc/collections/villages").json();
        String gaussKruger = null;
        for (JsonNode crs : collection.path("crs")) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("EPSG/0/(45\\d\\d)$").matcher(crs.asString());
            if (m.find()) {
                gaussKruger = "EPSG:" + m.group(1);
            }
        }
        assertThat(gaussKruger).as("the collection offers the county's Gauss-Krüger zone").isNotNull();

        String summary = gdal.run(null, "ogrinfo", "-ro", "-so", source, "villages", "-oo", "CRS=EPSG:4490");
        assertThat(summary).as(gdal + " output").contains("Feature Count: 251", "ID[\"EPSG\",4490]",
                "China Geodetic Coordinate System 2000", "Supported SRS: OGC:CRS84, EPSG:4326, EPSG:4490, " + gaussKruger);

        JsonNode first = http.get("/ogc/collections/villages/items?limit=1").json().path("features").get(0);
        String code = first.path("properties").path("code").asString();
        JsonNode vertex = first.path("geometry").path("coordinates").get(0).get(0).get(0);
        double lon = vertex.get(0).asDouble();
        double lat = vertex.get(1).asDouble();

        // GDAL shows geographic coordinates lon/lat; it read lat/lon from us and swapped them as Part 2 says.
        double[] cgcs2000 = firstVertex(gdal.run(null, "ogrinfo", "-ro", "-q", source, "villages", "-oo",
                "CRS=EPSG:4490", "-where", "code='" + code + "'"));
        assertThat(cgcs2000[0]).isCloseTo(lon, org.assertj.core.data.Offset.offset(1e-7));
        assertThat(cgcs2000[1]).isCloseTo(lat, org.assertj.core.data.Offset.offset(1e-7));

        double[] projected = firstVertex(gdal.run(null, "ogrinfo", "-ro", "-q", source, "villages", "-oo",
                "CRS=" + gaussKruger, "-where", "code='" + code + "'"));
        String[] byProj = gdal.run(lon + " " + lat + "\n", "gdaltransform", "-s_srs", "OGC:CRS84", "-t_srs",
                gaussKruger).trim().split("\\s+");
        assertThat(projected[0]).isCloseTo(Double.parseDouble(byProj[0]), org.assertj.core.data.Offset.offset(0.01));
        assertThat(projected[1]).isCloseTo(Double.parseDouble(byProj[1]), org.assertj.core.data.Offset.offset(0.01));
        assertThat(projected[0]).as("metres east, not degrees").isGreaterThan(100_000);
    }

    private static double[] firstVertex(String ogrinfoOutput) {
        java.util.regex.Matcher m = java.util.regex.Pattern
                .compile("MULTIPOLYGON \\(\\(\\((-?[\\d.]+) (-?[\\d.]+)").matcher(ogrinfoOutput);
        assertThat(m.find()).as("a feature in: " + ogrinfoOutput).isTrue();
        return new double[] {Double.parseDouble(m.group(1)), Double.parseDouble(m.group(2))};
    }

    private static boolean commandExists(String command) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (new java.io.File(dir, command).canExecute()) {
                return true;
            }
        }
        return false;
    }

    private static String link(JsonNode body, String rel) {
        for (JsonNode link : body.path("links")) {
            if (rel.equals(link.path("rel").asString())) {
                return link.path("href").asString();
            }
        }
        return null;
    }
}
