package org.civatlas.divisions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DivisionKindTest {

    @ParameterizedTest
    @CsvSource({
            "653122000000, COUNTY, COUNTY, MIXED",
            "653101000000, DISTRICT_OR_CITY, COUNTY, URBAN",
            "370881000000, COUNTY_CITY, COUNTY, MIXED",
            "110101001000, SUBDISTRICT, TOWNSHIP, URBAN",
            "653122100000, TOWN, TOWNSHIP, MIXED",
            "653122211000, TOWNSHIP, TOWNSHIP, RURAL",
            "653122400000, OTHER_TOWNSHIP_LEVEL, TOWNSHIP, MIXED",
            "653122100001, RESIDENTS_COMMITTEE, VILLAGE, URBAN",
            "653122200201, VILLAGERS_COMMITTEE, VILLAGE, RURAL"})
    void kindLevelAndUrbanRuralFollowFromTheCode(String code, DivisionKind kind, DivisionLevel level,
            UrbanRural urbanRural) {
        assertThat(DivisionKind.of(code)).isEqualTo(kind);
        assertThat(DivisionKind.of(code).level()).isEqualTo(level);
        assertThat(DivisionKind.of(code).urbanRural()).isEqualTo(urbanRural);
    }

    @ParameterizedTest
    @CsvSource({"653122000000, 653122", "653122200000, 653122200", "653122200201, 653122200201"})
    void significantPrefixIsWhatDescendantsShare(String code, String prefix) {
        assertThat(DivisionCodes.significantPrefix(code)).isEqualTo(prefix);
    }

    @ParameterizedTest
    @ValueSource(strings = {"653122", "65312200000a", "000000000000", "650000000000", " 653122000000"})
    void malformedCodesAreRejected(String code) {
        assertThat(DivisionCodes.isValid(code)).isFalse();
        assertThatThrownBy(() -> DivisionKind.of(code)).isInstanceOf(IllegalArgumentException.class);
    }
}
