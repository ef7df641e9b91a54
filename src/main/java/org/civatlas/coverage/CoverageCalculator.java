package org.civatlas.coverage;

import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.civatlas.coverage.core.DemandPoint;
import org.civatlas.coverage.core.DistanceCoverage;
import org.civatlas.coverage.core.SupplyPoint;

/** Which demand units are covered: plain Java, no Spring, no database. */
public final class CoverageCalculator {

    private CoverageCalculator() {
    }

    /** A unit whose coverage is measured, with its population point. */
    public record Demand(String code, double population, double lon, double lat) {
    }

    /** A facility that counts, with the code of the village-level unit it lies in (null outside the county). */
    public record Supply(String id, String unitCode, double lon, double lat) {
    }

    /**
     * @param codePrefix how many leading code digits identify a demand unit's area (12 for villages, 9 for
     *                   townships, 6 for counties): containment compares the facility's unit code on that prefix
     */
    public static BitSet covered(List<Demand> demand, List<Supply> supply, CoverageRule rule, double metres,
            int codePrefix) {
        if (rule == CoverageRule.CONTAINMENT) {
            Set<String> served = new HashSet<>();
            for (Supply s : supply) {
                if (s.unitCode() != null) {
                    served.add(s.unitCode().substring(0, codePrefix));
                }
            }
            BitSet covered = new BitSet(demand.size());
            for (int i = 0; i < demand.size(); i++) {
                if (served.contains(demand.get(i).code().substring(0, codePrefix))) {
                    covered.set(i);
                }
            }
            return covered;
        }
        return DistanceCoverage.covered(
                demand.stream().map(d -> new DemandPoint(d.code(), d.lon(), d.lat(), d.population())).toList(),
                supply.stream().map(s -> new SupplyPoint(s.id(), s.lon(), s.lat())).toList(), metres);
    }
}
