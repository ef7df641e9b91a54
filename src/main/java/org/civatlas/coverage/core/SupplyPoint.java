package org.civatlas.coverage.core;

/**
 * A facility (existing or candidate) that serves the demand points around it: longitude/latitude on WGS 84 in degrees.
 *
 * @param id  identifier of the facility
 * @param lon longitude in degrees, WGS 84
 * @param lat latitude in degrees, WGS 84, within [-90, 90]
 */
public record SupplyPoint(String id, double lon, double lat) {
}
