package org.civatlas.exchange.formats;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPOutputStream;

import org.civatlas.exchange.TestSupport;
import org.civatlas.exchange.crs.Crs;
import org.civatlas.spatial.ChinaOffsetDatums;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.operation.valid.IsValidOp;

class GeoJsonReaderTest {

    static final double[][] TRUTH = {{76.0480, 39.4012}, {75.9890, 39.4700}, {76.2300, 39.2500}};
    static final String[] NAMES = {"疏勒镇", "罕南力克镇", "巴仁乡"};

    static String gcjPoints(boolean withCrsMember) {
        StringBuilder sb = new StringBuilder("{\"type\":\"FeatureCollection\",");
        if (withCrsMember) {
            sb.append("\"crs\":{\"type\":\"name\",\"properties\":{\"name\":\"GCJ-02\"}},");
        }
        sb.append("\"features\":[");
        for (int i = 0; i < TRUTH.length; i++) {
            double[] g = ChinaOffsetDatums.wgs84ToGcj02(TRUTH[i][0], TRUTH[i][1]);
            sb.append(i > 0 ? "," : "").append(String.format(Locale.ROOT,
                    "{\"type\":\"Feature\",\"properties\":{\"name\":\"%s\",\"rank\":%d},"
                            + "\"geometry\":{\"type\":\"Point\",\"coordinates\":[%.10f,%.10f]}}", NAMES[i], i, g[0], g[1]));
        }
        return sb.append("]}").toString();
    }

    @Test
    void gcj02PointsComeOutWithin1mOfTheWgs84Truth(@TempDir Path dir) throws Exception {
        for (boolean member : List.of(true, false)) {
            Path file = Files.writeString(dir.resolve("amap.geojson"), gcjPoints(member));
            try (FeatureReader r = Readers.open(file, "amap.geojson", ReadOptions.defaults())) {
                // with the member the file says GCJ-02; without, RFC 7946 says CRS84 and the user must choose GCJ-02
                assertThat(r.declaredCrs()).contains(member ? Crs.GCJ02 : Crs.WGS84);
                Crs source = Crs.GCJ02;
                int i = 0;
                while (r.hasNext()) {
                    SourceFeature f = r.next();
                    assertThat(f.attributes()).containsEntry("name", NAMES[i]).containsEntry("rank", (long) i);
                    Geometry wgs = source.toWgs84(f.geometry());
                    double off = TestSupport.metres(wgs.getCoordinate().x, wgs.getCoordinate().y, TRUTH[i][0], TRUTH[i][1]);
                    assertThat(off).isLessThan(1.0);
                    // and the raw GCJ-02 position is the documented ~250 m away
                    double raw = TestSupport.metres(f.geometry().getCoordinate().x, f.geometry().getCoordinate().y,
                            TRUTH[i][0], TRUTH[i][1]);
                    assertThat(raw).isBetween(150.0, 400.0);
                    i++;
                }
                assertThat(i).isEqualTo(3);
            }
        }
    }

    @Test
    void readsGzipSingleFeatureBareGeometryAndTrailingCrs(@TempDir Path dir) throws Exception {
        Path gz = dir.resolve("a.geojson.gz");
        try (OutputStream os = new GZIPOutputStream(Files.newOutputStream(gz))) {
            os.write(gcjPoints(true).getBytes(StandardCharsets.UTF_8));
        }
        try (FeatureReader r = Readers.open(gz, "a.geojson.gz", ReadOptions.defaults())) {
            assertThat(r.declaredCrs()).contains(Crs.GCJ02);
            List<SourceFeature> all = new ArrayList<>();
            r.forEachRemaining(all::add);
            assertThat(all).hasSize(3);
        }
        Path single = Files.writeString(dir.resolve("f.json"), "{\"geometry\":{\"coordinates\":[[[0,0],[1,0],[1,1],[0,0]]],"
                + "\"type\":\"Polygon\"},\"type\":\"Feature\",\"properties\":{\"名称\":\"x\",\"nested\":{\"a\":[1,2]}}}");
        try (FeatureReader r = Readers.open(single, "f.json", ReadOptions.defaults())) {
            SourceFeature f = r.next();
            assertThat(f.geometry().getGeometryType()).isEqualTo("Polygon");
            assertThat(f.attributes()).containsEntry("名称", "x").containsEntry("nested", "{\"a\":[1,2]}");
            assertThat(r.hasNext()).isFalse();
        }
        Path bare = Files.writeString(dir.resolve("g.geojson"), "{\"coordinates\":[76,39],\"type\":\"Point\"}");
        try (FeatureReader r = Readers.open(bare, null, ReadOptions.defaults())) {
            assertThat(r.next().geometry().getCoordinate().x).isEqualTo(76.0);
        }
        Path trailing = Files.writeString(dir.resolve("t.geojson"), "{\"type\":\"FeatureCollection\",\"features\":[]"
                + ",\"crs\":{\"type\":\"name\",\"properties\":{\"name\":\"urn:ogc:def:crs:EPSG::4534\"}}}");
        try (FeatureReader r = Readers.open(trailing, null, ReadOptions.defaults())) {
            assertThat(r.declaredCrs()).contains(Crs.epsg(4534));
            assertThat(r.hasNext()).isFalse();
        }
        Path unknown = Files.writeString(dir.resolve("u.geojson"), "{\"type\":\"FeatureCollection\","
                + "\"crs\":{\"type\":\"name\",\"properties\":{\"name\":\"EPSG:2154\"}},\"features\":[]}");
        try (FeatureReader r = Readers.open(unknown, null, ReadOptions.defaults())) {
            assertThat(r.declaredCrs()).isEmpty();
        }
    }

    /** The 12 Kashgar counties (GCJ-02, 4 of them invalid) come through unchanged. */
    @Test
    void kashgarCountiesComeThroughUnchanged() throws Exception {
        Path file = Path.of("gis-data/source/kashgar-counties.geojson");
        assertThat(file).as("run from the repository root").exists();
        List<SourceFeature> all = new ArrayList<>();
        try (FeatureReader r = Readers.open(file, file.getFileName().toString(), ReadOptions.defaults())) {
            r.forEachRemaining(all::add);
            assertThat(r.fieldNames()).contains("adcode", "name");
        }
        assertThat(all).hasSize(12);
        assertThat(all).allSatisfy(f -> assertThat(f.problem()).isNull());
        assertThat(all).extracting(f -> f.attributes().get("name")).contains("疏勒县", "喀什市");
        long invalid = all.stream().filter(f -> !IsValidOp.isValid(f.geometry())).count();
        assertThat(invalid).isEqualTo(4);
        // unchanged: same vertices as an independent parse of the same text (JTS's own GeoJSON reader)
        String text = Files.readString(file);
        var tree = new org.locationtech.jts.io.geojson.GeoJsonReader().read(text);
        for (int i = 0; i < 12; i++) {
            Geometry ours = all.get(i).geometry();
            Geometry theirs = tree.getGeometryN(i);
            assertThat(ours.equalsExact(theirs)).as("feature %d", i).isTrue();
        }
        // converted with GCJ-02 → WGS 84, Shule moves by the documented ~250 m
        SourceFeature shule = all.stream().filter(f -> "疏勒县".equals(f.attributes().get("name"))).findFirst().orElseThrow();
        Geometry wgs = Crs.GCJ02.toWgs84(shule.geometry());
        var c0 = shule.geometry().getCoordinate();
        var c1 = wgs.getCoordinate();
        assertThat(TestSupport.metres(c0.x, c0.y, c1.x, c1.y)).isBetween(200.0, 320.0);
        assertThat(wgs.getNumPoints()).isEqualTo(shule.geometry().getNumPoints());
    }
}
