package org.civatlas.places.search;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SearchTextTest {

    @Test
    void editDistanceAtMostOne() {
        assertThat(SearchText.distanceAtMostOne("疏勒县", "疏勒县")).isZero();
        assertThat(SearchText.distanceAtMostOne("疏勒县", "疏勤县")).isEqualTo(1);
        assertThat(SearchText.distanceAtMostOne("疏勒县", "疏县")).isEqualTo(1);
        assertThat(SearchText.distanceAtMostOne("疏勒县", "疏勒勒县")).isEqualTo(1);
        assertThat(SearchText.distanceAtMostOne("疏勒县", "勒疏县")).isEqualTo(1);
        assertThat(SearchText.distanceAtMostOne("疏勒县", "勒县疏")).isEqualTo(2);
        assertThat(SearchText.distanceAtMostOne("abc", "xab")).isEqualTo(2);
    }

    @Test
    void chineseKeyDropsSpacesAndFoldsFullWidthForms() {
        String clean = "疏勒县";
        assertThat(SearchText.chineseKey(clean)).isSameAs(clean); // clean names are not copied
        assertThat(SearchText.chineseKey("疏勒 县")).isEqualTo("疏勒县");
        assertThat(SearchText.chineseKey("东四１２条")).isEqualTo("东四12条");
        assertThat(SearchText.chineseKey("A区")).isEqualTo("a区");
    }
}
