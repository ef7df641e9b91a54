package org.civatlas.layers;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.civatlas.common.ProblemException;

/**
 * Simple property filters of OGC API - Features (`?code=…&status=…`): equality on a queryable property. A query
 * parameter that is neither a standard one nor a queryable is a 400, as the standard asks.
 */
final class PropertyFilters {

    static final Set<String> STANDARD = Set.of("bbox", "limit", "offset", "datetime", "f", "crs", "bbox-crs",
            "filter", "filter-lang", "filter-crs");

    private PropertyFilters() {
    }

    static Map<String, String> of(Map<String, String> params, List<String> queryables) {
        Map<String, String> filters = new LinkedHashMap<>();
        for (var e : params.entrySet()) {
            if (STANDARD.contains(e.getKey())) {
                continue;
            }
            if (!queryables.contains(e.getKey())) {
                throw ProblemException.badParameter(e.getKey(), "未知的查询参数 '" + e.getKey() + "'；可用于筛选的属性："
                        + queryables + " / unknown query parameter '" + e.getKey() + "'; filterable properties: "
                        + queryables);
            }
            filters.put(e.getKey(), e.getValue());
        }
        return filters;
    }

    static boolean matches(Map<String, Object> properties, Map<String, String> filters) {
        for (var f : filters.entrySet()) {
            Object value = properties.get(f.getKey());
            if (value == null || !String.valueOf(value).equals(f.getValue())) {
                return false;
            }
        }
        return true;
    }
}
