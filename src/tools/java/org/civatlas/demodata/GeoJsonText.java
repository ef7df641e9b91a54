package org.civatlas.demodata;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;

/**
 * A minimal deterministic JSON/GeoJSON text writer: fixed member order (insertion order of the maps given),
 * numbers with at most 7 decimals and no exponent, non-ASCII written as-is.
 *
 * <p>Why not the responses' writer ({@code spatial.GeoJsonGeometry}) or the export's
 * ({@code exchange.formats.GeoJsonWriter}): its output is committed ({@code gis-data/demo}), so a re-run of the
 * generator must give the same bytes on any JDK (coordinates snapped to the 1e-7 grid and printed without trailing
 * zeros or exponent, which neither JTS nor Jackson promises), and the generator stays plain Java without Jackson.
 */
final class GeoJsonText {

    private GeoJsonText() {
    }

    /** Formats a coordinate on the 1e-7 grid: at most 7 decimals, no trailing zeros, no exponent. */
    static String coordinate(double v) {
        long units = Math.round(v * 1e7);
        BigDecimal d = BigDecimal.valueOf(units, 7).stripTrailingZeros();
        if (d.scale() < 0) {
            d = d.setScale(0);
        }
        return d.toPlainString();
    }

    static void value(StringBuilder sb, Object v) {
        if (v == null) {
            sb.append("null");
        } else if (v instanceof String s) {
            string(sb, s);
        } else if (v instanceof Boolean || v instanceof Integer || v instanceof Long) {
            sb.append(v);
        } else if (v instanceof Double d) {
            sb.append(coordinate(d));
        } else if (v instanceof Map<?, ?> m) {
            sb.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> e : m.entrySet()) {
                if (!first) {
                    sb.append(',');
                }
                first = false;
                string(sb, (String) e.getKey());
                sb.append(':');
                value(sb, e.getValue());
            }
            sb.append('}');
        } else if (v instanceof List<?> l) {
            sb.append('[');
            for (int i = 0; i < l.size(); i++) {
                if (i > 0) {
                    sb.append(',');
                }
                value(sb, l.get(i));
            }
            sb.append(']');
        } else if (v instanceof MultiPolygon mp) {
            multiPolygon(sb, mp);
        } else {
            throw new IllegalArgumentException("Cannot write " + v.getClass());
        }
    }

    static void string(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }

    static void multiPolygon(StringBuilder sb, MultiPolygon mp) {
        sb.append("{\"type\":\"MultiPolygon\",\"coordinates\":[");
        for (int p = 0; p < mp.getNumGeometries(); p++) {
            if (p > 0) {
                sb.append(',');
            }
            Polygon poly = (Polygon) mp.getGeometryN(p);
            sb.append('[');
            ring(sb, poly.getExteriorRing());
            for (int h = 0; h < poly.getNumInteriorRing(); h++) {
                sb.append(',');
                ring(sb, poly.getInteriorRingN(h));
            }
            sb.append(']');
        }
        sb.append("]}");
    }

    private static void ring(StringBuilder sb, LineString ring) {
        CoordinateSequence seq = ring.getCoordinateSequence();
        sb.append('[');
        for (int i = 0; i < seq.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append('[').append(coordinate(seq.getX(i))).append(',').append(coordinate(seq.getY(i))).append(']');
        }
        sb.append(']');
    }
}
