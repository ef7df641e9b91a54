package org.civatlas.coverage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.BitSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class CoverageCalculatorTest {

    private static final List<CoverageCalculator.Demand> VILLAGES = List.of(
            new CoverageCalculator.Demand("653122200201", 1000, 76.00, 39.40),
            new CoverageCalculator.Demand("653122200202", 2000, 76.05, 39.40),
            new CoverageCalculator.Demand("653122201201", 3000, 76.50, 39.40));

    @Test
    void containmentCountsAFacilityInsideTheUnit() {
        BitSet covered = CoverageCalculator.covered(VILLAGES, List.of(
                new CoverageCalculator.Supply("1", "653122200202", 0, 0),
                new CoverageCalculator.Supply("2", null, 76.5, 39.4)), CoverageRule.CONTAINMENT, 0, 12);
        assertThat(covered.stream().toArray()).containsExactly(1);
    }

    @Test
    void containmentAtTownshipLevelComparesTheTownshipPrefix() {
        List<CoverageCalculator.Demand> townships = List.of(
                new CoverageCalculator.Demand("653122200000", 0, 76, 39.4),
                new CoverageCalculator.Demand("653122201000", 0, 76.5, 39.4));
        BitSet covered = CoverageCalculator.covered(townships, List.of(
                new CoverageCalculator.Supply("1", "653122201207", 0, 0)), CoverageRule.CONTAINMENT, 0, 9);
        assertThat(covered.stream().toArray()).containsExactly(1);
    }

    @Test
    void distanceIsGeodesicMetres() {
        // 0.05° of longitude at 39.4°N is about 4.3 km
        CoverageCalculator.Supply atFirst = new CoverageCalculator.Supply("1", null, 76.00, 39.40);
        assertThat(CoverageCalculator.covered(VILLAGES, List.of(atFirst), CoverageRule.DISTANCE, 4_000, 12).stream()
                .toArray()).containsExactly(0);
        assertThat(CoverageCalculator.covered(VILLAGES, List.of(atFirst), CoverageRule.DISTANCE, 4_400, 12).stream()
                .toArray()).containsExactly(0, 1);
    }
}
