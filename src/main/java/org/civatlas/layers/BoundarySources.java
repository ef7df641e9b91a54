package org.civatlas.layers;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.civatlas.boundaries.BoundaryLineView;
import org.civatlas.boundaries.DisputeView;
import org.civatlas.boundaries.MarkerService;
import org.civatlas.spatial.Geometries;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.io.geojson.GeoJsonReader;

/** The boundary module's collections: lines and markers (public), disputes (staff only, invisible to others). */
final class BoundarySources {

    private BoundarySources() {
    }

    static FeatureSource lines(org.civatlas.boundaries.BoundaryLineService service) {
        return new ListSource("boundary-lines", "界线 Boundary lines",
                "相邻同级行政区之间的界线，由区划边界推导；乡、村界线基于合成边界 / Lines between adjacent units of one "
                        + "level, derived from the units; township and village lines come from synthetic polygons",
                "MultiLineString", false, () -> service.current().stream().map(BoundarySources::line).toList(),
                f -> envelopeOf(f.geometryJson()));
    }

    static FeatureSource markers(MarkerService service) {
        return new ListSource("boundary-markers", "界桩 Boundary markers",
                "界桩及其状况 / Boundary markers and their condition", "Point", false,
                () -> service.all().stream().map(BoundarySources::marker).toList(),
                f -> envelopeOf(f.geometryJson()));
    }

    static FeatureSource disputes(org.civatlas.boundaries.DisputeService service) {
        return new ListSource("boundary-disputes", "边界争议 Boundary disputes",
                "边界争议（仅限工作人员）/ Boundary disputes (staff only)", "Geometry", true,
                () -> service.list().stream().map(BoundarySources::dispute).toList(),
                f -> envelopeOf(f.geometryJson()));
    }

    private static FeatureSource.Feature line(BoundaryLineView l) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("lineCode", l.lineCode());
        p.put("level", l.level());
        p.put("codeA", l.codeA());
        p.put("nameA", l.nameA());
        p.put("codeB", l.codeB());
        p.put("nameB", l.nameB());
        p.put("lengthMetres", Math.round(l.lengthMetres()));
        p.put("overlapSquareMetres", l.overlapSquareMetres());
        p.put("geometrySynthetic", l.geometrySynthetic());
        p.put("sourceVersion", l.sourceVersion());
        return new FeatureSource.Feature(l.lineCode(), GeoJsonFeatures.geometry(l.geometry()), p,
                l.nameA() + " — " + l.nameB());
    }

    private static FeatureSource.Feature marker(MarkerService.MarkerView m) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("number", m.number());
        p.put("lineCode", m.lineCode());
        p.put("type", m.type());
        p.put("typeLabel", m.typeLabel());
        p.put("keptBy", m.keptBy());
        p.put("condition", m.condition());
        p.put("conditionLabel", m.conditionLabel());
        p.put("installedOn", m.installedOn());
        return new FeatureSource.Feature(Long.toString(m.id()),
                GeoJsonFeatures.geometry(Geometries.point(m.lon(), m.lat())), p, m.number());
    }

    private static FeatureSource.Feature dispute(DisputeView d) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("title", d.title());
        p.put("partyA", d.partyA());
        p.put("partyAName", d.partyAName());
        p.put("partyB", d.partyB());
        p.put("partyBName", d.partyBName());
        p.put("status", d.status());
        p.put("statusLabel", d.statusLabel());
        p.put("frozen", d.frozen());
        p.put("lineCode", d.lineCode());
        p.put("lines", d.lines().stream().map(l -> Map.of("kind", l.kind(), "kindLabel", l.kindLabel())).toList());
        return new FeatureSource.Feature(Long.toString(d.id()), d.locationGeoJson(), p, d.title());
    }

    private static Envelope envelopeOf(String geoJson) {
        try {
            return new GeoJsonReader().read(geoJson).getEnvelopeInternal();
        } catch (Exception e) {
            return new Envelope();
        }
    }

    static List<FeatureSource> all(org.civatlas.boundaries.BoundaryLineService lines, MarkerService markers,
            org.civatlas.boundaries.DisputeService disputes) {
        return List.of(lines(lines), markers(markers), disputes(disputes));
    }
}
