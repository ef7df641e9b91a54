package org.civatlas.exchange;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.civatlas.divisions.UnitRecord;
import org.civatlas.exchange.crs.Crs;
import org.civatlas.exchange.formats.FeatureReader;
import org.civatlas.exchange.formats.SourceFeature;
import org.locationtech.jts.geom.Geometry;

/** Maps features of a division layer (GeoJSON of the demo dataset, or a user's file) to unit records. */
final class DivisionLayerImport {

    private DivisionLayerImport() {
    }

    /** The demo dataset's files carry every value with its provenance, under these property names. */
    static List<UnitRecord> demoRecords(FeatureReader reader) {
        List<UnitRecord> records = new ArrayList<>();
        while (reader.hasNext()) {
            SourceFeature f = reader.next();
            if (f.problem() != null) {
                throw new IllegalStateException("Demo data feature " + f.index() + ": " + f.problem());
            }
            Map<String, Object> p = f.attributes();
            boolean flaggedInvalid = Boolean.FALSE.equals(p.get("geometryValid"));
            records.add(new UnitRecord(text(p, "code"), text(p, "name"), text(p, "parentCode"), text(p, "gbCode"),
                    text(p, "nameSource"), p.get("population") instanceof Number n ? n.intValue() : null,
                    Boolean.TRUE.equals(p.get("populationSynthetic")), f.geometry(),
                    Boolean.TRUE.equals(p.get("geometrySynthetic")), text(p, "geometrySource"),
                    text(p, "crsConversion"), flaggedInvalid ? text(p, "geometryInvalidReason") : null));
        }
        return records;
    }

    /** A user's feature: the mapped code field, the geometry converted to WGS 84, provenance from the import. */
    static UnitRecord userRecord(String code, Geometry wgs84, Crs crs, String source) {
        return new UnitRecord(code, null, null, null, null, null, false, wgs84, false, source,
                crs.conversionToWgs84(), null);
    }

    static String text(Map<String, Object> p, String key) {
        Object v = p.get(key);
        return v == null ? null : v.toString();
    }
}
