package org.civatlas.exchange;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.civatlas.divisions.DivisionCodes;
import org.civatlas.divisions.DivisionLevel;
import org.civatlas.divisions.UnitRecord;
import org.civatlas.exchange.crs.Crs;
import org.civatlas.exchange.formats.FeatureReader;
import org.civatlas.exchange.formats.SourceFeature;
import org.locationtech.jts.geom.Geometry;

/**
 * Maps features of a division layer (GeoJSON of the demo dataset, or a user's file) to unit records: which field
 * holds the unit code, and a code value as a code of the layer's level. Plain functions, tested without Spring.
 */
final class DivisionFeatures {

    /** Field names that hold a unit code, lower case, in order of preference. */
    static final List<String> CODE_FIELDS = List.of("code", "adcode", "xzqdm", "qhdm", "dm", "zldwdm", "cjqydm",
            "行政区划代码", "区划代码", "代码", "gb", "gbcode");

    private DivisionFeatures() {
    }

    /** The first field (in the file's order) whose name is a known code field name, or null. */
    static String codeField(List<String> fields) {
        return fields.stream().filter(f -> CODE_FIELDS.contains(f.toLowerCase(Locale.ROOT))).findFirst().orElse(null);
    }

    /** A code value as a 12-digit code of the given level, or null (6- and 9-digit codes are padded). */
    static String normaliseCode(Object value, DivisionLevel level) {
        if (value == null) {
            return null;
        }
        String digits = value instanceof Number n ? Long.toString(n.longValue()) : value.toString().strip();
        if (digits.matches("\\d{6}")) {
            digits = digits + "000000";
        } else if (digits.matches("\\d{9}")) {
            digits = digits + "000";
        }
        if (!DivisionCodes.isValid(digits) || DivisionCodes.levelOf(digits) != level) {
            return null;
        }
        return digits;
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
