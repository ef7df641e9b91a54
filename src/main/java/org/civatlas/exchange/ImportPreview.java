package org.civatlas.exchange;

import java.util.List;

/**
 * What an upload holds, before anything is stored: counts, CRS and how it converts, extent in WGS 84, the field
 * mapping proposed for the layer, warnings (plausibility) and every problem with feature index and reason.
 */
public record ImportPreview(String id, String layer, String fileName, String format, long count, String crs,
        String crsSource, String conversion, double[] extent, List<String> fields, String codeField,
        List<String> warnings, long problemCount, List<ImportProblem> problems, long unknownCodes,
        long invalidGeometries, String status) {

    /** One problem of one feature; {@code index} is 0-based in the file. */
    public record ImportProblem(long index, String kind, String reason, Double lon, Double lat) {
    }
}
