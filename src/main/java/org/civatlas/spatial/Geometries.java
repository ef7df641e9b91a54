package org.civatlas.spatial;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.CoordinateSequenceFilter;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;

/**
 * The one geometry factory of the application: longitude/latitude on WGS 84 (EPSG:4326).
 * Every stored geometry is built here so that it carries SRID 4326 (H2GIS rejects SRID 0).
 */
public final class Geometries {

    public static final int WGS84_SRID = 4326;

    public static final GeometryFactory WGS84 = new GeometryFactory(new PrecisionModel(), WGS84_SRID);

    private Geometries() {
    }

    /** A function of one vertex: returns the new x and y. */
    @FunctionalInterface
    public interface VertexFunction {
        double[] apply(double x, double y);
    }

    /**
     * Replaces every vertex of the geometry (in place) by the function's result: datum shifts, projections, axis
     * swaps, snapping to a grid. The one vertex transform of the application; the geometry's cached envelope is
     * reset afterwards. Z and M ordinates are kept.
     */
    public static void applyToVertices(Geometry geometry, VertexFunction f) {
        geometry.apply(new CoordinateSequenceFilter() {
            @Override
            public void filter(CoordinateSequence seq, int i) {
                double[] c = f.apply(seq.getX(i), seq.getY(i));
                seq.setOrdinate(i, CoordinateSequence.X, c[0]);
                seq.setOrdinate(i, CoordinateSequence.Y, c[1]);
            }

            @Override
            public boolean isDone() {
                return false;
            }

            @Override
            public boolean isGeometryChanged() {
                return true;
            }
        });
    }

    /** A copy built by {@code factory} (and carrying its SRID) whose vertices are the function's results. */
    public static Geometry transformed(Geometry geometry, GeometryFactory factory, VertexFunction f) {
        Geometry copy = factory.createGeometry(geometry);
        applyToVertices(copy, f);
        copy.setSRID(factory.getSRID());
        return copy;
    }

    public static Point point(double lon, double lat) {
        return WGS84.createPoint(new Coordinate(lon, lat));
    }

    public static Polygon rectangle(double minLon, double minLat, double maxLon, double maxLat) {
        return (Polygon) WGS84.toGeometry(new Envelope(minLon, maxLon, minLat, maxLat));
    }

    /** Wraps a polygon as a multipolygon; returns a multipolygon unchanged (re-tagged with SRID 4326). */
    public static MultiPolygon toMultiPolygon(Geometry geometry) {
        if (geometry instanceof MultiPolygon multi) {
            MultiPolygon copy = (MultiPolygon) WGS84.createGeometry(multi);
            copy.setSRID(WGS84_SRID);
            return copy;
        }
        if (geometry instanceof Polygon polygon) {
            MultiPolygon multi = WGS84.createMultiPolygon(new Polygon[] {(Polygon) WGS84.createGeometry(polygon)});
            multi.setSRID(WGS84_SRID);
            return multi;
        }
        throw new IllegalArgumentException("Expected a polygon or multipolygon, got " + geometry.getGeometryType());
    }
}
