package org.civatlas.exchange;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.civatlas.common.CurrentUser;
import org.civatlas.common.ProblemException;
import org.civatlas.exchange.crs.Crs;
import org.civatlas.exchange.formats.ReadOptions;
import org.civatlas.exchange.internal.ImportJobStore;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.ObjectMapper;

/**
 * Import as a reviewed, atomic operation: upload → preview (read once, streamed: count, CRS, extent, problems) →
 * commit (read again, all or nothing in one transaction). This class runs the job for every layer: the upload and
 * its storage with the job ({@link ImportJobStore}), the role check, the status, and the claim that applies a commit
 * once. What a layer's file means, how it is checked and written, is its {@link LayerImporter}'s:
 * {@link DivisionImporter} (counties, townships, villages) and {@link FacilityImporter} (facilities).
 *
 * <p>Who may import follows who may edit: each importer names the roles of its layers.
 */
@Service
public class ImportService {

    private final ImportJobStore jobs;
    private final List<LayerImporter> importers;
    private final ObjectMapper json;
    private final Clock clock;
    private final long maxBytes;

    ImportService(ImportJobStore jobs, List<LayerImporter> importers, ObjectMapper json, Optional<Clock> clock,
            @Value("${civatlas.imports.max-bytes:268435456}") long maxBytes) {
        this.jobs = jobs;
        this.importers = importers;
        this.json = json;
        this.clock = clock.orElse(Clock.systemDefaultZone());
        this.maxBytes = maxBytes;
    }

    public record Upload(String fileName, long size, InputStream content) {
    }

    /** How to read an upload; kept with the job, so that the commit reads the file the same way. */
    public record Options(String crs, String encoding, String lonColumn, String latColumn, String wktColumn) {
    }

    /**
     * @param codeField division layers: the field holding the unit code
     * @param invalid   division layers: reject or repair invalid polygons
     * @param mapping   facilities: changes to the proposed field mapping (facility field → the file's field; null or
     *                  empty unmaps it)
     */
    public record CommitOptions(String codeField, String invalid, Map<String, String> mapping) {
    }

    @Transactional
    public ImportPreview preview(String layer, Upload upload, Options options) throws IOException {
        LayerImporter importer = importerOf(layer).orElseThrow(() -> {
            List<String> all = new ArrayList<>();
            importers.forEach(i -> all.addAll(i.layers()));
            return ProblemException.badParameter("layer", "目前可导入的图层：" + all + " / layer must be one of " + all);
        });
        requireRole(importer);
        Charset encoding = ImportReading.charset(options.encoding());
        String id = UUID.randomUUID().toString();
        String safeName = upload.fileName() == null ? "upload" : Path.of(upload.fileName()).getFileName().toString()
                .replaceAll("[^\\p{L}\\p{N}._-]", "_");
        safeName = safeName.isBlank() ? "upload" : safeName;
        try (ImportJobStore.LocalFile file = jobs.receive(upload.content(), upload.size(), safeName)) {
            PreviewDraft draft = importer.preview(new ImportFile(id, layer, file.path(), safeName,
                    readOptions(encoding, options), null), options.crs());
            ImportPreview preview = draft.preview(id, layer, safeName, ImportJobStore.PREVIEWED);
            jobs.create(new ImportJobStore.Job(id, layer, safeName, preview.crs(), encoding.name(),
                    json.writeValueAsString(options), ImportJobStore.PREVIEWED, json.writeValueAsString(preview), null),
                    CurrentUser.name(), clock.instant(), file.path());
            return preview;
        }
    }

    @Transactional(readOnly = true)
    public ImportPreview get(String id) {
        ImportJobStore.Job job = jobs.require(id);
        requireRole(importerOf(job));
        return json.readValue(job.previewJson(), ImportPreview.class).withStatus(job.status());
    }

    /**
     * Reads the file again and writes every feature in one transaction, or nothing. The job is claimed first in
     * that transaction, so a commit is applied once: another commit of the same upload, at the same time on any
     * node or later, is a 409 (with the first result once there is one). A refused commit leaves it committable.
     */
    @Transactional(rollbackFor = Exception.class)
    public CommitResult commit(String id, CommitOptions options) throws IOException {
        ImportJobStore.Job job = jobs.require(id);
        LayerImporter importer = importerOf(job);
        requireRole(importer);
        jobs.claim(job.id());
        ImportPreview preview = json.readValue(job.previewJson(), ImportPreview.class);
        Options stated = json.readValue(job.optionsJson(), Options.class);
        CommitResult result;
        try (ImportJobStore.LocalFile file = jobs.materialise(job)) {
            result = importer.commit(new ImportFile(job.id(), job.layer(), file.path(), job.fileName(),
                    readOptions(Charset.forName(job.encoding()), stated), Crs.parse(job.crsCode())), preview, options);
        }
        jobs.finish(job.id(), json.writeValueAsString(result), clock.instant());
        return result;
    }

    private ReadOptions readOptions(Charset encoding, Options options) {
        return new ReadOptions(encoding, options.lonColumn(), options.latColumn(), options.wktColumn(), maxBytes * 20,
                0);
    }

    private Optional<LayerImporter> importerOf(String layer) {
        return importers.stream().filter(i -> layer != null && i.layers().contains(layer)).findFirst();
    }

    private LayerImporter importerOf(ImportJobStore.Job job) {
        return importerOf(job.layer()).orElseThrow(() -> new IllegalStateException("no importer of " + job.layer()));
    }

    private static void requireRole(LayerImporter importer) {
        if (!CurrentUser.hasAnyRole(SecurityContextHolder.getContext().getAuthentication(),
                importer.roles().toArray(String[]::new))) {
            throw new ProblemException(HttpStatus.FORBIDDEN, "Forbidden", importer.forbidden(), "layer");
        }
    }
}
