package org.civatlas.boundaries.core;

import org.locationtech.jts.geom.Geometry;

/**
 * An administrative unit as input to the boundary tools: its code, name and area geometry
 * (Polygon or MultiPolygon, longitude/latitude on WGS 84). The geometry may be invalid; the tools never alter it.
 */
public record Unit(String code, String name, Geometry geometry) {
}
