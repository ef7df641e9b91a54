package org.civatlas.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.civatlas.exchange.crs.Crs;
import org.civatlas.exchange.formats.SourceFeature;
import org.civatlas.facilities.FacilityImports;
import org.civatlas.facilities.FacilityStatus;
import org.civatlas.facilities.FacilityType;
import org.civatlas.facilities.Operator;
import org.civatlas.spatial.Geometries;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;

/** The facility field mapping and value parsing of an import, without Spring or a database. */
class FacilityFeaturesTest {

    static final Map<String, FacilityType> TYPES = Map.of(
            "NURSING_HOME", new FacilityType("NURSING_HOME", "elderly", "养老院（敬老院）", "Nursing home", true),
            "MARRIAGE_REGISTRY", new FacilityType("MARRIAGE_REGISTRY", "civil", "婚姻登记处", "Marriage registry", false));

    static Geometry point(double lon, double lat) {
        return Geometries.WGS84.createPoint(new Coordinate(lon, lat));
    }

    static FacilityFeatures.Parsed parse(Geometry g, Map<String, Object> attributes) {
        Map<String, String> mapping = FacilityFields.propose(List.copyOf(attributes.keySet()));
        return FacilityFeatures.parse(new SourceFeature(7, g, attributes), Crs.WGS84, mapping, TYPES, "test",
                new Envelope());
    }

    static List<IssueKind> kinds(FacilityFeatures.Parsed p) {
        return p.problems().stream().map(FacilityFeatures.Issue::kind).toList();
    }

    @Test
    void theMappingIsProposedFromChineseAndEnglishNames() {
        Map<String, String> m = FacilityFields.propose(List.of("编号", "名称", "设施类型", "Opened_On", "NAME", "床位数"));
        assertThat(m.get("externalId")).isEqualTo("编号");
        // the aliases are tried in order: "name" (any case) before "名称"
        assertThat(m.get("name")).isEqualTo("NAME");
        assertThat(m.get("type")).isEqualTo("设施类型");
        assertThat(m.get("openedOn")).isEqualTo("Opened_On");
        assertThat(m.get("beds")).isEqualTo("床位数");
        assertThat(m.get("status")).isNull();
        // every facility field is in the mapping, in the order shown to the user
        assertThat(m.keySet()).containsExactlyElementsOf(FacilityFields.FIELDS.keySet());
        // a foreign "id" column is never taken for the atlas id
        assertThat(FacilityFields.propose(List.of("id")).get("atlasId")).isNull();
    }

    @Test
    void valuesAreReadInTheirCommonSpellings() {
        assertThat(FacilityFeatures.status("运营")).isEqualTo(FacilityStatus.OPERATING);
        assertThat(FacilityFeatures.status("under construction")).isEqualTo(FacilityStatus.UNDER_CONSTRUCTION);
        assertThat(FacilityFeatures.status("已关闭")).isEqualTo(FacilityStatus.CLOSED);
        assertThat(FacilityFeatures.status("建设中")).isEqualTo(FacilityStatus.UNDER_CONSTRUCTION);
        assertThat(FacilityFeatures.status("营业")).isNull();
        assertThat(FacilityFeatures.operator("民办")).isEqualTo(Operator.PRIVATE);
        assertThat(FacilityFeatures.operator("公建民营")).isEqualTo(Operator.PUBLIC);
        assertThat(FacilityFeatures.operator("?")).isNull();
        assertThat(FacilityFeatures.type("nursing_home", TYPES)).isEqualTo("NURSING_HOME");
        assertThat(FacilityFeatures.type("养老院", TYPES)).isEqualTo("NURSING_HOME");
        assertThat(FacilityFeatures.type("婚姻登记处", TYPES)).isEqualTo("MARRIAGE_REGISTRY");
        // an unknown type is passed on as written: the facilities module's check names it
        assertThat(FacilityFeatures.type("游泳馆", TYPES)).isEqualTo("游泳馆");
    }

    @Test
    void aGoodFeatureBecomesARowWithoutProblems() {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("编号", 12.0);
        a.put("名称", "测试敬老院");
        a.put("类型", "养老院");
        a.put("状态", "运营");
        a.put("启用日期", "2020年3月1日");
        a.put("床位", "1,200");
        a.put("护理型床位", 300L);
        FacilityFeatures.Parsed p = parse(point(76.05, 39.4), a);
        assertThat(p.problems()).isEmpty();
        FacilityImports.Row row = p.row();
        assertThat(row.index()).isEqualTo(7);
        assertThat(row.externalId()).isEqualTo("12");
        assertThat(row.input().type()).isEqualTo("NURSING_HOME");
        assertThat(row.input().status()).isEqualTo(FacilityStatus.OPERATING);
        assertThat(row.input().openedOn()).isEqualTo(LocalDate.of(2020, 3, 1));
        assertThat(row.input().beds()).isEqualTo(1200);
        assertThat(row.input().nursingBeds()).isEqualTo(300);
        assertThat(row.input().lon()).isEqualTo(76.05);
        assertThat(row.synthetic()).isFalse();
    }

    @Test
    void badValuesAreProblemsOfTheirKind() {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("name", "x");
        a.put("status", "营业");
        a.put("operator", "?");
        a.put("beds", "2.5");
        a.put("staff", "many");
        a.put("openedOn", "2020-13-01");
        a.put("atlas_id", "A-1");
        FacilityFeatures.Parsed p = parse(point(76.05, 39.4), a);
        assertThat(kinds(p)).containsExactlyInAnyOrder(IssueKind.BAD_STATUS, IssueKind.BAD_VALUE,
                IssueKind.BAD_NUMBER, IssueKind.BAD_NUMBER, IssueKind.BAD_DATE, IssueKind.BAD_NUMBER);
        assertThat(p.problems()).allSatisfy(i -> assertThat(i.reason()).matches("(?s).*\\p{IsHan}.*/.*"));
        // the facilities module's "status missing" repeats the unreadable status; its other findings do not
        assertThat(p.explains(FacilityImports.IssueKind.MISSING_STATUS)).isTrue();
        assertThat(p.explains(FacilityImports.IssueKind.BAD_LOCATION)).isFalse();
        assertThat(p.explains(FacilityImports.IssueKind.BAD_VALUE)).isFalse();
    }

    @Test
    void aFeatureWithoutAPointHasOneGeometryProblemAndNoLocation() {
        Geometry polygon = Geometries.WGS84.toGeometry(new Envelope(76, 76.01, 39.3, 39.31));
        FacilityFeatures.Parsed p = parse(polygon, Map.of("name", "面"));
        assertThat(kinds(p)).containsExactly(IssueKind.WRONG_TYPE);
        assertThat(p.wgs84()).isNull();
        assertThat(p.explains(FacilityImports.IssueKind.BAD_LOCATION)).isTrue();
        assertThat(kinds(parse(null, Map.of("name", "无")))).containsExactly(IssueKind.NO_GEOMETRY);
    }
}
