package org.civatlas.exchange.crs;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.civatlas.spatial.ChinaOffsetDatums;
import org.civatlas.spatial.Geometries;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.proj4j.CRSFactory;
import org.locationtech.proj4j.ProjCoordinate;
import org.locationtech.proj4j.proj.Projection;

/**
 * A supported coordinate reference system (CRS) for data exchange.
 *
 * <p>Supported: EPSG:4326 (WGS 84, also spelled {@code CRS84}), EPSG:4490 (CGCS2000 geographic), the CGCS2000
 * Gauss-Krüger 3° zones (EPSG:4513–4533 with the zone number prefixed to the easting, 4534–4554 without) and 6°
 * zones (EPSG:4491–4501 with prefix, 4502–4512 without), UTM north/south on WGS 84 (EPSG:32601–32660 and
 * 32701–32760), and the non-EPSG offset datums of Chinese web maps, {@code GCJ-02} (AMap, Tencent) and
 * {@code BD-09} (Baidu).
 *
 * <h2>Conventions</h2>
 * <ul>
 *   <li>Geographic coordinates are always x = longitude, y = latitude (GeoJSON / "traditional GIS" order), whatever
 *       axis order the EPSG register defines for 4326 and 4490.</li>
 *   <li><b>CGCS2000 is treated as WGS 84.</b> The two datums differ by a few centimetres (the frames are both
 *       ITRF-aligned; GRS80 and WGS 84 ellipsoids differ by 0.1 mm in the semi-minor axis), far below the accuracy
 *       of mapping data. So EPSG:4490 → WGS 84 is the identity, and a Gauss-Krüger zone → WGS 84 is the inverse
 *       transverse Mercator projection on the GRS80 ellipsoid (proj4j), with no datum shift.</li>
 *   <li>GCJ-02 and BD-09 use {@link ChinaOffsetDatums} (published formulas; iterative inverses to 1e-9°; absolute
 *       accuracy of the formulas about 1 m).</li>
 * </ul>
 * Instances are immutable and thread-safe.
 */
public final class Crs {

    /** What the CRS is, mathematically. */
    public enum Kind { WGS84, CGCS2000, GAUSS_KRUGER, UTM, GCJ02, BD09 }

    private static final double GRS80_INV_F = 298.257222101;
    private static final double WGS84_INV_F = 298.257223563;

    public static final Crs WGS84 = new Crs(Kind.WGS84, "EPSG:4326", 4326, "WGS 84", 0, 0, 0, 1, false, 0);
    public static final Crs CGCS2000 = new Crs(Kind.CGCS2000, "EPSG:4490", 4490, "China Geodetic Coordinate System 2000",
            0, 0, 0, 1, false, 0);
    public static final Crs GCJ02 = new Crs(Kind.GCJ02, "GCJ-02", 0, "GCJ-02 (offset datum of AMap/Tencent)",
            0, 0, 0, 1, false, 0);
    public static final Crs BD09 = new Crs(Kind.BD09, "BD-09", 0, "BD-09 (offset datum of Baidu)", 0, 0, 0, 1, false, 0);

    private static final Pattern EPSG_CODE = Pattern.compile(
            "(?:EPSG\\s*:{1,2}\\s*|URN:OGC:DEF:CRS:EPSG:[0-9.]*:|HTTPS?://WWW\\.OPENGIS\\.NET/DEF/CRS/EPSG/[0-9.]+/)?(\\d{4,5})");

    private final Kind kind;
    private final String code;
    private final int epsg;
    private final String name;
    private final double centralMeridian;
    private final int zone;          // GK: zone number (3° or 6° numbering); UTM: zone
    private final int zoneWidth;     // GK: 3 or 6
    private final double falseEasting;
    private final boolean south;
    private final double falseNorthing;
    private final double scale;
    private final Projection projection;
    private final GeometryFactory factory;

    private Crs(Kind kind, String code, int epsg, String name, double centralMeridian, int zone, int zoneWidth,
                double scale, boolean south, double falseEasting) {
        this.kind = kind;
        this.code = code;
        this.epsg = epsg;
        this.name = name;
        this.centralMeridian = centralMeridian;
        this.zone = zone;
        this.zoneWidth = zoneWidth;
        this.scale = scale;
        this.south = south;
        this.falseEasting = falseEasting;
        this.falseNorthing = south ? 10_000_000 : 0;
        this.factory = epsg == 4326 ? Geometries.WGS84 : new GeometryFactory(new PrecisionModel(), epsg);
        this.projection = projected() ? new CRSFactory().createFromParameters(code, proj4()).getProjection() : null;
    }

    // ---------------------------------------------------------------- parsing

    /**
     * Parses a CRS code: {@code EPSG:4534}, {@code 4534}, {@code urn:ogc:def:crs:EPSG::4490},
     * {@code http://www.opengis.net/def/crs/EPSG/0/4326}, {@code CRS84} / {@code OGC:CRS84} /
     * {@code urn:ogc:def:crs:OGC:1.3:CRS84}, {@code GCJ-02} (also GCJ02, GCJ_02), {@code BD-09} (BD09).
     *
     * @throws UnsupportedCrsException for anything else, with a message listing what is supported
     */
    public static Crs parse(String code) {
        if (code == null || code.isBlank()) {
            throw new UnsupportedCrsException("No coordinate reference system given. " + SUPPORTED);
        }
        String c = code.trim().toUpperCase(Locale.ROOT);
        String compact = c.replaceAll("[\\s_\\-]", "");
        if (compact.equals("GCJ02") || compact.equals("GCJ") || compact.equals("MARS")) {
            return GCJ02;
        }
        if (compact.equals("BD09") || compact.equals("BD09LL") || compact.equals("BAIDU")) {
            return BD09;
        }
        if (compact.endsWith("CRS84") && (compact.equals("CRS84") || compact.startsWith("OGC:")
                || compact.startsWith("URN:OGC:DEF:CRS:OGC") || compact.startsWith("HTTP"))) {
            return WGS84;
        }
        if (compact.equals("WGS84")) {
            return WGS84;
        }
        if (compact.equals("CGCS2000")) {
            return CGCS2000;
        }
        Matcher m = EPSG_CODE.matcher(c.replace(" ", ""));
        if (m.matches()) {
            return epsg(Integer.parseInt(m.group(1)));
        }
        throw new UnsupportedCrsException("Unknown coordinate reference system '" + code + "'. " + SUPPORTED);
    }

    private static final String SUPPORTED = "Supported: EPSG:4326 (WGS 84), EPSG:4490 (CGCS2000), "
            + "CGCS2000 Gauss-Krüger EPSG:4491–4554, UTM EPSG:32601–32660/32701–32760, GCJ-02, BD-09.";

    /** The CRS for an EPSG code. */
    public static Crs epsg(int code) {
        if (code == 4326) {
            return WGS84;
        }
        if (code == 4490) {
            return CGCS2000;
        }
        if (code >= 4513 && code <= 4533) {
            int zone = 25 + (code - 4513);
            return gaussKruger(code, 3, zone, 3.0 * zone, true);
        }
        if (code >= 4534 && code <= 4554) {
            double cm = 75 + 3.0 * (code - 4534);
            return gaussKruger(code, 3, (int) (cm / 3), cm, false);
        }
        if (code >= 4491 && code <= 4501) {
            int zone = 13 + (code - 4491);
            return gaussKruger(code, 6, zone, 6.0 * zone - 3, true);
        }
        if (code >= 4502 && code <= 4512) {
            double cm = 75 + 6.0 * (code - 4502);
            return gaussKruger(code, 6, (int) ((cm + 3) / 6), cm, false);
        }
        if ((code >= 32601 && code <= 32660) || (code >= 32701 && code <= 32760)) {
            boolean s = code > 32700;
            int zone = code % 100;
            return new Crs(Kind.UTM, "EPSG:" + code, code, "WGS 84 / UTM zone " + zone + (s ? "S" : "N"),
                    zone * 6.0 - 183, zone, 6, 0.9996, s, 500_000);
        }
        throw new UnsupportedCrsException("EPSG:" + code + " is not supported. " + SUPPORTED);
    }

    private static Crs gaussKruger(int code, int width, int zone, double cm, boolean prefix) {
        String name = "CGCS2000 / " + (width == 3 ? "3-degree " : "") + "Gauss-Kruger "
                + (prefix ? "zone " + zone : "CM " + fmt(cm) + "E");
        return new Crs(Kind.GAUSS_KRUGER, "EPSG:" + code, code, name, cm, zone, width, 1.0, false,
                prefix ? zone * 1_000_000.0 + 500_000 : 500_000);
    }

    /** The CGCS2000 3° Gauss-Krüger CRS whose central meridian is nearest to a longitude. */
    public static Crs gaussKruger3ForLongitude(double lon, boolean zonePrefix) {
        int zone = (int) Math.round(lon / 3.0);
        if (zone < 25 || zone > 45) {
            throw new UnsupportedCrsException("No CGCS2000 3° Gauss-Krüger zone for longitude " + lon);
        }
        return epsg(zonePrefix ? 4513 + zone - 25 : 4534 + zone - 25);
    }

    /**
     * Recognises a CRS from the WKT of a .prj file or a GeoPackage SRS definition (OGC WKT 1, ESRI WKT, and the
     * basic forms of WKT 2): WGS 84, CGCS2000 geographic, CGCS2000 Gauss-Krüger 3° and 6° zones (with and without
     * zone prefix) and WGS 84 / UTM. It uses an EPSG authority code when present and supported, otherwise the datum
     * name and the projection parameters (central meridian, false easting, scale factor), with the name
     * ("3_Degree", "Zone_25", "CM_75E") only to break ties. Returns empty when unsure (other datums such as
     * Beijing 1954 or Xian 1980, other projections, non-metre units, unparseable text).
     */
    public static Optional<Crs> fromPrj(String wkt) {
        return PrjParser.recognise(wkt);
    }

    // ---------------------------------------------------------------- properties

    /** "EPSG:4534", "EPSG:4326", "GCJ-02", "BD-09". */
    public String code() {
        return code;
    }

    /** The EPSG code, 0 for GCJ-02 and BD-09. */
    public int epsgCode() {
        return epsg;
    }

    /** SRID for JTS geometries in this CRS (the EPSG code, 0 for the offset datums). */
    public int srid() {
        return epsg;
    }

    public Kind kind() {
        return kind;
    }

    public String name() {
        return name;
    }

    /** True for longitude/latitude CRSs (WGS 84, CGCS2000, GCJ-02, BD-09). */
    public boolean geographic() {
        return !projected();
    }

    public boolean projected() {
        return kind == Kind.GAUSS_KRUGER || kind == Kind.UTM;
    }

    /** True for GCJ-02 and BD-09, which no standard tool (GDAL, QGIS, PostGIS) knows. */
    public boolean offsetDatum() {
        return kind == Kind.GCJ02 || kind == Kind.BD09;
    }

    /** Central meridian in degrees (projected CRSs only, else 0). */
    public double centralMeridian() {
        return centralMeridian;
    }

    /** False easting in metres (includes the zone prefix for the prefixed Gauss-Krüger codes). */
    public double falseEasting() {
        return falseEasting;
    }

    /** For Gauss-Krüger: true if the easting carries the zone number as a prefix (EPSG:4491–4501, 4513–4533). */
    public boolean zonePrefix() {
        return kind == Kind.GAUSS_KRUGER && falseEasting > 1_000_000;
    }

    /** Gauss-Krüger zone width in degrees (3 or 6), UTM 6, else 0. */
    public int zoneWidth() {
        return zoneWidth;
    }

    /** Zone number (Gauss-Krüger numbering of its width, or UTM zone), else 0. */
    public int zone() {
        return zone;
    }

    /** A JTS factory whose geometries carry {@link #srid()}. */
    public GeometryFactory geometryFactory() {
        return factory;
    }

    /** The PROJ.4 definition used with proj4j (projected CRSs), or a longlat definition. */
    public String proj4() {
        return switch (kind) {
            case GAUSS_KRUGER -> "+proj=tmerc +lat_0=0 +lon_0=" + fmt(centralMeridian) + " +k=1 +x_0=" + fmt(falseEasting)
                    + " +y_0=0 +ellps=GRS80 +units=m +no_defs";
            case UTM -> "+proj=utm +zone=" + zone + (south ? " +south" : "") + " +datum=WGS84 +units=m +no_defs";
            case CGCS2000 -> "+proj=longlat +ellps=GRS80 +no_defs";
            default -> "+proj=longlat +datum=WGS84 +no_defs";
        };
    }

    /**
     * A human description of the conversion to WGS 84, to be stored with imported data
     * (e.g. in an import log or a layer's provenance).
     */
    public String conversionToWgs84() {
        return switch (kind) {
            case WGS84 -> "none: source coordinates are WGS 84 longitude/latitude (EPSG:4326)";
            case CGCS2000 -> "none: CGCS2000 (EPSG:4490) longitude/latitude taken as WGS 84 "
                    + "(datums differ by a few centimetres, below mapping accuracy)";
            case GAUSS_KRUGER -> code + " " + name + " → WGS 84: inverse Gauss-Krüger (transverse Mercator) projection "
                    + "on GRS80, central meridian " + fmt(centralMeridian) + "°E, scale 1, false easting "
                    + fmt(falseEasting) + " m" + (zonePrefix() ? " (zone prefix " + zone + ")" : "")
                    + ", via proj4j 1.4; CGCS2000 taken as WGS 84 (no datum shift, difference a few centimetres)";
            case UTM -> code + " " + name + " → WGS 84: inverse UTM projection (central meridian "
                    + fmt(centralMeridian) + "°) via proj4j 1.4";
            case GCJ02 -> "GCJ-02 → WGS 84: iterative inverse of the published GCJ-02 offset formula "
                    + "(ChinaOffsetDatums.gcj02ToWgs84, residual < 1e-9°; formula accuracy about 1 m)";
            case BD09 -> "BD-09 → WGS 84: iterative inverse of Baidu's BD-09 formula then of GCJ-02 "
                    + "(ChinaOffsetDatums.bd09ToWgs84, residual < 1e-9°; formula accuracy about 1 m)";
        };
    }

    // ---------------------------------------------------------------- conversions

    /** Converts one coordinate (x, y in this CRS; lon/lat for geographic ones) to WGS 84 {lon, lat}. */
    public double[] toWgs84(double x, double y) {
        return switch (kind) {
            case WGS84, CGCS2000 -> new double[] {x, y};
            case GCJ02 -> ChinaOffsetDatums.gcj02ToWgs84(x, y);
            case BD09 -> ChinaOffsetDatums.bd09ToWgs84(x, y);
            case GAUSS_KRUGER, UTM -> {
                ProjCoordinate out = projection.inverseProject(new ProjCoordinate(x, y), new ProjCoordinate());
                yield new double[] {out.x, out.y};
            }
        };
    }

    /** Converts one WGS 84 coordinate {lon, lat} to this CRS. */
    public double[] fromWgs84(double lon, double lat) {
        return switch (kind) {
            case WGS84, CGCS2000 -> new double[] {lon, lat};
            case GCJ02 -> ChinaOffsetDatums.wgs84ToGcj02(lon, lat);
            case BD09 -> ChinaOffsetDatums.wgs84ToBd09(lon, lat);
            case GAUSS_KRUGER, UTM -> {
                ProjCoordinate out = projection.project(new ProjCoordinate(lon, lat), new ProjCoordinate());
                yield new double[] {out.x, out.y};
            }
        };
    }

    /**
     * Returns a copy of the geometry converted to WGS 84, built by {@link Geometries#WGS84} (SRID 4326).
     * Z values are kept. Null in, null out. The geometry is not validated.
     */
    public Geometry toWgs84(Geometry g) {
        if (g == null) {
            return null;
        }
        Geometry copy = Geometries.WGS84.createGeometry(g);
        copy.setSRID(Geometries.WGS84_SRID);
        if (kind == Kind.WGS84 || kind == Kind.CGCS2000) {
            return copy;
        }
        apply(copy, true);
        return copy;
    }

    /** Returns a copy of a WGS 84 geometry converted to this CRS, with SRID {@link #srid()}. */
    public Geometry fromWgs84(Geometry g) {
        if (g == null) {
            return null;
        }
        Geometry copy = factory.createGeometry(g);
        copy.setSRID(epsg);
        if (kind == Kind.WGS84 || kind == Kind.CGCS2000) {
            return copy;
        }
        apply(copy, false);
        return copy;
    }

    private void apply(Geometry copy, boolean toWgs) {
        Geometries.applyToVertices(copy, toWgs ? this::toWgs84 : this::fromWgs84);
    }

    // ---------------------------------------------------------------- WKT output

    /**
     * ESRI-flavoured WKT 1, as ArcGIS and GDAL write into a .prj file (GDAL matches it to the EPSG code).
     *
     * @throws UnsupportedCrsException for GCJ-02 and BD-09, which have no WKT
     */
    public String esriWkt() {
        requireStandard();
        String gcsWgs = "GEOGCS[\"GCS_WGS_1984\",DATUM[\"D_WGS_1984\",SPHEROID[\"WGS_1984\",6378137.0," + WGS84_INV_F
                + "]],PRIMEM[\"Greenwich\",0.0],UNIT[\"Degree\",0.0174532925199433]]";
        String gcsCgcs = "GEOGCS[\"GCS_China_Geodetic_Coordinate_System_2000\",DATUM[\"D_China_2000\","
                + "SPHEROID[\"CGCS2000\",6378137.0," + GRS80_INV_F + "]],PRIMEM[\"Greenwich\",0.0],"
                + "UNIT[\"Degree\",0.0174532925199433]]";
        return switch (kind) {
            case WGS84 -> gcsWgs;
            case CGCS2000 -> gcsCgcs;
            case GAUSS_KRUGER -> "PROJCS[\"" + esriName() + "\"," + gcsCgcs + ",PROJECTION[\"Gauss_Kruger\"],"
                    + "PARAMETER[\"False_Easting\"," + fmt(falseEasting) + "],PARAMETER[\"False_Northing\",0.0],"
                    + "PARAMETER[\"Central_Meridian\"," + fmt(centralMeridian) + "],PARAMETER[\"Scale_Factor\",1.0],"
                    + "PARAMETER[\"Latitude_Of_Origin\",0.0],UNIT[\"Meter\",1.0]]";
            default -> "PROJCS[\"" + esriName() + "\"," + gcsWgs + ",PROJECTION[\"Transverse_Mercator\"],"
                    + "PARAMETER[\"False_Easting\",500000.0],PARAMETER[\"False_Northing\"," + fmt(falseNorthing) + "],"
                    + "PARAMETER[\"Central_Meridian\"," + fmt(centralMeridian) + "],PARAMETER[\"Scale_Factor\",0.9996],"
                    + "PARAMETER[\"Latitude_Of_Origin\",0.0],UNIT[\"Meter\",1.0]]";
        };
    }

    /** The ESRI name, e.g. "CGCS2000_3_Degree_GK_CM_75E", "CGCS2000_3_Degree_GK_Zone_25", "WGS_1984_UTM_Zone_43N". */
    public String esriName() {
        return switch (kind) {
            case WGS84 -> "GCS_WGS_1984";
            case CGCS2000 -> "GCS_China_Geodetic_Coordinate_System_2000";
            case GAUSS_KRUGER -> "CGCS2000_" + (zoneWidth == 3 ? "3_Degree_" : "") + "GK_"
                    + (zonePrefix() ? "Zone_" + zone : "CM_" + fmt(centralMeridian) + "E");
            case UTM -> "WGS_1984_UTM_Zone_" + zone + (south ? "S" : "N");
            default -> code;
        };
    }

    /** OGC WKT 1 with EPSG authority codes (GeoPackage gpkg_spatial_ref_sys.definition). */
    public String ogcWkt() {
        requireStandard();
        String wgs = "GEOGCS[\"WGS 84\",DATUM[\"WGS_1984\",SPHEROID[\"WGS 84\",6378137," + WGS84_INV_F
                + ",AUTHORITY[\"EPSG\",\"7030\"]],AUTHORITY[\"EPSG\",\"6326\"]],PRIMEM[\"Greenwich\",0,"
                + "AUTHORITY[\"EPSG\",\"8901\"]],UNIT[\"degree\",0.0174532925199433,AUTHORITY[\"EPSG\",\"9122\"]],"
                + "AUTHORITY[\"EPSG\",\"4326\"]]";
        String cgcs = "GEOGCS[\"China Geodetic Coordinate System 2000\",DATUM[\"China_2000\",SPHEROID[\"CGCS2000\","
                + "6378137," + GRS80_INV_F + ",AUTHORITY[\"EPSG\",\"1024\"]],AUTHORITY[\"EPSG\",\"1043\"]],"
                + "PRIMEM[\"Greenwich\",0,AUTHORITY[\"EPSG\",\"8901\"]],UNIT[\"degree\",0.0174532925199433,"
                + "AUTHORITY[\"EPSG\",\"9122\"]],"
                + "AUTHORITY[\"EPSG\",\"4490\"]]";
        return switch (kind) {
            case WGS84 -> wgs;
            case CGCS2000 -> cgcs;
            default -> "PROJCS[\"" + name + "\"," + (kind == Kind.UTM ? wgs : cgcs)
                    + ",PROJECTION[\"Transverse_Mercator\"],PARAMETER[\"latitude_of_origin\",0],"
                    + "PARAMETER[\"central_meridian\"," + fmt(centralMeridian) + "],PARAMETER[\"scale_factor\","
                    + fmt(scale) + "],PARAMETER[\"false_easting\"," + fmt(falseEasting) + "],"
                    + "PARAMETER[\"false_northing\"," + fmt(falseNorthing) + "],UNIT[\"metre\",1,"
                    + "AUTHORITY[\"EPSG\",\"9001\"]],AUTHORITY[\"EPSG\",\"" + epsg + "\"]]";
        };
    }

    private void requireStandard() {
        if (offsetDatum()) {
            throw new UnsupportedCrsException(code + " has no standard definition (no WKT, unknown to GDAL/QGIS): "
                    + "export in WGS 84, CGCS2000 or a Gauss-Krüger zone instead.");
        }
    }

    static String fmt(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Crs other && other.code.equals(code);
    }

    @Override
    public int hashCode() {
        return Objects.hash(code);
    }

    @Override
    public String toString() {
        return code + " (" + name + ")";
    }
}
