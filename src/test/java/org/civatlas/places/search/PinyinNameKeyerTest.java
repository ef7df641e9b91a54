package org.civatlas.places.search;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PinyinNameKeyerTest {

    private final PinyinNameKeyer keyer = new PinyinNameKeyer();

    @Test
    void readsNamesWithOverrides() {
        assertThat(keyer.toneless("疏勒县")).isEqualTo("shulexian");
        assertThat(keyer.spacedToneless("疏勒县")).isEqualTo("shu le xian");
        assertThat(keyer.initials("疏勒县")).isEqualTo("slx");
        assertThat(keyer.toneless("喀什市")).isEqualTo("kashishi");
    }

    @Test
    void keepsAsciiRunsAndSkipsPunctuation() {
        assertThat(keyer.spacedToneless("东四12条")).isEqualTo("dong si 12 tiao");
        assertThat(keyer.initials("东四12条")).isEqualTo("ds12t");
        assertThat(keyer.toneless("A区·北")).isEqualTo("aqubei");
    }

    @Test
    void alternativesDifferFromThePrimaryReading() {
        // 长 has two readings (chang, zhang): the alternative must be the other one
        assertThat(keyer.alternativeToneless("长安", 3)).isNotEmpty().doesNotContain(keyer.toneless("长安"));
        assertThat(keyer.alternativeToneless("疏勒县", 0)).isEmpty();
    }

    @Test
    void latinKeysIgnoreToneMarksNumbersSpacesAndApostrophes() {
        assertThat(SearchText.latinKey("Shūlè Xiàn")).isEqualTo("shulexian");
        assertThat(SearchText.latinKey("shu1 le4 xian4")).isEqualTo("shulexian");
        assertThat(SearchText.latinKey("Xi'an")).isEqualTo("xian");
        assertThat(SearchText.latinKey("Lǚliang")).isEqualTo("lvliang");
        assertThat(SearchText.latinKey("Dongsi 12 Tiao")).isEqualTo("dongsi12tiao");
    }

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
}
