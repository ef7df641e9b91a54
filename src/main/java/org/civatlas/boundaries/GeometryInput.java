package org.civatlas.boundaries;

import java.util.Set;
import org.civatlas.common.ProblemException;
import org.civatlas.spatial.Geometries;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.geojson.GeoJsonReader;
import org.locationtech.jts.operation.valid.IsValidOp;
import tools.jackson.databind.JsonNode;

/** Parses and checks a GeoJSON geometry a user drew or typed: type, finiteness, validity, plausible place. */
final class GeometryInput {

    private GeometryInput() {
    }

    static Geometry parse(String field, JsonNode geoJson, Set<String> allowedTypes, Envelope neighbourhood) {
        if (geoJson == null || geoJson.isNull() || geoJson.isMissingNode()) {
            throw ProblemException.badParameter(field, field + "：缺少几何 / " + field + " is required (a GeoJSON "
                    + "geometry)");
        }
        Geometry g;
        try {
            g = new GeoJsonReader(Geometries.WGS84).read(geoJson.toString());
        } catch (Exception e) {
            throw ProblemException.badParameter(field, field + "：不是有效的 GeoJSON 几何 / " + field
                    + " is not a GeoJSON geometry: " + e.getMessage());
        }
        if (!allowedTypes.contains(g.getGeometryType())) {
            throw ProblemException.badParameter(field, field + "：几何类型须为 " + allowedTypes + "，收到 "
                    + g.getGeometryType() + " / " + field + " must be one of " + allowedTypes);
        }
        if (g.isEmpty()) {
            throw ProblemException.badParameter(field, field + "：几何为空 / " + field + " is empty");
        }
        for (Coordinate c : g.getCoordinates()) {
            if (!Double.isFinite(c.x) || !Double.isFinite(c.y)) {
                throw ProblemException.badParameter(field, field + "：坐标不是有限数 / " + field
                        + " has a coordinate that is not a finite number");
            }
        }
        var error = new IsValidOp(g).getValidationError();
        if (error != null) {
            throw ProblemException.badParameter(field, field + "：几何无效（" + error.getMessage() + "，位于 "
                    + error.getCoordinate().x + ", " + error.getCoordinate().y + "）/ " + field + " is invalid: "
                    + error.getMessage());
        }
        if (neighbourhood != null && !neighbourhood.intersects(g.getEnvelopeInternal())) {
            throw ProblemException.badParameter(field, field + "：位置不在本县及其邻近地区 / " + field
                    + " lies outside the county's neighbourhood");
        }
        g.setSRID(Geometries.WGS84_SRID);
        return g;
    }
}
