package org.civatlas.divisions;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DivisionCodesTest {

    @Test
    void theAncestorAtALevelKeepsThatLevelsDigits() {
        assertThat(DivisionCodes.ancestorAt("653122201207", DivisionLevel.COUNTY)).isEqualTo("653122000000");
        assertThat(DivisionCodes.ancestorAt("653122201207", DivisionLevel.TOWNSHIP)).isEqualTo("653122201000");
        assertThat(DivisionCodes.ancestorAt("653122201207", DivisionLevel.VILLAGE)).isEqualTo("653122201207");
        assertThat(DivisionCodes.ancestorAt("653122201000", DivisionLevel.TOWNSHIP)).isEqualTo("653122201000");
    }
}
