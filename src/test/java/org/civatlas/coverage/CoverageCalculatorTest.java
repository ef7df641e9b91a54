package org.civatlas.coverage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import org.civatlas.coverage.core.DemandPoint;
import org.civatlas.coverage.core.SupplyPoint;
import org.civatlas.divisions.DivisionLevel;
import org.junit.jupiter.api.Test;

class CoverageCalculatorTest {

    private static final List<DemandPoint> VILLAGES = List.of(
            new DemandPoint("653122200201", 76.00, 39.40, 1000),
            new DemandPoint("653122200202", 76.05, 39.40, 2000),
            new DemandPoint("653122201201", 76.50, 39.40, 3000));

    @Test
    void containmentCountsAFacilityInsideTheUnit() {
        BitSet covered = CoverageCalculator.byContainment(VILLAGES, Arrays.asList("653122200202", null),
                DivisionLevel.VILLAGE);
        assertThat(covered.stream().toArray()).containsExactly(1);
    }

    @Test
    void containmentAtTownshipLevelComparesTheTownshipPrefix() {
        List<DemandPoint> townships = List.of(
                new DemandPoint("653122200000", 76, 39.4, 0),
                new DemandPoint("653122201000", 76.5, 39.4, 0));
        BitSet covered = CoverageCalculator.byContainment(townships, List.of("653122201207"), DivisionLevel.TOWNSHIP);
        assertThat(covered.stream().toArray()).containsExactly(1);
    }

    @Test
    void distanceIsGeodesicMetres() {
        // 0.05° of longitude at 39.4°N is about 4.3 km
        SupplyPoint atFirst = new SupplyPoint("1", 76.00, 39.40);
        assertThat(CoverageCalculator.byDistance(VILLAGES, List.of(atFirst), 4_000).stream().toArray())
                .containsExactly(0);
        assertThat(CoverageCalculator.byDistance(VILLAGES, List.of(atFirst), 4_400).stream().toArray())
                .containsExactly(0, 1);
    }
}
