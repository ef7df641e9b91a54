package org.civatlas.boundaries.core;

import org.locationtech.jts.geom.MultiLineString;

/**
 * The linework shared by two units.
 *
 * @param id           {@code codeA + "-" + codeB}
 * @param codeA        the smaller code of the pair (String order)
 * @param codeB        the larger code
 * @param geometry     the shared linework, lon/lat WGS 84; where the two boundaries do not coincide exactly it is
 *                     the part of A's boundary within the tolerance of B's boundary
 * @param lengthMetres geodesic length on the WGS 84 ellipsoid (GeographicLib), summed over the segments
 */
public record BoundaryLine(String id, String codeA, String codeB, MultiLineString geometry, double lengthMetres) {
}
