package org.civatlas.layers.tiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.civatlas.spatial.Geometries;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.io.geojson.GeoJsonReader;

import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.MvtReader;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.TagKeyValueMapConverter;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.model.JtsLayer;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.model.JtsMvt;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

class TileSourceTest {

    private static final GeometryFactory TILE = new GeometryFactory();

    /** Two unit squares sharing the edge lon = 1°, which zig-zags by 0.001° every 0.005° (mostly simplified away at z7). */
    private static List<TileFeature> twoSquares() {
        List<Coordinate> edge = new ArrayList<>();
        for (int k = 0; k <= 200; k++) {
            edge.add(new Coordinate(1.0 + (k % 2 == 0 ? 0 : 0.001), k / 200.0));
        }
        List<Coordinate> a = new ArrayList<>(List.of(new Coordinate(0, 0)));
        a.addAll(edge);
        a.add(new Coordinate(0, 1));
        a.add(new Coordinate(0, 0));
        List<Coordinate> b = new ArrayList<>(edge);
        b.add(new Coordinate(2, 1));
        b.add(new Coordinate(2, 0));
        b.add(new Coordinate(1, 0));
        Geometry left = Geometries.WGS84.createPolygon(a.toArray(new Coordinate[0]));
        Geometry right = Geometries.WGS84.createPolygon(b.toArray(new Coordinate[0]));
        assertThat(left.isValid()).isTrue();
        assertThat(right.isValid()).isTrue();
        return List.of(new TileFeature("1", left, Map.of("name", "left", "code", "A")),
                new TileFeature("2", right, Map.of("name", "right", "code", "B")));
    }

    private static JtsLayer decode(byte[] tile, String layer) throws IOException {
        JtsMvt mvt = MvtReader.loadMvt(new ByteArrayInputStream(tile), TILE, new TagKeyValueMapConverter(false, "mvt_id"),
                MvtReader.RING_CLASSIFIER_V2_1);
        return mvt.getLayer(layer);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> props(Geometry g) {
        return (Map<String, Object>) g.getUserData();
    }

    @Test
    void adjacentSquaresKeepTheirSharedEdge() throws IOException {
        TileSource source = TileSource.build("squares", twoSquares(), 0, 10, AttributePolicy.all());
        assertThat(source.stats().polygonal()).isEqualTo(2);
        assertThat(source.stats().invalidRepaired()).isZero();
        int z = 7;
        int x = TileMath.lonToTileX(1.0, z);
        int y = TileMath.latToTileY(0.5, z);
        byte[] bytes = source.tile(z, x, y);
        JtsLayer layer = decode(bytes, "squares");
        assertThat(layer).isNotNull();
        assertThat(layer.getExtent()).isEqualTo(4096);
        Collection<Geometry> geoms = layer.getGeometries();
        assertThat(geoms).hasSize(2);
        Geometry left = geoms.stream().filter(g -> "left".equals(props(g).get("name"))).findFirst().orElseThrow();
        Geometry right = geoms.stream().filter(g -> "right".equals(props(g).get("name"))).findFirst().orElseThrow();
        assertThat(props(left)).containsEntry("id", "1").containsEntry("mvt_id", 1L);

        // the 200-vertex zig-zag is mostly simplified away at z7 (half a pixel ≈ 600 m; VW area tolerance) ...
        assertThat(left.getNumPoints()).isLessThan(40);
        // ... and both sides use the same vertices along the shared edge
        double edgeX = Math.rint((TileMath.lonToMercatorX(1.0) - TileMath.tileBoundsMercator(z, x, y).getMinX())
                * 4096 / TileMath.tileSizeMercator(z));
        Set<Coordinate> leftEdge = onLine(left, edgeX);
        Set<Coordinate> rightEdge = onLine(right, edgeX);
        assertThat(leftEdge).hasSizeGreaterThanOrEqualTo(2).isEqualTo(rightEdge);
        // no gap, no overlap
        assertThat(left.intersection(right).getArea()).isZero();
        Geometry union = left.union(right);
        assertThat(union.getNumGeometries()).isEqualTo(1);
        assertThat(union.getArea()).isEqualTo(left.getArea() + right.getArea());
    }

    @Test
    void sharedEdgeStaysSharedWhenClippedByTheTile() throws IOException {
        TileSource source = TileSource.build("squares", twoSquares(), 0, 12, AttributePolicy.all());
        // z12 tiles are ~0.088° wide: this one cuts the shared edge
        int z = 12;
        int x = TileMath.lonToTileX(1.0, z);
        int y = TileMath.latToTileY(0.5, z);
        JtsLayer layer = decode(source.tile(z, x, y), "squares");
        assertThat(layer.getGeometries()).hasSize(2);
        List<Geometry> g = new ArrayList<>(layer.getGeometries());
        assertThat(g.get(0).intersection(g.get(1)).getArea()).isZero();
        assertThat(g.get(0).union(g.get(1)).getArea()).isEqualTo(g.get(0).getArea() + g.get(1).getArea());
        assertThat(g.get(0).union(g.get(1)).getNumGeometries()).isEqualTo(1);
    }

    private static Set<Coordinate> onLine(Geometry g, double x) {
        Set<Coordinate> out = new HashSet<>();
        for (Coordinate c : g.getCoordinates()) {
            if (c.x == x) {
                out.add(new Coordinate(c.x, c.y));
            }
        }
        return out;
    }

    @Test
    void attributesPerZoom() throws IOException {
        AttributePolicy policy = AttributePolicy.byZoom(Map.of(0, List.of("name"), 8, List.of("code")));
        TileSource source = TileSource.build("squares", twoSquares(), 0, 10, policy);
        for (int z : new int[] {5, 9}) {
            JtsLayer layer = decode(source.tile(z, TileMath.lonToTileX(0.5, z), TileMath.latToTileY(0.5, z)),
                    "squares");
            Geometry left = layer.getGeometries().stream().filter(g -> "left".equals(props(g).get("name")))
                    .findFirst().orElseThrow();
            if (z < 8) {
                assertThat(props(left)).containsOnlyKeys("id", "name", "mvt_id");
            } else {
                assertThat(props(left)).containsOnlyKeys("id", "name", "code", "mvt_id").containsEntry("code", "A");
            }
        }
        assertThat(source.tileJson("https://host/tiles/squares/{z}/{x}/{y}.mvt"))
                .containsEntry("tilejson", "3.0.0")
                .containsEntry("minzoom", 0)
                .containsEntry("maxzoom", 10)
                .containsEntry("tiles", List.of("https://host/tiles/squares/{z}/{x}/{y}.mvt"));
    }

    @Test
    void tileOutsideTheDataIsEmpty() throws IOException {
        TileSource source = TileSource.build("squares", twoSquares(), 0, 10, AttributePolicy.all());
        byte[] bytes = source.tile(7, 10, 10);
        assertThat(bytes).isEmpty();
        JtsMvt mvt = MvtReader.loadMvt(new ByteArrayInputStream(bytes), TILE, new TagKeyValueMapConverter());
        assertThat(mvt.getLayers()).isEmpty();
        assertThatThrownBy(() -> source.tile(3, 8, 0)).isInstanceOf(IllegalArgumentException.class);
        // over-zoom past maxZoom uses the max level
        assertThat(source.tile(14, TileMath.lonToTileX(0.5, 14), TileMath.latToTileY(0.5, 14))).isNotEmpty();
    }

    @Test
    void linesAndPointsAreTiled() throws IOException {
        Geometry line = Geometries.WGS84.createLineString(new Coordinate[] {new Coordinate(0, 0),
                new Coordinate(0.5, 0.5001), new Coordinate(1, 1), new Coordinate(10, 10)});
        List<TileFeature> fs = List.of(new TileFeature("r1", line, Map.of("kind", "road")),
                new TileFeature("p1", Geometries.point(0.5, 0.5), Map.of("kind", "office", "rank", 3)));
        TileSource source = TileSource.build("mixed", fs, 0, 14, AttributePolicy.all());
        JtsLayer layer = decode(source.tile(8, TileMath.lonToTileX(0.5, 8), TileMath.latToTileY(0.5, 8)), "mixed");
        assertThat(layer.getGeometries()).hasSize(2);
        assertThat(layer.getGeometries()).anySatisfy(g -> assertThat(g.getGeometryType()).isEqualTo("LineString"));
        assertThat(layer.getGeometries()).anySatisfy(g -> {
            assertThat(g.getGeometryType()).isEqualTo("Point");
            assertThat(props(g)).containsEntry("rank", 3L).containsEntry("id", "p1").containsEntry("mvt_id", null);
        });
    }

    /** 3,000 points in a 0.5° square (seeded), with a type shared by groups of 1,000 and a name each. */
    private static List<TileFeature> manyPoints() {
        java.util.Random random = new java.util.Random(7);
        List<TileFeature> out = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            out.add(new TileFeature(Integer.toString(i + 1), Geometries.point(76 + random.nextDouble() * 0.5,
                    39 + random.nextDouble() * 0.5), Map.of("name", "p" + i, "type", "T" + (i / 1000))));
        }
        return out;
    }

    /** Features whose point lies in the tile itself (not in its buffer), as (count, props). */
    private static List<Map<String, Object>> inside(byte[] tile) throws IOException {
        if (tile.length == 0) {
            return List.of();
        }
        return decode(tile, "points").getGeometries().stream()
                .filter(g -> g.getCoordinate().x >= 0 && g.getCoordinate().x < TileSource.EXTENT
                        && g.getCoordinate().y >= 0 && g.getCoordinate().y < TileSource.EXTENT)
                .map(TileSourceTest::props).toList();
    }

    private static long count(Map<String, Object> props) {
        return props.containsKey("point_count") ? ((Number) props.get("point_count")).longValue() : 1;
    }

    @Test
    void pointsAreMergedPerCellBelowFullDetailAndEveryPointIsCountedOnce() throws IOException {
        List<TileFeature> points = manyPoints();
        TileSource source = TileSource.build("points", points, 0, 14, AttributePolicy.all(), 12);
        // the whole layer in one tile at z0: a handful of merged points that count every point once
        List<Map<String, Object>> world = inside(source.tile(0, 0, 0));
        assertThat(world.size()).isLessThan(10);
        assertThat(world.stream().mapToLong(TileSourceTest::count).sum()).isEqualTo(points.size());
        assertThat(world).allSatisfy(p -> assertThat(p).containsKey("point_count").doesNotContainKeys("id", "name"));
        Envelope b = source.boundsWgs84();
        for (int z : new int[] {8, 10, 11, 12, 14}) {
            long counted = 0;
            int features = 0;
            for (int x = TileMath.lonToTileX(b.getMinX(), z); x <= TileMath.lonToTileX(b.getMaxX(), z); x++) {
                for (int y = TileMath.latToTileY(b.getMaxY(), z); y <= TileMath.latToTileY(b.getMinY(), z); y++) {
                    List<Map<String, Object>> in = inside(source.tile(z, x, y));
                    counted += in.stream().mapToLong(TileSourceTest::count).sum();
                    features += in.size();
                }
            }
            assertThat(counted).as("zoom %d", z).isEqualTo(points.size());
            if (z >= 12) {
                assertThat(features).as("zoom %d: full detail", z).isEqualTo(points.size());
            } else {
                assertThat(features).as("zoom %d: merged", z).isLessThan(points.size());
            }
        }
        Map<?, ?> layer = (Map<?, ?>) ((List<?>) source.tileJson("t").get("vector_layers")).get(0);
        assertThat(((Map<?, ?>) layer.get("fields")).get("point_count")).isEqualTo("Number");
        // without a full-detail zoom every point is in every tile, as before
        assertThat(inside(TileSource.build("points", points, 0, 14, AttributePolicy.all()).tile(0, 0, 0)))
                .hasSize(points.size());
    }

    @Test
    void aMergedPointKeepsWhatItsMembersShareAndLiesAtTheirMean() throws IOException {
        // three points a few metres apart (one cell up to z16), two of type A, one of type B; one far away
        List<TileFeature> fs = List.of(
                new TileFeature("1", Geometries.point(76.0000, 39.0), Map.of("name", "a", "type", "A", "rank", 1)),
                new TileFeature("2", Geometries.point(76.0001, 39.0), Map.of("name", "b", "type", "A", "rank", 1)),
                new TileFeature("3", Geometries.point(76.0002, 39.0), Map.of("name", "c", "type", "B", "rank", 1)),
                new TileFeature("4", Geometries.point(77.0, 39.5), Map.of("name", "d", "type", "A", "rank", 2)));
        TileSource source = TileSource.build("points", fs, 0, 16, AttributePolicy.all(), 16);
        int z = 14;
        JtsLayer layer = decode(source.tile(z, TileMath.lonToTileX(76.0001, z), TileMath.latToTileY(39.0, z)),
                "points");
        assertThat(layer.getGeometries()).hasSize(1);
        Geometry merged = layer.getGeometries().iterator().next();
        assertThat(props(merged)).containsOnlyKeys("rank", "point_count", "mvt_id")
                .containsEntry("point_count", 3L).containsEntry("rank", 1L).containsEntry("mvt_id", null);
        // at their mean: the middle point's tile coordinate
        Envelope tile = TileMath.tileBoundsMercator(z, TileMath.lonToTileX(76.0001, z), TileMath.latToTileY(39.0, z));
        double x = (TileMath.lonToMercatorX(76.0001) - tile.getMinX()) / tile.getWidth() * TileSource.EXTENT;
        assertThat(merged.getCoordinate().x).isCloseTo(x, org.assertj.core.data.Offset.offset(1.0));
        // a point alone in its cell stays itself; at full detail all are themselves
        JtsLayer alone = decode(source.tile(z, TileMath.lonToTileX(77.0, z), TileMath.latToTileY(39.5, z)), "points");
        assertThat(alone.getGeometries()).singleElement().satisfies(g -> assertThat(props(g))
                .containsEntry("id", "4").containsEntry("name", "d").doesNotContainKey("point_count"));
        JtsLayer full = decode(source.tile(16, TileMath.lonToTileX(76.0001, 16), TileMath.latToTileY(39.0, 16)),
                "points");
        assertThat(full.getGeometries()).extracting(g -> props(g).get("id")).containsExactlyInAnyOrder("1", "2", "3");
    }

    @Test
    void linesAndPolygonsAreNotMerged() throws IOException {
        TileSource plain = TileSource.build("squares", twoSquares(), 0, 10, AttributePolicy.all());
        TileSource thinned = TileSource.build("squares", twoSquares(), 0, 10, AttributePolicy.all(), 10);
        for (int z = 0; z <= 10; z++) {
            int x = TileMath.lonToTileX(0.5, z);
            int y = TileMath.latToTileY(0.5, z);
            assertThat(thinned.tile(z, x, y)).as("zoom %d", z).isEqualTo(plain.tile(z, x, y));
        }
    }

    // ------------------------------------------------------------------ the 12 Kashgar counties (4 invalid)

    static List<TileFeature> kashgarCounties() throws Exception {
        Path file = Path.of("gis-data/demo/counties.geojson");
        if (!Files.exists(file) && System.getenv("CIVATLAS_REPO_ROOT") != null) {
            file = Path.of(System.getenv("CIVATLAS_REPO_ROOT"), "gis-data/demo/counties.geojson");
        }
        ObjectMapper mapper = JsonMapper.builder().build();
        JsonNode root = mapper.readTree(Files.readAllBytes(file));
        GeoJsonReader reader = new GeoJsonReader(Geometries.WGS84);
        List<TileFeature> out = new ArrayList<>();
        int i = 0;
        for (JsonNode f : root.get("features")) {
            Geometry g = reader.read(f.get("geometry").toString());
            g.setSRID(Geometries.WGS84_SRID);
            JsonNode p = f.get("properties");
            Map<String, Object> attrs = new java.util.LinkedHashMap<>();
            attrs.put("name", p.get("name").asString());
            attrs.put("geometryValid", p.get("geometryValid").asBoolean());
            if (p.hasNonNull("code")) {
                attrs.put("code", p.get("code").asString());
            }
            out.add(new TileFeature(String.valueOf(++i), g, attrs));
        }
        return out;
    }

    @Test
    void kashgarCountiesTileAtEveryZoom() throws Exception {
        List<TileFeature> counties = kashgarCounties();
        assertThat(counties).hasSize(12);
        // 4 are flagged invalid by the data set; JTS sees 3 of them in WGS 84 (the 4th only in GCJ-02)
        assertThat(counties.stream().filter(f -> Boolean.FALSE.equals(f.attributes().get("geometryValid"))))
                .hasSize(4);
        long invalid = counties.stream().filter(f -> !f.geometryWgs84().isValid()).count();
        assertThat(invalid).isEqualTo(3);
        TileSource source = TileSource.build("counties", counties, 0, 10, AttributePolicy.all());
        assertThat(source.stats().invalidRepaired()).isGreaterThanOrEqualTo(3);
        assertThat(source.stats().invalidDropped()).isZero();
        Envelope b = source.boundsWgs84();
        int tiles = 0;
        int nonEmpty = 0;
        for (int z = 0; z <= 10; z++) {
            for (int x = TileMath.lonToTileX(b.getMinX(), z); x <= TileMath.lonToTileX(b.getMaxX(), z); x++) {
                for (int y = TileMath.latToTileY(b.getMaxY(), z); y <= TileMath.latToTileY(b.getMinY(), z); y++) {
                    byte[] t = source.tile(z, x, y);
                    tiles++;
                    if (t.length > 0) {
                        nonEmpty++;
                        assertThat(decode(t, "counties")).isNotNull();
                    }
                }
            }
        }
        assertThat(nonEmpty).isGreaterThan(tiles / 2);
        // all 12 at z0
        assertThat(decode(source.tile(0, 0, 0), "counties").getGeometries()).hasSize(12);

        int z = 8;
        JtsLayer shule = decode(source.tile(z, TileMath.lonToTileX(76.0, z), TileMath.latToTileY(39.4, z)),
                "counties");
        assertThat(shule.getGeometries()).extracting(g -> props(g).get("name")).contains("疏勒县");
    }
}
