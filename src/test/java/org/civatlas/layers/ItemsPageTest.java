package org.civatlas.layers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.civatlas.common.ProblemException;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The planning of an items page without HTTP: paged by the source or filtered in memory, the paging links, the
 * clamped-limit notice, the output CRS, the checks of the filter parameters; and the GeoJSON page written from it.
 */
class ItemsPageTest {

    private static final String BASE = "http://example.org/atlas";
    private static final List<String> OFFERED = OgcCrs.offered(76.0);

    /** 25 points along a line, every fifth URBAN; counts how the page was read. */
    private final Points points = new Points(25);

    @Test
    void unfilteredRequestsAreCountedAndPagedByTheSource() {
        ItemsPage page = ItemsPage.plan(points, Map.of("limit", "10", "offset", "10"), false, OFFERED, BASE);
        assertThat(page.matched()).isEqualTo(25);
        assertThat(ids(page)).containsExactly("p10", "p11", "p12", "p13", "p14", "p15", "p16", "p17", "p18", "p19");
        assertThat(points.paged).hasValue(1);
        assertThat(points.wholeReads).hasValue(0);
        assertThat(page.notice()).isNull();
        assertThat(page.crs()).isSameAs(OgcCrs.DEFAULT);
    }

    @Test
    void filteredRequestsAreFilteredInMemoryAndCountOnlyTheMatches() {
        ItemsPage page = ItemsPage.plan(points, Map.of("urbanRural", "URBAN", "limit", "3", "offset", "1"), false,
                OFFERED, BASE);
        assertThat(page.matched()).isEqualTo(5);
        assertThat(ids(page)).containsExactly("p5", "p10", "p15");
        assertThat(points.paged).hasValue(0);

        ItemsPage cql = ItemsPage.plan(points, Map.of("filter", "n >= 20"), false, OFFERED, BASE);
        assertThat(cql.matched()).isEqualTo(5);
        assertThat(ids(cql)).containsExactly("p20", "p21", "p22", "p23", "p24");

        ItemsPage beyond = ItemsPage.plan(points, Map.of("urbanRural", "URBAN", "offset", "50"), false, OFFERED,
                BASE);
        assertThat(beyond.matched()).isEqualTo(5);
        assertThat(ids(beyond)).isEmpty();
    }

    @Test
    void linksPageForwardAndBackAndKeepTheFilters() {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("urbanRural", "RURAL");
        params.put("limit", "5");
        params.put("offset", "7");
        params.put("bbox", "0,0,30,1");
        params.put("crs", "EPSG:4326");
        params.put("f", "json");
        ItemsPage page = ItemsPage.plan(points, params, false, OFFERED, BASE);
        assertThat(page.matched()).isEqualTo(20);
        String path = BASE + "/ogc/collections/points/items?limit=5&offset=";
        String rest = "&urbanRural=RURAL&crs=EPSG:4326&bbox=0.0,0.0,30.0,1.0";
        assertThat(page.links()).containsExactly(
                new Link(path + 7 + rest, "self", ItemsPage.GEOJSON, "本页 This page"),
                new Link(path + 12 + rest, "next", ItemsPage.GEOJSON, "下一页 Next page"),
                new Link(path + 2 + rest, "prev", ItemsPage.GEOJSON, "上一页 Previous page"),
                new Link(BASE + "/ogc/collections/points", "collection", "application/json", "Points"));

        ItemsPage last = ItemsPage.plan(points, Map.of("limit", "10", "offset", "20"), false, OFFERED, BASE);
        assertThat(last.links()).extracting(Link::rel).containsExactly("self", "prev", "collection");
        ItemsPage first = ItemsPage.plan(points, Map.of(), false, OFFERED, BASE);
        assertThat(first.links()).extracting(Link::rel).containsExactly("self", "next", "collection");
        assertThat(first.links().get(0).href()).isEqualTo(BASE + "/ogc/collections/points/items?limit=10&offset=0");
    }

    @Test
    void aLimitAboveTheMaximumIsClampedAndSaid() {
        ItemsPage page = ItemsPage.plan(points, Map.of("limit", "5000"), false, OFFERED, BASE);
        assertThat(page.notice()).isEqualTo("limit 超过上限，已改为 1000 / limit above the maximum was reduced to 1000");
        assertThat(page.links().get(0).href()).contains("limit=1000");
    }

    @Test
    void theOutputCrsTransformsTheGeometriesAndABboxInAnotherCrsIsReadInItsAxisOrder() {
        ItemsPage page = ItemsPage.plan(points, Map.of("crs", "EPSG:4326", "limit", "1", "offset", "3"), false,
                OFFERED, BASE);
        assertThat(page.crs().uri()).isEqualTo("http://www.opengis.net/def/crs/EPSG/0/4326");
        List<FeatureSource.Feature> features = new ArrayList<>();
        page.forEachFeature(features::add);
        assertThat(features.get(0).geometryJson()).contains("[0.5,3").doesNotContain("[3.0,0.5]");

        // lat,lon order: latitudes 0..1, longitudes 2..4 → p2, p3, p4
        ItemsPage box = ItemsPage.plan(points, Map.of("bbox", "0,2,1,4", "bbox-crs", "EPSG:4326"), false, OFFERED,
                BASE);
        assertThat(ids(box)).containsExactly("p2", "p3", "p4");
    }

    @Test
    void badFilterParametersAreRefusedBeforeAnythingIsRead() {
        assertThat(problem(Map.of("colour", "red")).parameter()).isEqualTo("colour");
        assertThat(problem(Map.of("filter", "x = 1", "filter-lang", "cql2-json")).parameter())
                .isEqualTo("filter-lang");
        assertThat(problem(Map.of("filter", "n = 1", "filter-crs", "EPSG:4326")).parameter()).isEqualTo("filter-crs");
        assertThat(problem(Map.of("crs", "EPSG:3857")).parameter()).isEqualTo("crs");
        assertThat(problem(Map.of("datetime", "yesterday")).parameter()).isEqualTo("datetime");
        assertThat(points.paged).hasValue(0);
    }

    @Test
    void thePageIsWrittenAsAGeoJsonFeatureCollection() throws Exception {
        ItemsPage page = ItemsPage.plan(points, Map.of("limit", "2", "offset", "1"), false, OFFERED, BASE);
        StringWriter text = new StringWriter();
        JsonMapper json = JsonMapper.builder().build();
        try (JsonGenerator out = json.createGenerator(text)) {
            GeoJsonFeatures.writePage(out, page, Instant.parse("2024-05-01T00:00:00Z"));
        }
        assertThat(text.toString()).startsWith("{\"type\":\"FeatureCollection\",\"numberMatched\":25,"
                + "\"timeStamp\":\"2024-05-01T00:00:00Z\",\"links\":[");
        assertThat(text.toString()).endsWith("\"numberReturned\":2}");
        JsonNode body = json.readTree(text.toString());
        assertThat(body.path("features").size()).isEqualTo(2);
        JsonNode first = body.path("features").get(0);
        assertThat(first.path("type").asString()).isEqualTo("Feature");
        assertThat(first.path("id").asString()).isEqualTo("p1");
        assertThat(first.path("geometry").path("coordinates").get(0).asDouble()).isEqualTo(1.0);
        assertThat(first.path("properties").path("urbanRural").asString()).isEqualTo("RURAL");
        assertThat(body.has("notice")).isFalse();
    }

    private ProblemException problem(Map<String, String> params) {
        try {
            ItemsPage.plan(points, params, false, OFFERED, BASE).features().accept(f -> { });
        } catch (ProblemException e) {
            return e;
        }
        throw new AssertionError("no problem for " + params);
    }

    private static List<String> ids(ItemsPage page) {
        List<String> ids = new ArrayList<>();
        page.forEachFeature(f -> ids.add(f.id()));
        return ids;
    }

    /** A source of points (i, 0.5), paging itself; its reads are counted. */
    private static final class Points implements FeatureSource {

        final List<Feature> all = new ArrayList<>();
        final AtomicInteger paged = new AtomicInteger();
        final AtomicInteger wholeReads = new AtomicInteger();

        Points(int n) {
            for (int i = 0; i < n; i++) {
                Map<String, Object> p = new LinkedHashMap<>();
                p.put("n", i);
                p.put("urbanRural", i % 5 == 0 ? "URBAN" : "RURAL");
                all.add(new Feature("p" + i, "{\"type\":\"Point\",\"coordinates\":[" + i + ".0,0.5]}", p, "p" + i));
            }
        }

        @Override
        public String id() {
            return "points";
        }

        @Override
        public String title() {
            return "Points";
        }

        @Override
        public String description() {
            return "";
        }

        @Override
        public String geometryType() {
            return "Point";
        }

        @Override
        public long count(Envelope bbox, boolean staff) {
            return matching(bbox).size();
        }

        @Override
        public List<Feature> page(Envelope bbox, int offset, int limit, boolean staff) {
            if (limit == Integer.MAX_VALUE) {
                wholeReads.incrementAndGet();
            }
            List<Feature> m = matching(bbox);
            return m.subList(Math.min(offset, m.size()), (int) Math.min(m.size(), (long) offset + limit));
        }

        @Override
        public void forEachInPage(Envelope bbox, int offset, int limit, boolean staff, Consumer<Feature> action) {
            paged.incrementAndGet();
            FeatureSource.super.forEachInPage(bbox, offset, limit, staff, action);
        }

        @Override
        public Optional<Feature> item(String featureId, boolean staff) {
            return all.stream().filter(f -> f.id().equals(featureId)).findFirst();
        }

        @Override
        public Envelope extent() {
            return new Envelope(0, all.size() - 1, 0.5, 0.5);
        }

        private List<Feature> matching(Envelope bbox) {
            return all.stream().filter(f -> bbox == null || bbox.contains(
                    Double.parseDouble(f.id().substring(1)), 0.5)).toList();
        }
    }
}
