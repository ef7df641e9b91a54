package org.civatlas.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.civatlas.divisions.DivisionLevel;
import org.civatlas.exchange.ImportPreview.ImportProblem;
import org.civatlas.exchange.crs.Crs;
import org.civatlas.exchange.formats.ReadOptions;
import org.civatlas.exchange.formats.SourceFeature;
import org.civatlas.spatial.Geometries;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.WKTReader;

/** The checks of a division layer's features, the same for preview and commit, without Spring or a database. */
class DivisionPlanTest {

    static final ImportFile FILE = new ImportFile("job-1", "townships", Path.of("t.geojson"), "t.geojson",
            ReadOptions.defaults(), Crs.WGS84);
    static final String TOWNSHIP = "653122201000";

    static Geometry square(double x) {
        return Geometries.WGS84.toGeometry(new Envelope(x, x + 0.01, 39.3, 39.31));
    }

    static Geometry bowTie() throws Exception {
        return new WKTReader(Geometries.WGS84).read("POLYGON ((76 39.3, 76.01 39.31, 76.01 39.3, 76 39.31, 76 39.3))");
    }

    static SourceFeature feature(long index, Geometry g, Object code) {
        return new SourceFeature(index, g, code == null ? Map.of() : Map.of("adcode", code));
    }

    static DivisionPlan read(List<SourceFeature> features, DivisionPlan.Invalid policy) {
        return DivisionPlan.read(features.iterator(), FILE, DivisionLevel.TOWNSHIP, new ArrayList<>(), null, policy,
                DivisionPlan.Purpose.COMMIT);
    }

    static List<IssueKind> kinds(DivisionPlan plan) {
        return plan.problems.listed().stream().map(ImportProblem::kind).toList();
    }

    @Test
    void codesAreNormalisedToTheLayersLevel() {
        assertThat(DivisionFeatures.normaliseCode("653122201", DivisionLevel.TOWNSHIP)).isEqualTo(TOWNSHIP);
        assertThat(DivisionFeatures.normaliseCode(653122201000L, DivisionLevel.TOWNSHIP)).isEqualTo(TOWNSHIP);
        assertThat(DivisionFeatures.normaliseCode("653122", DivisionLevel.COUNTY)).isEqualTo("653122000000");
        assertThat(DivisionFeatures.normaliseCode("653122", DivisionLevel.TOWNSHIP)).isNull();
        assertThat(DivisionFeatures.normaliseCode("65312x", DivisionLevel.COUNTY)).isNull();
        assertThat(DivisionFeatures.codeField(List.of("name", "XZQDM", "adcode"))).isEqualTo("XZQDM");
        assertThat(DivisionFeatures.codeField(List.of("name"))).isNull();
    }

    @Test
    void aCleanFileBecomesOneRecordPerFeatureWithItsProvenance() {
        DivisionPlan plan = read(List.of(feature(0, square(76), TOWNSHIP), feature(1, square(76.1), "653122202")),
                DivisionPlan.Invalid.REJECT);
        assertThat(plan.problems.isEmpty()).isTrue();
        assertThat(plan.codeField).isEqualTo("adcode");
        assertThat(plan.codes).containsExactly(TOWNSHIP, "653122202000");
        assertThat(plan.records).hasSize(2);
        assertThat(plan.records.get(1).geometrySource()).isEqualTo("import job-1 (t.geojson, feature 1)");
        assertThat(plan.count).isEqualTo(2);
        assertThat(plan.extent.getMinX()).isEqualTo(76);
    }

    @Test
    void everyProblemIsListedByFeatureAndKeepsItsFeatureOutOfTheRecords() throws Exception {
        Geometry line = Geometries.WGS84.createLineString(new Coordinate[] {new Coordinate(76, 39.3),
                new Coordinate(76.1, 39.4)});
        DivisionPlan plan = read(List.of(
                new SourceFeature(0, null, Map.of("adcode", TOWNSHIP), "NaN coordinate"),
                feature(1, null, TOWNSHIP),
                feature(2, square(76), "123"),
                feature(3, square(76), TOWNSHIP),
                feature(4, square(76), TOWNSHIP),
                feature(5, bowTie(), "653122203"),
                feature(6, line, "653122204")), DivisionPlan.Invalid.REJECT);
        assertThat(kinds(plan)).containsExactly(IssueKind.UNREADABLE, IssueKind.NO_GEOMETRY, IssueKind.NO_CODE,
                IssueKind.DUPLICATE_CODE, IssueKind.INVALID, IssueKind.WRONG_TYPE);
        assertThat(plan.problems.listed().stream().map(ImportProblem::index)).containsExactly(0L, 1L, 2L, 4L, 5L,
                6L);
        assertThat(plan.invalid).isEqualTo(1);
        assertThat(plan.records).extracting(r -> r.code()).containsExactly(TOWNSHIP);
        ImportProblem invalid = plan.problems.listed().get(4);
        assertThat(invalid.reason()).contains("invalid geometry");
        assertThat(invalid.lon()).isNotNull();
    }

    @Test
    void aPreviewKeepsNoRecords() {
        DivisionPlan plan = DivisionPlan.read(List.of(feature(0, square(76), TOWNSHIP)).iterator(), FILE,
                DivisionLevel.TOWNSHIP, new ArrayList<>(), null, DivisionPlan.Invalid.REJECT,
                DivisionPlan.Purpose.PREVIEW);
        assertThat(plan.records).isEmpty();
        assertThat(plan.codes).containsExactly(TOWNSHIP);
    }

    @Test
    void repairingFixesInvalidPolygonsAndSaysSoInTheirSource() throws Exception {
        DivisionPlan plan = read(List.of(feature(0, bowTie(), TOWNSHIP)), DivisionPlan.Invalid.REPAIR);
        assertThat(plan.problems.isEmpty()).isTrue();
        assertThat(plan.repaired).isEqualTo(1);
        assertThat(plan.records.get(0).geometry().isValid()).isTrue();
        assertThat(plan.records.get(0).geometrySource()).contains("repaired with JTS GeometryFixer");
    }

    @Test
    void theRefusalCountsEveryProblemAndListsTheFirst() {
        Problems problems = new Problems();
        for (int i = 0; i < 25; i++) {
            problems.add(new ImportProblem(i, IssueKind.NO_CODE, "no code " + i));
        }
        var refused = ImportRefused.problem(problems);
        assertThat(refused.status().value()).isEqualTo(422);
        assertThat(refused.getMessage()).contains("25 problems, nothing was imported", "#0: no code 0",
                "#19: no code 19", " …").doesNotContain("#20:");
    }
}
