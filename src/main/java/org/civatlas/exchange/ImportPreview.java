package org.civatlas.exchange;

import java.util.List;
import java.util.Map;

/**
 * What an upload holds, before anything is stored: counts, CRS and how it converts, extent in WGS 84, the field
 * mapping proposed for the layer, warnings (plausibility) and every problem with feature index and reason.
 * Division layers use {@code codeField}, {@code unknownCodes} and {@code invalidGeometries}; the facilities layer
 * uses {@code mapping} (facility field → the file's field, null when not found), {@code creates} and
 * {@code updates} (what a commit would do) and {@code points} (where the features lie, for the map).
 */
public record ImportPreview(String id, String layer, String fileName, String format, long count, String crs,
        String crsSource, String conversion, double[] extent, List<String> fields, String codeField,
        List<String> warnings, long problemCount, List<ImportProblem> problems, long unknownCodes,
        long invalidGeometries, String status, Map<String, String> mapping, Long creates, Long updates,
        List<PreviewPoint> points) {

    /** The same preview with the job's current status (PREVIEWED until committed, then COMMITTED). */
    public ImportPreview withStatus(String newStatus) {
        return new ImportPreview(id, layer, fileName, format, count, crs, crsSource, conversion, extent, fields,
                codeField, warnings, problemCount, problems, unknownCodes, invalidGeometries, newStatus, mapping,
                creates, updates, points);
    }

    /**
     * One problem of one feature; {@code index} is 0-based in the file (-1: of the file as a whole, e.g. a code that
     * is no existing unit); {@code lon}/{@code lat} where it is, when known.
     */
    public record ImportProblem(long index, IssueKind kind, String reason, Double lon, Double lat) {

        ImportProblem(long index, IssueKind kind, String reason) {
            this(index, kind, reason, null, null);
        }
    }

    /** One facility of the file in WGS 84 with what a commit would do to it: create, update or error. */
    public record PreviewPoint(long index, double lon, double lat, String name, String type, String action) {
    }
}
