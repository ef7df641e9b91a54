package org.civatlas.coverage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.civatlas.divisions.Division;
import org.civatlas.divisions.DivisionKind;
import org.civatlas.divisions.DivisionLevel;
import org.civatlas.divisions.DivisionQueries;
import org.civatlas.divisions.DivisionsChanged;
import org.civatlas.divisions.UrbanRural;
import org.civatlas.facilities.FacilitiesChanged;
import org.civatlas.facilities.Facility;
import org.civatlas.facilities.FacilityRegistry;
import org.civatlas.facilities.FacilityStatus;
import org.civatlas.facilities.FacilityType;
import org.civatlas.facilities.Operator;
import org.civatlas.spatial.Geometries;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;

/**
 * The in-memory facility snapshot and demand sets behind coverage misses: kept while the data version stands (the
 * registry is read once however many different questions are asked), replaced as soon as a change event arrives
 * (an edit changes the next answer at once), and one computation per key however many callers miss it together.
 */
class CoverageServiceSnapshotTest {

    private static final String COUNTY = "653122000000";
    private static final String TOWNSHIP = "653122100000";
    private static final String V1 = "653122100001";
    private static final String V2 = "653122100002";
    private static final LocalDate DAY = LocalDate.of(2024, 1, 1);

    private final DivisionQueries divisions = mock(DivisionQueries.class);
    private final FacilityRegistry registry = mock(FacilityRegistry.class);
    private CoverageService service;

    @BeforeEach
    void setUp() {
        Division county = unit(COUNTY, DivisionLevel.COUNTY, DivisionKind.COUNTY, null, 0, 0, 1000);
        Division township = unit(TOWNSHIP, DivisionLevel.TOWNSHIP, DivisionKind.TOWN, COUNTY, 0, 0, 1000);
        when(divisions.byCode(COUNTY)).thenReturn(Optional.of(county));
        when(divisions.children(COUNTY)).thenReturn(List.of(township));
        villages(100, 200);
        when(registry.types()).thenReturn(List.of(
                new FacilityType("NURSING_HOME", "ELDERLY", "养老机构", "Nursing home", true),
                new FacilityType("DAY_CARE_CENTRE", "ELDERLY", "日间照料中心", "Day-care centre", true)));
        when(registry.all()).thenReturn(List.of(facility(1, "NURSING_HOME", V1, 0.5)));
        service = new CoverageService(divisions, registry, Optional.empty());
    }

    @Test
    void aFacilityEditChangesTheNextAnswerAtOnceAndTheRegistryIsReadOncePerVersion() {
        assertThat(covered("NURSING_HOME", DAY)).isEqualTo(1);
        assertThat(covered("ELDERLY", DAY)).isEqualTo(1);
        assertThat(covered("NURSING_HOME", DAY.plusDays(1))).isEqualTo(1);
        verify(registry, times(1)).all(); // three misses, one read

        // an edit: a second nursing home in the other village, committed, announced
        when(registry.all()).thenReturn(List.of(facility(1, "NURSING_HOME", V1, 0.5),
                facility(2, "NURSING_HOME", V2, 1.5)));
        service.facilitiesChanged(new FacilitiesChanged(2));
        assertThat(covered("NURSING_HOME", DAY)).isEqualTo(2);
        assertThat(covered("ELDERLY", DAY)).isEqualTo(2);
        verify(registry, times(2)).all();

        // a removal (as another node's change arrives: the same event)
        when(registry.all()).thenReturn(List.of());
        service.facilitiesChanged(new FacilitiesChanged(1));
        assertThat(covered("NURSING_HOME", DAY)).isZero();
        assertThat(service.countingFacilities(List.of("NURSING_HOME"), DAY, Scenario.CURRENT)).isEmpty();
    }

    @Test
    void aDivisionEditChangesTheDemandAtOnce() {
        CoverageResult before = coverage("NURSING_HOME", DAY);
        assertThat(before.populationShare()).isEqualTo(100.0 / 300);
        assertThat(coverage("NURSING_HOME", DAY.plusDays(1)).populationShare()).isEqualTo(100.0 / 300);
        verify(divisions, times(1)).descendants(COUNTY, DivisionLevel.VILLAGE);

        villages(300, 100);
        service.divisionsChanged(new DivisionsChanged(V1));
        assertThat(coverage("NURSING_HOME", DAY).populationShare()).isEqualTo(300.0 / 400);
        verify(divisions, times(2)).descendants(COUNTY, DivisionLevel.VILLAGE);
    }

    @Test
    void concurrentIdenticalMissesComputeOnceAndNestedComputationsWork() throws Exception {
        AtomicInteger computations = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return service.cached("outer", () -> {
                        computations.incrementAndGet();
                        return service.cached("inner", () -> 42) + 1;
                    });
                }));
            }
            start.countDown();
            for (Future<Integer> a : answers) {
                assertThat(a.get(30, TimeUnit.SECONDS)).isEqualTo(43);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(computations).hasValue(1);
    }

    private int covered(String types, LocalDate day) {
        return coverage(types, day).covered();
    }

    private CoverageResult coverage(String types, LocalDate day) {
        return service.coverage(new CoverageQuery(COUNTY, List.of(types), CoverageRule.CONTAINMENT, null,
                DivisionLevel.VILLAGE, null, day, Scenario.CURRENT));
    }

    private void villages(int population1, int population2) {
        List<Division> villages = List.of(
                unit(V1, DivisionLevel.VILLAGE, DivisionKind.RESIDENTS_COMMITTEE, TOWNSHIP, 0, 0, population1),
                unit(V2, DivisionLevel.VILLAGE, DivisionKind.VILLAGERS_COMMITTEE, TOWNSHIP, 1, 0, population2));
        when(divisions.descendants(eq(COUNTY), any())).thenReturn(villages);
    }

    private static Division unit(String code, DivisionLevel level, DivisionKind kind, String parent, double x,
            double y, int population) {
        Polygon square = Geometries.rectangle(75 + x, 39 + y, 76 + x, 40 + y);
        MultiPolygon geometry = Geometries.WGS84.createMultiPolygon(new Polygon[] {square});
        return new Division(code, null, code, level, kind, kind.urbanRural() == UrbanRural.URBAN ? UrbanRural.URBAN
                : UrbanRural.RURAL, parent, population, true, geometry, true, "test", null, "test", true, null, 0);
    }

    private static Facility facility(long id, String type, String village, double x) {
        return new Facility(id, "f" + id, type, Operator.PUBLIC, FacilityStatus.OPERATING, null, null,
                LocalDate.of(2020, 1, 1), null, 10, null, null, null, Geometries.point(75 + x, 39.5), null, village,
                true, "test", null, 0);
    }
}
