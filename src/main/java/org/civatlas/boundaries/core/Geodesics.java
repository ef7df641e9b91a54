package org.civatlas.boundaries.core;

import net.sf.geographiclib.Geodesic;
import net.sf.geographiclib.GeodesicMask;
import net.sf.geographiclib.PolygonArea;
import net.sf.geographiclib.PolygonResult;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Polygon;

/** Geodesic lengths and areas on the WGS 84 ellipsoid (GeographicLib), for lon/lat geometries. */
final class Geodesics {

    private Geodesics() {
    }

    /** Sum of the geodesic lengths of all segments of all linear components (polygon rings included). */
    static double length(Geometry g) {
        double sum = 0;
        for (int i = 0; i < g.getNumGeometries(); i++) {
            Geometry part = g.getGeometryN(i);
            if (part instanceof LineString line) {
                sum += length(line.getCoordinateSequence());
            } else if (part instanceof Polygon p) {
                sum += length(p.getExteriorRing().getCoordinateSequence());
                for (int h = 0; h < p.getNumInteriorRing(); h++) {
                    sum += length(p.getInteriorRingN(h).getCoordinateSequence());
                }
            } else if (part != g) {
                sum += length(part);
            }
        }
        return sum;
    }

    static double length(CoordinateSequence cs) {
        double sum = 0;
        for (int k = 1; k < cs.size(); k++) {
            sum += distance(cs.getX(k - 1), cs.getY(k - 1), cs.getX(k), cs.getY(k));
        }
        return sum;
    }

    static double distance(double lon1, double lat1, double lon2, double lat2) {
        if (lon1 == lon2 && lat1 == lat2) {
            return 0;
        }
        return Geodesic.WGS84.Inverse(lat1, lon1, lat2, lon2, GeodesicMask.DISTANCE).s12;
    }

    /** Geodesic area of the polygonal components (shells minus holes), in square metres. */
    static double area(Geometry g) {
        double sum = 0;
        for (int i = 0; i < g.getNumGeometries(); i++) {
            Geometry part = g.getGeometryN(i);
            if (part instanceof Polygon p) {
                sum += Math.abs(ringArea(p.getExteriorRing().getCoordinateSequence()));
                for (int h = 0; h < p.getNumInteriorRing(); h++) {
                    sum -= Math.abs(ringArea(p.getInteriorRingN(h).getCoordinateSequence()));
                }
            } else if (part != g && part.getNumGeometries() > 0) {
                sum += area(part);
            }
        }
        return sum;
    }

    private static double ringArea(CoordinateSequence cs) {
        PolygonArea pa = new PolygonArea(Geodesic.WGS84, false);
        for (int k = 0; k < cs.size() - 1; k++) { // the closing vertex repeats the first
            pa.AddPoint(cs.getY(k), cs.getX(k));
        }
        PolygonResult r = pa.Compute(false, true);
        return r.area;
    }
}
