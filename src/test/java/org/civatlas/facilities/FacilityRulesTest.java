package org.civatlas.facilities;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class FacilityRulesTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 29);

    private static FacilityInput input(FacilityStatus status, LocalDate planned, LocalDate construction,
            LocalDate opened, LocalDate closed, Integer beds, Integer nursing) {
        return new FacilityInput("x", "NURSING_HOME", Operator.PUBLIC, status, planned, construction, opened, closed,
                beds, nursing, 100.0, 3, 76.0, 39.4, null);
    }

    @Test
    void aConsistentRecordHasNoViolations() {
        assertThat(FacilityRules.violations(input(FacilityStatus.OPERATING, LocalDate.of(2019, 1, 1),
                LocalDate.of(2019, 6, 1), LocalDate.of(2020, 1, 1), null, 50, 20), TODAY)).isEmpty();
        assertThat(FacilityRules.violations(input(FacilityStatus.PLANNED, LocalDate.of(2026, 1, 1), null, null, null,
                null, null), TODAY)).isEmpty();
        assertThat(FacilityRules.violations(input(FacilityStatus.CLOSED, null, null, LocalDate.of(2010, 1, 1),
                LocalDate.of(2020, 1, 1), 10, 0), TODAY)).isEmpty();
    }

    @Test
    void capacitiesMustAddUp() {
        assertThat(FacilityRules.violations(input(FacilityStatus.OPERATING, null, null, LocalDate.of(2020, 1, 1),
                null, 10, 11), TODAY)).singleElement().asString().contains("exceeds beds");
        assertThat(FacilityRules.violations(input(FacilityStatus.OPERATING, null, null, LocalDate.of(2020, 1, 1),
                null, null, 3), TODAY)).singleElement().asString().contains("needs beds");
    }

    @Test
    void datesMustBeInOrderAndAgreeWithTheStatus() {
        assertThat(FacilityRules.violations(input(FacilityStatus.OPERATING, LocalDate.of(2021, 1, 1), null,
                LocalDate.of(2020, 1, 1), null, null, null), TODAY)).anyMatch(e -> e.contains("before plannedOn"));
        assertThat(FacilityRules.violations(input(FacilityStatus.CLOSED, null, null, LocalDate.of(2020, 1, 1),
                LocalDate.of(2019, 1, 1), null, null), TODAY)).anyMatch(e -> e.contains("closedOn (2019-01-01) is "
                + "before openedOn"));
        assertThat(FacilityRules.violations(input(FacilityStatus.OPERATING, null, null, null, null, null, null),
                TODAY)).anyMatch(e -> e.contains("needs openedOn"));
        assertThat(FacilityRules.violations(input(FacilityStatus.OPERATING, null, null, TODAY.plusDays(1), null,
                null, null), TODAY)).anyMatch(e -> e.contains("future"));
        assertThat(FacilityRules.violations(input(FacilityStatus.PLANNED, null, null, LocalDate.of(2020, 1, 1), null,
                null, null), TODAY)).anyMatch(e -> e.contains("PLANNED"));
        assertThat(FacilityRules.violations(input(FacilityStatus.CLOSED, null, null, null, null, null, null), TODAY))
                .anyMatch(e -> e.contains("needs closedOn"));
    }

    @Test
    void operatingOnFollowsTheDates() {
        Facility f = new Facility(1, "x", "NURSING_HOME", Operator.PUBLIC, FacilityStatus.CLOSED, null, null,
                LocalDate.of(2020, 1, 1), LocalDate.of(2024, 1, 1), null, null, null, null,
                org.civatlas.spatial.Geometries.point(76, 39), null, null, false, null, null, 0);
        assertThat(f.operatingOn(LocalDate.of(2019, 12, 31))).isFalse();
        assertThat(f.operatingOn(LocalDate.of(2020, 1, 1))).isTrue();
        assertThat(f.operatingOn(LocalDate.of(2023, 12, 31))).isTrue();
        assertThat(f.operatingOn(LocalDate.of(2024, 1, 1))).isFalse();
        assertThat(f.operatingOrPlannedOn(LocalDate.of(2025, 1, 1))).isFalse();
    }
}
