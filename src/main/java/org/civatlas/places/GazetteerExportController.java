package org.civatlas.places;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.civatlas.common.ProblemException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.ObjectMapper;

/**
 * The published gazetteer for other departments: listing by name, unit and category (in the spirit of MZ/T 164's
 * query interface), and the whole set of standard names as CSV or GeoJSON.
 */
@RestController
class GazetteerExportController {

    private final PlaceRegistry registry;
    private final ObjectMapper json;

    GazetteerExportController(PlaceRegistry registry, ObjectMapper json) {
        this.registry = registry;
        this.json = json;
    }

    /** Standard names filtered by exact name, unit (with descendants) and category. */
    @GetMapping("/api/places")
    List<Place> list(@RequestParam(required = false) String name, @RequestParam(required = false) String unit,
            @RequestParam(required = false) String category) {
        String prefix = unit == null || unit.isBlank() ? null : SearchParams.unitPrefix(unit.strip());
        if (category != null && !category.isBlank()) {
            registry.requireCategory(category);
        }
        return published().stream()
                .filter(p -> name == null || name.isBlank() || p.standardName().equals(name.strip()))
                .filter(p -> prefix == null || p.unitCode().startsWith(prefix))
                .filter(p -> category == null || category.isBlank() || p.category().equals(category))
                .toList();
    }

    @GetMapping("/api/places/export")
    ResponseEntity<byte[]> export(@RequestParam(defaultValue = "csv") String format) {
        List<Place> places = published();
        return switch (format.toLowerCase()) {
            case "csv" -> file(csv(places).getBytes(StandardCharsets.UTF_8), "text/csv;charset=UTF-8",
                    "gazetteer.csv");
            case "geojson" -> file(json.writeValueAsBytes(geoJson(places)), "application/geo+json",
                    "gazetteer.geojson");
            default -> throw ProblemException.badParameter("format", "format 须为 csv 或 geojson / format must be csv "
                    + "or geojson");
        };
    }

    private List<Place> published() {
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

    private static Map<String, Object> geoJson(List<Place> places) {
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

    private static ResponseEntity<byte[]> file(byte[] body, String type, String name) {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(type))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + "\"").body(body);
    }
}
