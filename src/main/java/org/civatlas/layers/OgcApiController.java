package org.civatlas.layers;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.civatlas.common.ProblemException;
import org.civatlas.facilities.FacilityJson;
import org.locationtech.jts.geom.Envelope;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * OGC API - Features, Part 1 Core: landing page, conformance, collections, items and single items as GeoJSON.
 * Only public collections are listed; later collections with restricted access must stay invisible to
 * anonymous clients (404 like a missing one).
 */
@RestController
@RequestMapping("/ogc")
class OgcApiController {

    static final String GEOJSON = "application/geo+json";
    private static final String JSON = MediaType.APPLICATION_JSON_VALUE;
    private static final String CRS84 = "http://www.opengis.net/def/crs/OGC/1.3/CRS84";

    private final FeatureCollections collections;

    OgcApiController(FeatureCollections collections) {
        this.collections = collections;
    }

    @GetMapping(value = {"", "/"}, produces = JSON)
    Map<String, Object> landing() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", "civatlas OGC API - Features");
        body.put("description", "县域民政地图的要素服务 / Features of the county civil-affairs atlas");
        body.put("links", List.of(
                new Link(url("/ogc"), "self", JSON, "本页 This document"),
                new Link(url("/ogc/conformance"), "conformance", JSON, "符合的标准 Conformance classes"),
                new Link(url("/ogc/collections"), "data", JSON, "要素集 Feature collections")));
        return body;
    }

    @GetMapping(value = "/conformance", produces = JSON)
    Map<String, Object> conformance() {
        return Map.of("conformsTo", List.of(
                "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core",
                "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson"));
    }

    @GetMapping(value = "/collections", produces = JSON)
    Map<String, Object> collections(Authentication authentication) {
        boolean staff = FacilityJson.isStaff(authentication);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("links", List.of(new Link(url("/ogc/collections"), "self", JSON, "要素集 Collections")));
        body.put("collections", collections.all().stream().filter(c -> c.visibleTo(staff)).map(this::describe)
                .toList());
        return body;
    }

    @GetMapping(value = "/collections/{collectionId}", produces = JSON)
    Map<String, Object> collection(@PathVariable String collectionId, Authentication authentication) {
        return describe(find(collectionId, FacilityJson.isStaff(authentication)));
    }

    @GetMapping(value = "/collections/{collectionId}/items", produces = {GEOJSON, JSON})
    Map<String, Object> items(@PathVariable String collectionId,
            @RequestParam(required = false) String bbox,
            @RequestParam(required = false) String limit,
            @RequestParam(required = false) String offset,
            Authentication authentication) {
        FeatureSource collection = find(collectionId, FacilityJson.isStaff(authentication));
        ItemsQuery query = ItemsQuery.parse(bbox, limit, offset);
        boolean staff = FacilityJson.isStaff(authentication);
        long matched = collection.count(query.bbox(), staff);
        List<FeatureSource.Feature> page = collection.page(query.bbox(), query.offset(), query.limit(), staff);

        String itemsPath = "/ogc/collections/" + collection.id() + "/items";
        List<Link> links = new ArrayList<>();
        links.add(new Link(pageUrl(itemsPath, query, query.offset()), "self", GEOJSON, "本页 This page"));
        if (query.offset() + page.size() < matched) {
            links.add(new Link(pageUrl(itemsPath, query, query.offset() + query.limit()), "next", GEOJSON,
                    "下一页 Next page"));
        }
        if (query.offset() > 0) {
            links.add(new Link(pageUrl(itemsPath, query, Math.max(0, query.offset() - query.limit())), "prev",
                    GEOJSON, "上一页 Previous page"));
        }
        links.add(new Link(url("/ogc/collections/" + collection.id()), "collection", JSON, collection.title()));

        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "FeatureCollection");
        body.put("numberMatched", matched);
        body.put("numberReturned", page.size());
        body.put("timeStamp", Instant.now().toString());
        if (query.limitClamped()) {
            body.put("notice", "limit 超过上限，已改为 " + ItemsQuery.MAX_LIMIT + " / limit above the maximum was "
                    + "reduced to " + ItemsQuery.MAX_LIMIT);
        }
        body.put("links", links);
        body.put("features", page.stream().map(f -> GeoJsonFeatures.of(f, null)).toList());
        return body;
    }

    @GetMapping(value = "/collections/{collectionId}/items/{featureId}", produces = {GEOJSON, JSON})
    GeoJsonFeatures.Feature item(@PathVariable String collectionId, @PathVariable String featureId,
            Authentication authentication) {
        FeatureSource collection = find(collectionId, FacilityJson.isStaff(authentication));
        FeatureSource.Feature feature = collection.item(featureId, FacilityJson.isStaff(authentication))
                .orElseThrow(() -> ProblemException.notFound("要素集 " + collectionId + " 中没有要素 " + featureId
                        + " / no feature " + featureId + " in collection " + collectionId));
        String self = url("/ogc/collections/" + collection.id() + "/items/" + featureId);
        return GeoJsonFeatures.of(feature, List.of(
                new Link(self, "self", GEOJSON, feature.label()),
                new Link(url("/ogc/collections/" + collection.id()), "collection", JSON, collection.title())));
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
        Envelope extent = c.extent();
        if (extent != null) {
            body.put("extent", Map.of("spatial", Map.of(
                    "bbox", List.of(List.of(extent.getMinX(), extent.getMinY(), extent.getMaxX(), extent.getMaxY())),
                    "crs", CRS84)));
        }
        body.put("itemType", "feature");
        body.put("crs", List.of(CRS84));
        body.put("links", List.of(
                new Link(url("/ogc/collections/" + c.id()), "self", JSON, c.title()),
                new Link(url("/ogc/collections/" + c.id() + "/items"), "items", GEOJSON, c.title())));
        return body;
    }

    private static String url(String path) {
        return ServletUriComponentsBuilder.fromCurrentContextPath().path(path).build().toUriString();
    }

    private static String pageUrl(String path, ItemsQuery query, int offset) {
        UriComponentsBuilder builder = ServletUriComponentsBuilder.fromCurrentContextPath().path(path)
                .queryParam("limit", query.limit()).queryParam("offset", offset);
        if (query.bbox() != null) {
            Envelope b = query.bbox();
            builder.queryParam("bbox", b.getMinX() + "," + b.getMinY() + "," + b.getMaxX() + "," + b.getMaxY());
        }
        return builder.build().toUriString();
    }
}
