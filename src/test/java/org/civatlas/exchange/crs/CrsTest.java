package org.civatlas.exchange.crs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.civatlas.exchange.TestSupport;
import org.civatlas.spatial.ChinaOffsetDatums;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.proj4j.CRSFactory;
import org.locationtech.proj4j.CoordinateReferenceSystem;
import org.locationtech.proj4j.ProjCoordinate;

class CrsTest {

    @Test
    void parsesTheUsualSpellings() {
        assertThat(Crs.parse("EPSG:4534").code()).isEqualTo("EPSG:4534");
        assertThat(Crs.parse("epsg:4490")).isEqualTo(Crs.CGCS2000);
        assertThat(Crs.parse("urn:ogc:def:crs:EPSG::4490")).isEqualTo(Crs.CGCS2000);
        assertThat(Crs.parse("urn:ogc:def:crs:OGC:1.3:CRS84")).isEqualTo(Crs.WGS84);
        assertThat(Crs.parse("CRS84")).isEqualTo(Crs.WGS84);
        assertThat(Crs.parse("http://www.opengis.net/def/crs/EPSG/0/32643").code()).isEqualTo("EPSG:32643");
        assertThat(Crs.parse("GCJ-02")).isEqualTo(Crs.GCJ02);
        assertThat(Crs.parse("gcj02")).isEqualTo(Crs.GCJ02);
        assertThat(Crs.parse("BD-09")).isEqualTo(Crs.BD09);
        assertThat(Crs.parse("4326")).isEqualTo(Crs.WGS84);
        assertThat(Crs.parse("EPSG:4513").zonePrefix()).isTrue();
        assertThat(Crs.parse("EPSG:4513").zone()).isEqualTo(25);
        assertThat(Crs.parse("EPSG:4491").centralMeridian()).isEqualTo(75);
        assertThat(Crs.parse("EPSG:4502").centralMeridian()).isEqualTo(75);
        assertThat(Crs.parse("EPSG:4554").centralMeridian()).isEqualTo(135);
        assertThat(Crs.GCJ02.geographic()).isTrue();
        assertThat(Crs.parse("EPSG:4534").geographic()).isFalse();
    }

    @Test
    void unknownCodesAreRejectedClearly() {
        assertThatThrownBy(() -> Crs.parse("EPSG:2154")).isInstanceOf(UnsupportedCrsException.class)
                .hasMessageContaining("EPSG:2154 is not supported").hasMessageContaining("GCJ-02");
        assertThatThrownBy(() -> Crs.parse("Beijing 1954")).isInstanceOf(UnsupportedCrsException.class)
                .hasMessageContaining("Unknown coordinate reference system 'Beijing 1954'");
        assertThatThrownBy(() -> Crs.parse(" ")).isInstanceOf(UnsupportedCrsException.class);
    }

    /** Our parameters for every Gauss-Krüger code agree with the EPSG definitions shipped in proj4j-epsg. */
    @Test
    void gaussKrugerParametersMatchTheEpsgRegister() {
        CRSFactory factory = new CRSFactory();
        for (int code = 4491; code <= 4554; code++) {
            Crs ours = Crs.epsg(code);
            CoordinateReferenceSystem ref = factory.createFromName("EPSG:" + code);
            var p = ref.getProjection();
            assertThat(ours.centralMeridian()).as("CM of %d", code).isCloseTo(Math.toDegrees(p.getProjectionLongitude()), within(1e-9));
            assertThat(ours.falseEasting()).as("FE of %d", code).isEqualTo(p.getFalseEasting());
            assertThat(p.getScaleFactor()).isEqualTo(1.0);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"EPSG:4534", "EPSG:4513", "EPSG:4502", "EPSG:4491", "EPSG:32643", "GCJ-02", "BD-09", "EPSG:4490"})
    void forwardAndInverseAgree(String code) {
        Crs crs = Crs.parse(code);
        double[] p = crs.fromWgs84(76.05, 39.40);
        double[] back = crs.toWgs84(p[0], p[1]);
        assertThat(TestSupport.metres(back[0], back[1], 76.05, 39.40)).isLessThan(0.001);
    }

    @Test
    void gaussKrugerAgreesWithAnIndependentProj4jTransform() {
        CRSFactory f = new CRSFactory();
        var tx = new org.locationtech.proj4j.CoordinateTransformFactory()
                .createTransform(f.createFromName("EPSG:4326"), f.createFromName("EPSG:4534"));
        ProjCoordinate out = tx.transform(new ProjCoordinate(76.0, 39.4), new ProjCoordinate());
        double[] ours = Crs.epsg(4534).fromWgs84(76.0, 39.4);
        assertThat(ours[0]).isCloseTo(out.x, within(0.01));
        assertThat(ours[1]).isCloseTo(out.y, within(0.01));
    }

    @Test
    void gaussKrugerAgreesWithGdal() throws Exception {
        Assumptions.assumeTrue(TestSupport.onPath("gdaltransform"),
                "gdaltransform (GDAL command-line tools) not on PATH: GDAL cross-check skipped");
        double[] xy = Crs.epsg(4534).fromWgs84(76.05, 39.40);
        String out = TestSupport.run(xy[0] + " " + xy[1] + "\n", "gdaltransform", "-s_srs", "EPSG:4534", "-t_srs",
                "EPSG:4326", "-output_xy").trim();
        String[] parts = out.split("\\s+");
        assertThat(TestSupport.metres(Double.parseDouble(parts[0]), Double.parseDouble(parts[1]), 76.05, 39.40))
                .isLessThan(0.01);
    }

    @Test
    void gcj02MatchesChinaOffsetDatums() {
        double[] g = ChinaOffsetDatums.wgs84ToGcj02(76.0, 39.4);
        assertThat(Crs.GCJ02.toWgs84(g[0], g[1])[0]).isCloseTo(76.0, within(1e-8));
        assertThat(Crs.GCJ02.conversionToWgs84()).contains("GCJ-02").contains("WGS 84");
        assertThat(Crs.epsg(4534).conversionToWgs84()).contains("75").contains("CGCS2000 taken as WGS 84");
    }

    // ------------------------------------------------------------------ .prj recognition

    static final String ESRI_GK_CM75 = "PROJCS[\"CGCS2000_3_Degree_GK_CM_75E\",GEOGCS[\"GCS_China_Geodetic_Coordinate_System_2000\","
            + "DATUM[\"D_China_2000\",SPHEROID[\"CGCS2000\",6378137.0,298.257222101]],PRIMEM[\"Greenwich\",0.0],"
            + "UNIT[\"Degree\",0.0174532925199433]],PROJECTION[\"Gauss_Kruger\"],PARAMETER[\"False_Easting\",500000.0],"
            + "PARAMETER[\"False_Northing\",0.0],PARAMETER[\"Central_Meridian\",75.0],PARAMETER[\"Scale_Factor\",1.0],"
            + "PARAMETER[\"Latitude_Of_Origin\",0.0],UNIT[\"Meter\",1.0]]";

    @Test
    void recognisesEsriAndOgcWkt() {
        assertThat(Crs.fromPrj(ESRI_GK_CM75)).contains(Crs.epsg(4534));
        assertThat(Crs.fromPrj(ESRI_GK_CM75.replace("CGCS2000_3_Degree_GK_CM_75E", "CGCS2000_3_Degree_GK_Zone_25")
                .replace("500000.0", "25500000.0"))).contains(Crs.epsg(4513));
        // 6° zones: same maths as the 3° CM 75E when unprefixed; the name decides
        assertThat(Crs.fromPrj(ESRI_GK_CM75.replace("CGCS2000_3_Degree_GK_CM_75E", "CGCS2000_GK_CM_75E")))
                .contains(Crs.epsg(4502));
        assertThat(Crs.fromPrj(ESRI_GK_CM75.replace("CGCS2000_3_Degree_GK_CM_75E", "CGCS2000_GK_Zone_13")
                .replace("500000.0", "13500000.0"))).contains(Crs.epsg(4491));
        // a name that says nothing: parameters decide
        assertThat(Crs.fromPrj(ESRI_GK_CM75.replace("CGCS2000_3_Degree_GK_CM_75E", "my projection")
                .replace("75.0]", "78.0]"))).contains(Crs.epsg(4535));
        // all our own WKT round-trips
        for (int code : List.of(4326, 4490, 4491, 4501, 4502, 4512, 4513, 4533, 4534, 4554, 32643, 32750)) {
            assertThat(Crs.fromPrj(Crs.epsg(code).esriWkt())).as("ESRI %d", code).contains(Crs.epsg(code));
            assertThat(Crs.fromPrj(Crs.epsg(code).ogcWkt())).as("OGC %d", code).contains(Crs.epsg(code));
            assertThat(Crs.fromPrj(Crs.epsg(code).ogcWkt().replaceAll(",AUTHORITY\\[\"EPSG\",\"\\d+\"\\]\\]$", "]")))
                    .as("OGC without authority %d", code).contains(Crs.epsg(code));
        }
        assertThat(Crs.fromPrj("GEOGCS[\"GCS_WGS_1984\",DATUM[\"D_WGS_1984\",SPHEROID[\"WGS_1984\",6378137,298.257223563]],"
                + "PRIMEM[\"Greenwich\",0],UNIT[\"Degree\",0.017453292519943295]]")).contains(Crs.WGS84);
        assertThat(Crs.fromPrj("GEOGCS[\"China Geodetic Coordinate System 2000\",DATUM[\"China_2000\",SPHEROID[\"CGCS2000\","
                + "6378137,298.257222101]],PRIMEM[\"Greenwich\",0],UNIT[\"degree\",0.0174532925199433]]")).contains(Crs.CGCS2000);
    }

    @Test
    void recognisesGdalWrittenPrj() throws Exception {
        Assumptions.assumeTrue(TestSupport.onPath("gdalsrsinfo"), "gdalsrsinfo not on PATH: skipped");
        for (int code : List.of(4534, 4513, 4502, 4491, 4490, 4326, 32643)) {
            String esri = TestSupport.run(null, "gdalsrsinfo", "-o", "wkt_esri", "--single-line", "EPSG:" + code).trim();
            String ogc = TestSupport.run(null, "gdalsrsinfo", "-o", "wkt1", "--single-line", "EPSG:" + code).trim();
            assertThat(Crs.fromPrj(esri)).as("GDAL ESRI WKT of %d: %s", code, esri).contains(Crs.epsg(code));
            assertThat(Crs.fromPrj(ogc)).as("GDAL OGC WKT of %d", code).contains(Crs.epsg(code));
        }
    }

    @Test
    void emptyWhenUnsure() {
        String beijing54 = "PROJCS[\"Beijing_1954_3_Degree_GK_CM_75E\",GEOGCS[\"GCS_Beijing_1954\",DATUM[\"D_Beijing_1954\","
                + "SPHEROID[\"Krasovsky_1940\",6378245.0,298.3]],PRIMEM[\"Greenwich\",0.0],UNIT[\"Degree\",0.0174532925199433]],"
                + "PROJECTION[\"Gauss_Kruger\"],PARAMETER[\"False_Easting\",500000.0],PARAMETER[\"False_Northing\",0.0],"
                + "PARAMETER[\"Central_Meridian\",75.0],PARAMETER[\"Scale_Factor\",1.0],PARAMETER[\"Latitude_Of_Origin\",0.0],"
                + "UNIT[\"Meter\",1.0]]";
        assertThat(Crs.fromPrj(beijing54)).isEmpty();
        assertThat(Crs.fromPrj(ESRI_GK_CM75.replace("75.0]", "76.5]"))).isEmpty(); // not a zone meridian
        assertThat(Crs.fromPrj("garbage")).isEmpty();
        assertThat(Crs.fromPrj(null)).isEmpty();
    }

    // ------------------------------------------------------------------ plausibility

    static final Envelope SHULE = new Envelope(75.6, 76.6, 38.9, 39.6);

    @Test
    void plausibilityNamesTheLikelyCause() {
        assertThat(Plausibility.check(new Envelope(75.8, 76.2, 39.2, 39.5), Crs.WGS84, SHULE)).isEmpty();
        assertThat(Plausibility.check(new Envelope(39.2, 39.5, 75.8, 76.2), Crs.WGS84, SHULE))
                .extracting(Plausibility.Warning::cause).containsExactly(Plausibility.Cause.SWAPPED_AXES);
        assertThat(Plausibility.check(new Envelope(480_000, 520_000, 4_350_000, 4_380_000), Crs.CGCS2000, SHULE))
                .extracting(Plausibility.Warning::cause).containsExactly(Plausibility.Cause.PROJECTED_AS_DEGREES);
        assertThat(Plausibility.check(new Envelope(75.8, 76.2, 39.2, 39.5), Crs.epsg(4534), SHULE))
                .extracting(Plausibility.Warning::cause).containsExactly(Plausibility.Cause.DEGREES_AS_PROJECTED);
        assertThat(Plausibility.check(new Envelope(116.3, 116.5, 39.8, 40.0), Crs.WGS84, SHULE))
                .extracting(Plausibility.Warning::cause).containsExactly(Plausibility.Cause.FAR_FROM_AREA);
        double[] a = Crs.epsg(4534).fromWgs84(75.8, 39.2);
        double[] b = Crs.epsg(4534).fromWgs84(76.2, 39.5);
        Envelope gk = new Envelope(a[0], b[0], a[1], b[1]);
        assertThat(Plausibility.check(gk, Crs.epsg(4534), SHULE)).isEmpty();
        assertThat(Plausibility.check(gk, Crs.epsg(4513), SHULE)).singleElement()
                .satisfies(w -> {
                    assertThat(w.cause()).isEqualTo(Plausibility.Cause.ZONE_PREFIX_MISMATCH);
                    assertThat(w.message()).contains("EPSG:4534");
                });
        Envelope prefixed = new Envelope(a[0] + 25_000_000, b[0] + 25_000_000, a[1], b[1]);
        assertThat(Plausibility.check(prefixed, Crs.epsg(4534), SHULE)).singleElement()
                .satisfies(w -> assertThat(w.message()).contains("EPSG:4513"));
        assertThat(Plausibility.check(gk, Crs.epsg(4540), SHULE)) // CM 93E: wrong zone
                .extracting(Plausibility.Warning::cause).containsExactly(Plausibility.Cause.FAR_FROM_AREA);
        // no expected area: China is the default neighbourhood
        assertThat(Plausibility.check(new Envelope(39.2, 39.5, 75.8, 76.2), Crs.WGS84, null))
                .extracting(Plausibility.Warning::cause).containsExactly(Plausibility.Cause.SWAPPED_AXES);
    }
}
