package org.civatlas.exchange;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import org.civatlas.common.CurrentUser;
import org.civatlas.common.ProblemException;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Imports (upload → preview → commit; division layers ADMIN and the officers, facilities PLANNER and ADMIN, checked
 * per layer by {@link ImportService}) and exports (everyone who may read the layer).
 */
@RestController
class ExchangeController {

    private final ImportService imports;
    private final ExportService exports;

    ExchangeController(ImportService imports, ExportService exports) {
        this.imports = imports;
        this.exports = exports;
    }

    @PostMapping(value = "/api/imports", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    ImportPreview upload(@RequestPart(value = "file", required = false) MultipartFile file,
            @RequestParam(required = false) String layer, @RequestParam(required = false) String crs,
            @RequestParam(required = false) String encoding, @RequestParam(required = false) String lonColumn,
            @RequestParam(required = false) String latColumn, @RequestParam(required = false) String wktColumn)
            throws IOException {
        if (file == null || file.isEmpty()) {
            throw ProblemException.badParameter("file", "请选择要上传的文件 / choose a file to upload");
        }
        try (InputStream in = file.getInputStream()) {
            return imports.preview(layer, new ImportService.Upload(file.getOriginalFilename(), file.getSize(), in),
                    new ImportService.Options(crs, encoding, lonColumn, latColumn, wktColumn));
        }
    }

    @GetMapping("/api/imports/{id}")
    ImportPreview preview(@PathVariable String id) {
        return imports.get(id);
    }

    @PostMapping("/api/imports/{id}/commit")
    CommitResult commit(@PathVariable String id,
            @RequestBody(required = false) ImportService.CommitOptions options) throws IOException {
        return imports.commit(id, options);
    }

    @GetMapping("/api/exports/{collection}")
    ResponseEntity<InputStreamResource> export(@PathVariable String collection,
            @RequestParam(required = false) String format, @RequestParam(required = false) String crs,
            @RequestParam(required = false) String unit, Authentication authentication) throws IOException {
        ExportService.Export export = exports.export(collection, format, crs, unit,
                CurrentUser.isStaff(authentication));
        long size = Files.size(export.file());
        InputStream in = new java.io.FilterInputStream(Files.newInputStream(export.file())) {
            @Override
            public void close() throws IOException {
                super.close();
                Files.deleteIfExists(export.file());
                Files.deleteIfExists(export.file().getParent());
            }
        };
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + export.fileName() + "\"")
                .contentType(MediaType.parseMediaType(export.contentType())).contentLength(size)
                .body(new InputStreamResource(in));
    }
}
