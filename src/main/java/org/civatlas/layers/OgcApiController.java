package org.civatlas.layers;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.civatlas.common.CurrentUser;
import org.civatlas.common.ProblemException;
import org.civatlas.divisions.DivisionQueries;
import org.locationtech.jts.geom.Envelope;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.filter.ShallowEtagHeaderFilter;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.ObjectMapper;

/**
 * OGC API - Features, Part 1 Core: landing page, conformance, collections, items and single items as GeoJSON.
 * Only public collections are listed; later collections with restricted access must stay invisible to
 * anonymous clients (404 like a missing one).
 */
@RestController
@RequestMapping("/ogc")
class OgcApiController {

    static final String GEOJSON = ItemsPage.GEOJSON;
    static final String OPENAPI = "application/vnd.oai.openapi+json;version=3.0";
    private static final String JSON = MediaType.APPLICATION_JSON_VALUE;
    private static final String CRS84 = OgcCrs.CRS84;

    private final FeatureCollections collections;
    private final DivisionQueries divisions;
    private final LayerDataVersion dataVersion;
    private final ObjectMapper json;
    private final Clock clock;
    private final String countyCode;
    private volatile List<String> offeredCrs;
    private final CollectionExtents extents;

    OgcApiController(FeatureCollections collections, DivisionQueries divisions, LayerDataVersion dataVersion,
            ObjectMapper json, Optional<Clock> clock, @Value("${civatlas.site.county-code}") String countyCode) {
        this.collections = collections;
        this.divisions = divisions;
        this.dataVersion = dataVersion;
        this.extents = new CollectionExtents(dataVersion::current);
        this.json = json;
        this.clock = clock.orElse(Clock.systemUTC());
        this.countyCode = countyCode;
    }

    /** CRS84, EPSG:4326, EPSG:4490 and the Gauss-Krüger 3° zone of the county's centre. */
    private List<String> offeredCrs() {
        if (offeredCrs == null) {
            double lon = divisions.byCode(countyCode).filter(d -> d.geometry() != null)
                    .map(d -> d.geometry().getEnvelopeInternal().centre().x).orElse(117.0);
            offeredCrs = OgcCrs.offered(lon);
        }
        return offeredCrs;
    }

    @GetMapping(value = {"", "/"}, produces = JSON)
    Map<String, Object> landing() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", "civatlas OGC API - Features");
        body.put("description", "县域民政地图的要素服务 / Features of the county civil-affairs atlas");
        body.put("links", List.of(
                new Link(url("/ogc"), "self", JSON, "本页 This document"),
                new Link(url("/ogc/conformance"), "conformance", JSON, "符合的标准 Conformance classes"),
                new Link(url("/ogc/collections"), "data", JSON, "要素集 Feature collections"),
                new Link(url("/ogc/api"), "service-desc", OPENAPI, "OpenAPI 3.0 文档 API definition"),
                new Link(url("/ogc?f=html"), "alternate", MediaType.TEXT_HTML_VALUE, "HTML")));
        return body;
    }

    @GetMapping(value = {"", "/"}, produces = MediaType.TEXT_HTML_VALUE)
    String landingHtml() {
        @SuppressWarnings("unchecked")
        List<Link> links = (List<Link>) landing().get("links");
        return OgcHtml.page("civatlas OGC API - Features", OgcHtml.links(links));
    }

    @GetMapping(value = "/api", produces = {OPENAPI, JSON})
    Map<String, Object> openApi(Authentication authentication) {
        boolean staff = CurrentUser.isStaff(authentication);
        return OpenApiDocument.build(url("/ogc"), collections.all().stream().filter(c -> c.visibleTo(staff))
                .map(FeatureSource::id).toList());
    }

    @GetMapping(value = "/conformance", produces = JSON)
    Map<String, Object> conformance() {
        return Map.of("conformsTo", List.of(
                "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core",
                "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson",
                "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/html",
                "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/oas30",
                "http://www.opengis.net/spec/ogcapi-features-2/1.0/conf/crs",
                "http://www.opengis.net/spec/ogcapi-features-3/1.0/conf/queryables",
                "http://www.opengis.net/spec/ogcapi-features-3/1.0/conf/queryables-query-parameters",
                "http://www.opengis.net/spec/ogcapi-features-3/1.0/conf/filter",
                "http://www.opengis.net/spec/ogcapi-features-3/1.0/conf/features-filter",
                "http://www.opengis.net/spec/cql2/1.0/conf/cql2-text",
                "http://www.opengis.net/spec/cql2/1.0/conf/basic-cql2",
                "http://www.opengis.net/spec/cql2/1.0/conf/basic-spatial-functions"));
    }

    @GetMapping(value = "/collections", produces = JSON)
    Map<String, Object> collections(Authentication authentication) {
        boolean staff = CurrentUser.isStaff(authentication);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("links", List.of(new Link(url("/ogc/collections"), "self", JSON, "要素集 Collections")));
        body.put("collections", collections.all().stream().filter(c -> c.visibleTo(staff)).map(this::describe)
                .toList());
        return body;
    }

    @GetMapping(value = "/collections/{collectionId}", produces = JSON)
    Map<String, Object> collection(@PathVariable String collectionId, Authentication authentication) {
        return describe(find(collectionId, CurrentUser.isStaff(authentication)));
    }

    /**
     * A page of items as GeoJSON, written feature by feature as the source hands them over. Everything a client can
     * get wrong is checked before the first byte ({@link ItemsPage#plan}); the ETag ({@link ItemsEtag}) is known
     * before the data is read, so a repeated request for unchanged data is a 304 without reading it again.
     */
    @GetMapping(value = "/collections/{collectionId}/items", produces = {GEOJSON, JSON})
    void itemsGeoJson(@PathVariable String collectionId, @RequestParam Map<String, String> params,
            Authentication authentication, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        boolean staff = CurrentUser.isStaff(authentication);
        ItemsPage page = itemsPage(collectionId, params, staff);
        // the body is not buffered to hash it (ShallowEtagHeaderFilter would hold the whole page)
        ShallowEtagHeaderFilter.disableContentCaching(request);
        String mediaType = prefersGeoJson(request.getHeader("Accept")) ? GEOJSON : JSON;
        String etag = ItemsEtag.of(dataVersion.current(), request.getRequestURI(), request.getQueryString(), staff,
                mediaType, LocalDate.now(clock));
        response.setHeader("Content-Crs", "<" + page.crs().uri() + ">");
        if (new ServletWebRequest(request, response).checkNotModified(etag)) {
            return;
        }
        response.setContentType(mediaType + ";charset=UTF-8");
        try (JsonGenerator out = json.createGenerator(response.getOutputStream())) {
            GeoJsonFeatures.writePage(out, page, Instant.now());
        }
    }

    /** GeoJSON unless the client asks for plain JSON and not for GeoJSON. */
    private static boolean prefersGeoJson(String accept) {
        return accept == null || accept.contains(GEOJSON) || !accept.contains(JSON);
    }

    private ItemsPage itemsPage(String collectionId, Map<String, String> params, boolean staff) {
        return ItemsPage.plan(find(collectionId, staff), params, staff, offeredCrs(), url(""));
    }

    @GetMapping(value = "/collections", produces = MediaType.TEXT_HTML_VALUE)
    String collectionsHtml(Authentication authentication) {
        boolean staff = CurrentUser.isStaff(authentication);
        List<Link> links = collections.all().stream().filter(c -> c.visibleTo(staff))
                .map(c -> new Link(url("/ogc/collections/" + c.id() + "/items?f=html"), "items",
                        MediaType.TEXT_HTML_VALUE, c.title())).toList();
        return OgcHtml.page("要素集 Collections", OgcHtml.links(links));
    }

    @GetMapping(value = "/collections/{collectionId}/items", produces = MediaType.TEXT_HTML_VALUE)
    String itemsHtml(@PathVariable String collectionId, @RequestParam Map<String, String> params,
            Authentication authentication) {
        boolean staff = CurrentUser.isStaff(authentication);
        ItemsPage page = itemsPage(collectionId, params, staff);
        List<Map<String, Object>> rows = new ArrayList<>();
        page.forEachFeature(f -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("id", f.id());
            row.putAll(f.properties());
            rows.add(row);
        });
        String title = find(collectionId, staff).title();
        return OgcHtml.page(title, "<p>" + rows.size() + " / " + page.matched() + "</p>" + OgcHtml.table(rows)
                + OgcHtml.links(page.links()));
    }

    /** The properties a client may filter on (OGC API - Features Part 3 queryables, as a JSON Schema). */
    @GetMapping(value = "/collections/{collectionId}/queryables", produces = {"application/schema+json", JSON})
    Map<String, Object> queryables(@PathVariable String collectionId, Authentication authentication) {
        boolean staff = CurrentUser.isStaff(authentication);
        FeatureSource collection = find(collectionId, staff);
        Map<String, Object> properties = new LinkedHashMap<>();
        for (String q : collection.queryables(staff)) {
            properties.put(q, Map.of("title", q, "type", "string"));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        body.put("$id", url("/ogc/collections/" + collection.id() + "/queryables"));
        body.put("type", "object");
        body.put("title", collection.title());
        body.put("properties", properties);
        return body;
    }

    @GetMapping(value = "/collections/{collectionId}/items/{featureId}", produces = {GEOJSON, JSON})
    ResponseEntity<GeoJsonFeatures.Feature> item(@PathVariable String collectionId, @PathVariable String featureId,
            @RequestParam(required = false) String crs, Authentication authentication) {
        OgcCrs target = OgcCrs.parse("crs", crs, offeredCrs());
        FeatureSource collection = find(collectionId, CurrentUser.isStaff(authentication));
        FeatureSource.Feature feature = collection.item(featureId, CurrentUser.isStaff(authentication))
                .orElseThrow(() -> ProblemException.notFound("要素集 " + collectionId + " 中没有要素 " + featureId
                        + " / no feature " + featureId + " in collection " + collectionId));
        String self = url("/ogc/collections/" + collection.id() + "/items/" + featureId);
        return ResponseEntity.ok().header("Content-Crs", "<" + target.uri() + ">").body(GeoJsonFeatures.of(
                new FeatureSource.Feature(feature.id(), target.transform(feature.geometryJson()), feature.properties(),
                        feature.label()), List.of(
                new Link(self, "self", GEOJSON, feature.label()),
                new Link(url("/ogc/collections/" + collection.id()), "collection", JSON, collection.title()))));
    }

    /** A collection the client may see; a restricted one answers exactly like a missing one. */
    private FeatureSource find(String collectionId, boolean staff) {
        return collections.byId(collectionId).filter(c -> c.visibleTo(staff)).orElseThrow(() -> ProblemException.notFound(
                "没有要素集 " + collectionId + " / no collection " + collectionId));
    }

    private Map<String, Object> describe(FeatureSource c) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", c.id());
        body.put("title", c.title());
        body.put("description", c.description());
        Envelope extent = extents.of(c);
        if (extent != null) {
            body.put("extent", Map.of("spatial", Map.of(
                    "bbox", List.of(List.of(extent.getMinX(), extent.getMinY(), extent.getMaxX(), extent.getMaxY())),
                    "crs", CRS84)));
        }
        body.put("itemType", "feature");
        body.put("crs", offeredCrs());
        body.put("storageCrs", CRS84);
        body.put("links", List.of(
                new Link(url("/ogc/collections/" + c.id()), "self", JSON, c.title()),
                new Link(url("/ogc/collections/" + c.id() + "/items"), "items", GEOJSON, c.title())));
        return body;
    }

    private static String url(String path) {
        return ServletUriComponentsBuilder.fromCurrentContextPath().path(path).build().toUriString();
    }
}
