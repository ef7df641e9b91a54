package org.civatlas.layers;

import java.util.ArrayList;
import java.util.List;
import org.civatlas.common.ProblemException;
import org.civatlas.exchange.crs.Crs;
import org.civatlas.spatial.GeoJsonGeometry;
import org.civatlas.spatial.Geometries;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.geojson.GeoJsonReader;

/**
 * OGC API - Features Part 2: the CRS a client asks for (`crs`, `bbox-crs`), as OGC URIs, with the axis order each
 * CRS defines: CRS84 is lon/lat; EPSG:4326 and EPSG:4490 are lat/lon; the CGCS2000 Gauss-Krüger zones are
 * northing/easting. Data is stored in WGS 84 lon/lat (CGCS2000 is treated as WGS 84 for mapping).
 */
record OgcCrs(String uri, Crs crs, boolean swapAxes) {

    static final String CRS84 = "http://www.opengis.net/def/crs/OGC/1.3/CRS84";
    static final String EPSG = "http://www.opengis.net/def/crs/EPSG/0/";
    static final OgcCrs DEFAULT = new OgcCrs(CRS84, Crs.WGS84, false);

    /** The CRS a server of this county offers: CRS84, EPSG:4326, EPSG:4490 and the county's own GK 3° zone. */
    static List<String> offered(double countyLongitude) {
        List<String> uris = new ArrayList<>(List.of(CRS84, EPSG + "4326", EPSG + "4490"));
        uris.add(EPSG + Crs.gaussKruger3ForLongitude(countyLongitude, false).code().substring(5));
        return uris;
    }

    static OgcCrs parse(String parameter, String value, List<String> offered) {
        if (value == null || value.isBlank()) {
            return DEFAULT;
        }
        String v = value.strip();
        if (v.startsWith("[") && v.endsWith("]")) {
            v = v.substring(1, v.length() - 1); // safe CURIE form [EPSG:4326]
        }
        String uri = v;
        if (v.matches("(?i)EPSG:\\d+")) {
            uri = EPSG + v.substring(5);
        } else if (v.equalsIgnoreCase("CRS84") || v.equalsIgnoreCase("OGC:CRS84")) {
            uri = CRS84;
        }
        if (!offered.contains(uri)) {
            throw ProblemException.badParameter(parameter, parameter + " 不受支持：'" + value + "'；可选 " + offered
                    + " / unsupported " + parameter + " '" + value + "'; offered: " + offered);
        }
        if (uri.equals(CRS84)) {
            return DEFAULT;
        }
        int code = Integer.parseInt(uri.substring(EPSG.length()));
        return new OgcCrs(uri, Crs.epsg(code), true);
    }

    /** A WGS 84 lon/lat geometry (GeoJSON text) in this CRS and axis order, as GeoJSON text. */
    String transform(String geoJson) {
        if (this == DEFAULT || geoJson == null || geoJson.equals("null")) {
            return geoJson;
        }
        try {
            Geometry g = crs.fromWgs84(new GeoJsonReader(Geometries.WGS84).read(geoJson));
            if (swapAxes) {
                g = g.copy();
                Geometries.applyToVertices(g, (x, y) -> new double[] {y, x});
            }
            return GeoJsonGeometry.write(g, crs.geographic() ? 8 : 3);
        } catch (org.locationtech.jts.io.ParseException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A bbox given in this CRS and axis order, as a WGS 84 lon/lat envelope (corners and edges transformed). */
    Envelope toWgs84(Envelope box) {
        if (this == DEFAULT) {
            return box;
        }
        Envelope out = new Envelope();
        int steps = 16;
        for (int i = 0; i <= steps; i++) {
            for (int j = 0; j <= steps; j++) {
                if (i != 0 && i != steps && j != 0 && j != steps) {
                    continue;
                }
                double a = box.getMinX() + box.getWidth() * i / steps;
                double b = box.getMinY() + box.getHeight() * j / steps;
                double[] xy = swapAxes ? new double[] {b, a} : new double[] {a, b};
                out.expandToInclude(new Coordinate(crs.toWgs84(xy[0], xy[1])[0], crs.toWgs84(xy[0], xy[1])[1]));
            }
        }
        return out;
    }
}
