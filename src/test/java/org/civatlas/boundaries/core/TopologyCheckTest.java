package org.civatlas.boundaries.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.civatlas.boundaries.core.DemoUnits.unit;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Point;

class TopologyCheckTest {

    private static final double GAP_WIDTH = 1e-4;

    private static List<Problem> ofKind(List<Problem> problems, String kind) {
        return problems.stream().filter(p -> p.kind().equals(kind)).toList();
    }

    /** Invalid polygons as found by IsValidOp (not the CoverageValidator linework). */
    private static List<Problem> invalidRings(List<Problem> problems) {
        return ofKind(problems, Problem.INVALID).stream()
                .filter(p -> !p.detail().startsWith(TopologyCheck.COVERAGE_DETAIL)).toList();
    }

    @Nested
    class Synthetic {

        private final Unit a = unit("A", "POLYGON ((0 0, 1 0, 1 1, 0 1, 0 0))");
        private final Unit b = unit("B", "POLYGON ((1 0, 2 0, 2 1, 1 1, 1 0))");
        private final Unit parent = unit("P", "POLYGON ((0 0, 2 0, 2 1, 0 1, 0 0))");

        @Test
        void aCleanPartitionHasNoProblems() {
            assertThat(TopologyCheck.check(List.of(a, b), parent, GAP_WIDTH)).isEmpty();
            assertThat(TopologyCheck.check(List.of(a, b), null, GAP_WIDTH)).isEmpty();
        }

        @Test
        void overlap() {
            Unit b2 = unit("B", "POLYGON ((0.9 0, 2 0, 2 1, 0.9 1, 0.9 0))");
            List<Problem> problems = TopologyCheck.check(List.of(a, b2), null, GAP_WIDTH);
            List<Problem> overlaps = ofKind(problems, Problem.OVERLAP);
            assertThat(overlaps).hasSize(1);
            assertThat(overlaps.get(0).units()).containsExactly("A", "B");
            assertThat(overlaps.get(0).location().getArea()).isCloseTo(0.1, within(1e-12));
            // the coverage validator marks the misaligned edges of both
            assertThat(ofKind(problems, Problem.INVALID)).extracting(p -> p.units().get(0))
                    .containsExactlyInAnyOrder("A", "B");
            assertThat(invalidRings(problems)).isEmpty();
        }

        @Test
        void narrowGapBetweenSiblingsAndGapInsideTheParent() {
            // a 0.00005° wide notch between A and B (narrower than the gap width; CoverageGapFinder ignores gaps that
            // separate the coverage completely, so it is closed at both ends, and it needs a noded coverage), and a
            // wide hole at the parent's corner
            Unit b2 = unit("B", "POLYGON ((1 0, 2 0, 2 0.5, 1.5 0.5, 1.5 1, 1 1, 1 0.6, 1.00005 0.6, 1.00005 0.4, "
                    + "1 0.4, 1 0))");
            Unit a2 = unit("A", "POLYGON ((0 0, 1 0, 1 0.4, 1 0.6, 1 1, 0 1, 0 0))");
            List<Problem> problems = TopologyCheck.check(List.of(a2, b2), parent, GAP_WIDTH);
            List<Problem> gaps = ofKind(problems, Problem.GAP);
            assertThat(gaps).hasSize(2);
            Problem narrow = gaps.stream().filter(p -> p.detail().contains("CoverageGapFinder")).findFirst()
                    .orElseThrow();
            assertThat(narrow.units()).containsExactly("A", "B");
            Problem wide = gaps.stream().filter(p -> p.detail().contains("covered by no sibling")).findFirst()
                    .orElseThrow();
            assertThat(wide.units()).containsExactly("P", "B");
            assertThat(wide.location().getArea()).isCloseTo(0.25, within(1e-12));
            assertThat(narrow.location().getArea()).isCloseTo(0.00001, within(1e-12));
            assertThat(ofKind(problems, Problem.OVERLAP)).isEmpty();
            assertThat(ofKind(problems, Problem.OUTSIDE_PARENT)).isEmpty();
        }

        @Test
        void invalidBowTie() {
            Unit bow = unit("BOW", "POLYGON ((0 0, 1 1, 1 0, 0 1, 0 0))");
            List<Problem> problems = TopologyCheck.check(List.of(bow, b), null, GAP_WIDTH);
            List<Problem> invalid = invalidRings(problems);
            assertThat(invalid).hasSize(1);
            assertThat(invalid.get(0).units()).containsExactly("BOW");
            assertThat(invalid.get(0).detail()).isEqualTo("Self-intersection");
            Point at = (Point) invalid.get(0).location();
            assertThat(at.getX()).isCloseTo(0.5, within(1e-12));
            assertThat(at.getY()).isCloseTo(0.5, within(1e-12));
        }

        @Test
        void outsideParent() {
            Unit b2 = unit("B", "POLYGON ((1 0, 2.5 0, 2.5 1, 1 1, 1 0))");
            List<Problem> problems = TopologyCheck.check(List.of(a, b2), parent, GAP_WIDTH);
            List<Problem> outside = ofKind(problems, Problem.OUTSIDE_PARENT);
            assertThat(outside).hasSize(1);
            assertThat(outside.get(0).units()).containsExactly("B", "P");
            assertThat(outside.get(0).location().getArea()).isCloseTo(0.5, within(1e-12));
            assertThat(problems).hasSize(1);
        }

        @Test
        void missingGeometryIsInvalidAndNothingCrashes() {
            Unit empty = new Unit("E", "E", null);
            List<Problem> problems = TopologyCheck.check(List.of(a, b, empty), parent, GAP_WIDTH);
            assertThat(problems).hasSize(1);
            assertThat(problems.get(0).kind()).isEqualTo(Problem.INVALID);
            assertThat(problems.get(0).detail()).isEqualTo("no geometry");
        }
    }

    @Nested
    class DemoData {

        @Test
        void generatedTownshipsTileShuleWithoutProblems() throws Exception {
            List<Unit> townships = DemoUnits.units(DemoUnits.demo("townships"));
            Unit shule = DemoUnits.units(DemoUnits.demo("counties")).stream()
                    .filter(u -> u.code().equals("653122000000")).findFirst().orElseThrow();
            assertThat(TopologyCheck.check(townships, shule, GAP_WIDTH)).isEmpty();
        }

        /**
         * The villages tile their townships exactly. (With a gap width passed to JTS CoverageValidator, its "nearly
         * parallel" heuristic would flag a 19 m edge of village 653122102203 that meets its neighbour's edge at about
         * 30°: that is why TopologyCheck gives the gap width to CoverageGapFinder only.)
         */
        @Test
        void generatedVillagesTileTheirTownshipsWithoutProblems() throws Exception {
            List<DemoUnits.Feature> villages = DemoUnits.demo("villages");
            List<Unit> townships = DemoUnits.units(DemoUnits.demo("townships"));
            Map<String, List<Unit>> byTownship = villages.stream().collect(Collectors.groupingBy(
                    DemoUnits.Feature::parentCode, Collectors.mapping(DemoUnits.Feature::unit, Collectors.toList())));
            assertThat(byTownship.keySet()).hasSize(16);
            for (Unit township : townships) {
                assertThat(TopologyCheck.check(byTownship.get(township.code()), township, GAP_WIDTH))
                        .as(township.code()).isEmpty();
            }
            Unit shule = DemoUnits.units(DemoUnits.demo("counties")).stream()
                    .filter(u -> u.code().equals("653122000000")).findFirst().orElseThrow();
            assertThat(TopologyCheck.check(DemoUnits.units(villages), shule, GAP_WIDTH)).isEmpty();
        }

        /**
         * The counties file flags four polygons invalid (geometryValid=false). JTS finds three of them in the
         * converted WGS 84 polygons; 麦盖提县 (653127)'s defect, a collinear spike in the source GCJ-02 ring, is no longer
         * a detectable self-intersection after the per-vertex conversion (its vertices are no longer exactly
         * collinear), so IsValidOp accepts it. The test pins both facts.
         */
        @Test
        void kashgarCountiesThreeOfTheFourFlaggedPolygonsAreInvalidByJtsMaigaitiIsNotAfterConversion()
                throws Exception {
            List<DemoUnits.Feature> counties = DemoUnits.demo("counties");
            Set<String> flagged = counties.stream().filter(f -> !f.geometryValid()).map(f -> f.unit().code())
                    .collect(Collectors.toCollection(TreeSet::new));
            assertThat(flagged).containsExactly("653101000000", "653126000000", "653127000000", "653130000000");
            List<Problem> problems = TopologyCheck.check(DemoUnits.units(counties), null, 2.0 / 1024);
            for (Problem p : problems) {
                System.out.printf("  %s %s %s: %s%n", p.kind(), p.units(),
                        p.location() == null ? "-" : p.location().getGeometryType(), p.detail());
            }
            List<Problem> invalid = invalidRings(problems);
            Set<String> found = invalid.stream().map(p -> p.units().get(0))
                    .collect(Collectors.toCollection(TreeSet::new));
            assertThat(found).containsExactly("653101000000", "653126000000", "653130000000");
            assertThat(invalid).allSatisfy(p -> assertThat(p.detail()).isEqualTo("Ring Self-intersection"));
            // the error points are those the file records (rounded to 1e-7°)
            for (Problem p : invalid) {
                DemoUnits.Feature f = counties.stream().filter(c -> c.unit().code().equals(p.units().get(0)))
                        .findFirst().orElseThrow();
                Point at = (Point) p.location();
                java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\(([-0-9.]+), ([-0-9.]+)\\)")
                        .matcher(f.invalidReason());
                assertThat(m.find()).isTrue();
                assertThat(at.getX()).isCloseTo(Double.parseDouble(m.group(1)), within(1e-7));
                assertThat(at.getY()).isCloseTo(Double.parseDouble(m.group(2)), within(1e-7));
            }
            assertThat(flagged).contains("653127000000");
            assertThat(found).doesNotContain("653127000000");
        }
    }
}
