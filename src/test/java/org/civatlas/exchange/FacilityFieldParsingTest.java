package org.civatlas.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.civatlas.facilities.FacilityStatus;
import org.civatlas.facilities.Operator;
import org.junit.jupiter.api.Test;

/**
 * How a facility file's columns and values are understood, as a planner preparing a spreadsheet would check it:
 * which headers are recognised, which spellings of a status and an operator are taken. Plain Java: no application.
 */
class FacilityFieldParsingTest {

    @Test
    void aStatusIsTakenByItsCodeOrItsChineseLabelInTheUsualForms() {
        Map<String, FacilityStatus> spellings = Map.ofEntries(
                Map.entry("PLANNED", FacilityStatus.PLANNED),
                Map.entry("planned", FacilityStatus.PLANNED),
                Map.entry("规划", FacilityStatus.PLANNED),
                Map.entry("规划中", FacilityStatus.PLANNED),
                Map.entry("在建", FacilityStatus.UNDER_CONSTRUCTION),
                Map.entry("建设中", FacilityStatus.UNDER_CONSTRUCTION),
                Map.entry("under construction", FacilityStatus.UNDER_CONSTRUCTION),
                Map.entry("Under-Construction", FacilityStatus.UNDER_CONSTRUCTION),
                Map.entry("运营", FacilityStatus.OPERATING),
                Map.entry(" 正常运营 ", FacilityStatus.OPERATING),
                Map.entry("已建成", FacilityStatus.OPERATING),
                Map.entry("关闭", FacilityStatus.CLOSED),
                Map.entry("已关闭", FacilityStatus.CLOSED),
                Map.entry("停用", FacilityStatus.CLOSED));
        spellings.forEach((text, status) ->
                assertThat(FacilityFeatures.status(text)).as("'%s'", text).isEqualTo(status));
    }

    @Test
    void anUnknownStatusIsNotGuessed() {
        for (String text : List.of("开放", "open", "1", "PLANNEDX")) {
            assertThat(FacilityFeatures.status(text)).as("'%s'", text).isNull();
        }
    }

    @Test
    void anOperatorIsPublicOrPrivateInTheUsualForms() {
        assertThat(FacilityFeatures.operator("公办")).isEqualTo(Operator.PUBLIC);
        assertThat(FacilityFeatures.operator("public")).isEqualTo(Operator.PUBLIC);
        assertThat(FacilityFeatures.operator("公建民营")).as("publicly built, privately run: owned publicly")
                .isEqualTo(Operator.PUBLIC);
        assertThat(FacilityFeatures.operator("民办")).isEqualTo(Operator.PRIVATE);
        assertThat(FacilityFeatures.operator("民营")).isEqualTo(Operator.PRIVATE);
        assertThat(FacilityFeatures.operator("集体")).isNull();
    }

    @Test
    void chineseHeadersOfABureauSpreadsheetAreRecognised() {
        Map<String, String> mapping = FacilityFields.propose(
                List.of("序号", "编号", "设施类型", "机构名称", "运营状态", "举办主体", "床位数", "护理型床位", "启用日期", "经度", "纬度"));
        assertThat(mapping).containsEntry("externalId", "编号").containsEntry("type", "设施类型")
                .containsEntry("name", "机构名称").containsEntry("status", "运营状态").containsEntry("operator", "举办主体")
                .containsEntry("beds", "床位数").containsEntry("nursingBeds", "护理型床位")
                .containsEntry("openedOn", "启用日期").containsEntry("closedOn", null).containsEntry("atlasId", null);
    }

    @Test
    void englishHeadersAreRecognisedWhateverTheirCaseSpacesOrUnderscores() {
        Map<String, String> mapping = FacilityFields.propose(
                List.of("ID", "External_ID", "Type Code", "NAME", "nurse-beds", "Opened On", "atlas_id"));
        assertThat(mapping).containsEntry("externalId", "External_ID").containsEntry("type", "Type Code")
                .containsEntry("name", "NAME").containsEntry("nursingBeds", "nurse-beds")
                .containsEntry("openedOn", "Opened On").containsEntry("atlasId", "atlas_id");
        assertThat(mapping.values()).as("a foreign 'id' column is never taken for ours").doesNotContain("ID");
    }
}
