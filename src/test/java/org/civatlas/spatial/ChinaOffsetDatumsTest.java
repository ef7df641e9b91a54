package org.civatlas.spatial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;

class ChinaOffsetDatumsTest {

    private static final double SHULE_LON = 76.0;
    private static final double SHULE_LAT = 39.4;

    @Test
    void gcj02RoundTripIsExactToBetterThan1e7Degrees() {
        for (double lon = 73.5; lon <= 135.0; lon += 1.7) {
            for (double lat = 18.3; lat <= 53.5; lat += 1.3) {
                double[] gcj = ChinaOffsetDatums.wgs84ToGcj02(lon, lat);
                double[] back = ChinaOffsetDatums.gcj02ToWgs84(gcj[0], gcj[1]);
                assertThat(back[0]).isCloseTo(lon, within(1e-7));
                assertThat(back[1]).isCloseTo(lat, within(1e-7));
                // and the other way round: GCJ-02 input, inverse then forward
                double[] wgs = ChinaOffsetDatums.gcj02ToWgs84(lon, lat);
                double[] fwd = ChinaOffsetDatums.wgs84ToGcj02(wgs[0], wgs[1]);
                assertThat(fwd[0]).isCloseTo(lon, within(1e-9));
                assertThat(fwd[1]).isCloseTo(lat, within(1e-9));
            }
        }
    }

    @Test
    void bd09RoundTripIsExactToBetterThan1e7Degrees() {
        for (double lon = 73.5; lon <= 135.0; lon += 3.1) {
            for (double lat = 18.3; lat <= 53.5; lat += 2.9) {
                double[] bd = ChinaOffsetDatums.wgs84ToBd09(lon, lat);
                double[] back = ChinaOffsetDatums.bd09ToWgs84(bd[0], bd[1]);
                assertThat(back[0]).isCloseTo(lon, within(1e-7));
                assertThat(back[1]).isCloseTo(lat, within(1e-7));
            }
        }
    }

    @Test
    void aroundShuleGcj02LiesAbout256mEastAnd25mNorthOfWgs84() {
        double[] gcj = ChinaOffsetDatums.wgs84ToGcj02(SHULE_LON, SHULE_LAT);
        double metresPerDegreeLat = 111_000.0;
        double metresPerDegreeLon = 111_320.0 * Math.cos(Math.toRadians(SHULE_LAT));
        double east = (gcj[0] - SHULE_LON) * metresPerDegreeLon;
        double north = (gcj[1] - SHULE_LAT) * metresPerDegreeLat;
        assertThat(east).isCloseTo(256.0, within(10.0));
        assertThat(north).isCloseTo(25.0, within(10.0));
    }

    @Test
    void outsideChinaIsTheIdentity() {
        double[][] points = {{2.35, 48.85}, {-74.0, 40.7}, {139.7, 35.7}, {151.2, -33.9}};
        for (double[] p : points) {
            assertThat(ChinaOffsetDatums.wgs84ToGcj02(p[0], p[1])).containsExactly(p[0], p[1]);
            assertThat(ChinaOffsetDatums.gcj02ToWgs84(p[0], p[1])).containsExactly(p[0], p[1]);
        }
    }

    @Test
    void convertsEveryVertexOfAGeometryIntoANewWgs84Geometry() {
        LineString gcj = Geometries.WGS84.createLineString(new Coordinate[] {
            new Coordinate(76.0, 39.4), new Coordinate(76.1, 39.5)});
        gcj.setSRID(0);
        Geometry wgs = ChinaOffsetDatums.gcj02ToWgs84(gcj);
        assertThat(wgs).isNotSameAs(gcj);
        assertThat(wgs.getSRID()).isEqualTo(4326);
        assertThat(wgs.getFactory()).isSameAs(Geometries.WGS84);
        assertThat(gcj.getCoordinateN(0).x).isEqualTo(76.0);
        for (int i = 0; i < 2; i++) {
            Coordinate c = ((LineString) wgs).getCoordinateN(i);
            double[] expected = ChinaOffsetDatums.gcj02ToWgs84(gcj.getCoordinateN(i).x, gcj.getCoordinateN(i).y);
            assertThat(c.x).isEqualTo(expected[0]);
            assertThat(c.y).isEqualTo(expected[1]);
        }
    }
}
