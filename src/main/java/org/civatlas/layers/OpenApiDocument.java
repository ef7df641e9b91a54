package org.civatlas.layers;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The OpenAPI 3.0 description of the OGC API routes, served at the landing page's service-desc link. */
final class OpenApiDocument {

    private OpenApiDocument() {
    }

    static Map<String, Object> build(String serverUrl, List<String> collectionIds) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("openapi", "3.0.3");
        doc.put("info", Map.of("title", "civatlas OGC API - Features", "version", "1.0.0",
                "description", "县域民政地图的要素服务 / Features of the county civil-affairs atlas"));
        doc.put("servers", List.of(Map.of("url", serverUrl)));
        Map<String, Object> paths = new LinkedHashMap<>();
        paths.put("/", get("landingPage", "Landing page", List.of(ref("f"))));
        paths.put("/conformance", get("getConformanceDeclaration", "Conformance classes", List.of(ref("f"))));
        paths.put("/collections", get("getCollections", "Feature collections", List.of(ref("f"))));
        paths.put("/collections/{collectionId}", get("describeCollection", "One collection",
                List.of(ref("collectionId"), ref("f"))));
        paths.put("/collections/{collectionId}/queryables", get("getQueryables", "Queryable properties",
                List.of(ref("collectionId"))));
        paths.put("/collections/{collectionId}/items", get("getFeatures", "Features of a collection",
                List.of(ref("collectionId"), ref("bbox"), ref("limit"), ref("offset"), ref("datetime"), ref("crs"),
                        ref("bbox-crs"), ref("f"))));
        paths.put("/collections/{collectionId}/items/{featureId}", get("getFeature", "One feature",
                List.of(ref("collectionId"), ref("featureId"), ref("crs"), ref("f"))));
        doc.put("paths", paths);
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("collectionId", param("collectionId", "path", true, Map.of("type", "string", "enum",
                collectionIds)));
        parameters.put("featureId", param("featureId", "path", true, Map.of("type", "string")));
        parameters.put("bbox", Map.of("name", "bbox", "in", "query", "required", false, "style", "form",
                "explode", false, "schema", Map.of("type", "array", "minItems", 4, "maxItems", 6,
                        "items", Map.of("type", "number"))));
        parameters.put("limit", param("limit", "query", false, Map.of("type", "integer", "minimum", 1,
                "maximum", ItemsQuery.MAX_LIMIT, "default", ItemsQuery.DEFAULT_LIMIT)));
        parameters.put("offset", param("offset", "query", false, Map.of("type", "integer", "minimum", 0)));
        parameters.put("datetime", param("datetime", "query", false, Map.of("type", "string")));
        parameters.put("crs", param("crs", "query", false, Map.of("type", "string", "format", "uri")));
        parameters.put("bbox-crs", param("bbox-crs", "query", false, Map.of("type", "string", "format", "uri")));
        parameters.put("f", param("f", "query", false, Map.of("type", "string", "enum", List.of("json",
                "geojson", "html"))));
        doc.put("components", Map.of("parameters", parameters));
        return doc;
    }

    private static Map<String, Object> get(String operationId, String summary, List<Map<String, Object>> params) {
        return Map.of("get", Map.of("operationId", operationId, "summary", summary, "parameters", params,
                "responses", Map.of("200", Map.of("description", "OK"), "400", Map.of("description",
                        "Bad request (RFC 9457 problem)"), "404", Map.of("description", "Not found"))));
    }

    private static Map<String, Object> ref(String name) {
        return Map.of("$ref", "#/components/parameters/" + name);
    }

    private static Map<String, Object> param(String name, String in, boolean required, Map<String, Object> schema) {
        return Map.of("name", name, "in", in, "required", required, "schema", schema);
    }
}
