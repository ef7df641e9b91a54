package org.civatlas.demodata;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.civatlas.spatial.ChinaOffsetDatums;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.coverage.CoverageGapFinder;
import org.locationtech.jts.coverage.CoverageUnion;
import org.locationtech.jts.coverage.CoverageValidator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryCollection;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.util.AffineTransformation;
import org.locationtech.jts.geom.util.GeometryFixer;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.geojson.GeoJsonReader;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class DemoDatasetGeneratorTest {

    private static final List<String> FILES = List.of("counties.geojson", "townships.geojson", "villages.geojson",
            "facilities.geojson");
    /** Holes in a coverage union narrower than this (degrees, ~1 km) are reported as gaps. */
    private static final double GAP_WIDTH = 1e-2;
    private static final double AREA_TOLERANCE = 1e-9;

    private static Path root;
    private static Collection counties;
    private static Collection townships;
    private static Collection villages;

    record Collection(JsonNode metadata, List<JsonNode> properties, List<Geometry> geometries) {
        int size() {
            return geometries.size();
        }

        Geometry byCode(String code) {
            for (int i = 0; i < size(); i++) {
                if (properties.get(i).get("code").asString().equals(code)) {
                    return geometries.get(i);
                }
            }
            throw new AssertionError("No feature " + code);
        }
    }

    @BeforeAll
    static void load() throws Exception {
        String env = System.getenv("CIVATLAS_REPO_ROOT");
        root = env != null && !env.isBlank() ? Path.of(env) : Path.of("").toAbsolutePath();
        counties = read(root.resolve("gis-data/demo/counties.geojson"));
        townships = read(root.resolve("gis-data/demo/townships.geojson"));
        villages = read(root.resolve("gis-data/demo/villages.geojson"));
    }

    static Collection read(Path file) throws IOException, ParseException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        JsonNode json = JsonMapper.builder().build().readTree(text);
        GeometryCollection fc = (GeometryCollection) new GeoJsonReader().read(text);
        List<JsonNode> props = new ArrayList<>();
        List<Geometry> geoms = new ArrayList<>();
        for (int i = 0; i < fc.getNumGeometries(); i++) {
            props.add(json.get("features").get(i).get("properties"));
            geoms.add(fc.getGeometryN(i));
        }
        return new Collection(json.get("metadata"), props, geoms);
    }

    // ------------------------------------------------------------------ (a) determinism

    @Test
    void regeneratingGivesByteIdenticalFiles(@TempDir Path out) throws IOException {
        DemoDatasetGenerator.generate(root.resolve("gis-data/source"), out, DemoDatasetGenerator.DEFAULT_COUNTY,
                DemoDatasetGenerator.DEFAULT_SEED);
        for (String name : FILES) {
            byte[] committed = Files.readAllBytes(root.resolve("gis-data/demo").resolve(name));
            byte[] regenerated = Files.readAllBytes(out.resolve(name));
            assertThat(regenerated).as(name).isEqualTo(committed);
        }
    }

    // ------------------------------------------------------------------ (b) content

    @Test
    void countiesAreTheTwelveSourcePolygonsConvertedAndInvalidOnesFlagged() throws Exception {
        Collection source = read(root.resolve("gis-data/source/kashgar-counties.geojson"));
        assertThat(counties.size()).isEqualTo(12).isEqualTo(source.size());
        Set<String> invalidInSource = new LinkedHashSet<>();
        Map<String, Geometry> sourceByCode = new LinkedHashMap<>();
        for (int i = 0; i < source.size(); i++) {
            String adcode = source.properties().get(i).get("adcode").asString();
            sourceByCode.put(adcode, source.geometries().get(i));
            if (!source.geometries().get(i).isValid()) {
                invalidInSource.add(adcode);
            }
        }
        assertThat(invalidInSource).hasSize(4);

        Set<String> flagged = new LinkedHashSet<>();
        for (int i = 0; i < counties.size(); i++) {
            JsonNode p = counties.properties().get(i);
            Geometry g = counties.geometries().get(i);
            String gb = p.get("gbCode").asString();
            assertThat(p.get("code").asString()).isEqualTo(gb + "000000");
            assertThat(p.get("level").asString()).isEqualTo("COUNTY");
            assertThat(p.get("geometrySynthetic").asBoolean()).isFalse();
            assertThat(g).isInstanceOf(MultiPolygon.class);
            if (p.get("geometryValid").asBoolean()) {
                assertThat(p.get("geometryInvalidReason").isNull()).isTrue();
                assertThat(g.isValid()).as(gb).isTrue();
            } else {
                flagged.add(gb);
                assertThat(p.get("geometryInvalidReason").asString()).isNotBlank();
                // either the written polygon is invalid, or the reason explains that only the source one is
                assertThat(!g.isValid() || p.get("geometryInvalidReason").asString().contains("source")).isTrue();
            }
            // kept as they are: same vertices, each converted GCJ-02 -> WGS 84 (and rounded to 1e-7)
            Coordinate[] src = sourceByCode.get(gb).getCoordinates();
            Coordinate[] out = g.getCoordinates();
            assertThat(out).hasSameSizeAs(src);
            for (int k = 0; k < src.length; k++) {
                double[] expected = ChinaOffsetDatums.gcj02ToWgs84(src[k].x, src[k].y);
                assertThat(Math.abs(out[k].x - expected[0])).isLessThanOrEqualTo(0.5e-7 + 1e-12);
                assertThat(Math.abs(out[k].y - expected[1])).isLessThanOrEqualTo(0.5e-7 + 1e-12);
            }
        }
        assertThat(flagged).isEqualTo(invalidInSource);
    }

    @Test
    void namesAndCodesAreThoseOfTheCsvs() throws IOException {
        String county = DemoDatasetGenerator.DEFAULT_COUNTY;
        List<String[]> tRows = csv(root.resolve("gis-data/source/townships.csv"));
        List<String[]> vRows = csv(root.resolve("gis-data/source/villages.csv"));
        assertThat(townships.size()).isEqualTo(16).isEqualTo(tRows.size());
        assertThat(villages.size()).isEqualTo(251).isEqualTo(vRows.size());
        for (int i = 0; i < tRows.size(); i++) {
            JsonNode p = townships.properties().get(i);
            assertThat(p.get("code").asString()).isEqualTo(tRows.get(i)[0] + "000");
            assertThat(p.get("name").asString()).isEqualTo(tRows.get(i)[1]);
            assertThat(p.get("parentCode").asString()).isEqualTo(county + "000000");
            assertThat(p.get("level").asString()).isEqualTo("TOWNSHIP");
            assertThat(p.get("geometrySynthetic").asBoolean()).isTrue();
            assertThat(p.get("populationSynthetic").asBoolean()).isTrue();
        }
        for (int i = 0; i < vRows.size(); i++) {
            JsonNode p = villages.properties().get(i);
            assertThat(p.get("code").asString()).isEqualTo(vRows.get(i)[0]);
            assertThat(p.get("name").asString()).isEqualTo(vRows.get(i)[1]);
            assertThat(p.get("parentCode").asString()).isEqualTo(vRows.get(i)[2] + "000");
            assertThat(p.get("level").asString()).isEqualTo("VILLAGE");
            long pop = p.get("population").asLong();
            if (Integer.parseInt(vRows.get(i)[0].substring(9)) < 200) {
                assertThat(pop).isBetween(2000L, 8000L);
            } else {
                assertThat(pop).isBetween(800L, 4000L);
            }
        }
        for (int i = 0; i < townships.size(); i++) {
            String code = townships.properties().get(i).get("code").asString();
            long sum = 0;
            for (JsonNode v : villages.properties()) {
                if (v.get("parentCode").asString().equals(code)) {
                    sum += v.get("population").asLong();
                }
            }
            assertThat(townships.properties().get(i).get("population").asLong()).isEqualTo(sum);
        }
        assertThat(townships.metadata().get("seed").asLong()).isEqualTo(DemoDatasetGenerator.DEFAULT_SEED);
        assertThat(villages.metadata().get("synthetic").toString()).contains("geometry", "population");
    }

    @Test
    void townshipsTileTheCountyExactly() {
        Geometry county = partitionOutline();
        assertThat(coverageProblems(county, townships.geometries())).isEmpty();
    }

    @Test
    void villagesTileTheirTownshipExactlyAndLieInside() {
        for (int i = 0; i < townships.size(); i++) {
            String code = townships.properties().get(i).get("code").asString();
            Geometry township = townships.geometries().get(i);
            List<Geometry> children = villagesOf(code);
            assertThat(children).as(code).isNotEmpty();
            assertThat(coverageProblems(township, children)).as(code).isEmpty();
            for (Geometry v : children) {
                assertThat(township.covers(v)).as("village of " + code + " covered by its township").isTrue();
            }
        }
    }

    @Test
    void everyGeneratedPolygonIsValidNonEmptyOnTheGridAndNotASliver() {
        List<Geometry> all = new ArrayList<>(townships.geometries());
        all.addAll(villages.geometries());
        for (Geometry g : all) {
            assertThat(g).isInstanceOf(MultiPolygon.class);
            assertThat(g.isEmpty()).isFalse();
            assertThat(g.isValid()).isTrue();
            for (Coordinate c : g.getCoordinates()) {
                assertThat(Math.round(c.x * 1e7) / 1e7).isEqualTo(c.x);
                assertThat(Math.round(c.y * 1e7) / 1e7).isEqualTo(c.y);
            }
            double areaKm2 = VoronoiPartition.areaKm2(g);
            assertThat(areaKm2).isGreaterThan(0.2);
            // isoperimetric quotient in a local metric: 1 for a disc, ~0.6 for a long 1:5 rectangle
            double lat = g.getEnvelopeInternal().centre().y;
            Geometry metric = AffineTransformation.scaleInstance(VoronoiPartition.kmPerDegLon(lat),
                    VoronoiPartition.kmPerDegLat()).transform(g);
            double compactness = 4 * Math.PI * metric.getArea() / (metric.getLength() * metric.getLength());
            assertThat(compactness).isGreaterThan(0.15);
        }
    }

    // ------------------------------------------------------------------ the checks must detect defects

    @Test
    void coverageCheckDetectsAGapAndAnOverlap() {
        String code = townships.properties().get(1).get("code").asString();
        Geometry township = townships.geometries().get(1);
        List<Geometry> children = villagesOf(code);
        assertThat(coverageProblems(township, children)).isEmpty();
        // gap: one interior village shrinks by ~1 m
        List<Geometry> withGap = new ArrayList<>(children);
        int interior = interiorChild(township, children);
        withGap.set(interior, children.get(interior).buffer(-1e-5));
        assertThat(coverageProblems(township, withGap)).isNotEmpty();
        // overlap: one village grows by ~1 m
        List<Geometry> withOverlap = new ArrayList<>(children);
        withOverlap.set(interior, children.get(interior).buffer(1e-5).intersection(township));
        assertThat(coverageProblems(township, withOverlap)).isNotEmpty();
        // a tiny shift of one shared vertex (1e-7°)
        List<Geometry> shifted = new ArrayList<>(children);
        Geometry moved = children.get(interior).copy();
        Coordinate c = moved.getCoordinates()[0];
        c.x += 1e-7;
        moved.geometryChanged();
        shifted.set(interior, moved);
        assertThat(coverageProblems(township, shifted)).isNotEmpty();
    }

    // ------------------------------------------------------------------ helpers

    /** Problems of the cells as an exact partition of the parent; empty if they tile it exactly. */
    static List<String> coverageProblems(Geometry parent, List<Geometry> cells) {
        List<String> problems = new ArrayList<>();
        Geometry[] array = cells.toArray(new Geometry[0]);
        for (int i = 0; i < array.length; i++) {
            if (!array[i].isValid() || array[i].isEmpty()) {
                problems.add("invalid or empty cell " + i);
            }
        }
        Geometry[] invalid = CoverageValidator.validate(array);
        for (int i = 0; i < invalid.length; i++) {
            if (invalid[i] != null) {
                problems.add("cell " + i + " has invalid coverage edges " + invalid[i]);
            }
        }
        try {
            Geometry gaps = CoverageGapFinder.findGaps(array, GAP_WIDTH);
            if (!gaps.isEmpty()) {
                problems.add("gaps " + gaps);
            }
        } catch (RuntimeException e) {
            problems.add("gap finder failed (not a coverage): " + e.getMessage());
        }
        double sum = 0;
        for (Geometry g : array) {
            sum += g.getArea();
        }
        double area = parent.getArea();
        try {
            Geometry union = CoverageUnion.union(array);
            if (Math.abs(union.getArea() - area) > AREA_TOLERANCE * area) {
                problems.add("union area " + union.getArea() + " != parent area " + area);
            }
        } catch (RuntimeException e) {
            problems.add("coverage union failed: " + e.getMessage());
        }
        if (Math.abs(sum - area) > AREA_TOLERANCE * area) {
            problems.add("sum of areas " + sum + " != parent area " + area + " (overlap or gap)");
        }
        return problems;
    }

    /** The county outline the partition is based on: the converted polygon, repaired if flagged invalid. */
    private static Geometry partitionOutline() {
        Geometry county = counties.byCode(DemoDatasetGenerator.DEFAULT_COUNTY + "000000");
        for (int i = 0; i < counties.size(); i++) {
            JsonNode p = counties.properties().get(i);
            if (p.get("gbCode").asString().equals(DemoDatasetGenerator.DEFAULT_COUNTY)
                    && !p.get("geometryValid").asBoolean()) {
                return GeometryFixer.fix(county);
            }
        }
        return county;
    }

    private static List<Geometry> villagesOf(String townshipCode) {
        List<Geometry> out = new ArrayList<>();
        for (int i = 0; i < villages.size(); i++) {
            if (villages.properties().get(i).get("parentCode").asString().equals(townshipCode)) {
                out.add(villages.geometries().get(i));
            }
        }
        return out;
    }

    private static int interiorChild(Geometry parent, List<Geometry> children) {
        Geometry boundary = parent.getBoundary();
        for (int i = 0; i < children.size(); i++) {
            if (!children.get(i).intersects(boundary)) {
                return i;
            }
        }
        throw new AssertionError("no interior child");
    }

    private static List<String[]> csv(Path file) throws IOException {
        List<String[]> rows = new ArrayList<>();
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (String line : lines.subList(1, lines.size())) {
            if (!line.isBlank()) {
                rows.add(line.replace("\"", "").split(","));
            }
        }
        rows.sort((a, b) -> a[0].compareTo(b[0]));
        return rows;
    }
}
