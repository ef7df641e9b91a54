package org.civatlas.exchange;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;

/**
 * What a commit wrote; kept with the job and answered again in the 409 of a repeated commit. A division layer
 * answers {@code updated} and {@code repaired}, the facilities layer {@code created}, {@code updated} and the
 * {@code mapping} it used; the fields of the other layer are left out of the JSON, not written as null.
 *
 * @param conversion how the coordinates were converted to WGS 84 (null: they were in WGS 84 already)
 */
public record CommitResult(String id, String layer, @JsonInclude(JsonInclude.Include.NON_NULL) Integer created,
        int updated, @JsonInclude(JsonInclude.Include.NON_NULL) Integer repaired, String crs, String conversion,
        @JsonInclude(JsonInclude.Include.NON_NULL) Map<String, String> mapping) {

    static CommitResult ofDivisions(ImportFile file, int updated, int repaired) {
        return new CommitResult(file.jobId(), file.layer(), null, updated, repaired, file.crs().code(),
                file.crs().conversionToWgs84(), null);
    }

    static CommitResult ofFacilities(ImportFile file, int created, int updated, Map<String, String> mapping) {
        return new CommitResult(file.jobId(), file.layer(), created, updated, null, file.crs().code(),
                file.crs().conversionToWgs84(), mapping);
    }
}
