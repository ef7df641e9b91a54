package org.civatlas.exchange.formats;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.civatlas.exchange.crs.Crs;
import org.locationtech.jts.algorithm.Orientation;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateArrays;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;

/**
 * Zipped Shapefile writer over the ESRI specification (2D shapes: Z is dropped). See {@link Writers}.
 * Features are spooled first ({@link FeatureSpool}) so that the .dbf field types and widths fit the data.
 */
final class ShapefileWriter {

    static final int MAX_C_BYTES = 254;

    private ShapefileWriter() {
    }

    /** dBase field names: at most 10 bytes of UTF-8 (cut at a character boundary), unique ignoring case. */
    static List<String> dbfNames(List<String> names) {
        List<String> out = new ArrayList<>();
        Set<String> used = new HashSet<>();
        for (String n : names) {
            String base = n == null || n.isBlank() ? "field" : n.trim().replace(' ', '_');
            String candidate = cut(base, 10);
            for (int k = 1; used.contains(candidate.toUpperCase(Locale.ROOT)); k++) {
                String suffix = "_" + k;
                candidate = cut(base, 10 - suffix.length()) + suffix;
            }
            used.add(candidate.toUpperCase(Locale.ROOT));
            out.add(candidate);
        }
        return out;
    }

    /** The longest prefix of s whose UTF-8 encoding has at most maxBytes bytes. */
    static String cut(String s, int maxBytes) {
        int bytes = 0;
        int i = 0;
        while (i < s.length()) {
            int cp = s.codePointAt(i);
            int len = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
            if (bytes + len > maxBytes) {
                break;
            }
            bytes += len;
            i += Character.charCount(cp);
        }
        return s.substring(0, i);
    }

    private record Field(String name, char type, int length, int decimals, FeatureSpool.Kind kind) {
    }

    static void write(Path out, String layer, List<String> fields, Iterator<OutFeature> features, Crs crs)
            throws IOException {
        String base = layer.replaceAll("[\\\\/:*?\"<>|\\s]+", "_");
        Path dir = Files.createTempDirectory("civatlas-shp-");
        try (FeatureSpool spool = new FeatureSpool(fields, features, crs::fromWgs84)) {
            int shapeType = shapeType(spool);
            List<String> names = dbfNames(fields);
            List<Field> dbfFields = new ArrayList<>();
            for (int i = 0; i < fields.size(); i++) {
                dbfFields.add(field(names.get(i), spool.stats(i)));
            }
            Path shp = dir.resolve(base + ".shp");
            Path shx = dir.resolve(base + ".shx");
            Path dbf = dir.resolve(base + ".dbf");
            writeShpShxDbf(spool, crs, shapeType, dbfFields, shp, shx, dbf);
            Files.writeString(dir.resolve(base + ".prj"), crs.esriWkt(), StandardCharsets.US_ASCII);
            Files.writeString(dir.resolve(base + ".cpg"), "UTF-8", StandardCharsets.US_ASCII);
            try (ZipOutputStream zip = new ZipOutputStream(new BufferedOutputStream(Files.newOutputStream(out)))) {
                for (String ext : List.of(".shp", ".shx", ".dbf", ".prj", ".cpg")) {
                    zip.putNextEntry(new ZipEntry(base + ext));
                    Files.copy(dir.resolve(base + ext), zip);
                    zip.closeEntry();
                }
            }
        } finally {
            ZipExtractor.deleteRecursively(dir);
        }
    }

    private static int shapeType(FeatureSpool spool) throws IOException {
        Set<FeatureSpool.GeomKind> kinds = spool.geometryKinds();
        if (kinds.isEmpty()) {
            return 0;
        }
        if (kinds.contains(FeatureSpool.GeomKind.COLLECTION)) {
            throw new IOException("Shapefile 不能保存几何集合（GeometryCollection），请导出为 GeoJSON 或 GeoPackage / "
                    + "A shapefile cannot hold GeometryCollections: export as GeoJSON or GeoPackage");
        }
        if (kinds.size() == 1 && kinds.contains(FeatureSpool.GeomKind.POINT)) {
            return 1;
        }
        if (kinds.stream().allMatch(k -> k == FeatureSpool.GeomKind.POINT || k == FeatureSpool.GeomKind.MULTIPOINT)) {
            return 8;
        }
        if (kinds.size() == 1 && kinds.contains(FeatureSpool.GeomKind.LINE)) {
            return 3;
        }
        if (kinds.size() == 1 && kinds.contains(FeatureSpool.GeomKind.POLYGON)) {
            return 5;
        }
        throw new IOException("Shapefile 每个文件只能有一种几何类型，而数据混合了 " + kinds + "，请导出为 GeoJSON 或 GeoPackage / "
                + "A shapefile holds one geometry type but the data mixes " + kinds
                + ": export as GeoJSON or GeoPackage, or export each type separately");
    }

    private static Field field(String name, FeatureSpool.FieldStats s) {
        FeatureSpool.Kind kind = s.resolved();
        return switch (kind) {
            case LONG -> new Field(name, 'N', Math.max(1, Math.min(20, s.maxIntegerDigits)), 0, kind);
            case DOUBLE -> {
                int decimals = Math.min(15, s.maxDecimals);
                int width = Math.min(32, Math.max(1, s.maxIntegerDigits) + 1 + decimals);
                yield new Field(name, 'N', width, decimals, kind);
            }
            case BOOLEAN -> new Field(name, 'L', 1, 0, kind);
            case DATE -> new Field(name, 'D', 8, 0, kind);
            case NULL -> new Field(name, 'C', 10, 0, kind);
            default -> new Field(name, 'C', Math.max(1, Math.min(MAX_C_BYTES, s.maxStringBytes)), 0, kind);
        };
    }

    private static void writeShpShxDbf(FeatureSpool spool, Crs crs, int shapeType, List<Field> fields, Path shpPath,
                                       Path shxPath, Path dbfPath) throws IOException {
        Envelope env = spool.envelope();
        try (FileChannel shp = FileChannel.open(shpPath, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING);
             FileChannel shx = FileChannel.open(shxPath, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                     StandardOpenOption.TRUNCATE_EXISTING);
             OutputStream dbf = new BufferedOutputStream(Files.newOutputStream(dbfPath), 1 << 16)) {
            shp.position(100);
            shx.position(100);
            writeDbfHeader(dbf, fields, spool.count());
            long offsetWords = 50;
            int recordNumber = 0;
            int recordLength = 1 + fields.stream().mapToInt(Field::length).sum();
            byte[] record = new byte[recordLength];
            ByteBuffer shxBuf = ByteBuffer.allocate(8).order(ByteOrder.BIG_ENDIAN);
            Iterator<FeatureSpool.Row> rows = spool.rows(crs.geometryFactory());
            while (rows.hasNext()) {
                FeatureSpool.Row row = rows.next();
                recordNumber++;
                ByteBuffer content = shapeContent(row.geometry(), shapeType);
                int contentWords = content.remaining() / 2;
                ByteBuffer head = ByteBuffer.allocate(8).order(ByteOrder.BIG_ENDIAN);
                head.putInt(recordNumber).putInt(contentWords).flip();
                writeFully(shp, head);
                writeFully(shp, content);
                shxBuf.clear();
                shxBuf.putInt((int) offsetWords).putInt(contentWords).flip();
                writeFully(shx, shxBuf);
                offsetWords += 4 + contentWords;
                // dbf record
                java.util.Arrays.fill(record, (byte) ' ');
                int at = 1;
                for (int i = 0; i < fields.size(); i++) {
                    Field f = fields.get(i);
                    byte[] v = dbfValue(f, row.attributes().get(spool.fields().get(i)));
                    if (f.type == 'C') {
                        System.arraycopy(v, 0, record, at, Math.min(v.length, f.length));
                    } else { // right-aligned
                        int len = Math.min(v.length, f.length);
                        System.arraycopy(v, 0, record, at + f.length - len, len);
                    }
                    at += f.length;
                }
                dbf.write(record);
            }
            dbf.write(0x1A);
            long shpBytes = offsetWords * 2;
            writeFully(shp, header(shpBytes, shapeType, env), 0);
            writeFully(shx, header(100 + 8L * recordNumber, shapeType, env), 0);
        }
    }

    private static ByteBuffer header(long fileBytes, int shapeType, Envelope env) {
        ByteBuffer h = ByteBuffer.allocate(100);
        h.order(ByteOrder.BIG_ENDIAN).putInt(0, 9994).putInt(24, (int) (fileBytes / 2));
        h.order(ByteOrder.LITTLE_ENDIAN).putInt(28, 1000).putInt(32, shapeType);
        boolean empty = env.isNull();
        h.putDouble(36, empty ? 0 : env.getMinX()).putDouble(44, empty ? 0 : env.getMinY())
                .putDouble(52, empty ? 0 : env.getMaxX()).putDouble(60, empty ? 0 : env.getMaxY());
        h.position(0);
        return h;
    }

    private static void writeFully(FileChannel ch, ByteBuffer b) throws IOException {
        while (b.hasRemaining()) {
            ch.write(b);
        }
    }

    private static void writeFully(FileChannel ch, ByteBuffer b, long position) throws IOException {
        long p = position;
        while (b.hasRemaining()) {
            p += ch.write(b, p);
        }
    }

    private static ByteBuffer shapeContent(Geometry g, int shapeType) {
        if (g == null || g.isEmpty()) {
            ByteBuffer b = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN);
            b.putInt(0).flip();
            return b;
        }
        if (shapeType == 1) {
            Coordinate c = ((Point) g).getCoordinate();
            ByteBuffer b = ByteBuffer.allocate(20).order(ByteOrder.LITTLE_ENDIAN);
            b.putInt(1).putDouble(c.x).putDouble(c.y).flip();
            return b;
        }
        if (shapeType == 8) {
            Coordinate[] cs = g.getCoordinates();
            ByteBuffer b = ByteBuffer.allocate(40 + 16 * cs.length).order(ByteOrder.LITTLE_ENDIAN);
            b.putInt(8);
            bbox(b, g.getEnvelopeInternal());
            b.putInt(cs.length);
            for (Coordinate c : cs) {
                b.putDouble(c.x).putDouble(c.y);
            }
            b.flip();
            return b;
        }
        List<Coordinate[]> parts = new ArrayList<>();
        for (int i = 0; i < g.getNumGeometries(); i++) {
            Geometry part = g.getGeometryN(i);
            if (part.isEmpty()) {
                continue;
            }
            if (part instanceof Polygon p) {
                parts.add(oriented(p.getExteriorRing().getCoordinates(), false));
                for (int h = 0; h < p.getNumInteriorRing(); h++) {
                    parts.add(oriented(p.getInteriorRingN(h).getCoordinates(), true));
                }
            } else {
                parts.add(((LineString) part).getCoordinates());
            }
        }
        int points = parts.stream().mapToInt(p -> p.length).sum();
        ByteBuffer b = ByteBuffer.allocate(44 + 4 * parts.size() + 16 * points).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(shapeType);
        bbox(b, g.getEnvelopeInternal());
        b.putInt(parts.size()).putInt(points);
        int start = 0;
        for (Coordinate[] p : parts) {
            b.putInt(start);
            start += p.length;
        }
        for (Coordinate[] p : parts) {
            for (Coordinate c : p) {
                b.putDouble(c.x).putDouble(c.y);
            }
        }
        b.flip();
        return b;
    }

    /** Shells clockwise, holes counter-clockwise, as the Shapefile specification requires. */
    private static Coordinate[] oriented(Coordinate[] ring, boolean ccw) {
        if (ring.length >= 4 && Orientation.isCCW(ring) != ccw) {
            Coordinate[] copy = ring.clone();
            CoordinateArrays.reverse(copy);
            return copy;
        }
        return ring;
    }

    private static void bbox(ByteBuffer b, Envelope e) {
        b.putDouble(e.getMinX()).putDouble(e.getMinY()).putDouble(e.getMaxX()).putDouble(e.getMaxY());
    }

    private static void writeDbfHeader(OutputStream out, List<Field> fields, long count) throws IOException {
        int headerLength = 32 + 32 * fields.size() + 1;
        int recordLength = 1 + fields.stream().mapToInt(Field::length).sum();
        ByteBuffer h = ByteBuffer.allocate(headerLength).order(ByteOrder.LITTLE_ENDIAN);
        LocalDate today = LocalDate.now();
        h.put((byte) 0x03).put((byte) (today.getYear() - 1900)).put((byte) today.getMonthValue())
                .put((byte) today.getDayOfMonth());
        h.putInt((int) count).putShort((short) headerLength).putShort((short) recordLength);
        h.position(32);
        for (Field f : fields) {
            byte[] name = f.name.getBytes(StandardCharsets.UTF_8);
            byte[] n11 = new byte[11];
            System.arraycopy(name, 0, n11, 0, Math.min(10, name.length));
            h.put(n11).put((byte) f.type).putInt(0).put((byte) f.length).put((byte) f.decimals);
            h.put(new byte[14]);
        }
        h.put((byte) 0x0D);
        out.write(h.array());
    }

    private static final DateTimeFormatter DBF_DATE = DateTimeFormatter.BASIC_ISO_DATE;

    private static byte[] dbfValue(Field f, Object v) {
        if (v == null) {
            return new byte[0];
        }
        String s = switch (f.type) {
            case 'N' -> {
                if (f.decimals == 0 && v instanceof Long l) {
                    yield Long.toString(l);
                }
                double d = v instanceof Number n ? n.doubleValue() : Double.NaN;
                if (!Double.isFinite(d)) {
                    yield "";
                }
                yield BigDecimal.valueOf(d).setScale(f.decimals, RoundingMode.HALF_EVEN).toPlainString();
            }
            case 'L' -> Boolean.TRUE.equals(v) ? "T" : "F";
            case 'D' -> v instanceof LocalDate d ? d.format(DBF_DATE) : "";
            default -> v instanceof Double d ? CsvWriter.text(d) : v.toString();
        };
        if (f.type == 'C') {
            return cut(s, f.length).getBytes(StandardCharsets.UTF_8);
        }
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
