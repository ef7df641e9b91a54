package org.civatlas.facilities;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/** What a planner enters for a facility; the unit it lies in is derived, never entered. */
public record FacilityInput(
        @NotBlank(message = "请填写名称 / name is required")
        @Size(max = 200, message = "名称最长 200 字 / name is at most 200 characters")
        String name,
        @NotBlank(message = "请选择设施类型 / type is required")
        String type,
        @NotNull(message = "请选择举办主体（公办/民办）/ operator is required (PUBLIC or PRIVATE)")
        Operator operator,
        @NotNull(message = "请选择状态 / status is required")
        FacilityStatus status,
        LocalDate plannedOn,
        LocalDate constructionStartedOn,
        LocalDate openedOn,
        LocalDate closedOn,
        @Min(value = 0, message = "床位数不能为负 / beds must not be negative") Integer beds,
        @Min(value = 0, message = "护理型床位数不能为负 / nursing-type beds must not be negative") Integer nursingBeds,
        @DecimalMin(value = "0", message = "建筑面积不能为负 / floor area must not be negative") Double floorAreaM2,
        @Min(value = 0, message = "工作人员数不能为负 / staff must not be negative") Integer staff,
        @NotNull(message = "请给出经度 / lon is required")
        @DecimalMin(value = "-180", message = "经度须在 -180..180 / lon must lie in -180..180")
        @DecimalMax(value = "180", message = "经度须在 -180..180 / lon must lie in -180..180")
        Double lon,
        @NotNull(message = "请给出纬度 / lat is required")
        @DecimalMin(value = "-90", message = "纬度须在 -90..90 / lat must lie in -90..90")
        @DecimalMax(value = "90", message = "纬度须在 -90..90 / lat must lie in -90..90")
        Double lat,
        /** On an update: the version the planner loaded (a stale one is a 409); ignored on create. */
        Long version) {
}
