package org.civatlas.exchange.formats;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
import org.locationtech.jts.io.WKBWriter;

/**
 * Writers for formats with a schema (GeoPackage, Shapefile) must declare column types and widths before the first
 * row, but features arrive as a stream. The spool writes every feature once to a temporary file (WKB geometry plus
 * tagged attribute values) while collecting per-field statistics, then replays them: memory stays constant.
 */
final class FeatureSpool implements Closeable {

    enum Kind { NULL, LONG, DOUBLE, BOOLEAN, DATE, STRING }

    enum GeomKind { POINT, MULTIPOINT, LINE, POLYGON, COLLECTION }

    /** Statistics of one field. */
    static final class FieldStats {
        final Set<Kind> kinds = EnumSet.noneOf(Kind.class);
        int maxStringBytes;
        int maxIntegerDigits;   // incl. sign
        int maxDecimals;

        Kind resolved() {
            Set<Kind> k = EnumSet.copyOf(kinds.isEmpty() ? EnumSet.of(Kind.NULL) : kinds);
            k.remove(Kind.NULL);
            if (k.isEmpty()) {
                return Kind.NULL;
            }
            if (k.size() == 1) {
                return k.iterator().next();
            }
            if (k.equals(EnumSet.of(Kind.LONG, Kind.DOUBLE))) {
                return Kind.DOUBLE;
            }
            return Kind.STRING;
        }
    }

    record Row(Object id, Geometry geometry, Map<String, Object> attributes) {
    }

    private final Path file;
    private final List<String> fields;
    private final List<FieldStats> stats = new ArrayList<>();
    private final Set<GeomKind> geometryKinds = EnumSet.noneOf(GeomKind.class);
    private final Envelope envelope = new Envelope();
    private long count;
    private boolean hasZ;

    /** Spools the features, converting each geometry with {@code convert} (WGS 84 → target CRS). */
    FeatureSpool(List<String> fields, Iterator<OutFeature> features, java.util.function.UnaryOperator<Geometry> convert)
            throws IOException {
        this.fields = List.copyOf(fields);
        for (int i = 0; i < fields.size(); i++) {
            stats.add(new FieldStats());
        }
        this.file = Files.createTempFile("civatlas-export-", ".spool");
        WKBWriter wkb2 = new WKBWriter(2);
        WKBWriter wkb3 = new WKBWriter(3);
        boolean ok = false;
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16))) {
            while (features.hasNext()) {
                OutFeature f = features.next();
                writeValue(out, f.id(), null);
                Geometry g = f.geometryWgs84() == null ? null : convert.apply(f.geometryWgs84());
                if (g == null || g.isEmpty()) {
                    out.writeInt(-1);
                } else {
                    boolean z = hasZ(g);
                    hasZ |= z;
                    byte[] bytes = (z ? wkb3 : wkb2).write(g);
                    out.writeInt(bytes.length);
                    out.write(bytes);
                    geometryKinds.add(kind(g));
                    envelope.expandToInclude(g.getEnvelopeInternal());
                }
                Map<String, Object> attrs = f.attributes() == null ? Map.of() : f.attributes();
                for (int i = 0; i < this.fields.size(); i++) {
                    writeValue(out, attrs.get(this.fields.get(i)), stats.get(i));
                }
                count++;
            }
            ok = true;
        } finally {
            if (!ok) {
                Files.deleteIfExists(file);
            }
        }
    }

    private static boolean hasZ(Geometry g) {
        var c = g.getCoordinate();
        return c != null && !Double.isNaN(c.getZ());
    }

    static GeomKind kind(Geometry g) {
        return switch (g.getGeometryType()) {
            case "Point" -> GeomKind.POINT;
            case "MultiPoint" -> GeomKind.MULTIPOINT;
            case "LineString", "LinearRing", "MultiLineString" -> GeomKind.LINE;
            case "Polygon", "MultiPolygon" -> GeomKind.POLYGON;
            default -> GeomKind.COLLECTION;
        };
    }

    private static void writeValue(DataOutputStream out, Object v, FieldStats s) throws IOException {
        if (v == null || (v instanceof Double d && (d.isNaN() || d.isInfinite()))
                || (v instanceof Float fl && (fl.isNaN() || fl.isInfinite()))) {
            out.writeByte(Kind.NULL.ordinal());
            if (s != null) {
                s.kinds.add(Kind.NULL);
            }
            return;
        }
        if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte) {
            long l = ((Number) v).longValue();
            out.writeByte(Kind.LONG.ordinal());
            out.writeLong(l);
            if (s != null) {
                s.kinds.add(Kind.LONG);
                s.maxIntegerDigits = Math.max(s.maxIntegerDigits, Long.toString(l).length());
            }
        } else if (v instanceof Double || v instanceof Float || v instanceof BigDecimal) {
            double d = ((Number) v).doubleValue();
            out.writeByte(Kind.DOUBLE.ordinal());
            out.writeDouble(d);
            if (s != null) {
                s.kinds.add(Kind.DOUBLE);
                String plain = BigDecimal.valueOf(d).toPlainString();
                int dot = plain.indexOf('.');
                s.maxIntegerDigits = Math.max(s.maxIntegerDigits, dot < 0 ? plain.length() : dot);
                s.maxDecimals = Math.max(s.maxDecimals, dot < 0 ? 0 : plain.length() - dot - 1);
            }
        } else if (v instanceof Boolean b) {
            out.writeByte(Kind.BOOLEAN.ordinal());
            out.writeBoolean(b);
            if (s != null) {
                s.kinds.add(Kind.BOOLEAN);
            }
        } else if (v instanceof LocalDate date) {
            out.writeByte(Kind.DATE.ordinal());
            out.writeLong(date.toEpochDay());
            if (s != null) {
                s.kinds.add(Kind.DATE);
            }
        } else {
            String str = v.toString();
            byte[] b = str.getBytes(StandardCharsets.UTF_8);
            out.writeByte(Kind.STRING.ordinal());
            out.writeInt(b.length);
            out.write(b);
            if (s != null) {
                s.kinds.add(Kind.STRING);
                s.maxStringBytes = Math.max(s.maxStringBytes, b.length);
            }
        }
    }

    private static Object readValue(DataInputStream in) throws IOException {
        Kind k = Kind.values()[in.readByte()];
        return switch (k) {
            case NULL -> null;
            case LONG -> in.readLong();
            case DOUBLE -> in.readDouble();
            case BOOLEAN -> in.readBoolean();
            case DATE -> LocalDate.ofEpochDay(in.readLong());
            case STRING -> {
                byte[] b = new byte[in.readInt()];
                in.readFully(b);
                yield new String(b, StandardCharsets.UTF_8);
            }
        };
    }

    long count() {
        return count;
    }

    List<String> fields() {
        return fields;
    }

    FieldStats stats(int i) {
        return stats.get(i);
    }

    Set<GeomKind> geometryKinds() {
        return geometryKinds;
    }

    Envelope envelope() {
        return envelope;
    }

    boolean hasZ() {
        return hasZ;
    }

    /** Replays the spooled rows (single pass); geometries are built by the factory. */
    Iterator<Row> rows(GeometryFactory factory) throws IOException {
        DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16));
        WKBReader reader = new WKBReader(factory);
        return new Iterator<>() {
            long read;

            @Override
            public boolean hasNext() {
                if (read >= count) {
                    try {
                        in.close();
                    } catch (IOException ignored) {
                        // closing
                    }
                    return false;
                }
                return true;
            }

            @Override
            public Row next() {
                try {
                    Object id = readValue(in);
                    int len = in.readInt();
                    Geometry g = null;
                    if (len >= 0) {
                        byte[] b = new byte[len];
                        in.readFully(b);
                        g = reader.read(b);
                    }
                    Map<String, Object> attrs = new LinkedHashMap<>();
                    for (String f : fields) {
                        attrs.put(f, readValue(in));
                    }
                    read++;
                    return new Row(id, g, attrs);
                } catch (EOFException e) {
                    throw new IllegalStateException("spool truncated", e);
                } catch (IOException | ParseException e) {
                    throw new IllegalStateException(e);
                }
            }
        };
    }

    @Override
    public void close() throws IOException {
        Files.deleteIfExists(file);
    }
}
