package org.civatlas.layers;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonRawValue;
import java.util.LinkedHashMap;
import java.util.Map;
import org.civatlas.divisions.Division;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.geojson.GeoJsonWriter;

/** GeoJSON features; the geometry is written by JTS's GeoJSON writer. */
final class GeoJsonFeatures {

    /** 1e-7° is about 1 cm: more digits than the data has would only inflate responses. */
    static final int DECIMALS = 7;

    private GeoJsonFeatures() {
    }

    @JsonPropertyOrder({"type", "id", "geometry", "properties", "links"})
    record Feature(String type, String id, @JsonRawValue String geometry, Map<String, Object> properties,
            java.util.List<Link> links) {
    }

    static Feature of(FeatureSource.Feature f, java.util.List<Link> links) {
        return new Feature("Feature", f.id(), f.geometryJson(), f.properties(), links);
    }

    static String geometry(Geometry geometry) {
        if (geometry == null) {
            return "null";
        }
        GeoJsonWriter writer = new GeoJsonWriter(DECIMALS);
        writer.setEncodeCRS(false);
        return writer.write(geometry);
    }

    /** The envelope of a GeoJSON geometry text (empty when it cannot be read). */
    static org.locationtech.jts.geom.Envelope envelope(String geoJson) {
        try {
            return new org.locationtech.jts.io.geojson.GeoJsonReader().read(geoJson).getEnvelopeInternal();
        } catch (Exception e) {
            return new org.locationtech.jts.geom.Envelope();
        }
    }

    static Map<String, Object> properties(Division d) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("code", d.code());
        p.put("gbCode", d.gbCode());
        p.put("name", d.name());
        p.put("level", d.level());
        p.put("kind", d.kind());
        p.put("kindLabel", d.kind().label());
        p.put("urbanRural", d.urbanRural());
        p.put("parentCode", d.parentCode());
        p.put("population", d.population());
        p.put("populationSynthetic", d.populationSynthetic());
        p.put("geometrySynthetic", d.geometrySynthetic());
        p.put("synthetic", d.synthetic());
        p.put("geometrySource", d.geometrySource());
        p.put("crsConversion", d.crsConversion());
        p.put("nameSource", d.nameSource());
        p.put("geometryValid", d.geometryValid());
        p.put("geometryInvalidReason", d.geometryInvalidReason());
        return p;
    }
}
