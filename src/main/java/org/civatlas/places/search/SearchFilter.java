package org.civatlas.places.search;

import java.util.Set;

/**
 * Restricts search and reverse results. Null or empty sets mean "any".
 *
 * @param categories         allowed categories, or null/empty for any
 * @param unitPrefix         keep entries whose unit code starts with this (e.g. "653122": the county and its
 *                           descendants), or null
 * @param statuses           allowed statuses, or null/empty for any
 * @param bbox               minLon, minLat, maxLon, maxLat (WGS 84), or null; entries without a point fail a bbox
 * @param includeNonStandard when false only standard names and former names are searched; officers set it to
 *                           see proposals and other non-standard names
 */
public record SearchFilter(Set<String> categories, String unitPrefix, Set<String> statuses, double[] bbox,
        boolean includeNonStandard) {

    /** Status of a place whose name is in force and public (approved, announced and filed). */
    public static final String PUBLISHED = "PUBLISHED";

    private static final SearchFilter PUBLIC_DEFAULT = new SearchFilter(null, null, Set.of(PUBLISHED), null, false);
    private static final SearchFilter NONE = new SearchFilter(null, null, null, null, true);

    public SearchFilter {
        categories = categories == null ? null : Set.copyOf(categories);
        statuses = statuses == null ? null : Set.copyOf(statuses);
        if (bbox != null) {
            if (bbox.length != 4 || !(bbox[0] <= bbox[2]) || !(bbox[1] <= bbox[3])) {
                throw new IllegalArgumentException("bbox must be minLon,minLat,maxLon,maxLat with min <= max");
            }
            bbox = bbox.clone();
        }
        if (unitPrefix != null && unitPrefix.isBlank()) {
            unitPrefix = null;
        }
    }

    /** What the public sees: standard and former names of published places. */
    public static SearchFilter publicDefault() {
        return PUBLIC_DEFAULT;
    }

    /** No restriction at all (officers, tests, benchmarks). */
    public static SearchFilter none() {
        return NONE;
    }

    @Override
    public double[] bbox() {
        return bbox == null ? null : bbox.clone();
    }
}
