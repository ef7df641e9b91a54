package org.civatlas.exchange.formats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.civatlas.exchange.TestSupport;
import org.civatlas.exchange.TestSupport.PointRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bad-input corpus: each case fails with a FormatException whose message names the problem and the fix. */
class BadInputTest {

    @TempDir
    Path dir;

    static final List<PointRecord> POINTS = List.of(new PointRecord(76.0, 39.4, "疏勒镇", 1),
            new PointRecord(76.1, 39.5, "巴仁乡", 2), new PointRecord(76.2, 39.6, "牙甫泉镇", 3));

    private List<Path> shapefile(String base) throws Exception {
        Path sub = Files.createDirectories(dir.resolve("src-" + base));
        return TestSupport.writePointShapefile(sub, base, POINTS, StandardCharsets.UTF_8, "UTF-8", null);
    }

    private static FormatException fails(Path file, String name, ReadOptions options) {
        try (FeatureReader r = Readers.open(file, name, options)) {
            while (r.hasNext()) {
                r.next();
            }
        } catch (FormatException e) {
            return e;
        } catch (UncheckedFormatException e) {
            return e.getCause();
        }
        throw new AssertionError("expected a FormatException for " + name);
    }

    private static List<SourceFeature> readAll(Path file, String name) throws FormatException {
        List<SourceFeature> out = new ArrayList<>();
        try (FeatureReader r = Readers.open(file, name, ReadOptions.defaults())) {
            r.forEachRemaining(out::add);
        }
        return out;
    }

    @Test
    void truncatedShp() throws Exception {
        List<Path> files = shapefile("cut");
        Path shp = files.get(0);
        byte[] b = Files.readAllBytes(shp);
        Files.write(shp, java.util.Arrays.copyOf(b, b.length - 10));
        FormatException e = fails(TestSupport.zip(dir.resolve("cut.zip"), files), "cut.zip", ReadOptions.defaults());
        assertThat(e.getMessage()).contains("truncated").contains("export").contains("截断");
    }

    @Test
    void truncatedShpRecordWithConsistentHeader() throws Exception {
        // a writer that died mid-record but had already patched the header: detected at the record itself
        List<Path> files = shapefile("rec");
        Path shp = files.get(0);
        byte[] b = java.util.Arrays.copyOf(Files.readAllBytes(shp), 100 + 28 * 2 + 14);
        java.nio.ByteBuffer.wrap(b).putInt(24, b.length / 2);
        Files.write(shp, b);
        Files.delete(files.get(1)); // no .shx: counts are compared at the end
        List<Path> rest = List.of(files.get(0), files.get(2), files.get(3));
        FormatException e = fails(TestSupport.zip(dir.resolve("rec.zip"), rest), "rec.zip", ReadOptions.defaults());
        assertThat(e.getMessage()).contains("record 3 is incomplete");
    }

    @Test
    void dbfRecordCountMismatch() throws Exception {
        List<Path> three = shapefile("a");
        Path twoDir = Files.createDirectories(dir.resolve("two"));
        List<Path> two = TestSupport.writePointShapefile(twoDir, "a", POINTS.subList(0, 2), StandardCharsets.UTF_8,
                null, null);
        List<Path> mixed = List.of(three.get(0), three.get(1), two.get(2)); // .shp/.shx of 3, .dbf of 2
        FormatException e = fails(TestSupport.zip(dir.resolve("mixed.zip"), mixed), "mixed.zip", ReadOptions.defaults());
        assertThat(e.getMessage()).contains("does not match the number of .dbf records").contains("(3)").contains("(2)");
        // and without .shx: found when the .shp runs past the .dbf
        FormatException e2 = fails(TestSupport.zip(dir.resolve("noshx.zip"), List.of(three.get(0), two.get(2))),
                "noshx.zip", ReadOptions.defaults());
        assertThat(e2.getMessage()).contains("does not match the number of .dbf records");
    }

    @Test
    void missingShpOrDbf() throws Exception {
        List<Path> files = shapefile("m");
        FormatException noShp = fails(TestSupport.zip(dir.resolve("noshp.zip"), files.subList(1, 3)), "noshp.zip",
                ReadOptions.defaults());
        assertThat(noShp.getMessage()).contains("contains no .shp file");
        FormatException noDbf = fails(TestSupport.zip(dir.resolve("nodbf.zip"), files.subList(0, 2)), "nodbf.zip",
                ReadOptions.defaults());
        assertThat(noDbf.getMessage()).contains(".dbf attribute file").contains("missing");
        assertThat(noDbf.field()).isEqualTo(".dbf");
    }

    @Test
    void zipSlip() throws Exception {
        for (String evil : List.of("../evil.shp", "a/../../evil.shp", "/etc/evil.shp", "..\\evil.shp")) {
            Path zip = dir.resolve("slip.zip");
            try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(zip))) {
                z.putNextEntry(new ZipEntry(evil));
                z.write("x".getBytes(StandardCharsets.UTF_8));
                z.closeEntry();
            }
            FormatException e = fails(zip, "slip.zip", ReadOptions.defaults());
            assertThat(e.getMessage()).as(evil).contains("path traversal").contains(evil);
            assertThat(Files.exists(dir.resolve("evil.shp"))).isFalse();
        }
    }

    @Test
    void zipBomb() throws Exception {
        Path zip = dir.resolve("bomb.zip");
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(zip))) {
            z.putNextEntry(new ZipEntry("bomb.shp"));
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 64; i++) {
                z.write(zeros); // 64 MiB of zeros → ~64 KiB compressed
            }
            z.closeEntry();
        }
        assertThat(Files.size(zip)).isLessThan(200_000);
        FormatException e = fails(zip, "bomb.zip", ReadOptions.defaults());
        assertThat(e.getMessage()).contains("zip bomb");
        // and the total-size guard, for content that compresses normally
        List<Path> files = shapefile("big");
        FormatException big = fails(TestSupport.zip(dir.resolve("big.zip"), files), "big.zip",
                ReadOptions.defaults().withLimits(200, 0));
        assertThat(big.getMessage()).contains("exceeds the size limit");
    }

    @Test
    void badGeoJsonSyntaxGivesLineAndColumn() throws Exception {
        Path f = Files.writeString(dir.resolve("bad.geojson"), "{\"type\":\"FeatureCollection\",\"features\":[\n"
                + "{\"type\":\"Feature\",\"properties\":{\"a\":1},\"geometry\":null},\n"
                + "{\"type\":\"Feature\",\"properties\":{\"a\":2,,},\"geometry\":null}]}");
        FormatException e = fails(f, "bad.geojson", ReadOptions.defaults());
        assertThat(e.getMessage()).contains("syntax error at line 3, column").contains("第 3 行");
        assertThat(e.field()).startsWith("line 3");
    }

    @Test
    void truncatedGeoJson() throws Exception {
        String full = "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"properties\":{},"
                + "\"geometry\":{\"type\":\"Point\",\"coordinates\":[76.0,39.4]}},{\"type\":\"Feature\",\"prop";
        Path f = Files.writeString(dir.resolve("cut.geojson"), full);
        FormatException e = fails(f, "cut.geojson", ReadOptions.defaults());
        assertThat(e.getMessage()).contains("truncated");
        Path gz = dir.resolve("cut.geojson.gz");
        byte[] bytes;
        try (var bos = new java.io.ByteArrayOutputStream(); OutputStream os = new GZIPOutputStream(bos)) {
            os.write(full.replace("\"prop", "\"properties\":{}}]}").getBytes(StandardCharsets.UTF_8));
            os.close();
            bytes = bos.toByteArray();
        }
        Files.write(gz, java.util.Arrays.copyOf(bytes, bytes.length - 12));
        assertThat(fails(gz, "cut.geojson.gz", ReadOptions.defaults()).getMessage()).contains("truncated");
    }

    @Test
    void fileAboveTheSizeLimit() throws Exception {
        Path f = Files.writeString(dir.resolve("big.geojson"), "{\"type\":\"FeatureCollection\",\"features\":[]}"
                + " ".repeat(500));
        FormatException e = fails(f, "big.geojson", ReadOptions.defaults().withLimits(100, 0));
        assertThat(e.getMessage()).contains("exceeds the size limit of 100 bytes").contains("超过大小上限");
        Path gz = dir.resolve("big.geojson.gz");
        try (OutputStream os = new GZIPOutputStream(Files.newOutputStream(gz))) {
            os.write(Files.readAllBytes(f));
        }
        assertThat(fails(gz, "big.geojson.gz", ReadOptions.defaults().withLimits(100, 0)).getMessage())
                .contains("uncompressed GeoJSON exceeds the size limit");
        // and the feature-count limit
        Path three = Files.writeString(dir.resolve("three.geojson"), "{\"type\":\"FeatureCollection\",\"features\":["
                + "{\"type\":\"Feature\",\"properties\":{},\"geometry\":null},".repeat(2)
                + "{\"type\":\"Feature\",\"properties\":{},\"geometry\":null}]}");
        assertThat(fails(three, "three.geojson", ReadOptions.defaults().withLimits(0, 2)).getMessage())
                .contains("more than 2 features");
    }

    @Test
    void nanAndInfiniteCoordinatesAreReportedPerFeature() throws Exception {
        Path f = Files.writeString(dir.resolve("nan.geojson"), "{\"type\":\"FeatureCollection\",\"features\":["
                + "{\"type\":\"Feature\",\"properties\":{\"n\":1},\"geometry\":{\"type\":\"Point\",\"coordinates\":[NaN,39]}},"
                + "{\"type\":\"Feature\",\"properties\":{\"n\":2},\"geometry\":{\"type\":\"LineString\",\"coordinates\":[[76,39],[1e999,39]]}},"
                + "{\"type\":\"Feature\",\"properties\":{\"n\":3},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[76,39]]}},"
                + "{\"type\":\"Feature\",\"properties\":{\"n\":4},\"geometry\":{\"type\":\"Point\",\"coordinates\":[76,39]}}]}");
        List<SourceFeature> all = readAll(f, "nan.geojson");
        assertThat(all).hasSize(4);
        assertThat(all.get(0).problem()).contains("NaN or infinite");
        assertThat(all.get(0).geometry()).isNull();
        assertThat(all.get(0).attributes()).containsEntry("n", 1L);
        assertThat(all.get(1).problem()).contains("NaN or infinite");
        assertThat(all.get(2).problem()).contains("nesting");
        assertThat(all.get(3).problem()).isNull();

        // a degenerate part (ring of fewer than 4 positions, as in 7 national counties) is dropped and reported
        Path degenerate = Files.writeString(dir.resolve("d.geojson"), "{\"type\":\"FeatureCollection\",\"features\":["
                + "{\"type\":\"Feature\",\"properties\":{},\"geometry\":{\"type\":\"MultiPolygon\",\"coordinates\":"
                + "[[[[76,39],[76.1,39],[76.1,39.1],[76,39]]],[[[77,39],[77.1,39],[77,39]]]]}},"
                + "{\"type\":\"Feature\",\"properties\":{},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":"
                + "[[[77,39],[77.1,39],[77,39]]]}}]}");
        List<SourceFeature> d = readAll(degenerate, "d.geojson");
        assertThat(d.get(0).geometry().getNumGeometries()).isEqualTo(1);
        assertThat(d.get(0).problem()).contains("dropped degenerate").contains("polygon 1");
        assertThat(d.get(1).geometry()).isNull();
        assertThat(d.get(1).problem()).contains("fewer than 4 positions");

        Path sub = Files.createDirectories(dir.resolve("nanshp"));
        List<Path> files = TestSupport.writePointShapefile(sub, "n", List.of(new PointRecord(Double.NaN, 39, "x", 1),
                new PointRecord(76, 39, "y", 2)), StandardCharsets.UTF_8, null, null);
        List<SourceFeature> shp = readAll(TestSupport.zip(dir.resolve("n.zip"), files), "n.zip");
        assertThat(shp.get(0).problem()).contains("NaN");
        assertThat(shp.get(1).problem()).isNull();
    }

    @Test
    void csvProblems() throws Exception {
        Path gbk = dir.resolve("gbk.csv");
        Files.write(gbk, "名称,经度,纬度\n疏勒镇,76.05,39.40\n".getBytes(Charset.forName("GBK")));
        FormatException e = fails(gbk, "gbk.csv", ReadOptions.defaults());
        assertThat(e.getMessage()).contains("not valid UTF-8").contains("GBK");
        assertThat(e.field()).isEqualTo("encoding");
        // with the right encoding it reads, and the Chinese header names the coordinate columns
        List<SourceFeature> ok;
        try (FeatureReader r = Readers.open(gbk, "gbk.csv", ReadOptions.defaults().withEncoding(Charset.forName("GBK")))) {
            ok = new ArrayList<>();
            r.forEachRemaining(ok::add);
            assertThat(r.fieldNames()).containsExactly("名称");
        }
        assertThat(ok.get(0).attributes()).containsEntry("名称", "疏勒镇");
        assertThat(ok.get(0).geometry().getCoordinate().x).isEqualTo(76.05);

        Path quote = Files.writeString(dir.resolve("q.csv"), "name,lon,lat\n\"unterminated,76,39\n");
        assertThat(fails(quote, "q.csv", ReadOptions.defaults()).getMessage()).contains("Unterminated quoted field");

        Path nogeom = Files.writeString(dir.resolve("n.csv"), "name,height\na,1\n");
        FormatException ng = fails(nogeom, "n.csv", ReadOptions.defaults());
        assertThat(ng.getMessage()).contains("No geometry columns");

        Path wrongColumn = Files.writeString(dir.resolve("w.csv"), "name,x,y\na,76,39\n");
        assertThat(fails(wrongColumn, "w.csv", ReadOptions.defaults().withColumns("lng", "lat", null)).getMessage())
                .contains("no column 'lng'");

        Path rows = Files.writeString(dir.resolve("r.csv"), "name;lon;lat\na;76;39\nb;;\nc;east;39\n");
        List<SourceFeature> r = readAll(rows, "r.csv");
        assertThat(r.get(0).problem()).isNull();
        assertThat(r.get(1).problem()).contains("missing coordinates").contains("line 3");
        assertThat(r.get(2).problem()).contains("not numbers");
    }

    @Test
    void unrecognisedAndCorruptFiles() throws Exception {
        Path txt = Files.writeString(dir.resolve("a.docx"), "hello");
        assertThat(fails(txt, "a.docx", ReadOptions.defaults()).getMessage()).contains("Unrecognised file format");
        Path gpkg = Files.writeString(dir.resolve("a.gpkg"), "not a database");
        assertThat(fails(gpkg, "a.gpkg", ReadOptions.defaults()).getMessage()).contains(".gpkg file is corrupt");
        Path zip = Files.writeString(dir.resolve("a.zip"), "not a zip");
        assertThat(fails(zip, "a.zip", ReadOptions.defaults()).getMessage()).contains("corrupt");
        Path notGeoJson = Files.writeString(dir.resolve("x.geojson"), "[1,2,3]");
        assertThat(fails(notGeoJson, "x.geojson", ReadOptions.defaults()).getMessage()).contains("Not GeoJSON");
    }
}
