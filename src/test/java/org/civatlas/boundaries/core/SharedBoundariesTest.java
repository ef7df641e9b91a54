package org.civatlas.boundaries.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.civatlas.boundaries.core.DemoUnits.unit;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import net.sf.geographiclib.Geodesic;
import org.civatlas.spatial.Geometries;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;

class SharedBoundariesTest {

    /** Geodesic length of one degree of meridian from the equator (lat 0 → 1). */
    private static final double MERIDIAN_DEGREE = Geodesic.WGS84.Inverse(0, 1, 1, 1).s12;

    private static final double TOL = 2.0 / 1024;

    private static Map<String, BoundaryLine> byId(Adjacency adj) {
        return adj.lines().stream().collect(Collectors.toMap(BoundaryLine::id, l -> l, (a, b) -> a, TreeMap::new));
    }

    @Nested
    class Synthetic {

        @Test
        void twoSquaresSharingAnEdgeGiveOneLineOfTheRightLength() {
            Adjacency adj = SharedBoundaries.derive(List.of(
                    unit("B", "POLYGON ((1 0, 2 0, 2 1, 1 1, 1 0))"),
                    unit("A", "POLYGON ((0 0, 1 0, 1 1, 0 1, 0 0))")), 0);
            assertThat(adj.lines()).hasSize(1);
            BoundaryLine l = adj.lines().get(0);
            assertThat(l.id()).isEqualTo("A-B");
            assertThat(l.codeA()).isEqualTo("A");
            assertThat(l.geometry().getNumGeometries()).isEqualTo(1);
            assertThat(l.geometry().getLength()).isEqualTo(1.0);
            assertThat(l.lengthMetres()).isCloseTo(MERIDIAN_DEGREE, within(1e-6));
            assertThat(adj.overlaps()).isEmpty();
        }

        @Test
        void threeUnitsMeetingAtAPoint() {
            // A and B below, C above both; C's bottom edge has a vertex at the triple point (1 1)
            Adjacency adj = SharedBoundaries.derive(List.of(
                    unit("A", "POLYGON ((0 0, 1 0, 1 1, 0 1, 0 0))"),
                    unit("B", "POLYGON ((1 0, 2 0, 2 1, 1 1, 1 0))"),
                    unit("C", "POLYGON ((0 1, 1 1, 2 1, 2 2, 0 2, 0 1))")), 0);
            Map<String, BoundaryLine> lines = byId(adj);
            assertThat(lines).containsOnlyKeys("A-B", "A-C", "B-C");
            assertThat(lines.get("A-B").geometry().getLength()).isEqualTo(1.0);
            assertThat(lines.get("A-C").geometry().getLength()).isEqualTo(1.0);
            assertThat(lines.get("B-C").geometry().getLength()).isEqualTo(1.0);
            assertThat(lines.get("A-C").lengthMetres())
                    .isCloseTo(Geodesic.WGS84.Inverse(1, 0, 1, 1).s12, within(1e-6));
            assertThat(adj.overlaps()).isEmpty();
        }

        @Test
        void threeUnitsMeetingAtAPointWithoutACommonVertexNeedTheTolerance() {
            // C's bottom edge runs straight from (0 1) to (2 1): a T-junction, no exactly shared segment with A or B
            List<Unit> units = List.of(
                    unit("A", "POLYGON ((0 0, 1 0, 1 1, 0 1, 0 0))"),
                    unit("B", "POLYGON ((1 0, 2 0, 2 1, 1 1, 1 0))"),
                    unit("C", "POLYGON ((0 1, 2 1, 2 2, 0 2, 0 1))"));
            assertThat(byId(SharedBoundaries.derive(units, 0))).containsOnlyKeys("A-B");
            Map<String, BoundaryLine> lines = byId(SharedBoundaries.derive(units, 1e-9));
            assertThat(lines).containsOnlyKeys("A-B", "A-C", "B-C");
            assertThat(lines.get("A-C").geometry().getLength()).isCloseTo(1.0, within(1e-8));
            assertThat(lines.get("B-C").geometry().getLength()).isCloseTo(1.0, within(1e-8));
        }

        @Test
        void fourUnitsAroundAPointDiagonalNeighboursShareNoLine() {
            Adjacency adj = SharedBoundaries.derive(List.of(
                    unit("A", "POLYGON ((0 0, 1 0, 1 1, 0 1, 0 0))"),
                    unit("B", "POLYGON ((1 0, 2 0, 2 1, 1 1, 1 0))"),
                    unit("C", "POLYGON ((1 1, 2 1, 2 2, 1 2, 1 1))"),
                    unit("D", "POLYGON ((0 1, 1 1, 1 2, 0 2, 0 1))")), TOL);
            assertThat(byId(adj)).containsOnlyKeys("A-B", "A-D", "B-C", "C-D");
        }

        @Test
        void aUnitInAHoleOfAnother() {
            Adjacency adj = SharedBoundaries.derive(List.of(
                    unit("OUT", "POLYGON ((0 0, 10 0, 10 10, 0 10, 0 0), (4 4, 4 6, 6 6, 6 4, 4 4))"),
                    unit("IN", "POLYGON ((4 4, 6 4, 6 6, 4 6, 4 4))")), TOL);
            assertThat(adj.lines()).hasSize(1);
            BoundaryLine l = adj.lines().get(0);
            assertThat(l.id()).isEqualTo("IN-OUT");
            assertThat(l.geometry().getNumGeometries()).isEqualTo(1);
            assertThat(l.geometry().isClosed()).isTrue();
            assertThat(l.geometry().getLength()).isEqualTo(8.0);
            assertThat(l.lengthMetres()).isCloseTo(
                    Geodesics.length(unit("x", "LINESTRING (4 4, 6 4, 6 6, 4 6, 4 4)").geometry()), within(1e-6));
            assertThat(adj.overlaps()).isEmpty();
        }

        @Test
        void aUnitOnTopOfAnotherSharingAnEdgeIsAnOverlap() {
            // same edge, same side: exact segments, but the areas overlap
            Adjacency adj = SharedBoundaries.derive(List.of(
                    unit("BIG", "POLYGON ((0 0, 2 0, 2 2, 0 2, 0 0))"),
                    unit("SMALL", "POLYGON ((0 0, 2 0, 2 1, 0 1, 0 0))")), 0);
            assertThat(byId(adj)).containsOnlyKeys("BIG-SMALL");
            assertThat(adj.overlaps()).hasSize(1);
            assertThat(adj.overlaps().get(0).area().getArea()).isCloseTo(2.0, within(1e-12));
        }

        @Test
        void aMultipolygonSharesTwoPiecesWithTheUnitBetweenItsParts() {
            Adjacency adj = SharedBoundaries.derive(List.of(
                    unit("M", "MULTIPOLYGON (((0 0, 1 0, 1 1, 0 1, 0 0)), ((3 0, 4 0, 4 1, 3 1, 3 0)))"),
                    unit("B", "POLYGON ((1 0, 3 0, 3 1, 1 1, 1 0))")), TOL);
            assertThat(adj.lines()).hasSize(1);
            BoundaryLine l = adj.lines().get(0);
            assertThat(l.id()).isEqualTo("B-M");
            assertThat(l.geometry().getNumGeometries()).isEqualTo(2);
            assertThat(l.lengthMetres()).isCloseTo(2 * MERIDIAN_DEGREE, within(1e-6));
            assertThat(adj.overlaps()).isEmpty();
        }

        @Test
        void anInvalidBowTieDoesNotCrashAndStillSharesItsEdge() {
            Unit bowTie = unit("BOW", "POLYGON ((0 0, 1 1, 1 0, 0 1, 0 0))");
            assertThat(bowTie.geometry().isValid()).isFalse();
            String before = bowTie.geometry().toText();
            Adjacency adj = SharedBoundaries.derive(List.of(bowTie,
                    unit("SQ", "POLYGON ((1 0, 2 0, 2 1, 1 1, 1 0))")), TOL);
            assertThat(byId(adj)).containsOnlyKeys("BOW-SQ");
            assertThat(adj.lines().get(0).geometry().getLength()).isCloseTo(1.0, within(1e-12));
            assertThat(adj.overlaps()).isEmpty();
            assertThat(bowTie.geometry().toText()).isEqualTo(before); // input untouched
        }

        @Test
        void slightlyOverlappingNeighboursGiveALineAndAnOverlap() {
            // B reaches 0.001° into A
            Adjacency adj = SharedBoundaries.derive(List.of(
                    unit("A", "POLYGON ((0 0, 1 0, 1 1, 0 1, 0 0))"),
                    unit("B", "POLYGON ((0.999 0, 2 0, 2 1, 0.999 1, 0.999 0))")), TOL);
            assertThat(byId(adj)).containsOnlyKeys("A-B");
            BoundaryLine l = adj.lines().get(0);
            // A's edge x = 1, plus where A's top and bottom edges are within the tolerance of B's boundary
            assertThat(l.geometry().getLength()).isBetween(1.0, 1.0 + 2 * 0.001 + 1e-9);
            assertThat(l.lengthMetres()).isCloseTo(MERIDIAN_DEGREE, within(0.01 * MERIDIAN_DEGREE));
            assertThat(adj.overlaps()).hasSize(1);
            Overlap o = adj.overlaps().get(0);
            assertThat(o.codeA()).isEqualTo("A");
            assertThat(o.area().getArea()).isCloseTo(0.001, within(1e-12));
            double strip = Geodesics.area(DemoUnits.wkt("POLYGON ((0.999 0, 1 0, 1 1, 0.999 1, 0.999 0))"));
            assertThat(o.areaSquareMetres()).isCloseTo(strip, within(1e-6 * strip));
            assertThat(strip).isCloseTo(1.23e7, within(0.01e7));
        }

        @Test
        void neighboursWithANarrowGapShareALineButDoNotOverlap() {
            Adjacency adj = SharedBoundaries.derive(List.of(
                    unit("A", "POLYGON ((0 0, 1 0, 1 1, 0 1, 0 0))"),
                    unit("B", "POLYGON ((1.001 0, 2 0, 2 1, 1.001 1, 1.001 0))")), TOL);
            assertThat(byId(adj)).containsOnlyKeys("A-B");
            assertThat(adj.lines().get(0).geometry().getLength()).isBetween(1.0, 1.0 + 2 * TOL);
            assertThat(adj.overlaps()).isEmpty();
        }

        @Test
        void unitsThatDoNotTouchGiveNothing() {
            Adjacency adj = SharedBoundaries.derive(List.of(
                    unit("A", "POLYGON ((0 0, 1 0, 1 1, 0 1, 0 0))"),
                    unit("B", "POLYGON ((1.5 0, 2 0, 2 1, 1.5 1, 1.5 0))"),
                    unit("C", "POLYGON ((0 3, 1 3, 1 4, 0 4, 0 3))")), TOL);
            assertThat(adj.lines()).isEmpty();
            assertThat(adj.overlaps()).isEmpty();
            assertThat(SharedBoundaries.derive(List.of(), TOL).lines()).isEmpty();
        }

        @Test
        void capsuleIntervalIsTheExactPartWithinTheDistance() {
            // segment (0,0)-(10,0) against segment (2,1)-(5,1) at distance 1.5: x in [2 - sqrt(1.25), 5 + sqrt(1.25)]
            double[] iv = SharedBoundaries.capsuleInterval(0, 0, 10, 0, 2, 1, 5, 1, 1.5);
            assertThat(iv[0]).isCloseTo((2 - Math.sqrt(1.25)) / 10, within(1e-12));
            assertThat(iv[1]).isCloseTo((5 + Math.sqrt(1.25)) / 10, within(1e-12));
            assertThat(SharedBoundaries.capsuleInterval(0, 0, 10, 0, 2, 1, 5, 1, 0.9)).isNull();
            // crossing segment: only the part near the crossing point
            iv = SharedBoundaries.capsuleInterval(0, 0, 10, 0, 5, -5, 5, 5, 1);
            assertThat(iv).containsExactly(0.4, 0.6);
        }
    }

    @Nested
    class DemoData {

        @Test
        void kashgarCountiesShuleHasExactlyFiveNeighbours() throws Exception {
            List<Unit> counties = DemoUnits.units(DemoUnits.demo("counties"));
            Map<String, String> names = counties.stream().collect(Collectors.toMap(Unit::code, Unit::name));
            Adjacency adj = SharedBoundaries.derive(counties, TOL);
            String shule = "653122000000";
            Map<String, Double> neighbours = new TreeMap<>();
            for (BoundaryLine l : adj.lines()) {
                if (l.codeA().equals(shule) || l.codeB().equals(shule)) {
                    neighbours.put(l.codeA().equals(shule) ? l.codeB() : l.codeA(), l.lengthMetres());
                }
            }
            System.out.println("Kashgar: " + adj.lines().size() + " lines, " + adj.overlaps().size() + " overlaps");
            for (BoundaryLine l : adj.lines()) {
                System.out.printf("  %s %s-%s: %.1f km in %d part(s)%n", l.id(), names.get(l.codeA()),
                        names.get(l.codeB()), l.lengthMetres() / 1000, l.geometry().getNumGeometries());
            }
            for (Overlap o : adj.overlaps()) {
                System.out.printf("  overlap %s %s-%s: %.3f km²%n", o.codeA() + "-" + o.codeB(), names.get(o.codeA()),
                        names.get(o.codeB()), o.areaSquareMetres() / 1e6);
            }
            assertThat(neighbours).containsOnlyKeys("653101000000", "653121000000", "653123000000",
                    "653128000000", "653129000000");
            // plausible: each line between 10 and 200 km; Shule's outline is about 400 km around
            assertThat(neighbours.values()).allSatisfy(m -> assertThat(m).isBetween(10_000.0, 200_000.0));
            Unit shuleUnit = counties.stream().filter(u -> u.code().equals(shule)).findFirst().orElseThrow();
            double perimeter = Geodesics.length(shuleUnit.geometry());
            double sum = neighbours.values().stream().mapToDouble(Double::doubleValue).sum();
            System.out.printf("Shule: perimeter %.1f km, shared with its 5 neighbours %.1f km%n", perimeter / 1000,
                    sum / 1000);
            // Shule also borders Akto (阿克陶县, Kizilsu prefecture), which is not in this file: less than the perimeter
            assertThat(sum).isBetween(0.5 * perimeter, perimeter);
        }

        @Test
        void generatedTownshipsShareExactLinesAndDoNotOverlap() throws Exception {
            List<Unit> townships = DemoUnits.units(DemoUnits.demo("townships"));
            assertThat(townships).hasSize(16);
            Adjacency exact = SharedBoundaries.derive(townships, 0);
            Adjacency tolerant = SharedBoundaries.derive(townships, 1e-6);
            assertThat(exact.overlaps()).isEmpty();
            assertThat(tolerant.overlaps()).isEmpty();
            assertThat(exact.lines()).isNotEmpty();
            // the tolerance changes nothing on a true coverage
            assertThat(tolerant.lines()).extracting(BoundaryLine::id)
                    .containsExactlyElementsOf(exact.lines().stream().map(BoundaryLine::id).toList());
            for (int i = 0; i < exact.lines().size(); i++) {
                assertThat(tolerant.lines().get(i).geometry().equalsExact(exact.lines().get(i).geometry())).isTrue();
            }
            // every township has a neighbour
            assertThat(townships).allSatisfy(t -> assertThat(exact.lines())
                    .anyMatch(l -> l.codeA().equals(t.code()) || l.codeB().equals(t.code())));
            // linework balance: the perimeters = twice the shared lines + the outline of the union
            double perimeters = townships.stream().mapToDouble(t -> Geodesics.length(t.geometry())).sum();
            double shared = exact.lines().stream().mapToDouble(BoundaryLine::lengthMetres).sum();
            Geometry union = OverlayNGRobust.union(Geometries.WGS84.buildGeometry(
                    townships.stream().map(Unit::geometry).toList()));
            double outline = Geodesics.length(union);
            System.out.printf("townships: %d lines, shared %.3f km, outline %.3f km, perimeters %.3f km%n",
                    exact.lines().size(), shared / 1000, outline / 1000, perimeters / 1000);
            assertThat(2 * shared + outline).isCloseTo(perimeters, within(1e-6 * perimeters));
        }
    }
}
