package org.civatlas.spatial;

import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.geojson.GeoJsonWriter;

/**
 * A geometry as GeoJSON text for API responses, written by JTS's {@link GeoJsonWriter} without a {@code crs} member.
 * The one place responses turn a JTS geometry into GeoJSON (OGC API features and their other CRS, dispute lines);
 * files are written elsewhere for their own reasons (see ARCHITECTURE.md, "GeoJSON writers").
 */
public final class GeoJsonGeometry {

    /** 1e-7° is about 1 cm: more digits than the data has would only inflate responses. */
    public static final int DECIMALS = 7;

    private GeoJsonGeometry() {
    }

    /** WGS 84 lon/lat with {@link #DECIMALS} decimals; a missing geometry is JSON {@code null}. */
    public static String write(Geometry geometry) {
        return write(geometry, DECIMALS);
    }

    /** With the given number of decimals (e.g. 3, millimetres, for projected coordinates). */
    public static String write(Geometry geometry, int decimals) {
        if (geometry == null) {
            return "null";
        }
        GeoJsonWriter writer = new GeoJsonWriter(decimals);
        writer.setEncodeCRS(false);
        return writer.write(geometry);
    }
}
