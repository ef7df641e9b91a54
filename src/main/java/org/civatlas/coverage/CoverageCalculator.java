package org.civatlas.coverage;

import java.util.BitSet;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.civatlas.coverage.core.DemandPoint;
import org.civatlas.coverage.core.DistanceCoverage;
import org.civatlas.coverage.core.SupplyPoint;
import org.civatlas.divisions.DivisionCodes;
import org.civatlas.divisions.DivisionLevel;

/**
 * Which demand units are covered, over the core's point types: plain Java, no Spring, no database. Bit i of an answer
 * is demand unit i.
 */
public final class CoverageCalculator {

    private CoverageCalculator() {
    }

    /**
     * Containment: a demand unit of {@code level} is covered when a facility lies in it, i.e. the unit a facility
     * lies in ({@code facilityUnitCodes}, null for one outside the county) has the demand unit as its ancestor at
     * that level ({@link DivisionCodes#ancestorAt}).
     */
    public static BitSet byContainment(List<DemandPoint> demand, Collection<String> facilityUnitCodes,
            DivisionLevel level) {
        Set<String> served = new HashSet<>();
        for (String unitCode : facilityUnitCodes) {
            if (unitCode != null) {
                served.add(DivisionCodes.ancestorAt(unitCode, level));
            }
        }
        BitSet covered = new BitSet(demand.size());
        for (int i = 0; i < demand.size(); i++) {
            if (served.contains(DivisionCodes.ancestorAt(demand.get(i).code(), level))) {
                covered.set(i);
            }
        }
        return covered;
    }

    /** Distance: a demand point is covered when a facility lies within {@code metres} on the ellipsoid. */
    public static BitSet byDistance(List<DemandPoint> demand, List<SupplyPoint> supply, double metres) {
        return DistanceCoverage.covered(demand, supply, metres);
    }
}
