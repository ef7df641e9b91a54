package org.civatlas.exchange.formats;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

import org.civatlas.exchange.crs.Crs;
import org.civatlas.exchange.crs.UnsupportedCrsException;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.json.JsonReadFeature;

/**
 * Streaming GeoJSON reader (RFC 7946, plus the legacy 2008 {@code crs} member): features are parsed one by one with
 * Jackson's streaming parser, so memory use is bounded by the largest single feature. Accepts a FeatureCollection,
 * a single Feature or a bare geometry, plain or gzip-compressed.
 *
 * <p>CRS: the legacy {@code crs} member (named CRS: EPSG codes, OGC CRS84 URNs, "GCJ-02" ...) when present, else
 * CRS84 (WGS 84 lon/lat) as RFC 7946 prescribes. A {@code crs} member placed after {@code features} is found in
 * uncompressed files (by a scan of the file's tail, then of its top level); in gzip files only a {@code crs} before
 * {@code features} is honoured. An unrecognised {@code crs} gives an empty {@link #declaredCrs()}.
 *
 * <p>Non-standard NaN/Infinity literals are accepted by the tokenizer so that they can be reported per feature
 * (as {@link SourceFeature#problem()}) rather than failing the whole file.
 */
final class GeoJsonReader extends AbstractFeatureReader {

    static final JsonFactory JSON = JsonFactory.builder().enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS).build();

    private final InputStream raw;
    private final JsonParser parser;
    private final long limit;
    private final Set<String> fieldNames = new LinkedHashSet<>();
    private Optional<Crs> crs = Optional.of(Crs.WGS84);
    private String crsProblem;
    private GeometryFactory factory = Crs.WGS84.geometryFactory();
    private long index;
    private boolean inCollection;
    private SourceFeature single;   // for a top-level Feature or geometry
    private boolean finished;

    GeoJsonReader(Path file, ReadOptions options) throws FormatException {
        super(options);
        this.limit = options.maxUncompressedBytes();
        boolean gzip = Readers.isGzip(file);
        if (!gzip) {
            Limits.checkFileSize(file, limit);
        }
        try {
            InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
            if (gzip) {
                in = new BufferedInputStream(new Limits.CountingInputStream(new GZIPInputStream(in, 1 << 16), limit),
                        1 << 16);
            }
            this.raw = in;
            this.parser = JSON.createParser(ObjectReadContext.empty(), in);
        } catch (IOException | JacksonException e) {
            throw ioProblem(e);
        }
        try {
            start(file, gzip);
        } catch (FormatException e) {
            close();
            throw e;
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    @Override
    public String format() {
        return "GeoJSON";
    }

    @Override
    public List<String> fieldNames() {
        return List.copyOf(fieldNames);
    }

    @Override
    public Optional<Crs> declaredCrs() {
        return crs;
    }

    /** Why the declared crs member was not recognised, or null. */
    String crsProblem() {
        return crsProblem;
    }

    // ------------------------------------------------------------------ top level

    private void start(Path file, boolean gzip) throws FormatException {
        try {
            JsonToken t = parser.nextToken();
            if (t != JsonToken.START_OBJECT) {
                throw new FormatException("文件不是 GeoJSON：应以 { 开头",
                        "Not GeoJSON: the file must start with a JSON object '{'" + where(parser.currentTokenLocation()),
                        "file");
            }
            String type = null;
            Map<String, Object> properties = null;
            RawGeometry geometry = null;
            RawGeometry bareGeometry = new RawGeometry();
            boolean hasGeometryMember = false;
            while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                String name = parser.currentName();
                JsonToken v = parser.nextToken();
                switch (name) {
                    case "type" -> type = v == JsonToken.VALUE_STRING ? parser.getString() : null;
                    case "crs" -> setCrs(v);
                    case "features" -> {
                        if (v != JsonToken.START_ARRAY) {
                            throw structure("\"features\" 必须是数组", "\"features\" must be an array");
                        }
                        inCollection = true;
                        if (crsProblem == null && crs.equals(Optional.of(Crs.WGS84)) && !gzip) {
                            lookForTrailingCrs(file);
                        }
                        factory = crs.map(Crs::geometryFactory).orElse(new GeometryFactory(new PrecisionModel(), 0));
                        return; // positioned at the start of the features array
                    }
                    case "geometry" -> {
                        hasGeometryMember = true;
                        geometry = v == JsonToken.VALUE_NULL ? null : readRawGeometry(v);
                    }
                    case "properties" -> properties = v == JsonToken.VALUE_NULL ? new LinkedHashMap<>() : readProperties(v);
                    case "coordinates" -> bareGeometry.coordinates = readCoordinates(v);
                    case "geometries" -> bareGeometry.geometries = readGeometryList(v);
                    default -> parser.skipChildren();
                }
            }
            // no "features": a single Feature or a bare geometry
            factory = crs.map(Crs::geometryFactory).orElse(new GeometryFactory(new PrecisionModel(), 0));
            if ("Feature".equals(type)) {
                Map<String, Object> attrs = properties == null ? new LinkedHashMap<>() : properties;
                fieldNames.addAll(attrs.keySet());
                single = feature(0, hasGeometryMember ? geometry : null, attrs);
            } else if (type != null && GEOMETRY_TYPES.contains(type)) {
                bareGeometry.type = type;
                single = feature(0, bareGeometry, new LinkedHashMap<>());
            } else if ("FeatureCollection".equals(type)) {
                finished = true; // a collection without features
            } else {
                throw new FormatException("不是 GeoJSON：缺少 type 为 FeatureCollection/Feature/几何类型的对象",
                        "Not GeoJSON: expected \"type\": \"FeatureCollection\", \"Feature\" or a geometry type, got "
                                + (type == null ? "no type" : "\"" + type + "\""), "type");
            }
        } catch (JacksonException e) {
            throw syntax(e);
        }
    }

    private void setCrs(JsonToken v) throws FormatException {
        if (v == JsonToken.VALUE_NULL) {
            crs = Optional.empty();
            crsProblem = "crs is null";
            return;
        }
        Object value = readValue(v, true);
        String name = null;
        if (value instanceof Map<?, ?> m && m.get("properties") instanceof Map<?, ?> p) {
            Object n = p.get("name");
            if (n == null && p.get("code") != null) {
                n = "EPSG:" + p.get("code"); // {"type":"EPSG","properties":{"code":4326}}
            }
            name = n == null ? null : n.toString();
        }
        if (name == null) {
            crs = Optional.empty();
            crsProblem = "unrecognised crs member";
            return;
        }
        try {
            crs = Optional.of(Crs.parse(name));
            crsProblem = null;
        } catch (UnsupportedCrsException e) {
            crs = Optional.empty();
            crsProblem = e.getMessage();
        }
    }

    /** A crs member after the features array: check the tail of the file, and scan the top level if it is there. */
    private void lookForTrailingCrs(Path file) throws FormatException {
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "r")) {
            long len = f.length();
            int n = (int) Math.min(len, 64 * 1024);
            byte[] tail = new byte[n];
            f.seek(len - n);
            f.readFully(tail);
            if (!new String(tail, StandardCharsets.ISO_8859_1).contains("\"crs\"")) {
                return;
            }
        } catch (IOException e) {
            return;
        }
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
             JsonParser p = JSON.createParser(ObjectReadContext.empty(), in)) {
            p.nextToken();
            while (p.nextToken() == JsonToken.PROPERTY_NAME) {
                String name = p.currentName();
                JsonToken v = p.nextToken();
                if (name.equals("crs")) {
                    Object value = readValue(p, v, true);
                    if (value instanceof Map<?, ?> m && m.get("properties") instanceof Map<?, ?> props
                            && props.get("name") != null) {
                        try {
                            crs = Optional.of(Crs.parse(props.get("name").toString()));
                        } catch (UnsupportedCrsException e) {
                            crs = Optional.empty();
                            crsProblem = e.getMessage();
                        }
                    }
                    return;
                }
                p.skipChildren();
            }
        } catch (IOException | JacksonException e) {
            // the main pass will report syntax errors with their position
        }
    }

    // ------------------------------------------------------------------ features

    @Override
    protected SourceFeature readNext() throws FormatException {
        if (finished) {
            return null;
        }
        if (!inCollection) {
            finished = true;
            SourceFeature s = single;
            single = null;
            return s;
        }
        try {
            JsonToken t = parser.nextToken();
            if (t == JsonToken.END_ARRAY) {
                finished = true;
                skipRestOfTopLevel();
                return null;
            }
            if (t == null) {
                throw truncated();
            }
            if (t != JsonToken.START_OBJECT) {
                throw structure("features 数组的第 " + (index + 1) + " 个元素不是对象",
                        "element " + index + " of \"features\" is not a JSON object");
            }
            long i = index++;
            Map<String, Object> properties = new LinkedHashMap<>();
            RawGeometry geometry = null;
            String type = null;
            while (true) {
                JsonToken n = parser.nextToken();
                if (n == JsonToken.END_OBJECT) {
                    break;
                }
                if (n == null) {
                    throw truncated();
                }
                String name = parser.currentName();
                JsonToken v = parser.nextToken();
                switch (name) {
                    case "type" -> type = v == JsonToken.VALUE_STRING ? parser.getString() : null;
                    case "geometry" -> geometry = v == JsonToken.VALUE_NULL ? null : readRawGeometry(v);
                    case "properties" -> {
                        if (v != JsonToken.VALUE_NULL) {
                            properties = readProperties(v);
                        }
                    }
                    default -> parser.skipChildren();
                }
            }
            fieldNames.addAll(properties.keySet());
            SourceFeature f = feature(i, geometry, properties);
            if (!"Feature".equals(type) && f.problem() == null) {
                return new SourceFeature(i, f.geometry(), f.attributes(),
                        "要素类型不是 \"Feature\" / member \"type\" is " + (type == null ? "missing" : "\"" + type + "\"")
                                + " instead of \"Feature\"");
            }
            return f;
        } catch (JacksonException e) {
            throw syntax(e);
        }
    }

    private void skipRestOfTopLevel() throws FormatException {
        // after the features array: remaining members (bbox, a late crs ...) — read to detect truncation
        JsonToken t;
        while ((t = parser.nextToken()) == JsonToken.PROPERTY_NAME) {
            parser.nextToken();
            parser.skipChildren();
        }
        if (t != JsonToken.END_OBJECT) {
            throw truncated();
        }
    }

    private SourceFeature feature(long i, RawGeometry raw, Map<String, Object> attributes) {
        if (raw == null) {
            return new SourceFeature(i, null, attributes, null);
        }
        try {
            Geometry g = raw.build(factory);
            String problem = raw.dropped.isEmpty() ? null
                    : "已删除少于 4 个坐标的退化部分 / dropped degenerate components with fewer than 4 positions "
                            + "(no area): " + String.join(", ", raw.dropped);
            return new SourceFeature(i, g, attributes, problem);
        } catch (GeometryProblem e) {
            return new SourceFeature(i, null, attributes, e.getMessage());
        }
    }

    // ------------------------------------------------------------------ geometry

    static final Set<String> GEOMETRY_TYPES = Set.of("Point", "MultiPoint", "LineString", "MultiLineString",
            "Polygon", "MultiPolygon", "GeometryCollection");

    /** A geometry whose members may arrive in any order; built once complete. */
    static final class RawGeometry {
        String type;
        Object coordinates;          // double[] | PosList | List<...>
        List<RawGeometry> geometries;
        /** Components dropped while building (degenerate rings/polygons), reported as the feature's problem. */
        final List<String> dropped = new ArrayList<>();

        Geometry build(GeometryFactory f) throws GeometryProblem {
            if (type == null) {
                throw new GeometryProblem("几何缺少 type / geometry has no \"type\"");
            }
            switch (type) {
                case "GeometryCollection" -> {
                    if (geometries == null) {
                        throw new GeometryProblem("GeometryCollection 缺少 geometries / GeometryCollection without \"geometries\"");
                    }
                    Geometry[] parts = new Geometry[geometries.size()];
                    for (int k = 0; k < parts.length; k++) {
                        parts[k] = geometries.get(k).build(f);
                        dropped.addAll(geometries.get(k).dropped);
                    }
                    return f.createGeometryCollection(parts);
                }
                case "Point" -> {
                    if (coordinates instanceof PosList pl && pl.n == 0) {
                        return f.createPoint();
                    }
                    return f.createPoint(position(coordinates));
                }
                case "MultiPoint" -> {
                    Coordinate[] cs = positions(coordinates);
                    Point[] pts = new Point[cs.length];
                    for (int k = 0; k < cs.length; k++) {
                        pts[k] = f.createPoint(cs[k]);
                    }
                    return f.createMultiPoint(pts);
                }
                case "LineString" -> {
                    return line(f, positions(coordinates));
                }
                case "MultiLineString" -> {
                    List<?> parts = list(coordinates);
                    LineString[] ls = new LineString[parts.size()];
                    for (int k = 0; k < ls.length; k++) {
                        ls[k] = line(f, positions(parts.get(k)));
                    }
                    return f.createMultiLineString(ls);
                }
                case "Polygon" -> {
                    try {
                        return polygon(f, coordinates);
                    } catch (DegenerateShell e) {
                        throw new GeometryProblem("多边形环少于 4 个坐标 / polygon ring 0 has fewer than 4 positions");
                    }
                }
                case "MultiPolygon" -> {
                    List<?> parts = list(coordinates);
                    List<Polygon> ps = new ArrayList<>(parts.size());
                    for (int k = 0; k < parts.size(); k++) {
                        try {
                            ps.add(polygon(f, parts.get(k)));
                        } catch (DegenerateShell e) {
                            dropped.add("polygon " + k + " (" + e.getMessage() + ")");
                        }
                    }
                    if (ps.isEmpty() && !parts.isEmpty()) {
                        throw new GeometryProblem("多边形环少于 4 个坐标 / every polygon of the MultiPolygon has a shell "
                                + "with fewer than 4 positions");
                    }
                    return f.createMultiPolygon(ps.toArray(new Polygon[0]));
                }
                default -> throw new GeometryProblem("未知几何类型 / unknown geometry type \"" + type + "\"");
            }
        }

        private LineString line(GeometryFactory f, Coordinate[] cs) throws GeometryProblem {
            if (cs.length == 1) {
                throw new GeometryProblem("线只有一个点 / LineString with a single position");
            }
            return f.createLineString(cs);
        }

        private Polygon polygon(GeometryFactory f, Object c) throws GeometryProblem, DegenerateShell {
            List<?> rings = list(c);
            if (rings.isEmpty()) {
                return f.createPolygon();
            }
            List<LinearRing> lr = new ArrayList<>(rings.size());
            for (int k = 0; k < rings.size(); k++) {
                Coordinate[] cs = positions(rings.get(k));
                if (cs.length > 0 && !cs[0].equals2D(cs[cs.length - 1])) {
                    throw new GeometryProblem("多边形环未闭合（首尾坐标不同）/ polygon ring " + k
                            + " is not closed (first and last positions differ)");
                }
                if (cs.length > 0 && cs.length < 4) {
                    // JTS cannot represent such a ring (it has no area): drop a hole, reject a shell
                    if (k == 0) {
                        throw new DegenerateShell("shell with " + cs.length + " positions");
                    }
                    dropped.add("hole " + k + " with " + cs.length + " positions");
                    continue;
                }
                lr.add(f.createLinearRing(cs));
            }
            return f.createPolygon(lr.get(0), lr.subList(1, lr.size()).toArray(new LinearRing[0]));
        }

        private static List<?> list(Object c) throws GeometryProblem {
            if (c instanceof List<?> l) {
                return l;
            }
            if (c instanceof PosList pl && pl.n == 0) {
                return List.of();
            }
            throw nesting(c);
        }

        private static Coordinate position(Object c) throws GeometryProblem {
            if (!(c instanceof double[] p)) {
                throw nesting(c);
            }
            return coordinate(p, 0, p.length);
        }

        private static Coordinate[] positions(Object c) throws GeometryProblem {
            if (c instanceof PosList pl) {
                Coordinate[] out = new Coordinate[pl.n];
                for (int k = 0; k < pl.n; k++) {
                    out[k] = coordinate(pl.values, k * pl.dim, pl.dim);
                }
                return out;
            }
            throw nesting(c);
        }

        private static Coordinate coordinate(double[] v, int off, int dim) throws GeometryProblem {
            if (dim < 2) {
                throw new GeometryProblem("坐标少于 2 个数 / a position has fewer than 2 numbers");
            }
            double x = v[off];
            double y = v[off + 1];
            if (!Double.isFinite(x) || !Double.isFinite(y) || (dim > 2 && Double.isInfinite(v[off + 2]))) {
                throw new GeometryProblem("坐标含 NaN 或无穷大 / coordinate is NaN or infinite (" + x + ", " + y + ")");
            }
            return dim > 2 && !Double.isNaN(v[off + 2]) ? new Coordinate(x, y, v[off + 2]) : new Coordinate(x, y);
        }

        private static GeometryProblem nesting() {
            return nesting(null);
        }

        private static GeometryProblem nesting(Object c) {
            if (c instanceof String s) {
                return new GeometryProblem("coordinates 无效 / invalid \"coordinates\": " + s);
            }
            return new GeometryProblem("coordinates 嵌套层数与几何类型不符 / \"coordinates\" nesting does not match the geometry type");
        }
    }

    /** A list of positions, packed. */
    static final class PosList {
        double[] values = new double[32];
        int n;
        int dim;
    }

    /** A polygon whose shell has fewer than 4 positions. */
    static final class DegenerateShell extends Exception {
        DegenerateShell(String message) {
            super(message, null, false, false);
        }
    }

    static final class GeometryProblem extends Exception {
        GeometryProblem(String message) {
            super(message, null, false, false);
        }
    }

    private RawGeometry readRawGeometry(JsonToken t) throws FormatException {
        if (t != JsonToken.START_OBJECT) {
            parser.skipChildren();
            RawGeometry bad = new RawGeometry();
            bad.type = "<not an object>";
            return bad;
        }
        RawGeometry g = new RawGeometry();
        while (true) {
            JsonToken n = parser.nextToken();
            if (n == JsonToken.END_OBJECT) {
                return g;
            }
            if (n == null) {
                throw truncated();
            }
            String name = parser.currentName();
            JsonToken v = parser.nextToken();
            switch (name) {
                case "type" -> g.type = v == JsonToken.VALUE_STRING ? parser.getString() : null;
                case "coordinates" -> g.coordinates = readCoordinates(v);
                case "geometries" -> g.geometries = readGeometryList(v);
                default -> parser.skipChildren();
            }
        }
    }

    private List<RawGeometry> readGeometryList(JsonToken t) throws FormatException {
        if (t != JsonToken.START_ARRAY) {
            parser.skipChildren();
            return null;
        }
        List<RawGeometry> out = new ArrayList<>();
        JsonToken n;
        while ((n = parser.nextToken()) != JsonToken.END_ARRAY) {
            if (n == null) {
                throw truncated();
            }
            out.add(readRawGeometry(n));
        }
        return out;
    }

    /** Reads a coordinates value (current token t). Returns double[] (a position), PosList, List, or a marker. */
    private Object readCoordinates(JsonToken t) throws FormatException {
        if (t != JsonToken.START_ARRAY) {
            parser.skipChildren();
            return "not an array";
        }
        JsonToken first = parser.nextToken();
        if (first == JsonToken.END_ARRAY) {
            return new PosList(); // empty
        }
        if (first == null) {
            throw truncated();
        }
        if (isNumber(first) || first == JsonToken.VALUE_STRING || first == JsonToken.VALUE_NULL) {
            // a position
            double[] p = new double[3];
            int k = 0;
            JsonToken n = first;
            boolean bad = false;
            while (n != JsonToken.END_ARRAY) {
                if (n == null) {
                    throw truncated();
                }
                double d;
                if (isNumber(n)) {
                    d = parser.getDoubleValue();
                } else {
                    parser.skipChildren();
                    bad = true;
                    d = Double.NaN;
                }
                if (k < 3) {
                    p[k] = d;
                }
                k++;
                n = parser.nextToken();
            }
            if (bad) {
                return "position with non-numbers";
            }
            if (k < 3) {
                double[] q = new double[k];
                System.arraycopy(p, 0, q, 0, k);
                return q;
            }
            return p;
        }
        // array of something: if its elements are positions, pack them
        Object firstChild = readCoordinates(first);
        if (firstChild instanceof double[] pos) {
            PosList pl = new PosList();
            pl.dim = Math.max(pos.length, 2);
            add(pl, pos);
            JsonToken n;
            while ((n = parser.nextToken()) != JsonToken.END_ARRAY) {
                if (n == null) {
                    throw truncated();
                }
                if (n == JsonToken.START_ARRAY) {
                    readPositionInto(pl);
                } else {
                    parser.skipChildren();
                    return "mixed nesting";
                }
            }
            return pl;
        }
        List<Object> out = new ArrayList<>();
        out.add(firstChild);
        JsonToken n;
        while ((n = parser.nextToken()) != JsonToken.END_ARRAY) {
            if (n == null) {
                throw truncated();
            }
            out.add(readCoordinates(n));
        }
        return out;
    }

    /** Fast path: reads one position (after its START_ARRAY) directly into the packed list. */
    private void readPositionInto(PosList pl) throws FormatException {
        int base = pl.n * pl.dim;
        if (base + pl.dim > pl.values.length) {
            pl.values = java.util.Arrays.copyOf(pl.values, Math.max(pl.values.length * 2, base + pl.dim));
        }
        int k = 0;
        JsonToken n;
        while ((n = parser.nextToken()) != JsonToken.END_ARRAY) {
            if (n == null) {
                throw truncated();
            }
            double d = isNumber(n) ? parser.getDoubleValue() : Double.NaN;
            if (!isNumber(n)) {
                parser.skipChildren();
            }
            if (k < pl.dim) {
                pl.values[base + k] = d;
            }
            k++;
        }
        for (int j = k; j < pl.dim; j++) {
            pl.values[base + j] = j < 2 ? Double.NaN : Double.NaN; // missing ordinates: NaN (reported for x/y)
        }
        pl.n++;
    }

    private static void add(PosList pl, double[] pos) {
        int base = pl.n * pl.dim;
        if (base + pl.dim > pl.values.length) {
            pl.values = java.util.Arrays.copyOf(pl.values, Math.max(pl.values.length * 2, base + pl.dim));
        }
        for (int j = 0; j < pl.dim; j++) {
            pl.values[base + j] = j < pos.length ? pos[j] : Double.NaN;
        }
        pl.n++;
    }

    private static boolean isNumber(JsonToken t) {
        return t == JsonToken.VALUE_NUMBER_FLOAT || t == JsonToken.VALUE_NUMBER_INT;
    }

    // ------------------------------------------------------------------ properties

    private Map<String, Object> readProperties(JsonToken t) throws FormatException {
        if (t != JsonToken.START_OBJECT) {
            Object v = readValue(t, false);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("properties", v);
            return m;
        }
        Map<String, Object> out = new LinkedHashMap<>();
        while (true) {
            JsonToken n = parser.nextToken();
            if (n == JsonToken.END_OBJECT) {
                return out;
            }
            if (n == null) {
                throw truncated();
            }
            String name = parser.currentName();
            out.put(name, readValue(parser.nextToken(), false));
        }
    }

    private Object readValue(JsonToken t, boolean structured) throws FormatException {
        return readValue(parser, t, structured);
    }

    /** Scalars as Java values; objects/arrays as Map/List when structured, else as their JSON text. */
    private static Object readValue(JsonParser p, JsonToken t, boolean structured) {
        if (t == null) {
            return null;
        }
        switch (t) {
            case VALUE_STRING:
                return p.getString();
            case VALUE_NUMBER_INT:
                return switch (p.getNumberType()) {
                    case INT, LONG -> p.getLongValue();
                    default -> p.getDoubleValue();
                };
            case VALUE_NUMBER_FLOAT:
                return p.getDoubleValue();
            case VALUE_TRUE:
                return Boolean.TRUE;
            case VALUE_FALSE:
                return Boolean.FALSE;
            case VALUE_NULL:
                return null;
            case START_OBJECT:
                if (structured) {
                    Map<String, Object> m = new LinkedHashMap<>();
                    while (p.nextToken() == JsonToken.PROPERTY_NAME) {
                        String name = p.currentName();
                        m.put(name, readValue(p, p.nextToken(), true));
                    }
                    return m;
                }
                return jsonText(p);
            case START_ARRAY:
                if (structured) {
                    List<Object> l = new ArrayList<>();
                    JsonToken n;
                    while ((n = p.nextToken()) != JsonToken.END_ARRAY && n != null) {
                        l.add(readValue(p, n, true));
                    }
                    return l;
                }
                return jsonText(p);
            default:
                return p.getText();
        }
    }

    private static String jsonText(JsonParser p) {
        StringWriter w = new StringWriter();
        try (JsonGenerator g = JSON.createGenerator(ObjectWriteContext.empty(), w)) {
            g.copyCurrentStructure(p);
        }
        return w.toString();
    }

    // ------------------------------------------------------------------ errors

    private FormatException syntax(JacksonException e) {
        Throwable cause = e.getCause();
        if (cause instanceof Limits.LimitExceededException le) {
            return Limits.tooLarge("解压后的 GeoJSON / The uncompressed GeoJSON", le.limit);
        }
        if (cause instanceof IOException io) {
            return ioProblem(io);
        }
        TokenStreamLocation loc = e.getLocation();
        String msg = e.getOriginalMessage();
        if (msg != null) {
            int nl = msg.indexOf('\n');
            msg = nl > 0 ? msg.substring(0, nl) : msg;
        }
        boolean eof = msg != null && msg.toLowerCase(Locale.ROOT).contains("end-of-input");
        if (eof) {
            return new FormatException("GeoJSON 文件不完整（在第 " + line(loc) + " 行意外结束），可能上传或复制中断，请重新导出",
                    "The GeoJSON file is truncated (it ends unexpectedly" + where(loc) + "); it was probably cut off "
                            + "during upload or copy: export it again", "file", e);
        }
        return new FormatException("GeoJSON 语法错误（第 " + line(loc) + " 行第 " + column(loc) + " 列）：" + msg
                + "。请修正该位置后重新上传",
                "GeoJSON syntax error" + where(loc) + ": " + msg + ". Fix the file at that position (a JSON "
                        + "validator shows it) and upload it again", "line " + line(loc) + ", column " + column(loc), e);
    }

    private FormatException ioProblem(Exception original) {
        Throwable e = original;
        while (!(e instanceof Limits.LimitExceededException || e instanceof EOFException || e instanceof ZipException)
                && e.getCause() != null && e.getCause() != e) {
            e = e.getCause();
        }
        if (e instanceof Limits.LimitExceededException le) {
            return Limits.tooLarge("解压后的 GeoJSON / The uncompressed GeoJSON", le.limit);
        }
        if (e instanceof EOFException || e instanceof ZipException) {
            return new FormatException("压缩文件不完整或已损坏，请重新压缩上传",
                    "The compressed (gzip) file is truncated or corrupt (" + e.getMessage() + "): compress and upload it "
                            + "again", "file", original);
        }
        return new FormatException("读取文件失败", "The file cannot be read: " + e.getMessage(), "file", original);
    }

    private FormatException truncated() {
        TokenStreamLocation loc = parser.currentLocation();
        return new FormatException("GeoJSON 文件不完整（在第 " + line(loc) + " 行意外结束），请重新导出",
                "The GeoJSON file is truncated (it ends unexpectedly" + where(loc) + "): export it again", "file");
    }

    private FormatException structure(String zh, String en) {
        TokenStreamLocation loc = parser.currentTokenLocation();
        return new FormatException("GeoJSON 结构错误（第 " + line(loc) + " 行）：" + zh,
                "GeoJSON structure error" + where(loc) + ": " + en, "line " + line(loc));
    }

    private static long line(TokenStreamLocation loc) {
        return loc == null ? -1 : loc.getLineNr();
    }

    private static long column(TokenStreamLocation loc) {
        return loc == null ? -1 : loc.getColumnNr();
    }

    private static String where(TokenStreamLocation loc) {
        return loc == null ? "" : " at line " + loc.getLineNr() + ", column " + loc.getColumnNr();
    }

    @Override
    public void close() {
        try {
            if (parser != null) {
                parser.close();
            }
        } catch (RuntimeException ignored) {
            // closing
        }
        try {
            if (raw != null) {
                raw.close();
            }
        } catch (IOException ignored) {
            // closing
        }
    }
}
