package org.civatlas.places;

/**
 * A place-name category (GB/T 18521-based, kept as data). {@code duplicateScope} is where Art. 9 forbids identical and
 * homophone names: NATIONAL, PROVINCE, COUNTY, TOWNSHIP (a built-up area, approximated by the township) or NONE.
 */
public record PlaceCategory(String code, String parentCode, String nameZh, String nameEn, String duplicateScope,
        String romanizeAs) {
}
