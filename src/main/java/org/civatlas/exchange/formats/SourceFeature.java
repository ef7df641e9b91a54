package org.civatlas.exchange.formats;

import java.util.Map;

import org.locationtech.jts.geom.Geometry;

/**
 * One feature as read from a file.
 *
 * @param index      0-based position of the record in the file (Shapefile: record number − 1; deleted .dbf
 *                   records are skipped, so indexes may have gaps)
 * @param geometry   in the SOURCE CRS (see {@link FeatureReader#declaredCrs()}); null when the record has no
 *                   geometry or it could not be built (then {@link #problem()} says why); may be invalid
 *                   (validity is the caller's concern)
 * @param attributes field name → value (String, Long, Double, Boolean, java.time.LocalDate, or null), in file order;
 *                   nested GeoJSON objects/arrays are given as their JSON text
 * @param problem    null if the record was read cleanly; otherwise a bilingual description of a per-feature
 *                   problem (NaN/infinite coordinate, malformed geometry, missing coordinates in a CSV row ...)
 *                   that the caller may report, skip or repair
 */
public record SourceFeature(long index, Geometry geometry, Map<String, Object> attributes, String problem) {

    public SourceFeature(long index, Geometry geometry, Map<String, Object> attributes) {
        this(index, geometry, attributes, null);
    }

    public boolean hasProblem() {
        return problem != null;
    }
}
