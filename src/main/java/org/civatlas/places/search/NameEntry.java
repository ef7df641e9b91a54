package org.civatlas.places.search;

/**
 * One searchable name of a place. A place contributes its standard name and, as further entries with the same
 * {@code placeId}, its former (historical) names and, for officers, proposed or other non-standard names.
 *
 * @param placeId    permanent id of the place; a former name carries the id of the current place
 * @param name       the Chinese name as written (required)
 * @param romanized  the confirmed Roman spelling (e.g. "Shule Xian"), or null
 * @param uyghur     the name in Uyghur (Arabic script), or null
 * @param category   place category (e.g. 行政区域), or null
 * @param unitCode   code of the administrative unit the place is or lies in (e.g. "653122100001"), or null
 * @param standard   the standard name of a current place
 * @param former     a historical/former name
 * @param status     publication state of the place as mapped by the caller (see {@link SearchFilter#PUBLISHED})
 * @param lon        WGS 84 longitude, NaN if the place has no geometry
 * @param lat        WGS 84 latitude, NaN if the place has no geometry
 * @param importance higher is more important (e.g. administrative level)
 */
public record NameEntry(long placeId, String name, String romanized, String uyghur, String category, String unitCode,
        boolean standard, boolean former, String status, double lon, double lat, int importance) {

    public boolean hasPoint() {
        return !Double.isNaN(lon) && !Double.isNaN(lat);
    }
}
