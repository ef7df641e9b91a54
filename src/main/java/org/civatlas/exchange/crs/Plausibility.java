package org.civatlas.exchange.crs;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.locationtech.jts.geom.Envelope;

/**
 * Plausibility checks of a data extent against its declared CRS, run before an import is accepted. Each warning
 * names the likely cause so that the user can pick the right CRS.
 *
 * <p>Not detectable from the coordinates of one file: GCJ-02 or BD-09 data declared as WGS 84 (the offset is a few
 * hundred metres, inside any reasonable tolerance); the user must say where the data came from.
 */
public final class Plausibility {

    /** The likely cause of an implausible extent. */
    public enum Cause {
        /** Geographic CRS declared but the numbers are far beyond ±180/±90: they look like projected metres. */
        PROJECTED_AS_DEGREES,
        /** Projected CRS declared but all numbers are within ±180/±90: they look like degrees. */
        DEGREES_AS_PROJECTED,
        /** Longitude and latitude appear swapped. */
        SWAPPED_AXES,
        /** Gauss-Krüger easting has a zone prefix but the CRS declared has none, or the other way round. */
        ZONE_PREFIX_MISMATCH,
        /** The data lies more than 1° from the expected area. */
        FAR_FROM_AREA
    }

    public record Warning(Cause cause, String message) {
    }

    /** How far (degrees) outside the expected area data may lie before it is reported. */
    public static final double MAX_DISTANCE_DEGREES = 1.0;

    // Rough bounding box of China, used when no expected area is given.
    private static final Envelope CHINA = new Envelope(73, 135.1, 3.8, 53.6);

    private Plausibility() {
    }

    /**
     * @param dataExtent   extent of the data in the declared CRS's units (null or empty: no warnings)
     * @param declared     the CRS the user (or the file) declared
     * @param expectedArea WGS 84 lon/lat envelope of the expected neighbourhood (e.g. the county); may be null
     */
    public static List<Warning> check(Envelope dataExtent, Crs declared, Envelope expectedArea) {
        List<Warning> out = new ArrayList<>();
        if (dataExtent == null || dataExtent.isNull() || declared == null) {
            return out;
        }
        boolean looksLikeDegrees = Math.abs(dataExtent.getMinX()) <= 180 && Math.abs(dataExtent.getMaxX()) <= 180
                && Math.abs(dataExtent.getMinY()) <= 90 && Math.abs(dataExtent.getMaxY()) <= 90;
        boolean looksLikeSwappedDegrees = Math.abs(dataExtent.getMinX()) <= 90 && Math.abs(dataExtent.getMaxX()) <= 90
                && Math.abs(dataExtent.getMinY()) <= 180 && Math.abs(dataExtent.getMaxY()) <= 180;
        Envelope area = expectedArea != null ? expectedArea : CHINA;
        String areaName = expectedArea != null ? "the expected area" : "China";

        if (declared.geographic()) {
            if (!looksLikeDegrees && !looksLikeSwappedDegrees) {
                out.add(new Warning(Cause.PROJECTED_AS_DEGREES, String.format(Locale.ROOT,
                        "数据坐标超出经纬度范围（如 x=%.0f），可能是投影坐标（米），请选择正确的高斯-克吕格分带 / "
                                + "Coordinates exceed ±180/±90 (e.g. x=%.0f): they look like projected metres "
                                + "(e.g. a CGCS2000 Gauss-Krüger zone), not %s degrees.",
                        dataExtent.getMaxX(), dataExtent.getMaxX(), declared.code())));
                return out;
            }
            Envelope asIs = dataExtent;
            Envelope swapped = new Envelope(dataExtent.getMinY(), dataExtent.getMaxY(), dataExtent.getMinX(),
                    dataExtent.getMaxX());
            double dAsIs = distance(asIs, area);
            double dSwapped = looksLikeSwappedDegrees ? distance(swapped, area) : Double.POSITIVE_INFINITY;
            if (dAsIs > MAX_DISTANCE_DEGREES && dSwapped <= MAX_DISTANCE_DEGREES) {
                out.add(new Warning(Cause.SWAPPED_AXES, "经纬度可能颠倒（纬度在前）/ Longitude and latitude look "
                        + "swapped: with x and y exchanged the data falls in " + areaName + "."));
                return out;
            }
            if (dAsIs > MAX_DISTANCE_DEGREES) {
                out.add(far(dAsIs, areaName));
            }
            return out;
        }

        // projected
        if (looksLikeDegrees) {
            out.add(new Warning(Cause.DEGREES_AS_PROJECTED, String.format(Locale.ROOT,
                    "数据坐标看起来是经纬度（度），而不是 %s 的米制坐标 / Coordinates look like degrees "
                            + "(x %.4f..%.4f, y %.4f..%.4f), not metres of %s: choose EPSG:4490 or EPSG:4326.",
                    declared.code(), dataExtent.getMinX(), dataExtent.getMaxX(), dataExtent.getMinY(),
                    dataExtent.getMaxY(), declared.code())));
            return out;
        }
        if (declared.kind() == Crs.Kind.GAUSS_KRUGER) {
            boolean dataHasPrefix = dataExtent.getMinX() >= 1_000_000;
            if (dataHasPrefix != declared.zonePrefix()) {
                String hint;
                if (dataHasPrefix) {
                    int zone = (int) (dataExtent.getMinX() / 1_000_000);
                    hint = "eastings start with zone number " + zone + "; choose the CRS \"with zone prefix\""
                            + suggestPrefixed(declared.zoneWidth(), zone);
                } else {
                    hint = "eastings have no zone prefix; choose the CRS \"CM ..E\" without prefix"
                            + suggestUnprefixed(declared);
                }
                out.add(new Warning(Cause.ZONE_PREFIX_MISMATCH, "高斯-克吕格横坐标的带号前缀与所选坐标系不符 / "
                        + "Gauss-Krüger zone prefix mismatch with " + declared.code() + ": " + hint + "."));
                return out;
            }
        }
        Envelope wgs = new Envelope();
        for (double[] c : new double[][] {
                {dataExtent.getMinX(), dataExtent.getMinY()}, {dataExtent.getMaxX(), dataExtent.getMinY()},
                {dataExtent.getMinX(), dataExtent.getMaxY()}, {dataExtent.getMaxX(), dataExtent.getMaxY()}}) {
            double[] ll = declared.toWgs84(c[0], c[1]);
            if (Double.isFinite(ll[0]) && Double.isFinite(ll[1])) {
                wgs.expandToInclude(ll[0], ll[1]);
            }
        }
        double d = wgs.isNull() ? Double.POSITIVE_INFINITY : distance(wgs, area);
        if (d > MAX_DISTANCE_DEGREES) {
            out.add(far(d, areaName));
        }
        return out;
    }

    private static String suggestPrefixed(int width, int zone) {
        if (width == 3 && zone >= 25 && zone <= 45) {
            return " (EPSG:" + (4513 + zone - 25) + ")";
        }
        if (width == 6 && zone >= 13 && zone <= 23) {
            return " (EPSG:" + (4491 + zone - 13) + ")";
        }
        return "";
    }

    private static String suggestUnprefixed(Crs declared) {
        int cm = (int) declared.centralMeridian();
        return declared.zoneWidth() == 3 ? " (EPSG:" + (4534 + (cm - 75) / 3) + ")" : " (EPSG:" + (4502 + (cm - 75) / 6) + ")";
    }

    private static Warning far(double d, String areaName) {
        return new Warning(Cause.FAR_FROM_AREA, String.format(Locale.ROOT,
                "数据位置距预期区域约 %.1f°，请检查坐标系 / The data lies about %.1f° away from %s: check the "
                        + "coordinate reference system (wrong zone, wrong datum, or wrong file).", d, d, areaName));
    }

    /** Distance in degrees between two envelopes (0 if they intersect). */
    private static double distance(Envelope a, Envelope b) {
        return a.distance(b);
    }
}
