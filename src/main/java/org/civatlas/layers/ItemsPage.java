package org.civatlas.layers;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.civatlas.common.ProblemException;
import org.locationtech.jts.geom.Envelope;
import org.springframework.http.MediaType;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * One items request of the OGC API, decided and checked before anything is written: the output CRS, how many
 * features match, the paging links, a notice when the limit was clamped, and the page's features, handed over when
 * asked for (so a page of large polygons can be written as it is read).
 *
 * <p>Planning: without property filters, {@code datetime} or {@code filter} the source pages itself (in the
 * database for units); with them the (county-sized) collection is read whole and filtered in memory.
 */
record ItemsPage(OgcCrs crs, long matched, List<Link> links, String notice,
        Consumer<Consumer<FeatureSource.Feature>> features) {

    static final String GEOJSON = "application/geo+json";
    private static final String JSON = MediaType.APPLICATION_JSON_VALUE;
    /** Parameters carried over into the paging links besides the property filters, limit, offset and bbox. */
    private static final List<String> KEPT = List.of("datetime", "crs", "filter", "filter-lang");

    /**
     * @param baseUrl the API's root URL up to its context path (links are made absolute on it)
     */
    static ItemsPage plan(FeatureSource collection, Map<String, String> params, boolean staff,
            List<String> offeredCrs, String baseUrl) {
        OgcCrs crs = OgcCrs.parse("crs", params.get("crs"), offeredCrs);
        OgcCrs bboxCrs = OgcCrs.parse("bbox-crs", params.get("bbox-crs"), offeredCrs);
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
        Predicate<Cql2.Row> cql = cqlFilter(params, queryables);
        long matched;
        Consumer<Consumer<FeatureSource.Feature>> features;
        if (filters.isEmpty() && datetime == null && cql == null) {
            matched = collection.count(query.bbox(), staff);
            features = action -> collection.forEachInPage(query.bbox(), query.offset(), query.limit(), staff,
                    action);
        } else {
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
        Map<String, String> keep = new LinkedHashMap<>(filters);
        for (String kept : KEPT) {
            if (params.get(kept) != null) {
                keep.put(kept, params.get(kept));
            }
        }
        String notice = query.limitClamped() ? "limit 超过上限，已改为 " + ItemsQuery.MAX_LIMIT + " / limit above the "
                + "maximum was reduced to " + ItemsQuery.MAX_LIMIT : null;
        return new ItemsPage(crs, matched, links(collection, query, matched, keep, baseUrl), notice, features);
    }

    /** self, next (when more match), prev (when not on the first page) and the collection. */
    static List<Link> links(FeatureSource collection, ItemsQuery query, long matched, Map<String, String> keep,
            String baseUrl) {
        String itemsPath = "/ogc/collections/" + collection.id() + "/items";
        List<Link> links = new ArrayList<>();
        links.add(new Link(pageUrl(baseUrl, itemsPath, query, query.offset(), keep), "self", GEOJSON,
                "本页 This page"));
        if ((long) query.offset() + query.limit() < matched) {
            links.add(new Link(pageUrl(baseUrl, itemsPath, query, query.offset() + query.limit(), keep), "next",
                    GEOJSON, "下一页 Next page"));
        }
        if (query.offset() > 0) {
            links.add(new Link(pageUrl(baseUrl, itemsPath, query, Math.max(0, query.offset() - query.limit()), keep),
                    "prev", GEOJSON, "上一页 Previous page"));
        }
        links.add(new Link(UriComponentsBuilder.fromUriString(baseUrl).path("/ogc/collections/" + collection.id())
                .build().toUriString(), "collection", JSON, collection.title()));
        return links;
    }

    /** The features of this page with their geometry in the requested CRS, in order. */
    void forEachFeature(Consumer<FeatureSource.Feature> action) {
        features.accept(f -> action.accept(new FeatureSource.Feature(f.id(), crs.transform(f.geometryJson()),
                f.properties(), f.label())));
    }

    /** A CQL2-text filter, or null; JSON encoding and other filter CRS are refused with a 400. */
    private static Predicate<Cql2.Row> cqlFilter(Map<String, String> params, List<String> queryables) {
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
        if (filterCrs != null && !filterCrs.equals(OgcCrs.CRS84)) {
            throw ProblemException.badParameter("filter-crs", "filter-crs 只支持 CRS84 / only CRS84 is supported");
        }
        return Cql2.parse(filter, queryables);
    }

    private static String pageUrl(String baseUrl, String path, ItemsQuery query, int offset,
            Map<String, String> keep) {
        UriComponentsBuilder builder = UriComponentsBuilder.fromUriString(baseUrl).path(path)
                .queryParam("limit", query.limit()).queryParam("offset", offset);
        keep.forEach(builder::queryParam);
        if (query.bbox() != null) {
            Envelope b = query.bbox();
            builder.queryParam("bbox", b.getMinX() + "," + b.getMinY() + "," + b.getMaxX() + "," + b.getMaxY());
        }
        return builder.build().toUriString();
    }
}
