package org.civatlas.boundaries.core;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.civatlas.spatial.Geometries;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;
import org.locationtech.jts.io.geojson.GeoJsonReader;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/** Test data: the demo GeoJSON files of the repository (gis-data/demo) as units, and WKT helpers. */
final class DemoUnits {

    private static final ObjectMapper JSON = JsonMapper.builder().build();

    /** A demo feature: the unit plus the properties the tests look at. */
    record Feature(Unit unit, String parentCode, boolean geometryValid, String invalidReason) {
    }

    private DemoUnits() {
    }

    static Path repoRoot() {
        String env = System.getenv("CIVATLAS_REPO_ROOT");
        return env != null && !env.isBlank() ? Path.of(env) : Path.of("").toAbsolutePath();
    }

    /** Reads gis-data/demo/{name}.geojson with Jackson (properties) and the JTS GeoJsonReader (geometries). */
    static List<Feature> demo(String name) throws IOException, ParseException {
        JsonNode root = JSON.readTree(repoRoot().resolve("gis-data/demo/" + name + ".geojson").toFile());
        GeoJsonReader reader = new GeoJsonReader(Geometries.WGS84);
        List<Feature> out = new ArrayList<>();
        for (JsonNode f : root.get("features")) {
            JsonNode p = f.get("properties");
            Geometry g = reader.read(f.get("geometry").toString());
            g.setSRID(Geometries.WGS84_SRID);
            out.add(new Feature(new Unit(p.get("code").asString(), p.get("name").asString(), g),
                    text(p, "parentCode"), !p.has("geometryValid") || p.get("geometryValid").asBoolean(),
                    text(p, "geometryInvalidReason")));
        }
        return out;
    }

    static List<Unit> units(List<Feature> features) {
        return features.stream().map(Feature::unit).toList();
    }

    private static String text(JsonNode p, String key) {
        JsonNode v = p.get(key);
        return v == null || v.isNull() ? null : v.asString();
    }

    static Geometry wkt(String wkt) {
        try {
            return new WKTReader(Geometries.WGS84).read(wkt);
        } catch (ParseException e) {
            throw new IllegalArgumentException(e);
        }
    }

    static Unit unit(String code, String wkt) {
        return new Unit(code, code, wkt(wkt));
    }
}
