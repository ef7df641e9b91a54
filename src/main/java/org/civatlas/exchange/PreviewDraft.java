package org.civatlas.exchange;

import java.util.List;
import java.util.Map;
import org.civatlas.exchange.crs.Plausibility;
import org.locationtech.jts.geom.Envelope;

/**
 * What a {@link LayerImporter} found in a file, before the job it belongs to is stored: the file's header, counts,
 * extent in WGS 84, warnings and problems, and the layer's own parts (see {@link ImportPreview}). The importer fills
 * it; {@link ImportService} turns it into the preview kept with the job.
 */
final class PreviewDraft {

    final ImportReading.Header header;
    Problems problems = new Problems();
    final Envelope extent = new Envelope();
    String codeField;
    long count;
    long invalid;
    long unknown;
    Map<String, String> mapping;
    Long creates;
    Long updates;
    List<ImportPreview.PreviewPoint> points;

    PreviewDraft(ImportReading.Header header) {
        this.header = header;
    }

    List<String> fields() {
        return header.fields();
    }

    List<String> warnings() {
        return header.warnings();
    }

    /** Warns when the file's extent, in its own CRS, does not look like the county in that CRS. */
    void checkPlausibility(Envelope sourceExtent, Envelope county) {
        if (!sourceExtent.isNull()) {
            for (Plausibility.Warning warning : Plausibility.check(sourceExtent, header.crs(), county)) {
                warnings().add(warning.message());
            }
        }
    }

    ImportPreview preview(String id, String layer, String fileName, String status) {
        double[] box = extent.isNull() ? null : new double[] {extent.getMinX(), extent.getMinY(), extent.getMaxX(),
                extent.getMaxY()};
        return new ImportPreview(id, layer, fileName, header.format(), count, header.crs().code(), header.crsSource(),
                header.crs().conversionToWgs84(), box, header.fields(), codeField, header.warnings(), problems.count(),
                problems.listed(), unknown, invalid, status, mapping, creates, updates, points);
    }
}
