package org.civatlas.places;

import java.nio.charset.StandardCharsets;
import java.util.List;
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

    private final GazetteerExport gazetteer;
    private final ObjectMapper json;

    GazetteerExportController(GazetteerExport gazetteer, ObjectMapper json) {
        this.gazetteer = gazetteer;
        this.json = json;
    }

    /** Standard names filtered by exact name, unit (with descendants) and category. */
    @GetMapping("/api/places")
    List<Place> list(@RequestParam(required = false) String name, @RequestParam(required = false) String unit,
            @RequestParam(required = false) String category) {
        String prefix = unit == null || unit.isBlank() ? null : SearchParams.unitPrefix(unit.strip());
        return gazetteer.find(name, prefix, category);
    }

    @GetMapping("/api/places/export")
    ResponseEntity<byte[]> export(@RequestParam(defaultValue = "csv") String format) {
        List<Place> places = gazetteer.published();
        return switch (format.toLowerCase()) {
            case "csv" -> file(GazetteerExport.csv(places).getBytes(StandardCharsets.UTF_8), "text/csv;charset=UTF-8",
                    "gazetteer.csv");
            case "geojson" -> file(json.writeValueAsBytes(GazetteerExport.geoJson(places)), "application/geo+json",
                    "gazetteer.geojson");
            default -> throw ProblemException.badParameter("format", "format 须为 csv 或 geojson / format must be csv "
                    + "or geojson");
        };
    }

    private static ResponseEntity<byte[]> file(byte[] body, String type, String name) {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(type))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + "\"").body(body);
    }
}
