package org.civatlas.exchange.formats;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import org.civatlas.exchange.crs.Crs;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryCollection;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.MultiLineString;
import org.locationtech.jts.geom.MultiPoint;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;

import tools.jackson.core.JsonEncoding;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;

/**
 * Streaming GeoJSON writer for exported files. See {@link Writers}.
 *
 * <p>Why not the responses' writer ({@code spatial.GeoJsonGeometry}, JTS): an export is written feature by feature to
 * a file of any size, in the CRS asked for (with a {@code crs} member when it is not WGS 84), every coordinate at
 * full precision and with its Z, so that a round trip through a desktop GIS loses nothing.
 */
final class GeoJsonWriter {

    private GeoJsonWriter() {
    }

    static void write(Path out, String layer, List<String> fields, Iterator<OutFeature> features, Crs crs)
            throws IOException {
        try (OutputStream os = new BufferedOutputStream(Files.newOutputStream(out), 1 << 16);
             JsonGenerator g = GeoJsonReader.JSON.createGenerator(ObjectWriteContext.empty(), os, JsonEncoding.UTF8)) {
            g.writeStartObject();
            g.writeStringProperty("type", "FeatureCollection");
            g.writeStringProperty("name", layer);
            if (!crs.equals(Crs.WGS84)) {
                g.writeName("crs");
                g.writeStartObject();
                g.writeStringProperty("type", "name");
                g.writeName("properties");
                g.writeStartObject();
                g.writeStringProperty("name", "urn:ogc:def:crs:EPSG::" + crs.epsgCode());
                g.writeEndObject();
                g.writeEndObject();
            }
            g.writeName("features");
            g.writeStartArray();
            while (features.hasNext()) {
                OutFeature f = features.next();
                g.writeStartObject();
                g.writeStringProperty("type", "Feature");
                if (f.id() != null) {
                    g.writeName("id");
                    value(g, f.id());
                }
                g.writeName("properties");
                g.writeStartObject();
                Map<String, Object> attrs = f.attributes() == null ? Map.of() : f.attributes();
                for (String name : fields) {
                    g.writeName(name);
                    value(g, attrs.get(name));
                }
                g.writeEndObject();
                g.writeName("geometry");
                Geometry geom = f.geometryWgs84() == null ? null : crs.fromWgs84(f.geometryWgs84());
                geometry(g, geom);
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
    }

    static void value(JsonGenerator g, Object v) {
        if (v == null) {
            g.writeNull();
        } else if (v instanceof String s) {
            g.writeString(s);
        } else if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte) {
            g.writeNumber(((Number) v).longValue());
        } else if (v instanceof BigInteger bi) {
            g.writeNumber(bi);
        } else if (v instanceof BigDecimal bd) {
            g.writeNumber(bd);
        } else if (v instanceof Number n) {
            double d = n.doubleValue();
            if (Double.isFinite(d)) {
                g.writeNumber(d);
            } else {
                g.writeNull();
            }
        } else if (v instanceof Boolean b) {
            g.writeBoolean(b);
        } else {
            g.writeString(v.toString());
        }
    }

    static void geometry(JsonGenerator g, Geometry geom) {
        if (geom == null) {
            g.writeNull();
            return;
        }
        g.writeStartObject();
        g.writeStringProperty("type", geom.getGeometryType());
        if (geom instanceof GeometryCollection gc && !(geom instanceof MultiPoint || geom instanceof MultiLineString
                || geom instanceof MultiPolygon)) {
            g.writeName("geometries");
            g.writeStartArray();
            for (int i = 0; i < gc.getNumGeometries(); i++) {
                geometry(g, gc.getGeometryN(i));
            }
            g.writeEndArray();
        } else {
            g.writeName("coordinates");
            coordinates(g, geom);
        }
        g.writeEndObject();
    }

    private static void coordinates(JsonGenerator g, Geometry geom) {
        if (geom instanceof Point p) {
            if (p.isEmpty()) {
                g.writeStartArray();
                g.writeEndArray();
            } else {
                position(g, p.getCoordinateSequence(), 0);
            }
        } else if (geom instanceof LineString l) {
            sequence(g, l.getCoordinateSequence());
        } else if (geom instanceof Polygon p) {
            g.writeStartArray();
            if (!p.isEmpty()) {
                sequence(g, p.getExteriorRing().getCoordinateSequence());
                for (int i = 0; i < p.getNumInteriorRing(); i++) {
                    sequence(g, p.getInteriorRingN(i).getCoordinateSequence());
                }
            }
            g.writeEndArray();
        } else {
            g.writeStartArray();
            for (int i = 0; i < geom.getNumGeometries(); i++) {
                coordinates(g, geom.getGeometryN(i));
            }
            g.writeEndArray();
        }
    }

    private static void sequence(JsonGenerator g, CoordinateSequence seq) {
        g.writeStartArray();
        for (int i = 0; i < seq.size(); i++) {
            position(g, seq, i);
        }
        g.writeEndArray();
    }

    private static void position(JsonGenerator g, CoordinateSequence seq, int i) {
        g.writeStartArray();
        g.writeNumber(seq.getX(i));
        g.writeNumber(seq.getY(i));
        if (seq.hasZ() && !Double.isNaN(seq.getZ(i))) {
            g.writeNumber(seq.getZ(i));
        }
        g.writeEndArray();
    }
}
