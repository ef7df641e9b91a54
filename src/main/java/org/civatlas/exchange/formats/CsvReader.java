package org.civatlas.exchange.formats;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.civatlas.exchange.crs.Crs;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;

/**
 * CSV reader (RFC 4180: quoted fields with doubled quotes and embedded line breaks), streaming record by record.
 * The delimiter (comma, semicolon or tab) is detected from the first line; a UTF-8 BOM is skipped. The geometry
 * comes from a WKT column or from longitude/latitude columns, given in {@link ReadOptions} by header name or 1-based
 * column number, or detected from common header names. All other columns are attributes, as text (empty → null).
 * A CSV declares no CRS: {@link #declaredCrs()} is empty and geometries have SRID 0.
 */
final class CsvReader extends AbstractFeatureReader {

    private static final List<String> LON_NAMES = List.of("lon", "lng", "long", "longitude", "x", "经度", "point_x",
            "wgs84_lon", "gcj02_lon", "lon_wgs84");
    private static final List<String> LAT_NAMES = List.of("lat", "latitude", "y", "纬度", "point_y", "wgs84_lat",
            "gcj02_lat", "lat_wgs84");
    private static final List<String> WKT_NAMES = List.of("wkt", "geometry", "geom", "the_geom", "shape", "几何");
    private static final Pattern WKT_START = Pattern.compile(
            "^\\s*(SRID=\\d+;)?\\s*(POINT|LINESTRING|POLYGON|MULTIPOINT|MULTILINESTRING|MULTIPOLYGON|GEOMETRYCOLLECTION)\\b.*",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

    private final BufferedReader in;
    private int pushed = -2;
    private final char delimiter;
    private final List<String> header;
    private final List<String> fieldNames = new ArrayList<>();
    private final List<Integer> fieldColumns = new ArrayList<>();
    private final int lonCol;
    private final int latCol;
    private final int wktCol;
    private final GeometryFactory factory = new GeometryFactory(new PrecisionModel(), 0);
    private final WKTReader wktReader = new WKTReader(factory);
    private final Charset charset;
    private List<String> pending;   // first data row when there is no header
    private long line = 1;          // line number of the next character
    private long recordLine;
    private long index;

    CsvReader(Path file, ReadOptions options) throws FormatException {
        super(options);
        Limits.checkFileSize(file, options.maxUncompressedBytes());
        this.charset = Encodings.orUtf8(options.encoding());
        try {
            InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
            raw.mark(3);
            byte[] bom = raw.readNBytes(3);
            if (!(bom.length == 3 && (bom[0] & 0xff) == 0xEF && (bom[1] & 0xff) == 0xBB && (bom[2] & 0xff) == 0xBF)) {
                raw.reset();
            }
            this.in = new BufferedReader(new InputStreamReader(raw, charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)), 1 << 16);
        } catch (IOException e) {
            throw new FormatException("无法读取 CSV 文件", "Cannot read the CSV file: " + e.getMessage(), "file", e);
        }
        try {
            this.delimiter = detectDelimiter(peekFirstLine());
            List<String> first = record();
            if (first == null) {
                throw new FormatException("CSV 文件为空", "The CSV file is empty", "file");
            }
            boolean hasHeader = looksLikeHeader(first) || isName(options.lonColumn()) || isName(options.latColumn())
                    || isName(options.wktColumn());
            if (hasHeader) {
                header = new ArrayList<>();
                for (String h : first) {
                    header.add(h == null ? "" : h.trim());
                }
            } else {
                header = new ArrayList<>();
                for (int i = 0; i < first.size(); i++) {
                    header.add("col" + (i + 1));
                }
                pending = first;
            }
            int w = resolve(options.wktColumn(), WKT_NAMES, "wktColumn");
            int lo = -1;
            int la = -1;
            if (w < 0) {
                lo = resolve(options.lonColumn(), LON_NAMES, "lonColumn");
                la = resolve(options.latColumn(), LAT_NAMES, "latColumn");
                if (lo < 0 || la < 0) {
                    throw new FormatException("CSV 中找不到几何列：请提供经度/纬度列（如 lon、lat、经度、纬度）或 WKT 列，"
                            + "或在导入选项中指定列名", "No geometry columns found in the CSV (columns: "
                            + String.join(", ", header) + "): name them lon/lat (经度/纬度) or WKT, or choose the "
                            + "columns in the import options", lo < 0 ? "lonColumn" : "latColumn");
                }
            }
            this.wktCol = w;
            this.lonCol = lo;
            this.latCol = la;
            for (int i = 0; i < header.size(); i++) {
                if (i != w && i != lo && i != la) {
                    String name = header.get(i).isEmpty() ? "col" + (i + 1) : header.get(i);
                    String unique = name;
                    for (int k = 2; fieldNames.contains(unique); k++) {
                        unique = name + "_" + k;
                    }
                    fieldNames.add(unique);
                    fieldColumns.add(i);
                }
            }
        } catch (FormatException e) {
            close();
            throw e;
        }
    }

    private static boolean isName(String column) {
        return column != null && !column.isBlank() && !column.trim().matches("\\d+");
    }

    private boolean looksLikeHeader(List<String> row) {
        for (String c : row) {
            if (c == null || c.isBlank()) {
                continue;
            }
            String t = c.trim();
            if (isNumber(t) || WKT_START.matcher(t).matches()) {
                return false;
            }
        }
        return true;
    }

    private static boolean isNumber(String s) {
        try {
            Double.parseDouble(s);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private int resolve(String option, List<String> candidates, String what) throws FormatException {
        if (option != null && !option.isBlank()) {
            String o = option.trim();
            for (int i = 0; i < header.size(); i++) {
                if (header.get(i).equalsIgnoreCase(o)) {
                    return i;
                }
            }
            if (o.matches("\\d+")) {
                int i = Integer.parseInt(o) - 1;
                if (i >= 0 && i < header.size()) {
                    return i;
                }
            }
            throw new FormatException("CSV 中没有列 “" + o + "”", "The CSV has no column '" + o + "' (columns: "
                    + String.join(", ", header) + "): choose an existing column", what);
        }
        for (String c : candidates) {
            for (int i = 0; i < header.size(); i++) {
                if (header.get(i).toLowerCase(Locale.ROOT).equals(c)) {
                    return i;
                }
            }
        }
        return -1;
    }

    @Override
    public List<String> fieldNames() {
        return List.copyOf(fieldNames);
    }

    @Override
    public Optional<Crs> declaredCrs() {
        return Optional.empty();
    }

    @Override
    public String format() {
        return "CSV";
    }

    @Override
    protected SourceFeature readNext() throws FormatException {
        List<String> row;
        if (pending != null) {
            row = pending;
            pending = null;
        } else {
            do {
                row = record();
                if (row == null) {
                    return null;
                }
            } while (row.size() == 1 && (row.get(0) == null || row.get(0).isBlank())); // blank lines
        }
        long i = index++;
        Map<String, Object> attrs = new LinkedHashMap<>();
        for (int k = 0; k < fieldNames.size(); k++) {
            int col = fieldColumns.get(k);
            String v = col < row.size() ? row.get(col) : null;
            attrs.put(fieldNames.get(k), v == null || v.isEmpty() ? null : v);
        }
        String where = "CSV 第 " + recordLine + " 行 / CSV line " + recordLine + ": ";
        if (wktCol >= 0) {
            String wkt = wktCol < row.size() ? row.get(wktCol) : null;
            if (wkt == null || wkt.isBlank()) {
                return new SourceFeature(i, null, attrs, null);
            }
            try {
                String w = wkt.trim();
                if (w.regionMatches(true, 0, "SRID=", 0, 5) && w.indexOf(';') > 0) {
                    w = w.substring(w.indexOf(';') + 1);
                }
                Geometry g = wktReader.read(w);
                for (Coordinate c : g.getCoordinates()) {
                    if (!Double.isFinite(c.x) || !Double.isFinite(c.y)) {
                        return new SourceFeature(i, null, attrs, where + "坐标含 NaN 或无穷大 / coordinate is NaN or infinite");
                    }
                }
                return new SourceFeature(i, g, attrs, null);
            } catch (ParseException | RuntimeException e) {
                return new SourceFeature(i, null, attrs, where + "WKT 无法解析 / the WKT cannot be parsed: " + e.getMessage());
            }
        }
        String lon = lonCol < row.size() ? row.get(lonCol) : null;
        String lat = latCol < row.size() ? row.get(latCol) : null;
        if ((lon == null || lon.isBlank()) && (lat == null || lat.isBlank())) {
            return new SourceFeature(i, null, attrs, where + "缺少坐标 / missing coordinates");
        }
        try {
            double x = Double.parseDouble(lon.trim());
            double y = Double.parseDouble(lat.trim());
            if (!Double.isFinite(x) || !Double.isFinite(y)) {
                return new SourceFeature(i, null, attrs, where + "坐标含 NaN 或无穷大 / coordinate is NaN or infinite");
            }
            return new SourceFeature(i, factory.createPoint(new Coordinate(x, y)), attrs, null);
        } catch (RuntimeException e) {
            return new SourceFeature(i, null, attrs, where + "坐标不是数字 / coordinates are not numbers: '" + lon
                    + "', '" + lat + "'");
        }
    }

    // ------------------------------------------------------------------ RFC 4180 tokenizer

    private String peekFirstLine() throws FormatException {
        try {
            in.mark(1 << 16);
            StringBuilder sb = new StringBuilder();
            int c;
            while (sb.length() < (1 << 16) - 1 && (c = read()) >= 0 && c != '\n' && c != '\r') {
                sb.append((char) c);
            }
            in.reset();
            return sb.toString();
        } catch (CharacterCodingException e) {
            throw encodingProblem(e);
        } catch (IOException e) {
            throw new FormatException("读取 CSV 失败", "Cannot read the CSV file: " + e.getMessage(), "file", e);
        }
    }

    /** The candidate delimiter occurring most often outside quotes in the first line (comma if none). */
    private static char detectDelimiter(String first) {
        int comma = 0;
        int semi = 0;
        int tab = 0;
        boolean q = false;
        for (int i = 0; i < first.length(); i++) {
            char c = first.charAt(i);
            if (c == '"') {
                q = !q;
            } else if (!q) {
                if (c == ',') {
                    comma++;
                } else if (c == ';') {
                    semi++;
                } else if (c == '\t') {
                    tab++;
                }
            }
        }
        if (tab > comma && tab >= semi) {
            return '\t';
        }
        return semi > comma ? ';' : ',';
    }

    private int read() throws IOException {
        if (pushed != -2) {
            int c = pushed;
            pushed = -2;
            return c;
        }
        return in.read();
    }

    private void unread(int c) {
        pushed = c;
    }

    private FormatException encodingProblem(CharacterCodingException e) {
        return new FormatException("CSV 文件不是 " + charset.name() + " 编码（第 " + line
                + " 行附近），请在导入选项中选择正确的编码（如 GBK）",
                "The CSV file is not valid " + charset.name() + " (near line " + line + "): choose the right "
                        + "encoding in the import options (e.g. GBK for files saved by Excel on Chinese Windows)",
                "encoding", e);
    }

    /** Reads one record; null at end of file. */
    private List<String> record() throws FormatException {
        try {
            int c = read();
            if (c < 0) {
                return null;
            }
            unread(c);
            recordLine = line;
            List<String> out = new ArrayList<>();
            StringBuilder cell = new StringBuilder();
            boolean quoted = false;
            boolean wasQuoted = false;
            long quoteLine = 0;
            while (true) {
                c = read();
                if (c < 0) {
                    if (quoted) {
                        throw new FormatException("CSV 第 " + quoteLine + " 行开始的引号没有闭合",
                                "Unterminated quoted field starting at CSV line " + quoteLine
                                        + ": add the closing double quote", "line " + quoteLine);
                    }
                    break;
                }
                if (quoted) {
                    if (c == '"') {
                        int d = read();
                        if (d == '"') {
                            cell.append('"');
                        } else {
                            quoted = false;
                            if (d >= 0) {
                                unread(d);
                            }
                        }
                    } else {
                        if (c == '\n') {
                            line++;
                        }
                        cell.append((char) c);
                    }
                    continue;
                }
                if (c == '\r') {
                    int d = read();
                    if (d != '\n' && d >= 0) {
                        unread(d);
                    }
                    line++;
                    break;
                }
                if (c == '\n') {
                    line++;
                    break;
                }
                if (c == '"' && cell.length() == 0 && !wasQuoted) {
                    quoted = true;
                    wasQuoted = true;
                    quoteLine = line;
                    continue;
                }
                if (isDelimiter(c)) {
                    out.add(wasQuoted ? cell.toString() : cell.toString().trim());
                    cell.setLength(0);
                    wasQuoted = false;
                    continue;
                }
                cell.append((char) c);
            }
            out.add(wasQuoted ? cell.toString() : cell.toString().trim());
            return out;
        } catch (CharacterCodingException e) {
            throw encodingProblem(e);
        } catch (IOException e) {
            throw new FormatException("读取 CSV 失败", "Cannot read the CSV file: " + e.getMessage(), "file", e);
        }
    }

    private boolean isDelimiter(int c) {
        return c == delimiter;
    }

    @Override
    public void close() {
        try {
            if (in != null) {
                in.close();
            }
        } catch (IOException ignored) {
            // closing
        }
    }
}
