package org.civatlas.coverage.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.SplittableRandom;

import net.sf.geographiclib.Geodesic;
import net.sf.geographiclib.GeodesicData;
import net.sf.geographiclib.GeodesicMask;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class DistanceCoverageTest {

    private static double geodesic(DemandPoint d, SupplyPoint s) {
        return Geodesic.WGS84.Inverse(d.lat(), d.lon(), s.lat(), s.lon(), GeodesicMask.DISTANCE).s12;
    }

    private static BitSet bruteCovered(List<DemandPoint> demand, List<SupplyPoint> supply, double metres) {
        BitSet out = new BitSet();
        for (int i = 0; i < demand.size(); i++) {
            for (SupplyPoint s : supply) {
                if (geodesic(demand.get(i), s) <= metres) {
                    out.set(i);
                    break;
                }
            }
        }
        return out;
    }

    private static int[][] bruteSets(List<DemandPoint> demand, List<SupplyPoint> candidates, double metres) {
        int[][] out = new int[candidates.size()][];
        for (int j = 0; j < candidates.size(); j++) {
            SupplyPoint c = candidates.get(j);
            List<Integer> ids = new ArrayList<>();
            for (int i = 0; i < demand.size(); i++) {
                DemandPoint d = demand.get(i);
                if (Geodesic.WGS84.Inverse(d.lat(), d.lon(), c.lat(), c.lon(), GeodesicMask.DISTANCE).s12 <= metres) {
                    ids.add(i);
                }
            }
            out[j] = ids.stream().mapToInt(Integer::intValue).toArray();
        }
        return out;
    }

    private static double[] bruteNearest(List<DemandPoint> demand, List<SupplyPoint> supply, double max) {
        double[] out = new double[demand.size()];
        for (int i = 0; i < demand.size(); i++) {
            double best = Double.POSITIVE_INFINITY;
            for (SupplyPoint s : supply) {
                double g = geodesic(demand.get(i), s);
                if (g <= max && g < best) {
                    best = g;
                }
            }
            out[i] = best;
        }
        return out;
    }

    /** Points scattered over a square of about `spanMetres` around (lon0, lat0). */
    private static List<DemandPoint> demand(long seed, int n, double lon0, double lat0, double spanMetres) {
        SplittableRandom r = new SplittableRandom(seed);
        double dLat = spanMetres / 111_000.0;
        double dLon = dLat / Math.max(0.01, Math.cos(Math.toRadians(lat0)));
        List<DemandPoint> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double lat = Math.max(-90, Math.min(90, lat0 + (r.nextDouble() - 0.5) * dLat));
            out.add(new DemandPoint("D" + i, lon0 + (r.nextDouble() - 0.5) * dLon, lat, 1));
        }
        return out;
    }

    private static List<SupplyPoint> supply(long seed, int n, double lon0, double lat0, double spanMetres) {
        List<SupplyPoint> out = new ArrayList<>();
        for (DemandPoint d : demand(seed, n, lon0, lat0, spanMetres)) {
            out.add(new SupplyPoint("S" + d.code(), d.lon(), d.lat()));
        }
        return out;
    }

    @ParameterizedTest
    @CsvSource({
            "0,     100, 300", "0,    100, 1000", "0,    100, 5000",
            "22.5,  113, 300", "22.5, 113, 1000", "22.5, 113, 5000",
            "39.4,  76,  300", "39.4, 76,  1000", "39.4, 76,  5000",
            "60,    30,  300", "60,   30,  1000", "60,   30,  5000",
            "-45,  170,  1000", "75,  -20,  5000"})
    void equalsBruteForceOnRandomData(double lat0, double lon0, double metres) {
        long seed = Double.doubleToLongBits(lat0 * 31 + lon0 * 7 + metres);
        double span = metres * 12;
        List<DemandPoint> demand = demand(seed, 500, lon0, lat0, span);
        List<SupplyPoint> supply = supply(seed + 1, 120, lon0, lat0, span);

        BitSet expected = bruteCovered(demand, supply, metres);
        assertThat(expected.cardinality()).as("a meaningful mix").isBetween(20, 480);
        assertThat(DistanceCoverage.covered(demand, supply, metres)).isEqualTo(expected);
        assertThat(DistanceCoverage.coverageSets(demand, supply, metres)).isDeepEqualTo(bruteSets(demand, supply, metres));
        assertThat(DistanceCoverage.nearestDistance(demand, supply, metres))
                .containsExactly(bruteNearest(demand, supply, metres));
    }

    @Test
    void resultsAreDeterministicAcrossRepeatedParallelRuns() {
        List<DemandPoint> demand = demand(7, 20_000, 104, 30, 100_000);
        List<SupplyPoint> supply = supply(8, 3_000, 104, 30, 100_000);
        BitSet first = DistanceCoverage.covered(demand, supply, 1000);
        for (int i = 0; i < 3; i++) {
            assertThat(DistanceCoverage.covered(demand, supply, 1000)).isEqualTo(first);
        }
        // spot-check against brute force on a sample
        for (int i = 0; i < demand.size(); i += 97) {
            boolean any = false;
            for (SupplyPoint s : supply) {
                any |= geodesic(demand.get(i), s) <= 1000;
            }
            assertThat(first.get(i)).as("demand %d", i).isEqualTo(any);
        }
    }

    @ParameterizedTest
    @CsvSource({"0, 100", "39.4, 76", "60, 30", "-33, 151"})
    void pointsExactlyAtTheThreshold(double lat0, double lon0) {
        SplittableRandom r = new SplittableRandom(42);
        for (int t = 0; t < 200; t++) {
            DemandPoint d = new DemandPoint("d", lon0 + r.nextDouble() * 0.1, lat0 + r.nextDouble() * 0.1, 1);
            double metres = new double[] {300, 1000, 5000}[t % 3];
            GeodesicData g = Geodesic.WGS84.Direct(d.lat(), d.lon(), r.nextDouble() * 360 - 180, metres);
            SupplyPoint s = new SupplyPoint("s", g.lon2, g.lat2);
            double exact = geodesic(d, s);
            List<DemandPoint> ds = List.of(d);
            List<SupplyPoint> ss = List.of(s);
            assertThat(DistanceCoverage.covered(ds, ss, exact).get(0)).isTrue();
            assertThat(DistanceCoverage.covered(ds, ss, Math.nextDown(exact)).get(0)).isFalse();
            assertThat(DistanceCoverage.coverageSets(ds, ss, exact)[0]).containsExactly(0);
            assertThat(DistanceCoverage.coverageSets(ds, ss, Math.nextDown(exact))[0]).isEmpty();
            assertThat(DistanceCoverage.nearestDistance(ds, ss, exact)[0]).isEqualTo(exact);
            assertThat(DistanceCoverage.nearestDistance(ds, ss, Math.nextDown(exact))[0]).isInfinite();
        }
    }

    @Test
    void emptyInputs() {
        List<DemandPoint> demand = demand(1, 10, 76, 39, 1000);
        List<SupplyPoint> supply = supply(2, 10, 76, 39, 1000);
        assertThat(DistanceCoverage.covered(List.of(), supply, 1000).isEmpty()).isTrue();
        assertThat(DistanceCoverage.covered(demand, List.of(), 1000).isEmpty()).isTrue();
        assertThat(DistanceCoverage.coverageSets(demand, List.of(), 1000)).isEmpty();
        assertThat(DistanceCoverage.coverageSets(List.of(), supply, 1000)).hasDimensions(10, 0);
        assertThat(DistanceCoverage.nearestDistance(List.of(), supply, 1000)).isEmpty();
        assertThat(DistanceCoverage.nearestDistance(demand, List.of(), 1000)).containsOnly(Double.POSITIVE_INFINITY);
        assertThat(DistanceCoverage.covered(demand, supply, -1).isEmpty()).isTrue();
    }

    @Test
    void zeroDistanceCoversOnlyCoincidentPoints() {
        List<DemandPoint> demand = List.of(new DemandPoint("a", 76, 39, 1), new DemandPoint("b", 76.00001, 39, 1));
        List<SupplyPoint> supply = List.of(new SupplyPoint("s", 76, 39));
        BitSet c = DistanceCoverage.covered(demand, supply, 0);
        assertThat(c.get(0)).isTrue();
        assertThat(c.get(1)).isFalse();
    }

    @Test
    void antimeridianPolesAndHugeDistancesDoNotCrashAndStayExact() {
        List<DemandPoint> demand = new ArrayList<>(demand(3, 300, 179.99, 10, 20_000));
        demand.addAll(demand(4, 100, -179.995, -10, 20_000));
        demand.addAll(demand(5, 100, 0, 89.99, 20_000));
        demand.add(new DemandPoint("pole", 0, 90, 1));
        demand.add(new DemandPoint("lon540", 540, 10, 1));
        List<SupplyPoint> supply = new ArrayList<>(supply(6, 100, 179.99, 10, 20_000));
        supply.addAll(supply(7, 50, -179.995, -10, 20_000));
        supply.addAll(supply(8, 50, 45, 89.99, 20_000));
        supply.add(new SupplyPoint("south", 0, -90));
        for (double metres : new double[] {1000, 5000, 2_000_000, 30_000_000, Double.POSITIVE_INFINITY}) {
            assertThat(DistanceCoverage.covered(demand, supply, metres)).as("%s m", metres)
                    .isEqualTo(bruteCovered(demand, supply, metres));
            assertThat(DistanceCoverage.nearestDistance(demand, supply, metres))
                    .containsExactly(bruteNearest(demand, supply, metres));
        }
        assertThat(DistanceCoverage.coverageSets(demand, supply, 5000)).isDeepEqualTo(bruteSets(demand, supply, 5000));
    }

    @Test
    void rejectsInvalidCoordinates() {
        List<SupplyPoint> supply = List.of(new SupplyPoint("s", 76, 39));
        assertThatThrownBy(() -> DistanceCoverage.covered(List.of(new DemandPoint("x", 76, 91, 1)), supply, 10))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DistanceCoverage.covered(List.of(new DemandPoint("x", Double.NaN, 9, 1)), supply, 10))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DistanceCoverage.covered(List.of(new DemandPoint("x", 76, 9, 1)), supply, Double.NaN))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
