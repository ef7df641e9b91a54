package org.civatlas.exchange.formats;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.civatlas.exchange.TestSupport;
import org.civatlas.exchange.TestSupport.PointRecord;
import org.civatlas.exchange.crs.Crs;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.proj4j.CRSFactory;
import org.locationtech.proj4j.CoordinateTransform;
import org.locationtech.proj4j.CoordinateTransformFactory;
import org.locationtech.proj4j.ProjCoordinate;

/**
 * A GBK-encoded point shapefile in a CGCS2000 3° Gauss-Krüger zone (CM 75°E), written byte by byte by the test,
 * read through the zip path and converted to WGS 84.
 */
class ShapefileReaderTest {

    static final Charset GBK = Charset.forName("GBK");

    /** Known places around Shule (WGS 84 lon/lat) with Chinese names. */
    static final double[][] LONLAT = {{76.0480, 39.4012}, {75.9890, 39.4700}, {76.2300, 39.2500}, {75.7000, 39.0500}};
    static final String[] NAMES = {"疏勒镇", "罕南力克镇", "巴仁乡", "洋大曼乡"};

    /** Projected coordinates computed independently with proj4j's own EPSG definition. */
    static List<PointRecord> projected(String epsg) {
        CRSFactory f = new CRSFactory();
        CoordinateTransform tx = new CoordinateTransformFactory()
                .createTransform(f.createFromName("EPSG:4326"), f.createFromName(epsg));
        List<PointRecord> out = new ArrayList<>();
        for (int i = 0; i < LONLAT.length; i++) {
            ProjCoordinate p = tx.transform(new ProjCoordinate(LONLAT[i][0], LONLAT[i][1]), new ProjCoordinate());
            out.add(new PointRecord(p.x, p.y, NAMES[i], 653122100L + i));
        }
        return out;
    }

    @ParameterizedTest
    @CsvSource({"EPSG:4534, GBK", "EPSG:4513, GBK", "EPSG:4534, 936", "EPSG:4534, UTF-8"})
    void gbkShapefileInGaussKrugerComesOutWithin1mOfTheTruth(String epsg, String cpg, @TempDir Path dir) throws Exception {
        Crs crs = Crs.parse(epsg);
        Charset charset = cpg.equals("UTF-8") ? StandardCharsets.UTF_8 : GBK;
        List<Path> files = TestSupport.writePointShapefile(dir, "乡镇驻地", projected(epsg), charset, cpg, crs.esriWkt());
        Path zip = TestSupport.zip(dir.resolve("upload.zip"), files);

        try (FeatureReader r = Readers.open(zip, "乡镇驻地.zip", ReadOptions.defaults())) {
            assertThat(r.format()).isEqualTo("Shapefile");
            assertThat(r.declaredCrs()).contains(crs);
            assertThat(r.fieldNames()).containsExactly("NAME", "CODE");
            int i = 0;
            while (r.hasNext()) {
                SourceFeature f = r.next();
                assertThat(f.problem()).isNull();
                assertThat(f.attributes()).containsEntry("NAME", NAMES[i]).containsEntry("CODE", 653122100L + i);
                Geometry wgs = crs.toWgs84(f.geometry());
                assertThat(wgs.getSRID()).isEqualTo(4326);
                double d = TestSupport.metres(wgs.getCoordinate().x, wgs.getCoordinate().y, LONLAT[i][0], LONLAT[i][1]);
                assertThat(d).as("point %d off by %.4f m", i, d).isLessThan(1.0);
                i++;
            }
            assertThat(i).isEqualTo(LONLAT.length);
        }
    }

    @Test
    void withoutCpgTheImportOptionEncodingIsUsed(@TempDir Path dir) throws Exception {
        List<Path> files = TestSupport.writePointShapefile(dir, "towns", projected("EPSG:4534"), GBK, null,
                Crs.epsg(4534).esriWkt());
        Path zip = TestSupport.zip(dir.resolve("towns.zip"), files);
        try (FeatureReader r = Readers.open(zip, "towns.zip", ReadOptions.defaults().withEncoding(GBK))) {
            assertThat(r.next().attributes()).containsEntry("NAME", "疏勒镇");
        }
        try (FeatureReader r = Readers.open(zip, "towns.zip", ReadOptions.defaults())) {
            // read as UTF-8 the GBK bytes are garbage: that is why the option (or a .cpg) matters
            assertThat(r.next().attributes().get("NAME")).isNotEqualTo("疏勒镇");
        }
    }

    /** One point cross-checked against GDAL's own transformation (skipped without GDAL). */
    @Test
    void onePointAgreesWithGdaltransform(@TempDir Path dir) throws Exception {
        Assumptions.assumeTrue(TestSupport.onPath("gdaltransform"),
                "gdaltransform (Debian gdal-bin) not on PATH: GDAL cross-check skipped");
        List<PointRecord> pts = projected("EPSG:4534");
        List<Path> files = TestSupport.writePointShapefile(dir, "p", pts, GBK, "GBK", Crs.epsg(4534).esriWkt());
        try (FeatureReader r = Readers.open(TestSupport.zip(dir.resolve("p.zip"), files), "p.zip", ReadOptions.defaults())) {
            Geometry g = Crs.epsg(4534).toWgs84(r.next().geometry());
            String out = TestSupport.run(pts.get(0).x() + " " + pts.get(0).y() + "\n", "gdaltransform", "-s_srs",
                    "EPSG:4534", "-t_srs", "EPSG:4326", "-output_xy").trim();
            String[] lonLat = out.split("\\s+");
            double d = TestSupport.metres(g.getCoordinate().x, g.getCoordinate().y, Double.parseDouble(lonLat[0]),
                    Double.parseDouble(lonLat[1]));
            assertThat(d).as("ours vs GDAL: %.4f m", d).isLessThan(1.0);
        }
    }
}
