package org.civatlas.exchange;

import java.util.List;

/**
 * One layer's import, behind the job that {@link ImportService} runs (upload, storage, status, claim, role check).
 * An importer reads a file into a plan of what it would write with every problem found; the preview shows the plan,
 * the commit reads the file again into a plan with the user's final choices and writes it, or refuses it whole
 * ({@link ImportRefused}) when it has a problem. A new importable layer (place names, division changes) is one more
 * implementation, a Spring bean of this module.
 *
 * <p>Both methods run in the job's transaction. Reading goes through {@link ImportReading}, so a file that cannot be
 * read is answered the same way on every layer.
 */
interface LayerImporter {

    /** The layer names this importer takes, as the {@code layer} parameter of an upload says them. */
    List<String> layers();

    /** The roles that may import these layers (who may edit them). */
    List<String> roles();

    /** Why the others may not, bilingual, for the 403. */
    String forbidden();

    /** Reads and checks the file; writes nothing. {@code file.crs()} is null: the importer resolves it. */
    PreviewDraft preview(ImportFile file, String statedCrs);

    /** Reads the file again with the choices made on commit and writes all of it, or refuses all of it. */
    CommitResult commit(ImportFile file, ImportPreview preview, ImportService.CommitOptions options);

}
