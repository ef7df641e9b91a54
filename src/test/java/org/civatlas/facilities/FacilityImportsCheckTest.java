package org.civatlas.facilities;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.anyDouble;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.civatlas.facilities.FacilityImports.Action;
import org.civatlas.facilities.FacilityImports.IssueKind;
import org.civatlas.facilities.FacilityImports.Row;
import org.civatlas.facilities.internal.FacilityEntity;
import org.civatlas.facilities.internal.FacilityEntityRepository;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.ApplicationEventPublisher;

/**
 * The facilities module's check of imported records (the plan a commit writes), with the repository and the
 * registry stubbed: no Spring, no database.
 */
class FacilityImportsCheckTest {

    FacilityEntityRepository repository = mock(FacilityEntityRepository.class);
    FacilityRegistry registry = mock(FacilityRegistry.class);
    ApplicationEventPublisher events = mock(ApplicationEventPublisher.class);
    FacilityImports imports;

    @BeforeEach
    void setUp() {
        when(registry.typesByCode()).thenReturn(Map.of("NURSING_HOME",
                new FacilityType("NURSING_HOME", "elderly", "养老院", "Nursing home", true)));
        when(registry.villageAt(anyDouble(), anyDouble())).thenReturn("653122201001");
        imports = new FacilityImports(repository, registry, events,
                Optional.of(Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC)));
    }

    static FacilityInput input(String name, String type, FacilityStatus status, Integer beds, Double lon) {
        return new FacilityInput(name, type, null, status, null, null, null, null, beds, null, null, null, lon, 39.4,
                null);
    }

    static Row row(long index, String externalId, FacilityInput in) {
        return new Row(index, null, externalId, false, in, "test");
    }

    static List<IssueKind> kinds(FacilityImports.Check check) {
        return check.issues().stream().map(FacilityImports.Issue::kind).toList();
    }

    @Test
    void eachRecordIsCheckedIntoTypedIssues() {
        FacilityImports.Plan plan = imports.check(List.of(
                row(0, "A", input("好", "NURSING_HOME", FacilityStatus.PLANNED, 10, 76.0)),
                row(1, "B", input(null, "NURSING_HOME", FacilityStatus.PLANNED, null, 76.0)),
                row(2, "C", input("类型错", "POOL", FacilityStatus.PLANNED, null, 76.0)),
                row(3, "D", input("无状态", "NURSING_HOME", null, null, 76.0)),
                row(4, "E", input("负", "NURSING_HOME", FacilityStatus.PLANNED, -1, 76.0)),
                row(5, "F", input("无位置", "NURSING_HOME", FacilityStatus.PLANNED, null, null)),
                row(6, "A", input("重复", "NURSING_HOME", FacilityStatus.PLANNED, null, 76.0))));
        List<FacilityImports.Check> checks = plan.checks();
        assertThat(checks.get(0).issues()).isEmpty();
        assertThat(checks.get(0).action()).isEqualTo(Action.CREATE);
        assertThat(checks.get(0).unitCode()).isEqualTo("653122201001");
        assertThat(kinds(checks.get(1))).containsExactly(IssueKind.NO_NAME);
        assertThat(kinds(checks.get(2))).containsExactly(IssueKind.UNKNOWN_TYPE);
        assertThat(kinds(checks.get(3))).containsExactly(IssueKind.MISSING_STATUS);
        assertThat(kinds(checks.get(4))).containsExactly(IssueKind.NEGATIVE);
        assertThat(kinds(checks.get(5))).containsExactly(IssueKind.BAD_LOCATION);
        assertThat(kinds(checks.get(6))).containsExactly(IssueKind.DUPLICATE_KEY);
        assertThat(checks.get(6).issues().get(0).reason()).contains("#0");
        assertThat(plan.hasIssues()).isTrue();
    }

    @Test
    void aRecordIsMatchedByAtlasIdElseExternalIdElseTypeAndName() {
        FacilityEntity stored = mock(FacilityEntity.class);
        when(stored.getId()).thenReturn(42L);
        when(repository.existsById(42L)).thenReturn(true);
        when(repository.findByExternalId("X-1")).thenReturn(Optional.of(stored));
        when(repository.findByTypeCodeAndNameAndExternalIdIsNull("NURSING_HOME", "同名"))
                .thenReturn(List.of(stored, stored));
        FacilityInput in = input("某院", "NURSING_HOME", FacilityStatus.PLANNED, null, 76.0);
        FacilityImports.Plan plan = imports.check(List.of(
                new Row(0, 42L, null, false, in, "t"),
                new Row(1, 43L, null, false, in, "t"),
                row(2, "X-1", in),
                row(3, null, input("同名", "NURSING_HOME", FacilityStatus.PLANNED, null, 76.0))));
        assertThat(plan.checks().get(0).action()).isEqualTo(Action.UPDATE);
        assertThat(plan.checks().get(0).facilityId()).isEqualTo(42L);
        assertThat(kinds(plan.checks().get(1))).containsExactly(IssueKind.UNKNOWN_ATLAS_ID);
        assertThat(plan.checks().get(2).facilityId()).isEqualTo(42L);
        assertThat(kinds(plan.checks().get(3))).containsExactly(IssueKind.AMBIGUOUS);
    }

    @Test
    void aPlanWithIssuesIsNeverWritten() {
        FacilityImports.Plan plan = imports.check(List.of(row(0, "A", input(null, "NURSING_HOME",
                FacilityStatus.PLANNED, null, 76.0))));
        assertThatThrownBy(() -> imports.write(plan)).isInstanceOf(IllegalArgumentException.class);
        verifyNoInteractions(events);
    }
}
