package org.civatlas.divisions;

/**
 * A unit as a map client reads it: its attributes (the {@link Division} with {@code geometry} left null) and its
 * geometry as GeoJSON text written by the database (PostGIS / H2GIS {@code ST_AsGeoJSON}), so that a page of large
 * polygons is neither decoded into JTS objects nor written again in Java.
 */
public record DivisionGeoJson(Division division, String geometry) {

    /** For the query's constructor expression: {@link Division}'s columns without the geometry, then the text. */
    public DivisionGeoJson(String code, String gbCode, String name, DivisionLevel level, DivisionKind kind,
            UrbanRural urbanRural, String parentCode, Integer population, Boolean populationSynthetic,
            Boolean geometrySynthetic, String geometrySource, String crsConversion, String nameSource,
            Boolean geometryValid, String geometryInvalidReason, Long version, String geometry) {
        this(new Division(code, gbCode, name, level, kind, urbanRural, parentCode, population,
                Boolean.TRUE.equals(populationSynthetic), null, Boolean.TRUE.equals(geometrySynthetic), geometrySource,
                crsConversion, nameSource, Boolean.TRUE.equals(geometryValid), geometryInvalidReason,
                version == null ? 0 : version), geometry);
    }
}
