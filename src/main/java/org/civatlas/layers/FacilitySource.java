package org.civatlas.layers;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.civatlas.facilities.Facility;
import org.civatlas.facilities.FacilityJson;
import org.civatlas.facilities.FacilityRegistry;
import org.civatlas.facilities.FacilityType;
import org.locationtech.jts.geom.Envelope;

/**
 * Civil-affairs facilities as a feature collection: locations, types and status for everyone, capacities for staff.
 * Filtering and paging run in memory over the registry's rows, read once per layer data version
 * ({@link FacilityRows}: a province-sized registry has tens of thousands of facilities).
 */
record FacilitySource(FacilityRegistry registry, FacilityRows rows, String group, String groupTitle)
        implements FeatureSource {

    /** All facilities. */
    FacilitySource(FacilityRegistry registry, FacilityRows rows) {
        this(registry, rows, null, null);
    }

    @Override
    public String id() {
        return group == null ? "facilities" : "facilities-" + group.toLowerCase().replace('_', '-');
    }

    @Override
    public String title() {
        return group == null ? "民政设施 Civil-affairs facilities" : "民政设施：" + groupTitle;
    }

    @Override
    public String description() {
        return (group == null ? "社区服务、养老、殡葬、救助、儿童福利等民政设施" : "类型组 " + group + " 的民政设施")
                + "；演示数据为合成 / civil-affairs facilities" + (group == null ? "" : " of type group " + group)
                + "; the demo facilities are synthetic";
    }

    @Override
    public String geometryType() {
        return "Point";
    }

    @Override
    public long count(Envelope bbox, boolean staff) {
        return matching(bbox).size();
    }

    @Override
    public List<Feature> page(Envelope bbox, int offset, int limit, boolean staff) {
        List<Facility> all = matching(bbox);
        Map<String, FacilityType> types = rows.current().types();
        return all.subList(Math.min(offset, all.size()), Math.min(all.size(), offset + limit)).stream()
                .map(f -> feature(f, staff, types)).toList();
    }

    @Override
    public Optional<Feature> item(String featureId, boolean staff) {
        try {
            return registry.byId(Long.parseLong(featureId)).map(f -> feature(f, staff, registry.typesByCode()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    @Override
    public Envelope extent() {
        Envelope extent = new Envelope();
        FacilityRows.Rows current = rows.current();
        for (int i = 0; i < current.all().size(); i++) {
            extent.expandToInclude(current.lon()[i], current.lat()[i]);
        }
        return extent.isNull() ? null : extent;
    }

    private List<Facility> matching(Envelope bbox) {
        FacilityRows.Rows current = rows.current();
        List<Facility> out = new ArrayList<>();
        for (int i = 0; i < current.all().size(); i++) {
            if ((group == null || group.equals(current.group()[i]))
                    && (bbox == null || bbox.contains(current.lon()[i], current.lat()[i]))) {
                out.add(current.all().get(i));
            }
        }
        return out;
    }

    private static Feature feature(Facility f, boolean staff, Map<String, FacilityType> types) {
        Map<String, Object> properties = new java.util.LinkedHashMap<>(FacilityJson.of(f, staff));
        properties.remove("lon");
        properties.remove("lat");
        FacilityType type = types.get(f.typeCode());
        properties.put("typeName", type == null ? f.typeCode() : type.nameZh() + " " + type.nameEn());
        properties.put("group", type == null ? null : type.group());
        return new Feature(Long.toString(f.id()), GeoJsonFeatures.geometry(f.location()), properties, f.name());
    }
}
