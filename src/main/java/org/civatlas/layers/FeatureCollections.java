package org.civatlas.layers;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.civatlas.boundaries.BoundaryLineService;
import org.civatlas.boundaries.DisputeService;
import org.civatlas.boundaries.MarkerService;
import org.civatlas.coverage.CoverageService;
import org.civatlas.divisions.DivisionLevel;
import org.springframework.beans.factory.annotation.Value;
import org.civatlas.divisions.DivisionQueries;
import org.civatlas.facilities.FacilityRegistry;
import org.civatlas.places.PlaceRegistry;
import org.springframework.stereotype.Component;

/** The feature collections the OGC API offers, in the order they are listed; disputes only for staff. */
@Component
class FeatureCollections {

    private final Map<String, FeatureSource> byId = new LinkedHashMap<>();

    FeatureCollections(DivisionQueries divisions, FacilityRegistry facilities, PlaceRegistry places,
            BoundaryLineService boundaryLines, MarkerService markers, DisputeService disputes,
            CoverageService coverage, FacilityRows facilityRows, LayerDataVersion dataVersion,
            @Value("${civatlas.site.county-code}") String countyCode) {
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
        add(new FacilitySource(facilities, facilityRows));
        for (var group : List.of(List.of("COMMUNITY_SERVICE", "社区服务 Community service"),
                List.of("SOCIAL_ASSISTANCE", "社会救助 Social assistance"), List.of("ELDERLY", "养老服务 Elderly care"),
                List.of("FUNERAL", "殡葬服务 Funeral services"), List.of("RESCUE", "救助管理 Rescue"),
                List.of("CHILD_WELFARE", "儿童福利 Child welfare"), List.of("MENTAL_HEALTH", "精神卫生 Mental health"),
                List.of("MARRIAGE", "婚姻登记 Marriage registration"))) {
            add(new FacilitySource(facilities, facilityRows, group.get(0), group.get(1)));
        }
        add(CoverageSource.of(divisions, coverage, countyCode));
        add(new PlaceNameSource(places, dataVersion));
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
