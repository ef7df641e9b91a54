package org.civatlas.exchange.formats;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.civatlas.exchange.crs.Crs;
import org.locationtech.jts.algorithm.Orientation;
import org.locationtech.jts.algorithm.PointLocation;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;

/**
 * Shapefile reader written over the ESRI Shapefile Technical Description (1998) and the dBase III/IV file format,
 * instead of using H2GIS's SHPRead: records are streamed one by one (no database, no whole-file loading), the
 * attribute encoding is chosen per file (.cpg, else {@link ReadOptions#encoding()}), and corrupt input gives
 * precise messages (which record is truncated, which counts disagree).
 *
 * <p>Supported shape types: Null, Point, PolyLine, Polygon, MultiPoint and their Z and M variants (Z kept, M dropped).
 * MultiPatch records are reported as a per-feature problem. Polygon rings are assembled as the specification says:
 * clockwise rings are shells, counter-clockwise rings are holes of the shell containing them (a hole inside no shell
 * becomes a shell; if no ring is clockwise, all rings are shells).
 *
 * <p>Records marked deleted in the .dbf are skipped. dBase cannot tell an empty string from a missing value: both are
 * read as null.
 */
final class ShapefileReader extends AbstractFeatureReader {

    private final Path tempDir;          // extracted zip, deleted on close; null for a bare .shp
    private final Path shpPath;
    private final String shpName;
    private final DataInputStream shp;
    private final long shpLength;        // actual file length
    private final DataInputStream dbf;
    private final Charset charset;
    private final String charsetSource;
    private final List<DbfField> fields = new ArrayList<>();
    private final List<String> fieldNames = new ArrayList<>();
    private final int dbfRecords;
    private final int dbfRecordLength;
    private final int shxRecords;        // -1 when no .shx
    private final Optional<Crs> crs;
    private final String prjText;
    private final GeometryFactory factory;
    private final int shapeType;
    private long shpPos = 100;
    private int recordsRead;
    private byte[] dbfRecord;
    private byte[] content = new byte[1024];

    record DbfField(String name, char type, int length, int decimals, int offset) {
    }

    static FeatureReader openZip(Path zip, ReadOptions options) throws FormatException {
        Path dir = ZipExtractor.extract(zip, options.maxUncompressedBytes());
        try {
            List<Path> shps;
            try (Stream<Path> walk = Files.walk(dir)) {
                shps = walk.filter(p -> Files.isRegularFile(p) && lower(p).endsWith(".shp")
                                && !p.getFileName().toString().startsWith("._") && !p.toString().contains("__MACOSX"))
                        .sorted(Comparator.comparing(Path::toString)).collect(Collectors.toList());
            }
            if (shps.isEmpty()) {
                throw new FormatException("zip 中没有 .shp 文件：Shapefile 需同时包含 .shp、.shx、.dbf（和 .prj）",
                        "The zip contains no .shp file: a Shapefile upload must contain the .shp, .shx and .dbf files "
                                + "(and the .prj) of one layer", ".shp");
            }
            if (shps.size() > 1) {
                throw new FormatException("zip 中有多个图层（" + names(dir, shps) + "），请每个 zip 只放一个 Shapefile",
                        "The zip contains several shapefiles (" + names(dir, shps) + "): upload one layer per zip",
                        ".shp");
            }
            return new ShapefileReader(shps.get(0), dir, options);
        } catch (IOException e) {
            ZipExtractor.deleteRecursively(dir);
            throw new FormatException("读取 zip 内容失败", "Cannot read the unzipped files: " + e.getMessage(), null, e);
        } catch (FormatException | RuntimeException e) {
            ZipExtractor.deleteRecursively(dir);
            throw e;
        }
    }

    static FeatureReader openShp(Path shp, ReadOptions options) throws FormatException {
        return new ShapefileReader(shp, null, options);
    }

    private static String names(Path dir, List<Path> shps) {
        return shps.stream().map(p -> dir.relativize(p).toString()).collect(Collectors.joining(", "));
    }

    private static String lower(Path p) {
        return p.getFileName().toString().toLowerCase(Locale.ROOT);
    }

    private ShapefileReader(Path shpPath, Path tempDir, ReadOptions options) throws FormatException {
        super(options);
        this.tempDir = tempDir;
        this.shpPath = shpPath;
        this.shpName = shpPath.getFileName().toString();
        DataInputStream shpIn = null;
        DataInputStream dbfIn = null;
        try {
            Path dbfPath = sibling(shpPath, ".dbf");
            if (dbfPath == null) {
                throw new FormatException("缺少 " + base(shpName) + ".dbf 属性文件",
                        "The .dbf attribute file of " + shpName + " is missing: include " + base(shpName)
                                + ".dbf (and .shx, .prj) in the zip", ".dbf");
            }
            if (tempDir == null) {
                Limits.checkFileSize(shpPath, options.maxUncompressedBytes());
            }
            // encoding: .cpg wins, else the option
            Path cpg = sibling(shpPath, ".cpg");
            Optional<Charset> fromCpg = cpg == null ? Optional.empty()
                    : Encodings.fromCpg(Files.readString(cpg, StandardCharsets.ISO_8859_1));
            this.charset = fromCpg.orElse(Encodings.orUtf8(options.encoding()));
            this.charsetSource = fromCpg.isPresent() ? ".cpg" : "import option";
            // CRS from .prj
            Path prj = sibling(shpPath, ".prj");
            this.prjText = prj == null ? null : Files.readString(prj, StandardCharsets.ISO_8859_1);
            this.crs = prjText == null ? Optional.empty() : Crs.fromPrj(prjText);
            this.factory = crs.map(Crs::geometryFactory).orElse(new GeometryFactory(new PrecisionModel(), 0));

            this.shpLength = Files.size(shpPath);
            shpIn = new DataInputStream(new BufferedInputStream(Files.newInputStream(shpPath), 1 << 16));
            byte[] header = new byte[100];
            try {
                shpIn.readFully(header);
            } catch (EOFException e) {
                throw corrupt(".shp 文件头不完整", "the .shp header is shorter than 100 bytes: the file is truncated");
            }
            ByteBuffer hb = ByteBuffer.wrap(header);
            if (hb.getInt(0) != 9994) {
                throw corrupt(".shp 文件头无效（不是 Shapefile）", "the .shp file does not start with the Shapefile "
                        + "file code 9994: it is not a shapefile or it is corrupt");
            }
            long declaredLength = (hb.getInt(24) & 0xffffffffL) * 2;
            if (declaredLength > shpLength) {
                throw corrupt(".shp 文件被截断：文件头声明 " + declaredLength + " 字节，实际只有 " + shpLength + " 字节",
                        "the .shp file is truncated: its header declares " + declaredLength + " bytes but it has only "
                                + shpLength + "; it was cut off during copy or upload, export it again");
            }
            hb.order(ByteOrder.LITTLE_ENDIAN);
            this.shapeType = hb.getInt(32);

            Path shx = sibling(shpPath, ".shx");
            this.shxRecords = shx == null ? -1 : (int) Math.max(0, (Files.size(shx) - 100) / 8);

            dbfIn = new DataInputStream(new BufferedInputStream(Files.newInputStream(dbfPath), 1 << 16));
            byte[] dh = new byte[32];
            try {
                dbfIn.readFully(dh);
            } catch (EOFException e) {
                throw dbfCorrupt("文件头不完整", "its header is truncated");
            }
            ByteBuffer db = ByteBuffer.wrap(dh).order(ByteOrder.LITTLE_ENDIAN);
            this.dbfRecords = db.getInt(4);
            int headerLength = db.getShort(8) & 0xffff;
            this.dbfRecordLength = db.getShort(10) & 0xffff;
            if (dbfRecords < 0 || headerLength < 33 || dbfRecordLength < 1) {
                throw dbfCorrupt("文件头无效", "its header is invalid");
            }
            long expectedDbf = headerLength + (long) dbfRecords * dbfRecordLength;
            if (Files.size(dbfPath) < expectedDbf) {
                throw dbfCorrupt("文件被截断（应有 " + expectedDbf + " 字节）",
                        "it is truncated (its header implies " + expectedDbf + " bytes, the file has "
                                + Files.size(dbfPath) + ")");
            }
            byte[] descriptors = new byte[headerLength - 32];
            dbfIn.readFully(descriptors);
            int offset = 1;
            for (int p = 0; p + 32 <= descriptors.length && descriptors[p] != 0x0D; p += 32) {
                int nameLen = 0;
                while (nameLen < 11 && descriptors[p + nameLen] != 0) {
                    nameLen++;
                }
                String name = new String(descriptors, p, nameLen, charset).trim();
                char type = (char) (descriptors[p + 11] & 0xff);
                int length = descriptors[p + 16] & 0xff;
                int decimals = descriptors[p + 17] & 0xff;
                String unique = name;
                for (int k = 2; fieldNames.contains(unique); k++) {
                    unique = name + "_" + k;
                }
                fields.add(new DbfField(unique, Character.toUpperCase(type), length, decimals, offset));
                fieldNames.add(unique);
                offset += length;
            }
            if (offset > dbfRecordLength) {
                throw dbfCorrupt("字段长度之和超过记录长度", "its field lengths exceed the record length");
            }
            this.dbfRecord = new byte[dbfRecordLength];
            if (shxRecords >= 0 && shxRecords != dbfRecords) {
                throw countMismatch(shxRecords, dbfRecords);
            }
            this.shp = shpIn;
            this.dbf = dbfIn;
        } catch (IOException e) {
            closeQuietly(shpIn);
            closeQuietly(dbfIn);
            throw new FormatException("读取 Shapefile 失败", "Cannot read the shapefile: " + e.getMessage(), shpName, e);
        } catch (FormatException | RuntimeException e) {
            closeQuietly(shpIn);
            closeQuietly(dbfIn);
            throw e;
        }
    }

    /** The charset used for the .dbf, and where it came from (".cpg" or "import option"). */
    String encodingDescription() {
        return charset.name() + " (" + charsetSource + ")";
    }

    /** The .prj text, or null. */
    String prj() {
        return prjText;
    }

    @Override
    public List<String> fieldNames() {
        return List.copyOf(fieldNames);
    }

    @Override
    public Optional<Crs> declaredCrs() {
        return crs;
    }

    @Override
    public String format() {
        return "Shapefile";
    }

    // ------------------------------------------------------------------ records

    @Override
    protected SourceFeature readNext() throws FormatException {
        while (true) {
            if (shpPos + 8 > shpLength) {
                if (recordsRead != dbfRecords) {
                    throw countMismatch(recordsRead, dbfRecords);
                }
                return null;
            }
            int recordNumber;
            int contentLength;
            try {
                recordNumber = shp.readInt();
                contentLength = shp.readInt() * 2;
            } catch (IOException e) {
                throw truncatedRecord(recordsRead + 1, 8);
            }
            if (contentLength < 4 || shpPos + 8 + contentLength > shpLength) {
                if (contentLength >= 4 && contentLength < (1 << 28)) {
                    throw truncatedRecord(recordsRead + 1, contentLength);
                }
                throw corrupt("第 " + (recordsRead + 1) + " 条记录长度无效", "record " + (recordsRead + 1)
                        + " has an invalid content length (" + contentLength + " bytes): the file is corrupt");
            }
            if (content.length < contentLength) {
                content = new byte[Math.max(contentLength, content.length * 2)];
            }
            try {
                shp.readFully(content, 0, contentLength);
            } catch (IOException e) {
                throw truncatedRecord(recordsRead + 1, contentLength);
            }
            shpPos += 8 + contentLength;
            long index = recordsRead;
            recordsRead++;
            if (recordsRead > dbfRecords) {
                throw countMismatch(-1, dbfRecords);
            }
            boolean deleted;
            Map<String, Object> attributes;
            try {
                dbf.readFully(dbfRecord);
            } catch (IOException e) {
                throw dbfCorrupt("记录不完整", "record " + recordsRead + " is truncated");
            }
            deleted = dbfRecord[0] == '*';
            if (deleted) {
                continue;
            }
            attributes = attributes();
            ByteBuffer b = ByteBuffer.wrap(content, 0, contentLength).order(ByteOrder.LITTLE_ENDIAN);
            try {
                return new SourceFeature(index, shape(b, contentLength), attributes, null);
            } catch (ShapeProblem e) {
                return new SourceFeature(index, null, attributes, e.getMessage());
            }
        }
    }

    private Map<String, Object> attributes() {
        Map<String, Object> out = new LinkedHashMap<>(fields.size() * 2);
        for (DbfField f : fields) {
            out.put(f.name, value(f));
        }
        return out;
    }

    private static final DateTimeFormatter DBF_DATE = DateTimeFormatter.BASIC_ISO_DATE;

    private Object value(DbfField f) {
        int start = f.offset;
        int end = f.offset + f.length;
        if (f.type == 'C') {
            while (end > start && (dbfRecord[end - 1] == ' ' || dbfRecord[end - 1] == 0)) {
                end--;
            }
            return end == start ? null : new String(dbfRecord, start, end - start, charset);
        }
        String s = new String(dbfRecord, start, end - start, StandardCharsets.ISO_8859_1).trim();
        if (s.isEmpty() || s.startsWith("*")) {
            return null;
        }
        switch (f.type) {
            case 'N', 'F' -> {
                try {
                    if (f.decimals == 0 && s.indexOf('.') < 0 && s.indexOf('e') < 0 && s.indexOf('E') < 0
                            && s.length() <= 18) {
                        return Long.parseLong(s);
                    }
                    return Double.parseDouble(s);
                } catch (NumberFormatException e) {
                    return s;
                }
            }
            case 'L' -> {
                char c = Character.toUpperCase(s.charAt(0));
                return c == 'T' || c == 'Y' ? Boolean.TRUE : c == 'F' || c == 'N' ? Boolean.FALSE : null;
            }
            case 'D' -> {
                try {
                    return s.replace("0", "").isEmpty() ? null : LocalDate.parse(s, DBF_DATE);
                } catch (DateTimeParseException e) {
                    return s;
                }
            }
            default -> {
                return new String(dbfRecord, start, f.length, charset).trim();
            }
        }
    }

    static final class ShapeProblem extends Exception {
        ShapeProblem(String message) {
            super(message, null, false, false);
        }
    }

    private Geometry shape(ByteBuffer b, int len) throws ShapeProblem {
        int type = b.getInt(0);
        switch (type) {
            case 0:
                return null;
            case 1, 11, 21: {
                need(len, type == 1 ? 20 : 28, type);
                double x = b.getDouble(4);
                double y = b.getDouble(12);
                finite(x, y);
                Coordinate c = type == 11 ? new Coordinate(x, y, b.getDouble(20)) : new Coordinate(x, y);
                return factory.createPoint(c);
            }
            case 8, 18, 28: {
                need(len, 40, type);
                int n = b.getInt(36);
                if (n < 0 || 40L + 16L * n > len) {
                    throw badCounts(type);
                }
                Coordinate[] cs = coordinates(b, 40, n, type == 18 ? 40 + 16 * n + 16 : -1, len);
                Point[] pts = new Point[n];
                for (int i = 0; i < n; i++) {
                    pts[i] = factory.createPoint(cs[i]);
                }
                return factory.createMultiPoint(pts);
            }
            case 3, 13, 23, 5, 15, 25: {
                need(len, 44, type);
                int parts = b.getInt(36);
                int n = b.getInt(40);
                if (parts < 0 || n < 0 || 44L + 4L * parts + 16L * n > len) {
                    throw badCounts(type);
                }
                int pointsAt = 44 + 4 * parts;
                boolean z = type == 13 || type == 15;
                Coordinate[] all = coordinates(b, pointsAt, n, z ? pointsAt + 16 * n + 16 : -1, len);
                List<Coordinate[]> partList = new ArrayList<>(parts);
                for (int p = 0; p < parts; p++) {
                    int from = b.getInt(44 + 4 * p);
                    int to = p + 1 < parts ? b.getInt(44 + 4 * (p + 1)) : n;
                    if (from < 0 || to > n || from > to) {
                        throw badCounts(type);
                    }
                    Coordinate[] part = new Coordinate[to - from];
                    System.arraycopy(all, from, part, 0, part.length);
                    partList.add(part);
                }
                boolean polygon = type == 5 || type == 15 || type == 25;
                return polygon ? polygon(partList) : lines(partList);
            }
            case 31:
                throw new ShapeProblem("不支持 MultiPatch 几何 / MultiPatch shapes are not supported");
            default:
                throw new ShapeProblem("未知的几何类型代码 " + type + " / unknown shape type " + type
                        + " (the .shp record is corrupt)");
        }
    }

    private Coordinate[] coordinates(ByteBuffer b, int at, int n, int zAt, int len) throws ShapeProblem {
        boolean hasZ = zAt > 0 && zAt + 8L * n <= len;
        Coordinate[] out = new Coordinate[n];
        for (int i = 0; i < n; i++) {
            double x = b.getDouble(at + 16 * i);
            double y = b.getDouble(at + 16 * i + 8);
            finite(x, y);
            out[i] = hasZ ? new Coordinate(x, y, b.getDouble(zAt + 8 * i)) : new Coordinate(x, y);
        }
        return out;
    }

    private Geometry lines(List<Coordinate[]> parts) throws ShapeProblem {
        LineString[] ls = new LineString[parts.size()];
        for (int i = 0; i < ls.length; i++) {
            if (parts.get(i).length == 1) {
                throw new ShapeProblem("线的一个部分只有一个点 / a line part has a single point");
            }
            ls[i] = factory.createLineString(parts.get(i));
        }
        return ls.length == 1 ? ls[0] : factory.createMultiLineString(ls);
    }

    private Geometry polygon(List<Coordinate[]> parts) throws ShapeProblem {
        List<LinearRing> shells = new ArrayList<>();
        List<LinearRing> holes = new ArrayList<>();
        List<LinearRing> all = new ArrayList<>();
        for (Coordinate[] ring : parts) {
            Coordinate[] r = ring;
            if (r.length > 0 && !r[0].equals2D(r[r.length - 1])) {
                r = java.util.Arrays.copyOf(r, r.length + 1);
                r[r.length - 1] = r[0].copy();
            }
            if (r.length < 4) {
                throw new ShapeProblem("多边形环少于 4 个点 / a polygon ring has fewer than 4 points");
            }
            LinearRing lr = factory.createLinearRing(r);
            all.add(lr);
            if (Orientation.isCCW(r)) {
                holes.add(lr);
            } else {
                shells.add(lr);
            }
        }
        if (all.isEmpty()) {
            return factory.createPolygon();
        }
        if (shells.isEmpty()) {
            shells = all;
            holes = List.of();
        }
        List<List<LinearRing>> holesOf = new ArrayList<>();
        for (int i = 0; i < shells.size(); i++) {
            holesOf.add(new ArrayList<>());
        }
        for (LinearRing hole : holes) {
            int best = -1;
            double bestArea = Double.MAX_VALUE;
            Coordinate probe = hole.getCoordinateN(0);
            for (int i = 0; i < shells.size(); i++) {
                Envelope env = shells.get(i).getEnvelopeInternal();
                if (env.covers(hole.getEnvelopeInternal())
                        && PointLocation.isInRing(probe, shells.get(i).getCoordinates())
                        && env.getArea() < bestArea) {
                    best = i;
                    bestArea = env.getArea();
                }
            }
            if (best < 0) {
                shells.add(hole);
                holesOf.add(new ArrayList<>());
            } else {
                holesOf.get(best).add(hole);
            }
        }
        Polygon[] polys = new Polygon[shells.size()];
        for (int i = 0; i < polys.length; i++) {
            polys[i] = factory.createPolygon(shells.get(i), holesOf.get(i).toArray(new LinearRing[0]));
        }
        return polys.length == 1 ? polys[0] : factory.createMultiPolygon(polys);
    }

    private static void finite(double x, double y) throws ShapeProblem {
        if (!Double.isFinite(x) || !Double.isFinite(y)) {
            throw new ShapeProblem("坐标含 NaN 或无穷大 / coordinate is NaN or infinite (" + x + ", " + y + ")");
        }
    }

    private static void need(int len, int bytes, int type) throws ShapeProblem {
        if (len < bytes) {
            throw badCounts(type);
        }
    }

    private static ShapeProblem badCounts(int type) {
        return new ShapeProblem("记录内容与长度不符 / the record content does not fit its length (shape type " + type
                + "): the record is corrupt");
    }

    // ------------------------------------------------------------------ errors

    private FormatException truncatedRecord(int record, int needed) {
        return new FormatException(".shp 文件被截断：第 " + record + " 条记录不完整（需要 " + needed + " 字节，文件在第 "
                + shpLength + " 字节处结束）。文件可能在复制或上传时中断，请重新导出",
                "The .shp file is truncated: record " + record + " is incomplete (it needs " + needed
                        + " bytes but the file ends at byte " + shpLength + "). It was probably cut off during copy "
                        + "or upload: export the shapefile again", shpName);
    }

    private FormatException corrupt(String zh, String en) {
        return new FormatException(shpName + " 已损坏：" + zh, shpName + " is corrupt: " + en, shpName);
    }

    private FormatException dbfCorrupt(String zh, String en) {
        String dbfName = base(shpName) + ".dbf";
        return new FormatException(dbfName + " 已损坏：" + zh + "，请重新导出", dbfName + " is corrupt: " + en
                + "; export the shapefile again", dbfName);
    }

    private FormatException countMismatch(int shapes, int dbfCount) {
        String s = shapes < 0 ? "more than " + dbfCount : Integer.toString(shapes);
        return new FormatException("几何记录数（" + s + "）与属性记录数（" + dbfCount + "）不一致：.shp/.shx 与 .dbf "
                + "不属于同一图层或已损坏，请重新导出",
                "The number of shapes (" + s + ") does not match the number of .dbf records (" + dbfCount
                        + "): the .shp/.shx and .dbf do not belong together or one is damaged; export the shapefile "
                        + "again", base(shpName) + ".dbf");
    }

    private static String base(String name) {
        int dot = name.lastIndexOf('.');
        return dot < 0 ? name : name.substring(0, dot);
    }

    /** The side file with the same base name and an extension in any letter case. */
    private static Path sibling(Path shp, String ext) throws IOException {
        String base = base(shp.getFileName().toString());
        Path dir = shp.toAbsolutePath().getParent();
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> {
                String n = p.getFileName().toString();
                return n.length() == base.length() + ext.length() && n.regionMatches(true, 0, base, 0, base.length())
                        && n.toLowerCase(Locale.ROOT).endsWith(ext) && n.startsWith(base);
            }).findFirst().orElseGet(() -> {
                try (Stream<Path> s2 = Files.list(dir)) {
                    return s2.filter(p -> p.getFileName().toString().equalsIgnoreCase(base + ext)).findFirst()
                            .orElse(null);
                } catch (IOException e) {
                    return null;
                }
            });
        }
    }

    private static void closeQuietly(InputStream in) {
        if (in != null) {
            try {
                in.close();
            } catch (IOException ignored) {
                // closing
            }
        }
    }

    @Override
    public void close() {
        closeQuietly(shp);
        closeQuietly(dbf);
        ZipExtractor.deleteRecursively(tempDir);
    }
}
