package org.civatlas.boundaries.core;

import org.locationtech.jts.geom.Geometry;

/**
 * Two units whose areas overlap instead of only touching.
 *
 * @param area             the polygonal intersection (computed on repaired copies when an input is invalid)
 * @param areaSquareMetres its geodesic area on the WGS 84 ellipsoid (GeographicLib)
 */
public record Overlap(String codeA, String codeB, Geometry area, double areaSquareMetres) {
}
