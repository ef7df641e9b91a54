package org.civatlas.coverage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.civatlas.common.ProblemException;
import org.civatlas.divisions.Division;
import org.civatlas.divisions.DivisionKind;
import org.civatlas.divisions.DivisionLevel;
import org.civatlas.divisions.DivisionQueries;
import org.civatlas.divisions.UrbanRural;
import org.civatlas.facilities.Facility;
import org.civatlas.facilities.FacilityRegistry;
import org.civatlas.facilities.FacilityStatus;
import org.civatlas.facilities.FacilityType;
import org.civatlas.facilities.Operator;
import org.civatlas.spatial.Geometries;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;
import org.springframework.http.HttpStatus;

/** The inputs of coverage questions alone: type groups, which facilities count, the demand sets. */
class CoverageInputsTest {

    private static final LocalDate DAY = LocalDate.of(2024, 1, 1);

    @Test
    void typeGroupsExpandAndUnknownTypesAreA400ListingTheChoices() {
        FacilityInputs inputs = new FacilityInputs(registry(List.of()));
        assertThat(inputs.expandGroups(List.of("ELDERLY", "ZOO", "NURSING_HOME")))
                .containsExactly("DAY_CARE_CENTRE", "NURSING_HOME", "ZOO");
        assertThatThrownBy(() -> inputs.requireKnownTypes(List.of("NURSING_HOME", "ZOO")))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.parameter()).isEqualTo("types");
                    assertThat(e.getMessage()).startsWith("未知的设施类型 [ZOO]，可选：").contains("NURSING_HOME")
                            .endsWith("，或类型组 [ELDERLY] / unknown facility types [ZOO]");
                });
        assertThatThrownBy(() -> inputs.requireKnownTypes(List.of())).isInstanceOf(ProblemException.class)
                .hasMessageContaining("give at least one facility type");
    }

    @Test
    void countingFacilitiesFollowTheDateAndTheScenarioInIdOrder() {
        Facility open = facility(3, "NURSING_HOME", FacilityStatus.OPERATING, LocalDate.of(2020, 1, 1));
        Facility later = facility(1, "DAY_CARE_CENTRE", FacilityStatus.OPERATING, LocalDate.of(2025, 1, 1));
        Facility planned = facility(2, "DAY_CARE_CENTRE", FacilityStatus.PLANNED, null);
        FacilityRegistry registry = registry(List.of(open, later, planned));
        FacilityInputs inputs = new FacilityInputs(registry);
        List<String> both = List.of("DAY_CARE_CENTRE", "NURSING_HOME");
        assertThat(inputs.counting(both, DAY, Scenario.CURRENT)).containsExactly(open);
        assertThat(inputs.counting(both, LocalDate.of(2025, 6, 1), Scenario.CURRENT)).containsExactly(later, open);
        assertThat(inputs.counting(both, DAY, Scenario.WITH_PLANNED)).extracting(Facility::id).contains(2L, 3L)
                .isSorted();
        verify(registry, times(1)).all();
        inputs.changed();
        inputs.counting(both, DAY, Scenario.CURRENT);
        verify(registry, times(2)).all();
    }

    @Test
    void demandSetsHoldTheUnitsOfALevelWithTheirPointsAndGroupNames() {
        DivisionQueries divisions = mock(DivisionQueries.class);
        Division county = unit("653122000000", DivisionLevel.COUNTY, DivisionKind.COUNTY, null, 0);
        Division township = unit("653122100000", DivisionLevel.TOWNSHIP, DivisionKind.TOWN, county.code(), 0);
        Division rural = unit("653122100001", DivisionLevel.VILLAGE, DivisionKind.VILLAGERS_COMMITTEE,
                township.code(), 0);
        Division urban = unit("653122100002", DivisionLevel.VILLAGE, DivisionKind.RESIDENTS_COMMITTEE,
                township.code(), 1);
        when(divisions.byCode(county.code())).thenReturn(Optional.of(county));
        when(divisions.byCode(township.code())).thenReturn(Optional.of(township));
        when(divisions.descendants(county.code(), DivisionLevel.VILLAGE)).thenReturn(List.of(rural, urban));
        when(divisions.children(county.code())).thenReturn(List.of(township));
        DemandInputs inputs = new DemandInputs(divisions);

        DemandInputs.DemandSet all = inputs.of(county.code(), DivisionLevel.VILLAGE, null);
        assertThat(all.demand()).containsExactly(rural, urban);
        assertThat(all.points()).extracting(p -> p.code()).containsExactly(rural.code(), urban.code());
        assertThat(all.points().get(1).lon()).isBetween(76.0, 77.0);
        assertThat(all.points().get(0).weight()).isEqualTo(100);
        assertThat(all.groupNames()).containsOnlyKeys(township.code());
        assertThat(inputs.of(county.code(), DivisionLevel.VILLAGE, UrbanRural.URBAN).demand()).containsExactly(urban);
        assertThat(DemandInputs.groupLevel(county)).isEqualTo(DivisionLevel.TOWNSHIP);
        assertThat(DemandInputs.groupLevel(urban)).isEqualTo(DivisionLevel.VILLAGE);

        assertThatThrownBy(() -> DemandInputs.requireLevelWithin(township, DivisionLevel.COUNTY))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.parameter()).isEqualTo("level"));
        assertThatThrownBy(() -> inputs.of("999999999999", DivisionLevel.VILLAGE, null))
                .isInstanceOfSatisfying(ProblemException.class,
                        e -> assertThat(e.status()).isEqualTo(HttpStatus.NOT_FOUND));
    }

    private static FacilityRegistry registry(List<Facility> all) {
        FacilityRegistry registry = mock(FacilityRegistry.class);
        when(registry.types()).thenReturn(List.of(
                new FacilityType("NURSING_HOME", "ELDERLY", "养老机构", "Nursing home", true),
                new FacilityType("DAY_CARE_CENTRE", "ELDERLY", "日间照料中心", "Day-care centre", true)));
        when(registry.all()).thenReturn(all);
        return registry;
    }

    private static Division unit(String code, DivisionLevel level, DivisionKind kind, String parent, double x) {
        Polygon square = Geometries.rectangle(75 + x, 39, 76 + x, 40);
        MultiPolygon geometry = Geometries.WGS84.createMultiPolygon(new Polygon[] {square});
        return new Division(code, null, code, level, kind, kind.urbanRural() == UrbanRural.URBAN ? UrbanRural.URBAN
                : UrbanRural.RURAL, parent, 100, true, geometry, true, "test", null, "test", true, null, 0);
    }

    private static Facility facility(long id, String type, FacilityStatus status, LocalDate openedOn) {
        return new Facility(id, "f" + id, type, Operator.PUBLIC, status, null, null, openedOn, null, 10, null, null,
                null, Geometries.point(75.5, 39.5), null, "653122100001", true, "test", null, 0);
    }
}
