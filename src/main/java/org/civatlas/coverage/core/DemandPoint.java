package org.civatlas.coverage.core;

/**
 * A unit whose coverage is measured (a village's population centre, say): longitude/latitude on WGS 84 in degrees.
 *
 * @param code   identifier of the unit (e.g. the 12-digit statistical code of a village)
 * @param lon    longitude in degrees, WGS 84
 * @param lat    latitude in degrees, WGS 84, within [-90, 90]
 * @param weight weight for population-weighted variants (1 when unweighted)
 */
public record DemandPoint(String code, double lon, double lat, double weight) {
}
