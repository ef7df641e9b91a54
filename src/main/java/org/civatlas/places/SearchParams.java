package org.civatlas.places;

import java.util.Arrays;
import java.util.Set;
import org.civatlas.common.ProblemException;
import org.civatlas.common.RequestParams;
import org.civatlas.divisions.DivisionCodes;
import org.civatlas.places.search.SearchFilter;

/**
 * The parameters of place-name search, suggestions and reverse lookup, parsed and checked in one place: the
 * result limit, the unit a search is limited to, and the filter (categories, statuses, box) with what a visitor
 * may see. A bad value is a 400 problem that names the parameter.
 */
final class SearchParams {

    static final int MAX_LIMIT = 100;

    private SearchParams() {
    }

    /** The text searched for: required, stripped. */
    static String query(String q) {
        if (q == null || q.isBlank()) {
            throw ProblemException.badParameter("q", "请输入要查找的地名 / give the name to look for in q");
        }
        return q.strip();
    }

    /** How many results: the fallback when absent, at least 1, at most {@link #MAX_LIMIT}. */
    static int limit(String value, int fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        int n = (int) RequestParams.number("limit", value, 1, Integer.MAX_VALUE);
        return Math.min(n, MAX_LIMIT);
    }

    /**
     * What a search may return. Only name officers and administrators see other statuses than published ones,
     * and only they may ask for a status.
     */
    static SearchFilter filter(String category, String unit, String status, String bbox, boolean officer) {
        Set<String> categories = list(category);
        Set<String> statuses = officer ? list(status) : Set.of(SearchFilter.PUBLISHED);
        double[] box = box(bbox);
        String prefix = unit == null || unit.isBlank() ? null : unitPrefix(unit.strip());
        try {
            return new SearchFilter(categories, prefix, statuses, box, officer);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badParameter("bbox", "bbox：" + e.getMessage());
        }
    }

    /** A unit's descendants share its significant code digits (county 6, township 9, village 12). */
    static String unitPrefix(String code) {
        if (!code.matches("\\d{6}|\\d{9}|\\d{12}")) {
            throw ProblemException.badParameter("unit", "unit 须为行政区划代码 / unit must be a division code");
        }
        return code.length() == 12 ? DivisionCodes.significantPrefix(code) : code;
    }

    private static Set<String> list(String value) {
        return value == null || value.isBlank() ? null : Set.copyOf(Arrays.asList(value.split(",")));
    }

    private static double[] box(String bbox) {
        if (bbox == null || bbox.isBlank()) {
            return null;
        }
        String[] parts = bbox.split(",");
        if (parts.length != 4) {
            throw ProblemException.badParameter("bbox", "bbox 须为 minLon,minLat,maxLon,maxLat / bbox must be "
                    + "minLon,minLat,maxLon,maxLat");
        }
        double[] box = new double[4];
        for (int i = 0; i < 4; i++) {
            box[i] = RequestParams.number("bbox", parts[i], -180, 180);
        }
        return box;
    }
}
