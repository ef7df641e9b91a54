package org.civatlas.layers;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.civatlas.coverage.CoverageQuery;
import org.civatlas.coverage.CoverageResult;
import org.civatlas.coverage.CoverageRule;
import org.civatlas.coverage.CoverageService;
import org.civatlas.coverage.Scenario;
import org.civatlas.divisions.Division;
import org.civatlas.divisions.DivisionLevel;
import org.civatlas.divisions.DivisionQueries;
import org.civatlas.divisions.UrbanRural;

/**
 * Coverage by township as polygons: the share of rural villages with a rural community service facility (the
 * plan's target T2) and of urban communities with an urban one (T1), today, for choropleth maps in any client.
 */
final class CoverageSource {

    private CoverageSource() {
    }

    static FeatureSource of(DivisionQueries divisions, CoverageService coverage, String countyCode) {
        return new ListSource("coverage-by-township", "乡镇覆盖率 Coverage by township",
                "各乡镇农村社区、城市社区综合服务设施覆盖率（今日）；乡镇边界与人口为合成数据 / Share of villages with a "
                        + "community service facility per township, today; township polygons are synthetic",
                "MultiPolygon", false, () -> features(divisions, coverage, countyCode),
                f -> GeoJsonFeatures.envelope(f.geometryJson()));
    }

    private static List<FeatureSource.Feature> features(DivisionQueries divisions, CoverageService coverage,
            String countyCode) {
        if (divisions.byCode(countyCode).isEmpty()) {
            return List.of();
        }
        LocalDate today = coverage.today();
        CoverageResult rural = coverage.coverage(new CoverageQuery(countyCode, List.of("RURAL_COMMUNITY_SERVICE"),
                CoverageRule.CONTAINMENT, null, DivisionLevel.VILLAGE, UrbanRural.RURAL, today, Scenario.CURRENT));
        CoverageResult urban = coverage.coverage(new CoverageQuery(countyCode, List.of("URBAN_COMMUNITY_SERVICE"),
                CoverageRule.CONTAINMENT, null, DivisionLevel.VILLAGE, UrbanRural.URBAN, today, Scenario.CURRENT));
        Map<String, CoverageResult.UnitShare> ruralBy = new LinkedHashMap<>();
        rural.byUnit().forEach(u -> ruralBy.put(u.code(), u));
        Map<String, CoverageResult.UnitShare> urbanBy = new LinkedHashMap<>();
        urban.byUnit().forEach(u -> urbanBy.put(u.code(), u));
        return divisions.descendants(countyCode, DivisionLevel.TOWNSHIP).stream().map((Division t) -> {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("code", t.code());
            p.put("name", t.name());
            CoverageResult.UnitShare r = ruralBy.get(t.code());
            CoverageResult.UnitShare u = urbanBy.get(t.code());
            p.put("ruralVillages", r == null ? 0 : r.total());
            p.put("ruralCovered", r == null ? 0 : r.covered());
            p.put("ruralShare", r == null ? null : r.share());
            p.put("urbanCommunities", u == null ? 0 : u.total());
            p.put("urbanCovered", u == null ? 0 : u.covered());
            p.put("urbanShare", u == null ? null : u.share());
            p.put("asOf", today.toString());
            p.put("geometrySynthetic", t.geometrySynthetic());
            return new FeatureSource.Feature(t.code(), GeoJsonFeatures.geometry(t.geometry()), p, t.name());
        }).toList();
    }
}
