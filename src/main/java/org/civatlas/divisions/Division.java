package org.civatlas.divisions;

import org.locationtech.jts.geom.MultiPolygon;

/**
 * Read model of an administrative unit, the face this module shows to the others.
 *
 * @param geometry may be invalid (real source data is kept as it is): see {@code geometryValid}
 */
public record Division(
        String code,
        String gbCode,
        String name,
        DivisionLevel level,
        DivisionKind kind,
        UrbanRural urbanRural,
        String parentCode,
        Integer population,
        boolean populationSynthetic,
        MultiPolygon geometry,
        boolean geometrySynthetic,
        String geometrySource,
        String crsConversion,
        String nameSource,
        boolean geometryValid,
        String geometryInvalidReason,
        /** The stored version: an edit names it, and an edit of a replaced version is refused (409). */
        long version) {

    /** True when any value of the unit was generated rather than observed. */
    public boolean synthetic() {
        return populationSynthetic || geometrySynthetic;
    }
}
