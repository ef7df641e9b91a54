package org.civatlas.exchange;

import java.nio.file.Path;
import org.civatlas.exchange.crs.Crs;
import org.civatlas.exchange.formats.ReadOptions;

/**
 * An upload as a {@link LayerImporter} sees it: the job it belongs to, a local copy of the file, how to read it and
 * its CRS (known at commit; at preview it is resolved from the file and the user's choice, see {@link ImportReading}).
 *
 * @param crs null at preview
 */
record ImportFile(String jobId, String layer, Path path, String fileName, ReadOptions readOptions, Crs crs) {

    ImportFile withCrs(Crs resolved) {
        return new ImportFile(jobId, layer, path, fileName, readOptions, resolved);
    }

    /** Provenance of what feature {@code index} becomes. */
    String source(long index) {
        return "import " + jobId + " (" + fileName + ", feature " + index + ")";
    }
}
