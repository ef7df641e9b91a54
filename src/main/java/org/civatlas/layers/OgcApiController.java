package org.civatlas.layers;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
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
import org.springframework.web.util.UriComponentsBuilder;
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

    static final String GEOJSON = "application/geo+json";
    static final String OPENAPI = "application/vnd.oai.openapi+json;version=3.0";
    private static final String JSON = MediaType.APPLICATION_JSON_VALUE;
    private static final String CRS84 = "http://www.opengis.net/def/crs/OGC/1.3/CRS84";

    private final FeatureCollections collections;
    private final DivisionQueries divisions;
    private final LayerDataVersion dataVersion;
    private final ObjectMapper json;
    private final Clock clock;
    private final String countyCode;
    private volatile List<String> offeredCrs;
    private final Map<String, KnownExtent> extents = new java.util.concurrent.ConcurrentHashMap<>();

    OgcApiController(FeatureCollections collections, DivisionQueries divisions, LayerDataVersion dataVersion,
            ObjectMapper json, Optional<Clock> clock, @Value("${civatlas.site.county-code}") String countyCode) {
        this.collections = collections;
        this.divisions = divisions;
        this.dataVersion = dataVersion;
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
     * A page of items as GeoJSON, written feature by feature as the source hands them over (a page of large
     * polygons never sits whole in memory). Everything a client can get wrong is checked before the first byte; the
     * ETag is the layers' data version and the request, so a repeated request for unchanged data is a 304 without
     * reading the data again.
     */
    @GetMapping(value = "/collections/{collectionId}/items", produces = {GEOJSON, JSON})
    void itemsGeoJson(@PathVariable String collectionId, @RequestParam Map<String, String> params,
            Authentication authentication, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        ItemsPage page = itemsPage(collectionId, params, authentication);
        // the body is not buffered to hash it (ShallowEtagHeaderFilter would hold the whole page)
        ShallowEtagHeaderFilter.disableContentCaching(request);
        boolean geoJson = prefersGeoJson(request.getHeader("Accept"));
        String etag = itemsEtag(request, CurrentUser.isStaff(authentication), geoJson);
        response.setHeader("Content-Crs", "<" + page.crs().uri() + ">");
        if (new ServletWebRequest(request, response).checkNotModified(etag)) {
            return;
        }
        response.setContentType((geoJson ? GEOJSON : JSON) + ";charset=UTF-8");
        try (JsonGenerator out = json.createGenerator(response.getOutputStream())) {
            out.writeStartObject();
            out.writeStringProperty("type", "FeatureCollection");
            out.writeNumberProperty("numberMatched", page.matched());
            out.writeStringProperty("timeStamp", Instant.now().toString());
            if (page.notice() != null) {
                out.writeStringProperty("notice", page.notice());
            }
            out.writePOJOProperty("links", page.links());
            out.writeName("features");
            out.writeStartArray();
            int[] returned = {0};
            page.features().accept(f -> {
                out.writeStartObject();
                out.writeStringProperty("type", "Feature");
                out.writeStringProperty("id", f.id());
                out.writeName("geometry");
                out.writeRawValue(page.crs().transform(f.geometryJson()));
                out.writePOJOProperty("properties", f.properties());
                out.writeEndObject();
                returned[0]++;
            });
            out.writeEndArray();
            out.writeNumberProperty("numberReturned", returned[0]);
            out.writeEndObject();
        }
    }

    /** GeoJSON unless the client asks for plain JSON and not for GeoJSON. */
    private static boolean prefersGeoJson(String accept) {
        return accept == null || accept.contains(GEOJSON) || !accept.contains(JSON);
    }

    /**
     * Weak (the body also carries a time stamp): same data version, request, kind of client and day (valid time
     * moves with the date) → same tag.
     */
    private String itemsEtag(HttpServletRequest request, boolean staff, boolean geoJson) {
        String key = dataVersion.current() + "|" + request.getRequestURI() + "?" + request.getQueryString() + "|"
                + (staff ? "staff" : "public") + "|" + (geoJson ? GEOJSON : JSON) + "|" + LocalDate.now(clock);
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return "W/\"" + HexFormat.of().formatHex(digest, 0, 12) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** Items as a list (the HTML view and other callers that need them all at hand). */
    Map<String, Object> items(String collectionId, Map<String, String> params, Authentication authentication) {
        ItemsPage page = itemsPage(collectionId, params, authentication);
        List<GeoJsonFeatures.Feature> features = new ArrayList<>();
        page.features().accept(f -> features.add(GeoJsonFeatures.of(new FeatureSource.Feature(f.id(),
                page.crs().transform(f.geometryJson()), f.properties(), f.label()), null)));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "FeatureCollection");
        body.put("numberMatched", page.matched());
        body.put("numberReturned", features.size());
        body.put("timeStamp", Instant.now().toString());
        if (page.notice() != null) {
            body.put("notice", page.notice());
        }
        body.put("links", page.links());
        body.put("features", features);
        return body;
    }

    /** One items request, decided and checked before anything is written; its features come when asked for. */
    private record ItemsPage(OgcCrs crs, long matched, List<Link> links, String notice,
            Consumer<Consumer<FeatureSource.Feature>> features) {
    }

    private ItemsPage itemsPage(String collectionId, Map<String, String> params, Authentication authentication) {
        boolean staff = CurrentUser.isStaff(authentication);
        FeatureSource collection = find(collectionId, staff);
        List<String> offered = offeredCrs();
        OgcCrs crs = OgcCrs.parse("crs", params.get("crs"), offered);
        OgcCrs bboxCrs = OgcCrs.parse("bbox-crs", params.get("bbox-crs"), offered);
        String bboxText = params.get("bbox");
        ItemsQuery query = bboxCrs == OgcCrs.DEFAULT || bboxText == null
                ? ItemsQuery.parse(bboxText, params.get("limit"), params.get("offset"))
                : ItemsQuery.parse(bboxCrs.toWgs84(ItemsQuery.projectedBbox(bboxText)), params.get("limit"),
                        params.get("offset"));
        // the queryables are read only when a request filters (a list collection builds its features to know them)
        boolean filtering = params.containsKey("filter")
                || params.keySet().stream().anyMatch(k -> !PropertyFilters.STANDARD.contains(k));
        List<String> queryables = filtering ? collection.queryables(staff) : List.of();
        Map<String, String> filters = PropertyFilters.of(params, queryables);
        ValidTime datetime = ValidTime.parse(params.get("datetime"));
        java.util.function.Predicate<Cql2.Row> cql = cqlFilter(params, queryables);
        long matched;
        Consumer<Consumer<FeatureSource.Feature>> features;
        if (filters.isEmpty() && datetime == null && cql == null) {
            matched = collection.count(query.bbox(), staff);
            features = action -> collection.forEachInPage(query.bbox(), query.offset(), query.limit(), staff,
                    action);
        } else {
            // filtered requests read the (county-sized) collection whole and filter in memory
            List<FeatureSource.Feature> all = collection.page(query.bbox(), 0, Integer.MAX_VALUE, staff).stream()
                    .filter(f -> PropertyFilters.matches(f.properties(), filters))
                    .filter(f -> datetime == null || datetime.matches(f.properties()))
                    .filter(f -> cql == null || cql.test(new Cql2.Row(f.properties(), f.geometryJson())))
                    .toList();
            matched = all.size();
            List<FeatureSource.Feature> page = all.subList(Math.min(query.offset(), all.size()),
                    (int) Math.min(all.size(), (long) query.offset() + query.limit()));
            features = page::forEach;
        }

        String itemsPath = "/ogc/collections/" + collection.id() + "/items";
        Map<String, String> keep = new LinkedHashMap<>(filters);
        for (String kept : List.of("datetime", "crs", "filter", "filter-lang")) {
            if (params.get(kept) != null) {
                keep.put(kept, params.get(kept));
            }
        }
        List<Link> links = new ArrayList<>();
        links.add(new Link(pageUrl(itemsPath, query, query.offset(), keep), "self", GEOJSON, "本页 This page"));
        if ((long) query.offset() + query.limit() < matched) {
            links.add(new Link(pageUrl(itemsPath, query, query.offset() + query.limit(), keep), "next", GEOJSON,
                    "下一页 Next page"));
        }
        if (query.offset() > 0) {
            links.add(new Link(pageUrl(itemsPath, query, Math.max(0, query.offset() - query.limit()), keep), "prev",
                    GEOJSON, "上一页 Previous page"));
        }
        links.add(new Link(url("/ogc/collections/" + collection.id()), "collection", JSON, collection.title()));
        String notice = query.limitClamped() ? "limit 超过上限，已改为 " + ItemsQuery.MAX_LIMIT + " / limit above the "
                + "maximum was reduced to " + ItemsQuery.MAX_LIMIT : null;
        return new ItemsPage(crs, matched, links, notice, features);
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
        Map<String, Object> body = items(collectionId, params, authentication);
        @SuppressWarnings("unchecked")
        List<GeoJsonFeatures.Feature> features = (List<GeoJsonFeatures.Feature>) body.get("features");
        List<Map<String, Object>> rows = features.stream().map(f -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("id", f.id());
            row.putAll(f.properties());
            return row;
        }).toList();
        @SuppressWarnings("unchecked")
        List<Link> links = (List<Link>) body.get("links");
        String title = find(collectionId, CurrentUser.isStaff(authentication)).title();
        return OgcHtml.page(title, "<p>" + body.get("numberReturned") + " / " + body.get("numberMatched") + "</p>"
                + OgcHtml.table(rows) + OgcHtml.links(links));
    }

    /** A CQL2-text filter, or null; JSON encoding and other filter CRS are refused with a 400. */
    private static java.util.function.Predicate<Cql2.Row> cqlFilter(Map<String, String> params,
            List<String> queryables) {
        String filter = params.get("filter");
        if (filter == null || filter.isBlank()) {
            return null;
        }
        String lang = params.getOrDefault("filter-lang", "cql2-text");
        if (!lang.equals("cql2-text")) {
            throw ProblemException.badParameter("filter-lang", "只支持 filter-lang=cql2-text / only cql2-text is "
                    + "supported");
        }
        String filterCrs = params.get("filter-crs");
        if (filterCrs != null && !filterCrs.equals(CRS84)) {
            throw ProblemException.badParameter("filter-crs", "filter-crs 只支持 CRS84 / only CRS84 is supported");
        }
        return Cql2.parse(filter, queryables);
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

    private record KnownExtent(long dataVersion, Optional<Envelope> extent) {
    }

    /** A level's extent means reading all its geometries: done once per data version, not on every request. */
    private Envelope extent(FeatureSource c) {
        long version = dataVersion.current();
        KnownExtent known = extents.get(c.id());
        if (known == null || known.dataVersion() != version) {
            known = new KnownExtent(version, Optional.ofNullable(c.extent()));
            extents.put(c.id(), known);
        }
        return known.extent().orElse(null);
    }

    private Map<String, Object> describe(FeatureSource c) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", c.id());
        body.put("title", c.title());
        body.put("description", c.description());
        Envelope extent = extent(c);
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

    private static String pageUrl(String path, ItemsQuery query, int offset, Map<String, String> keep) {
        UriComponentsBuilder builder = ServletUriComponentsBuilder.fromCurrentContextPath().path(path)
                .queryParam("limit", query.limit()).queryParam("offset", offset);
        keep.forEach(builder::queryParam);
        if (query.bbox() != null) {
            Envelope b = query.bbox();
            builder.queryParam("bbox", b.getMinX() + "," + b.getMinY() + "," + b.getMaxX() + "," + b.getMaxY());
        }
        return builder.build().toUriString();
    }
}
