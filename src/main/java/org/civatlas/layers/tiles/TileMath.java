package org.civatlas.layers.tiles;

import org.civatlas.spatial.Geometries;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.PrecisionModel;

/** Web Mercator (EPSG:3857, spherical) and XYZ tile arithmetic (origin top left, y down, as in OSM/Google/MVT). */
public final class TileMath {

    public static final int MAX_ZOOM = 22;
    /** Half the width of the Web Mercator square, metres. */
    public static final double ORIGIN_SHIFT = Math.PI * 6378137.0;
    /** Latitude limit of Web Mercator. */
    public static final double MAX_LATITUDE = 85.0511287798066;
    public static final int WEB_MERCATOR_SRID = 3857;
    /** Geometries in Web Mercator metres. */
    public static final GeometryFactory MERCATOR = new GeometryFactory(new PrecisionModel(), WEB_MERCATOR_SRID);

    private TileMath() {
    }

    /** z in 0..22 and 0 ≤ x, y < 2^z. */
    public static boolean valid(int z, int x, int y) {
        if (z < 0 || z > MAX_ZOOM) {
            return false;
        }
        long n = 1L << z;
        return x >= 0 && y >= 0 && x < n && y < n;
    }

    /** Width (= height) of one tile at zoom z in metres. */
    public static double tileSizeMercator(int z) {
        return 2 * ORIGIN_SHIFT / (1L << z);
    }

    /** Size of one screen pixel at zoom z, metres, for the usual 256-pixel tiles. */
    public static double pixelSizeMercator(int z) {
        return tileSizeMercator(z) / 256.0;
    }

    /** The tile's square in Web Mercator metres. */
    public static Envelope tileBoundsMercator(int z, int x, int y) {
        if (!valid(z, x, y)) {
            throw new IllegalArgumentException("no such tile " + z + "/" + x + "/" + y);
        }
        double size = tileSizeMercator(z);
        double minX = -ORIGIN_SHIFT + x * size;
        double maxY = ORIGIN_SHIFT - y * size;
        return new Envelope(minX, minX + size, maxY - size, maxY);
    }

    /** The tile's bounds in WGS 84 degrees (minX = west, minY = south). */
    public static Envelope tileBoundsWgs84(int z, int x, int y) {
        Envelope m = tileBoundsMercator(z, x, y);
        return new Envelope(mercatorXToLon(m.getMinX()), mercatorXToLon(m.getMaxX()),
                mercatorYToLat(m.getMinY()), mercatorYToLat(m.getMaxY()));
    }

    public static double lonToMercatorX(double lon) {
        return lon * ORIGIN_SHIFT / 180.0;
    }

    public static double latToMercatorY(double lat) {
        double clamped = Math.max(-MAX_LATITUDE, Math.min(MAX_LATITUDE, lat));
        return Math.log(Math.tan(Math.PI / 4 + Math.toRadians(clamped) / 2)) * 6378137.0;
    }

    public static double mercatorXToLon(double x) {
        return x / ORIGIN_SHIFT * 180.0;
    }

    public static double mercatorYToLat(double y) {
        return Math.toDegrees(2 * Math.atan(Math.exp(y / 6378137.0)) - Math.PI / 2);
    }

    /** Column of the tile containing the longitude, clamped to 0..2^z-1. */
    public static int lonToTileX(double lon, int z) {
        long n = 1L << z;
        long x = (long) Math.floor((lon + 180.0) / 360.0 * n);
        return (int) Math.max(0, Math.min(n - 1, x));
    }

    /** Row of the tile containing the latitude, clamped to 0..2^z-1. */
    public static int latToTileY(double lat, int z) {
        long n = 1L << z;
        double y = (ORIGIN_SHIFT - latToMercatorY(lat)) / tileSizeMercator(z);
        return (int) Math.max(0, Math.min(n - 1, (long) Math.floor(y)));
    }

    /** Copy of a WGS 84 geometry in Web Mercator metres (latitudes clamped to ±85.0511°). */
    public static Geometry toMercator(Geometry wgs84) {
        return Geometries.transformed(wgs84, MERCATOR, (x, y) -> new double[] {lonToMercatorX(x), latToMercatorY(y)});
    }

    /** Copy of a Web Mercator geometry in WGS 84 degrees, built by {@code factory}. */
    public static Geometry toWgs84(Geometry mercator, GeometryFactory factory) {
        return Geometries.transformed(mercator, factory, (x, y) -> new double[] {mercatorXToLon(x), mercatorYToLat(y)});
    }
}
