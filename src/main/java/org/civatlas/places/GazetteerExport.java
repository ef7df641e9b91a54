package org.civatlas.places;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * The published gazetteer as other departments take it: standard names found by exact name, unit (with its
 * descendants) and category, and the whole set written as CSV (spreadsheet-safe cells) or GeoJSON.
 */
@Service
class GazetteerExport {

    private final PlaceRegistry registry;

    GazetteerExport(PlaceRegistry registry) {
        this.registry = registry;
    }

    /** Standard names; null or blank criteria select everything. */
    List<Place> find(String name, String unitPrefix, String category) {
        if (category != null && !category.isBlank()) {
            registry.requireCategory(category);
        }
        return published().stream()
                .filter(p -> name == null || name.isBlank() || p.standardName().equals(name.strip()))
                .filter(p -> unitPrefix == null || p.unitCode().startsWith(unitPrefix))
                .filter(p -> category == null || category.isBlank() || p.category().equals(category))
                .toList();
    }

    List<Place> published() {
        return registry.all().stream().filter(p -> p.status() == PlaceStatus.STANDARD).toList();
    }

    static String csv(List<Place> places) {
        StringBuilder sb = new StringBuilder("\uFEFFid,standard_name,romanized,uyghur_name,uyghur_latin,category,"
                + "unit_code,lon,lat,valid_from,former_names,geometry_synthetic\n");
        for (Place p : places) {
            String former = String.join("；", p.altNames().stream().filter(a -> a.kind() == AltNameKind.FORMER)
                    .map(AltName::name).toList());
            sb.append(p.id()).append(',').append(cell(p.standardName())).append(',').append(cell(p.romanized()))
                    .append(',').append(cell(p.uyghurName())).append(',').append(cell(p.uyghurLatin())).append(',')
                    .append(cell(p.category())).append(',').append(cell(p.unitCode())).append(',')
                    .append(p.lon() == null ? "" : p.lon()).append(',').append(p.lat() == null ? "" : p.lat())
                    .append(',').append(p.validFrom() == null ? "" : p.validFrom()).append(',').append(cell(former))
                    .append(',').append(p.geometrySynthetic()).append('\n');
        }
        return sb.toString();
    }

    /** A CSV cell, quoted when needed; a leading =, +, - or @ is defused so spreadsheets do not run it. */
    static String cell(String value) {
        if (value == null) {
            return "";
        }
        String v = value;
        if (!v.isEmpty() && "=+-@".indexOf(v.charAt(0)) >= 0) {
            v = "'" + v;
        }
        if (v.contains(",") || v.contains("\"") || v.contains("\n")) {
            v = "\"" + v.replace("\"", "\"\"") + "\"";
        }
        return v;
    }

    static Map<String, Object> geoJson(List<Place> places) {
        Map<String, Object> fc = new LinkedHashMap<>();
        fc.put("type", "FeatureCollection");
        fc.put("features", places.stream().map(p -> {
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("type", "Feature");
            f.put("id", p.id());
            f.put("geometry", p.lon() == null ? null : Map.of("type", "Point", "coordinates",
                    List.of(p.lon(), p.lat())));
            Map<String, Object> props = new LinkedHashMap<>();
            props.put("standardName", p.standardName());
            props.put("romanized", p.romanized());
            props.put("uyghurName", p.uyghurName());
            props.put("uyghurLatin", p.uyghurLatin());
            props.put("category", p.category());
            props.put("unitCode", p.unitCode());
            props.put("validFrom", p.validFrom());
            props.put("formerNames", p.altNames().stream().filter(a -> a.kind() == AltNameKind.FORMER)
                    .map(AltName::name).toList());
            props.put("geometrySynthetic", p.geometrySynthetic());
            f.put("properties", props);
            return f;
        }).toList());
        return fc;
    }
}
