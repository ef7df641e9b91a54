package org.civatlas.divisions;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** An edit of a unit's attributes; null fields stay unchanged. */
public record DivisionUpdate(
        @Size(min = 1, max = 100, message = "名称长度须为 1-100 字 / name must be 1-100 characters")
        @Pattern(regexp = ".*\\S.*", message = "名称不能为空白 / name must not be blank")
        String name,
        @Min(value = 0, message = "人口不能为负 / population must not be negative")
        @Max(value = 10_000_000, message = "人口超出县级范围 / population above 10,000,000 is not plausible for a unit")
        Integer population,
        /** The version of the unit the edit was made on (from GET /api/divisions/{code}); a stale one is a 409. */
        Long version) {
}
