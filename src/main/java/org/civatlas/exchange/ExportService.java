package org.civatlas.exchange;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.civatlas.boundaries.BoundaryLineService;
import org.civatlas.common.ProblemException;
import org.civatlas.divisions.Division;
import org.civatlas.divisions.DivisionCodes;
import org.civatlas.divisions.DivisionLevel;
import org.civatlas.divisions.DivisionQueries;
import org.civatlas.exchange.crs.Crs;
import org.civatlas.exchange.formats.OutFeature;
import org.civatlas.exchange.formats.Writers;
import org.civatlas.facilities.FacilityRegistry;
import org.civatlas.places.PlaceRegistry;
import org.civatlas.places.PlaceStatus;
import org.civatlas.spatial.Geometries;
import org.springframework.stereotype.Service;

/** Exports the public layers as GeoJSON, GeoPackage, zipped Shapefile or CSV, in WGS 84, CGCS2000 or a GK zone. */
@Service
public class ExportService {

    public static final List<String> COLLECTIONS = List.of("counties", "townships", "villages", "facilities",
            "place-names", "boundary-lines");
    public static final List<String> FORMATS = List.of("geojson", "gpkg", "shp", "csv");

    private final DivisionQueries divisions;
    private final FacilityRegistry facilities;
    private final PlaceRegistry places;
    private final BoundaryLineService lines;

    ExportService(DivisionQueries divisions, FacilityRegistry facilities, PlaceRegistry places,
            BoundaryLineService lines) {
        this.divisions = divisions;
        this.facilities = facilities;
        this.places = places;
        this.lines = lines;
    }

    public record Export(Path file, String fileName, String contentType) {
    }

    /**
     * Writes the export to a temporary file; the caller streams it and deletes it. Staff (any logged-in role) get
     * what they see in the API too: a facility's dates, capacities and external id, so that an exported facility
     * list, edited in a spreadsheet or GIS, imports back as updates.
     */
    public Export export(String collection, String format, String crsCode, String unit, boolean staff)
            throws IOException {
        if (!COLLECTIONS.contains(collection)) {
            throw ProblemException.notFound("没有可导出的图层 " + collection + "，可选：" + COLLECTIONS
                    + " / no exportable collection " + collection);
        }
        String fmt = format == null ? "geojson" : format.toLowerCase(Locale.ROOT);
        if (!FORMATS.contains(fmt)) {
            throw ProblemException.badParameter("format", "format 须为 " + FORMATS + " 之一 / format must be one of "
                    + FORMATS);
        }
        Crs crs;
        try {
            crs = crsCode == null || crsCode.isBlank() ? Crs.WGS84 : Crs.parse(crsCode.strip());
        } catch (IllegalArgumentException e) {
            throw ProblemException.badParameter("crs", e.getMessage());
        }
        if (crs.offsetDatum()) {
            throw ProblemException.badParameter("crs", "不能导出为 " + crs.code() + "：请选择 EPSG:4326、EPSG:4490 或高斯-"
                    + "克吕格分带 / export to " + crs.code() + " is not offered: choose WGS 84, CGCS2000 or a GK zone");
        }
        String prefix = unitPrefix(unit);
        List<String> fields = new ArrayList<>();
        List<OutFeature> features = new ArrayList<>();
        switch (collection) {
            case "counties", "townships", "villages" -> {
                DivisionLevel level = switch (collection) {
                    case "counties" -> DivisionLevel.COUNTY;
                    case "townships" -> DivisionLevel.TOWNSHIP;
                    default -> DivisionLevel.VILLAGE;
                };
                fields.addAll(List.of("code", "name", "kind", "parent", "population", "pop_synth", "geom_synth",
                        "geom_src", "crs_conv"));
                for (Division d : divisions.page(level, null, 0, Integer.MAX_VALUE)) {
                    if (prefix != null && !d.code().startsWith(prefix) || d.geometry() == null) {
                        continue;
                    }
                    Map<String, Object> a = new LinkedHashMap<>();
                    a.put("code", d.code());
                    a.put("name", d.name());
                    a.put("kind", d.kind().name());
                    a.put("parent", d.parentCode());
                    a.put("population", d.population());
                    a.put("pop_synth", d.populationSynthetic());
                    a.put("geom_synth", d.geometrySynthetic());
                    a.put("geom_src", d.geometrySource());
                    a.put("crs_conv", d.crsConversion());
                    features.add(new OutFeature(d.code(), d.geometry(), a));
                }
            }
            case "facilities" -> {
                fields.addAll(List.of("atlas_id", "name", "type", "operator", "status", "unit_code", "synthetic"));
                // field names fit a shapefile's 10 characters and are the ones the facility import recognises
                if (staff) {
                    fields.addAll(List.of("ext_id", "planned_on", "started_on", "opened_on", "closed_on", "beds",
                            "nurse_beds", "floor_m2", "staff"));
                }
                facilities.all().stream().filter(f -> prefix == null || (f.unitCode() != null
                        && f.unitCode().startsWith(prefix))).forEach(f -> {
                            Map<String, Object> a = new LinkedHashMap<>();
                            a.put("atlas_id", f.id());
                            a.put("name", f.name());
                            a.put("type", f.typeCode());
                            a.put("operator", f.operator().name());
                            a.put("status", f.status().name());
                            a.put("unit_code", f.unitCode());
                            a.put("synthetic", f.synthetic());
                            if (staff) {
                                a.put("ext_id", f.externalId());
                                a.put("planned_on", f.plannedOn());
                                a.put("started_on", f.constructionStartedOn());
                                a.put("opened_on", f.openedOn());
                                a.put("closed_on", f.closedOn());
                                a.put("beds", f.beds());
                                a.put("nurse_beds", f.nursingBeds());
                                a.put("floor_m2", f.floorAreaM2());
                                a.put("staff", f.staff());
                            }
                            features.add(new OutFeature(f.id(), f.location(), a));
                        });
            }
            case "place-names" -> {
                fields.addAll(List.of("id", "name", "romanized", "uyghur", "category", "unit_code"));
                places.all().stream().filter(p -> p.status() == PlaceStatus.STANDARD && p.lon() != null)
                        .filter(p -> prefix == null || p.unitCode().startsWith(prefix)).forEach(p -> {
                            Map<String, Object> a = new LinkedHashMap<>();
                            a.put("id", p.id());
                            a.put("name", p.standardName());
                            a.put("romanized", p.romanized());
                            a.put("uyghur", p.uyghurName());
                            a.put("category", p.category());
                            a.put("unit_code", p.unitCode());
                            features.add(new OutFeature(p.id(), Geometries.point(p.lon(), p.lat()), a));
                        });
            }
            default -> {
                fields.addAll(List.of("line_code", "level", "code_a", "name_a", "code_b", "name_b", "length_m"));
                lines.current().stream().filter(l -> prefix == null || l.codeA().startsWith(prefix)
                        || l.codeB().startsWith(prefix)).forEach(l -> {
                            Map<String, Object> a = new LinkedHashMap<>();
                            a.put("line_code", l.lineCode());
                            a.put("level", l.level());
                            a.put("code_a", l.codeA());
                            a.put("name_a", l.nameA());
                            a.put("code_b", l.codeB());
                            a.put("name_b", l.nameB());
                            a.put("length_m", Math.round(l.lengthMetres()));
                            features.add(new OutFeature(l.lineCode(), l.geometry(), a));
                        });
            }
        }
        Path dir = Files.createTempDirectory("civatlas-export-");
        String fileName = collection + "-" + crs.code().replace(':', '_') + Writers.extension(fmt);
        Path out = dir.resolve(fileName);
        Writers.write(out, fmt, collection.replace('-', '_'), fields, features.iterator(), crs);
        String type = switch (fmt) {
            case "geojson" -> "application/geo+json";
            case "gpkg" -> "application/geopackage+sqlite3";
            case "shp" -> "application/zip";
            default -> "text/csv;charset=UTF-8";
        };
        return new Export(out, fileName, type);
    }

    private static String unitPrefix(String unit) {
        if (unit == null || unit.isBlank()) {
            return null;
        }
        String u = unit.strip();
        if (!u.matches("\\d{12}")) {
            throw ProblemException.badParameter("unit", "unit 须为 12 位行政区划代码 / unit must be a 12-digit code");
        }
        return DivisionCodes.significantPrefix(u);
    }
}
