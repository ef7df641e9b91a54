package org.civatlas.layers;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonRawValue;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.civatlas.divisions.Division;
import org.civatlas.spatial.GeoJsonGeometry;
import org.locationtech.jts.geom.Geometry;
import tools.jackson.core.JsonGenerator;

/**
 * GeoJSON features and pages of the OGC API: the members around a geometry that is already GeoJSON text (written by
 * {@link GeoJsonGeometry}, or by the database for unit pages) and embedded raw, so no geometry is parsed or written
 * twice. Pages are streamed feature by feature ({@link #writePage}); single features are Jackson records.
 */
final class GeoJsonFeatures {

    /** The decimals of response geometries, also asked of the database for unit pages. */
    static final int DECIMALS = GeoJsonGeometry.DECIMALS;

    private GeoJsonFeatures() {
    }

    @JsonPropertyOrder({"type", "id", "geometry", "properties", "links"})
    record Feature(String type, String id, @JsonRawValue String geometry, Map<String, Object> properties,
            java.util.List<Link> links) {
    }

    static Feature of(FeatureSource.Feature f, java.util.List<Link> links) {
        return new Feature("Feature", f.id(), f.geometryJson(), f.properties(), links);
    }

    /**
     * A page of items as a GeoJSON FeatureCollection, written feature by feature as the page hands them over (a page
     * of large polygons never sits whole in memory); {@code numberReturned} comes last, once it is known.
     */
    static void writePage(JsonGenerator out, ItemsPage page, Instant timeStamp) {
        out.writeStartObject();
        out.writeStringProperty("type", "FeatureCollection");
        out.writeNumberProperty("numberMatched", page.matched());
        out.writeStringProperty("timeStamp", timeStamp.toString());
        if (page.notice() != null) {
            out.writeStringProperty("notice", page.notice());
        }
        out.writePOJOProperty("links", page.links());
        out.writeName("features");
        out.writeStartArray();
        int[] returned = {0};
        page.forEachFeature(f -> {
            out.writeStartObject();
            out.writeStringProperty("type", "Feature");
            out.writeStringProperty("id", f.id());
            out.writeName("geometry");
            out.writeRawValue(f.geometryJson());
            out.writePOJOProperty("properties", f.properties());
            out.writeEndObject();
            returned[0]++;
        });
        out.writeEndArray();
        out.writeNumberProperty("numberReturned", returned[0]);
        out.writeEndObject();
    }

    static String geometry(Geometry geometry) {
        return GeoJsonGeometry.write(geometry);
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
