package org.civatlas.spatial;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.io.WKTReader;

class GeometriesTest {

    private static Geometry wkt(String text) throws Exception {
        return new WKTReader(Geometries.WGS84).read(text);
    }

    @Test
    void everyVertexOfEveryPartIsTransformedInPlace() throws Exception {
        Geometry g = wkt("GEOMETRYCOLLECTION (POINT (1 2), LINESTRING (0 0, 3 4), MULTIPOLYGON ("
                + "((0 0, 10 0, 10 10, 0 10, 0 0), (2 2, 2 3, 3 3, 2 2)), ((20 20, 21 20, 21 21, 20 20))))");
        assertThat(g.getEnvelopeInternal()).isEqualTo(new Envelope(0, 21, 0, 21)); // cached before the change
        Geometries.applyToVertices(g, (x, y) -> new double[] {2 * x + 1, y - 5});
        assertThat(g).isEqualTo(wkt("GEOMETRYCOLLECTION (POINT (3 -3), LINESTRING (1 -5, 7 -1), MULTIPOLYGON ("
                + "((1 -5, 21 -5, 21 5, 1 5, 1 -5), (5 -3, 5 -2, 7 -2, 5 -3)), ((41 15, 43 15, 43 16, 41 15))))"));
        assertThat(g.getEnvelopeInternal()).isEqualTo(new Envelope(1, 43, -5, 16)); // the cache was reset
    }

    @Test
    void anAxisSwapIsItsOwnInverse() throws Exception {
        Geometry g = wkt("POLYGON ((76 39, 77 39, 77 40, 76 39))");
        Geometries.applyToVertices(g, (x, y) -> new double[] {y, x});
        assertThat(g).isEqualTo(wkt("POLYGON ((39 76, 39 77, 40 77, 39 76))"));
        Geometries.applyToVertices(g, (x, y) -> new double[] {y, x});
        assertThat(g).isEqualTo(wkt("POLYGON ((76 39, 77 39, 77 40, 76 39))"));
    }

    @Test
    void zIsKept() {
        Geometry g = Geometries.WGS84.createPoint(new Coordinate(1, 2, 7));
        Geometries.applyToVertices(g, (x, y) -> new double[] {x + 1, y + 1});
        assertThat(g.getCoordinate().getZ()).isEqualTo(7);
        assertThat(g.getCoordinate().getX()).isEqualTo(2);
    }

    @Test
    void transformedIsACopyOfTheFactorysSrid() throws Exception {
        GeometryFactory mercator = new GeometryFactory(new PrecisionModel(), 3857);
        Geometry g = wkt("LINESTRING (1 2, 3 4)");
        Geometry t = Geometries.transformed(g, mercator, (x, y) -> new double[] {x * 10, y * 10});
        assertThat(t.getSRID()).isEqualTo(3857);
        assertThat(t.getFactory()).isSameAs(mercator);
        assertThat(t.getCoordinates()).containsExactly(new Coordinate(10, 20), new Coordinate(30, 40));
        assertThat(g).isEqualTo(wkt("LINESTRING (1 2, 3 4)")); // the input is untouched
        assertThat(g.getSRID()).isEqualTo(Geometries.WGS84_SRID);
    }
}
