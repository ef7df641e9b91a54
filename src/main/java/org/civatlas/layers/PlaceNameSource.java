package org.civatlas.layers;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.civatlas.places.Place;
import org.civatlas.places.PlaceRegistry;
import org.civatlas.places.PlaceStatus;
import org.civatlas.spatial.Geometries;
import org.locationtech.jts.geom.Envelope;

/**
 * Place names as points: standard names for everyone, historical ones too for staff. Filtering and paging run in
 * memory over the registry's places, read once per layer data version ({@link PerDataVersion}).
 */
record PlaceNameSource(PlaceRegistry registry, PerDataVersion<List<Place>> places) implements FeatureSource {

    PlaceNameSource(PlaceRegistry registry, LayerDataVersion dataVersion) {
        this(registry, new PerDataVersion<>(dataVersion, registry::all));
    }

    @Override
    public String id() {
        return "place-names";
    }

    @Override
    public String title() {
        return "标准地名 Standard place names";
    }

    @Override
    public String description() {
        return "已公布的标准地名（点位为行政区划内部代表点，乡、村点位基于合成边界）/ Published standard place names; points "
                + "of townships and villages lie in synthetic polygons";
    }

    @Override
    public String geometryType() {
        return "Point";
    }

    @Override
    public long count(Envelope bbox, boolean staff) {
        return matching(bbox, staff).size();
    }

    @Override
    public List<Feature> page(Envelope bbox, int offset, int limit, boolean staff) {
        List<Place> all = matching(bbox, staff);
        return all.subList(Math.min(offset, all.size()), Math.min(all.size(), offset + limit)).stream()
                .map(PlaceNameSource::feature).toList();
    }

    @Override
    public Optional<Feature> item(String featureId, boolean staff) {
        try {
            return registry.byId(Long.parseLong(featureId)).filter(p -> staff || p.status() == PlaceStatus.STANDARD)
                    .map(PlaceNameSource::feature);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    @Override
    public Envelope extent() {
        Envelope extent = new Envelope();
        places.get().stream().filter(p -> p.lon() != null).forEach(p -> extent.expandToInclude(p.lon(), p.lat()));
        return extent.isNull() ? null : extent;
    }

    private List<Place> matching(Envelope bbox, boolean staff) {
        return places.get().stream()
                .filter(p -> staff || p.status() == PlaceStatus.STANDARD)
                .filter(p -> bbox == null || (p.lon() != null && bbox.contains(p.lon(), p.lat())))
                .toList();
    }

    private static Feature feature(Place p) {
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("id", p.id());
        props.put("name", p.standardName());
        props.put("romanized", p.romanized());
        props.put("uyghurName", p.uyghurName());
        props.put("uyghurLatin", p.uyghurLatin());
        props.put("category", p.category());
        props.put("unitCode", p.unitCode());
        props.put("status", p.status());
        props.put("validFrom", p.validFrom());
        props.put("validTo", p.validTo());
        props.put("geometrySynthetic", p.geometrySynthetic());
        String geometry = p.lon() == null ? "null" : GeoJsonFeatures.geometry(Geometries.point(p.lon(), p.lat()));
        return new Feature(Long.toString(p.id()), geometry, props, p.standardName());
    }
}
