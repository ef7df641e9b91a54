package org.civatlas.layers.tiles;

import java.util.ArrayList;
import java.util.List;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;

/**
 * Clips a Web Mercator geometry to a tile plus buffer and transforms it to integer tile coordinates (extent units,
 * y down). Polygons are clipped ring by ring (Sutherland–Hodgman against the four sides of the buffered square), lines
 * segment by segment (Liang–Barsky), as geojson-vt and tippecanoe do: linear time, no topology exceptions, and no
 * overlay on dirty data. Intersection points are computed from the segment's endpoints in a canonical order, so an edge
 * shared by two polygons is cut at bit-identical points in both and a shared boundary stays shared after rounding.
 * Rings on the clip line may get zero-width spikes along the buffer edge; they lie outside the visible tile.
 */
final class TileClipper {

    /** Tile coordinates are integers: a plain factory (no SRID, floating model holding integral values). */
    static final GeometryFactory TILE = new GeometryFactory(new PrecisionModel(), 0);

    private final double minX;
    private final double maxY;
    private final double scale;
    private final double lo;
    private final double hi;
    private final Envelope clipMercator;

    TileClipper(Envelope tileMercator, int extent, int buffer) {
        this.minX = tileMercator.getMinX();
        this.maxY = tileMercator.getMaxY();
        this.scale = extent / tileMercator.getWidth();
        this.lo = -buffer;
        this.hi = extent + buffer;
        double b = buffer / scale;
        this.clipMercator = new Envelope(tileMercator.getMinX() - b, tileMercator.getMaxX() + b,
                tileMercator.getMinY() - b, tileMercator.getMaxY() + b);
    }

    Envelope clipEnvelopeMercator() {
        return clipMercator;
    }

    /** The geometry clipped and in tile coordinates, or null if nothing is left. */
    Geometry clip(Geometry g) {
        if (g == null || g.isEmpty() || !clipMercator.intersects(g.getEnvelopeInternal())) {
            return null;
        }
        int dim = g.getDimension();
        if (dim == 2) {
            List<Polygon> out = new ArrayList<>();
            for (int i = 0; i < g.getNumGeometries(); i++) {
                Geometry part = g.getGeometryN(i);
                if (part instanceof Polygon p) {
                    Polygon c = clipPolygon(p);
                    if (c != null) {
                        out.add(c);
                    }
                }
            }
            return out.isEmpty() ? null
                    : out.size() == 1 ? out.get(0) : TILE.createMultiPolygon(out.toArray(new Polygon[0]));
        }
        if (dim == 1) {
            List<LineString> out = new ArrayList<>();
            for (int i = 0; i < g.getNumGeometries(); i++) {
                if (g.getGeometryN(i) instanceof LineString l) {
                    clipLine(l.getCoordinateSequence(), out);
                }
            }
            return out.isEmpty() ? null
                    : out.size() == 1 ? out.get(0) : TILE.createMultiLineString(out.toArray(new LineString[0]));
        }
        List<Point> out = new ArrayList<>();
        for (int i = 0; i < g.getNumGeometries(); i++) {
            if (g.getGeometryN(i) instanceof Point p && !p.isEmpty()) {
                double x = tx(p.getX());
                double y = ty(p.getY());
                if (x >= lo && x <= hi && y >= lo && y <= hi) {
                    out.add(TILE.createPoint(new Coordinate(Math.rint(x), Math.rint(y))));
                }
            }
        }
        return out.isEmpty() ? null
                : out.size() == 1 ? out.get(0) : TILE.createMultiPoint(out.toArray(new Point[0]));
    }

    private double tx(double x) {
        return (x - minX) * scale;
    }

    private double ty(double y) {
        return (maxY - y) * scale;
    }

    private Polygon clipPolygon(Polygon p) {
        if (!clipMercator.intersects(p.getEnvelopeInternal())) {
            return null;
        }
        LinearRing shell = clipRing(p.getExteriorRing());
        if (shell == null) {
            return null;
        }
        List<LinearRing> holes = new ArrayList<>(0);
        for (int i = 0; i < p.getNumInteriorRing(); i++) {
            LinearRing h = clipRing(p.getInteriorRingN(i));
            if (h != null) {
                holes.add(h);
            }
        }
        return TILE.createPolygon(shell, holes.toArray(new LinearRing[0]));
    }

    private LinearRing clipRing(LinearRing ring) {
        Envelope env = ring.getEnvelopeInternal();
        if (!clipMercator.intersects(env)) {
            return null;
        }
        CoordinateSequence seq = ring.getCoordinateSequence();
        int n = seq.size();
        double[] xy = new double[2 * n];
        for (int i = 0; i < n; i++) {
            xy[2 * i] = tx(seq.getX(i));
            xy[2 * i + 1] = ty(seq.getY(i));
        }
        int len = n;
        if (!clipMercator.contains(env)) {
            // open ring (drop the closing vertex), clip against the four sides
            len = n - 1;
            double[][] buf = {xy, null};
            len = clipSide(buf, len, 0, lo, true);
            len = clipSide(buf, len, 0, hi, false);
            len = clipSide(buf, len, 1, lo, true);
            len = clipSide(buf, len, 1, hi, false);
            if (len < 3) {
                return null;
            }
            xy = buf[0];
            // close again
            if (xy.length < 2 * (len + 1)) {
                xy = java.util.Arrays.copyOf(xy, 2 * (len + 1));
            }
            xy[2 * len] = xy[0];
            xy[2 * len + 1] = xy[1];
            len++;
        }
        return roundedRing(xy, len);
    }

    /**
     * One Sutherland–Hodgman pass over an open ring of {@code len} vertices in buf[0], keeping the side
     * {@code ordinate >= c} (keepGreater) or {@code ordinate <= c}. Result in buf[0], returns its length.
     */
    private static int clipSide(double[][] buf, int len, int axis, double c, boolean keepGreater) {
        double[] in = buf[0];
        if (len == 0) {
            return 0;
        }
        boolean allInside = true;
        for (int i = 0; i < len && allInside; i++) {
            double v = in[2 * i + axis];
            allInside = keepGreater ? v >= c : v <= c;
        }
        if (allInside) {
            return len;
        }
        double[] out = buf[1] == null || buf[1].length < 4 * len + 4 ? new double[4 * len + 4] : buf[1];
        int m = 0;
        double px = in[2 * (len - 1)];
        double py = in[2 * (len - 1) + 1];
        boolean pIn = inside(axis == 0 ? px : py, c, keepGreater);
        for (int i = 0; i < len; i++) {
            double qx = in[2 * i];
            double qy = in[2 * i + 1];
            boolean qIn = inside(axis == 0 ? qx : qy, c, keepGreater);
            if (qIn != pIn) {
                double[] ip = intersect(px, py, qx, qy, axis, c);
                out[m++] = ip[0];
                out[m++] = ip[1];
            }
            if (qIn) {
                out[m++] = qx;
                out[m++] = qy;
            }
            px = qx;
            py = qy;
            pIn = qIn;
        }
        buf[1] = in;
        buf[0] = out;
        return m / 2;
    }

    private static boolean inside(double v, double c, boolean keepGreater) {
        return keepGreater ? v >= c : v <= c;
    }

    /** Intersection of segment p–q with the line ordinate(axis) = c, computed in a canonical endpoint order. */
    private static double[] intersect(double px, double py, double qx, double qy, int axis, double c) {
        if (qx < px || (qx == px && qy < py)) {
            double t = px;
            px = qx;
            qx = t;
            t = py;
            py = qy;
            qy = t;
        }
        if (axis == 0) {
            double t = (c - px) / (qx - px);
            return new double[] {c, py + t * (qy - py)};
        }
        double t = (c - py) / (qy - py);
        return new double[] {px + t * (qx - px), c};
    }

    /** Rounds a closed ring to integers, drops repeated vertices; null if fewer than 3 distinct vertices remain. */
    private static LinearRing roundedRing(double[] xy, int len) {
        double[] out = new double[2 * len + 2];
        int m = 0;
        for (int i = 0; i < len; i++) {
            double x = Math.rint(xy[2 * i]);
            double y = Math.rint(xy[2 * i + 1]);
            if (m > 0 && out[2 * m - 2] == x && out[2 * m - 1] == y) {
                continue;
            }
            out[2 * m] = x;
            out[2 * m + 1] = y;
            m++;
        }
        if (m > 1 && (out[0] != out[2 * m - 2] || out[1] != out[2 * m - 1])) {
            out[2 * m] = out[0];
            out[2 * m + 1] = out[1];
            m++;
        }
        if (m < 4) {
            return null;
        }
        return TILE.createLinearRing(coordinates(out, m));
    }

    /** Liang–Barsky clipping of a polyline; each inside run becomes one rounded line string. */
    private void clipLine(CoordinateSequence seq, List<LineString> out) {
        int n = seq.size();
        double[] run = new double[2 * n + 4];
        int m = 0;
        for (int i = 0; i + 1 < n; i++) {
            double x0 = tx(seq.getX(i));
            double y0 = ty(seq.getY(i));
            double x1 = tx(seq.getX(i + 1));
            double y1 = ty(seq.getY(i + 1));
            double dx = x1 - x0;
            double dy = y1 - y0;
            double t0 = 0;
            double t1 = 1;
            double[] p = {-dx, dx, -dy, dy};
            double[] q = {x0 - lo, hi - x0, y0 - lo, hi - y0};
            boolean visible = true;
            for (int k = 0; k < 4 && visible; k++) {
                if (p[k] == 0) {
                    visible = q[k] >= 0;
                } else {
                    double r = q[k] / p[k];
                    if (p[k] < 0) {
                        if (r > t1) {
                            visible = false;
                        } else if (r > t0) {
                            t0 = r;
                        }
                    } else {
                        if (r < t0) {
                            visible = false;
                        } else if (r < t1) {
                            t1 = r;
                        }
                    }
                }
            }
            if (!visible) {
                m = flushLine(run, m, out);
                continue;
            }
            double ax = Math.rint(x0 + t0 * dx);
            double ay = Math.rint(y0 + t0 * dy);
            double bx = Math.rint(x0 + t1 * dx);
            double by = Math.rint(y0 + t1 * dy);
            if (m == 0 || t0 > 0) {
                m = flushLine(run, m, out);
                run[0] = ax;
                run[1] = ay;
                m = 1;
            }
            if (run[2 * m - 2] != bx || run[2 * m - 1] != by) {
                if (2 * m + 2 > run.length) {
                    run = java.util.Arrays.copyOf(run, run.length * 2);
                }
                run[2 * m] = bx;
                run[2 * m + 1] = by;
                m++;
            }
            if (t1 < 1) {
                m = flushLine(run, m, out);
            }
        }
        flushLine(run, m, out);
    }

    /**
     * Coordinate arrays, not packed sequences: the MVT encoder reverses ring winding in place on the array returned by
     * getCoordinates(), which only works on array-backed sequences.
     */
    private static Coordinate[] coordinates(double[] xy, int m) {
        Coordinate[] cs = new Coordinate[m];
        for (int i = 0; i < m; i++) {
            cs[i] = new Coordinate(xy[2 * i], xy[2 * i + 1]);
        }
        return cs;
    }

    private static int flushLine(double[] run, int m, List<LineString> out) {
        if (m >= 2) {
            out.add(TILE.createLineString(coordinates(run, m)));
        }
        return 0;
    }
}
