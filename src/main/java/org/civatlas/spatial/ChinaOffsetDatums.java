package org.civatlas.spatial;

import org.locationtech.jts.geom.Geometry;

/**
 * Conversions between WGS 84 and the two offset datums used by Chinese web maps: GCJ-02 (AMap, Tencent,
 * the "Mars" datum mandated for published maps) and BD-09 (Baidu, an additional offset on top of GCJ-02).
 *
 * <h2>Method</h2>
 * <ul>
 *   <li><b>WGS 84 → GCJ-02</b> is the well-known published forward formula: two polynomial-plus-sine offset
 *       functions ({@code transformLat}, {@code transformLon}) of (lon − 105°, lat − 35°), scaled from metres to
 *       degrees on the Krasovsky ellipsoid (a = 6378245.0 m, e² = 0.00669342162296594323). Outside the
 *       rough bounding box of China (lon 72.004…137.8347, lat 0.8293…55.8271) no offset is applied.</li>
 *   <li><b>GCJ-02 → WGS 84</b> has no closed form. It is computed by fixed-point iteration of the forward formula:
 *       starting from w = g, repeat w ← w − (forward(w) − g) until the residual |forward(w) − g| is below
 *       1e-9° in both axes (typically 3–5 iterations; the offset field is smooth, so the iteration converges
 *       quickly). The result reproduces the GCJ-02 input to better than 1e-9° (about 0.1 mm) when converted
 *       forward again; this is far better than the common one-step "subtract the offset" approximation, whose
 *       error is up to about 1 m.</li>
 *   <li><b>GCJ-02 → BD-09</b> is Baidu's published forward formula (a small rotation and scaling in polar
 *       coordinates plus a constant shift). <b>BD-09 → GCJ-02</b> starts from the published approximate
 *       inverse and refines it by the same fixed-point iteration, residual below 1e-9°.</li>
 * </ul>
 * The absolute accuracy is that of the published formulas themselves (they reproduce the official offset to
 * within roughly a metre); the conversions are mutually consistent to about 1e-9°. Around Shule (76°E, 39.4°N)
 * a GCJ-02 coordinate lies about 256 m east and 25 m north of the WGS 84 position.
 *
 * <p>All methods take and return {@code double[] {lon, lat}} in degrees.
 */
public final class ChinaOffsetDatums {

    private static final double A = 6378245.0;
    private static final double EE = 0.00669342162296594323;
    private static final double X_PI = Math.PI * 3000.0 / 180.0;

    /** Residual (degrees) at which the iterative inverses stop. */
    public static final double INVERSE_TOLERANCE = 1e-9;
    private static final int MAX_ITERATIONS = 50;

    private ChinaOffsetDatums() {
    }

    /** True if the point is outside the rough bounding box of China in which the GCJ-02 offset applies. */
    public static boolean outOfChina(double lon, double lat) {
        return lon < 72.004 || lon > 137.8347 || lat < 0.8293 || lat > 55.8271;
    }

    /** WGS 84 → GCJ-02 (published forward formula). */
    public static double[] wgs84ToGcj02(double lon, double lat) {
        if (outOfChina(lon, lat)) {
            return new double[] {lon, lat};
        }
        double dLat = transformLat(lon - 105.0, lat - 35.0);
        double dLon = transformLon(lon - 105.0, lat - 35.0);
        double radLat = lat / 180.0 * Math.PI;
        double magic = Math.sin(radLat);
        magic = 1 - EE * magic * magic;
        double sqrtMagic = Math.sqrt(magic);
        dLat = (dLat * 180.0) / ((A * (1 - EE)) / (magic * sqrtMagic) * Math.PI);
        dLon = (dLon * 180.0) / (A / sqrtMagic * Math.cos(radLat) * Math.PI);
        return new double[] {lon + dLon, lat + dLat};
    }

    /** GCJ-02 → WGS 84 by fixed-point iteration of {@link #wgs84ToGcj02}, residual below 1e-9°. */
    public static double[] gcj02ToWgs84(double lon, double lat) {
        if (outOfChina(lon, lat)) {
            return new double[] {lon, lat};
        }
        double wLon = lon;
        double wLat = lat;
        for (int i = 0; i < MAX_ITERATIONS; i++) {
            double[] g = wgs84ToGcj02(wLon, wLat);
            double eLon = g[0] - lon;
            double eLat = g[1] - lat;
            if (Math.abs(eLon) < INVERSE_TOLERANCE && Math.abs(eLat) < INVERSE_TOLERANCE) {
                break;
            }
            wLon -= eLon;
            wLat -= eLat;
        }
        return new double[] {wLon, wLat};
    }

    /** GCJ-02 → BD-09 (Baidu's published forward formula). */
    public static double[] gcj02ToBd09(double lon, double lat) {
        double z = Math.sqrt(lon * lon + lat * lat) + 0.00002 * Math.sin(lat * X_PI);
        double theta = Math.atan2(lat, lon) + 0.000003 * Math.cos(lon * X_PI);
        return new double[] {z * Math.cos(theta) + 0.0065, z * Math.sin(theta) + 0.006};
    }

    /** BD-09 → GCJ-02: published approximate inverse refined by fixed-point iteration, residual below 1e-9°. */
    public static double[] bd09ToGcj02(double lon, double lat) {
        double x = lon - 0.0065;
        double y = lat - 0.006;
        double z = Math.sqrt(x * x + y * y) - 0.00002 * Math.sin(y * X_PI);
        double theta = Math.atan2(y, x) - 0.000003 * Math.cos(x * X_PI);
        double gLon = z * Math.cos(theta);
        double gLat = z * Math.sin(theta);
        for (int i = 0; i < MAX_ITERATIONS; i++) {
            double[] b = gcj02ToBd09(gLon, gLat);
            double eLon = b[0] - lon;
            double eLat = b[1] - lat;
            if (Math.abs(eLon) < INVERSE_TOLERANCE && Math.abs(eLat) < INVERSE_TOLERANCE) {
                break;
            }
            gLon -= eLon;
            gLat -= eLat;
        }
        return new double[] {gLon, gLat};
    }

    /** BD-09 → WGS 84 (via GCJ-02). */
    public static double[] bd09ToWgs84(double lon, double lat) {
        double[] g = bd09ToGcj02(lon, lat);
        return gcj02ToWgs84(g[0], g[1]);
    }

    /** WGS 84 → BD-09 (via GCJ-02). */
    public static double[] wgs84ToBd09(double lon, double lat) {
        double[] g = wgs84ToGcj02(lon, lat);
        return gcj02ToBd09(g[0], g[1]);
    }

    /** Returns a copy of the geometry, built by {@link Geometries#WGS84}, with every vertex converted GCJ-02 → WGS 84. */
    public static Geometry gcj02ToWgs84(Geometry geometry) {
        return convert(geometry, Datum.GCJ02_TO_WGS84);
    }

    /** Returns a copy of the geometry, built by {@link Geometries#WGS84}, with every vertex converted BD-09 → WGS 84. */
    public static Geometry bd09ToWgs84(Geometry geometry) {
        return convert(geometry, Datum.BD09_TO_WGS84);
    }

    /** Returns a copy of the geometry, built by {@link Geometries#WGS84}, with every vertex converted WGS 84 → GCJ-02. */
    public static Geometry wgs84ToGcj02(Geometry geometry) {
        return convert(geometry, Datum.WGS84_TO_GCJ02);
    }

    private enum Datum {
        GCJ02_TO_WGS84, BD09_TO_WGS84, WGS84_TO_GCJ02;

        double[] apply(double lon, double lat) {
            return switch (this) {
                case GCJ02_TO_WGS84 -> gcj02ToWgs84(lon, lat);
                case BD09_TO_WGS84 -> bd09ToWgs84(lon, lat);
                case WGS84_TO_GCJ02 -> wgs84ToGcj02(lon, lat);
            };
        }
    }

    private static Geometry convert(Geometry geometry, Datum datum) {
        return Geometries.transformed(geometry, Geometries.WGS84, datum::apply);
    }

    private static double transformLat(double x, double y) {
        double ret = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.sqrt(Math.abs(x));
        ret += (20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0 / 3.0;
        ret += (20.0 * Math.sin(y * Math.PI) + 40.0 * Math.sin(y / 3.0 * Math.PI)) * 2.0 / 3.0;
        ret += (160.0 * Math.sin(y / 12.0 * Math.PI) + 320.0 * Math.sin(y * Math.PI / 30.0)) * 2.0 / 3.0;
        return ret;
    }

    private static double transformLon(double x, double y) {
        double ret = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.sqrt(Math.abs(x));
        ret += (20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0 / 3.0;
        ret += (20.0 * Math.sin(x * Math.PI) + 40.0 * Math.sin(x / 3.0 * Math.PI)) * 2.0 / 3.0;
        ret += (150.0 * Math.sin(x / 12.0 * Math.PI) + 300.0 * Math.sin(x / 30.0 * Math.PI)) * 2.0 / 3.0;
        return ret;
    }
}
