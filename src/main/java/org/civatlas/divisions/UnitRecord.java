package org.civatlas.divisions;

import org.locationtech.jts.geom.Geometry;

/**
 * A unit as an import delivers it: code, geometry in WGS 84 with its provenance, and optionally the other values.
 * {@code flaggedInvalidReason} keeps a defect the source data itself records (null: JTS decides).
 */
public record UnitRecord(String code, String name, String parentCode, String gbCode, String nameSource,
        Integer population, boolean populationSynthetic, Geometry geometry, boolean geometrySynthetic,
        String geometrySource, String crsConversion, String flaggedInvalidReason) {
}
