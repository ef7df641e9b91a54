package org.civatlas.layers;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.civatlas.boundaries.BoundaryLineService;
import org.civatlas.boundaries.DisputeService;
import org.civatlas.boundaries.MarkerService;
import org.civatlas.divisions.DivisionLevel;
import org.civatlas.divisions.DivisionQueries;
import org.civatlas.facilities.FacilityRegistry;
import org.civatlas.places.PlaceRegistry;
import org.springframework.stereotype.Component;

/** The feature collections the OGC API offers, in the order they are listed; disputes only for staff. */
@Component
class FeatureCollections {

    private final Map<String, FeatureSource> byId = new LinkedHashMap<>();

    FeatureCollections(DivisionQueries divisions, FacilityRegistry facilities, PlaceRegistry places,
            BoundaryLineService boundaryLines, MarkerService markers, DisputeService disputes) {
        add(new DivisionSource("counties", "县级行政区 Counties",
                "县级行政区划及其真实边界（由 GCJ-02 转换为 WGS 84）/ County-level units with their real outlines, "
                        + "converted from GCJ-02 to WGS 84; invalid source polygons are kept and flagged",
                DivisionLevel.COUNTY, divisions));
        add(new DivisionSource("townships", "乡级行政区 Townships",
                "乡、镇、街道等乡级单位；边界与人口为合成数据 / Township-level units; "
                        + "boundaries and population are synthetic", DivisionLevel.TOWNSHIP, divisions));
        add(new DivisionSource("villages", "村级单位 Villages and communities",
                "村（村委会）与社区（居委会）；边界与人口为合成数据 / Villagers' and residents' committees; "
                        + "boundaries and population are synthetic", DivisionLevel.VILLAGE, divisions));
        add(new FacilitySource(facilities));
        add(new PlaceNameSource(places));
        BoundarySources.all(boundaryLines, markers, disputes).forEach(this::add);
    }

    private void add(FeatureSource source) {
        byId.put(source.id(), source);
    }

    List<FeatureSource> all() {
        return List.copyOf(byId.values());
    }

    Optional<FeatureSource> byId(String id) {
        return Optional.ofNullable(byId.get(id));
    }
}
