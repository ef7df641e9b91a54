package org.civatlas.places.romanization;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class NameKeysTest {

    @Test
    void tonelessKeys() {
        assertThat(NameKeys.toneless("疏勒县")).isEqualTo("shulexian");
        assertThat(NameKeys.tonelessSpaced("疏勒县")).isEqualTo("shu le xian");
        assertThat(NameKeys.initials("疏勒县")).isEqualTo("slx");
        assertThat(NameKeys.toneless("蚌埠市")).isEqualTo("bengbushi");
        assertThat(NameKeys.toneless("莘庄镇")).isEqualTo("xinzhuangzhen");
        assertThat(NameKeys.toneless("女儿河")).isEqualTo("nuerhe");
        assertThat(NameKeys.toneless("长沙")).isEqualTo("changsha");
        assertThat(NameKeys.toneless("喀什市")).isEqualTo("kashishi");
    }

    @Test
    void digitsLatinAndPunctuation() {
        assertThat(NameKeys.toneless("东四12条")).isEqualTo("dongsi12tiao");
        assertThat(NameKeys.toneless("东四１２条")).isEqualTo("dongsi12tiao");
        assertThat(NameKeys.tonelessSpaced("东四12条")).isEqualTo("dong si 12 tiao");
        assertThat(NameKeys.initials("东四12条")).isEqualTo("ds12t");
        assertThat(NameKeys.toneless("A区（新）")).isEqualTo("aquxin");
        assertThat(NameKeys.toneless("A区·北")).isEqualTo("aqubei");
        assertThat(NameKeys.toneless("")).isEmpty();
        assertThat(NameKeys.toneless(null)).isEmpty();
    }

    @Test
    void keysMatchNormalizedLatinQueries() {
        assertThat(NameKeys.normalizeLatin("Shule Xian")).isEqualTo(NameKeys.toneless("疏勒县"));
        assertThat(NameKeys.normalizeLatin("Xī'ān")).isEqualTo("xian");
        assertThat(NameKeys.normalizeLatin("Nü'er He")).isEqualTo("nuerhe");
        assertThat(NameKeys.normalizeLatin("nver-he")).isEqualTo("nuerhe");
        assertThat(NameKeys.normalizeLatin("Lü’an")).isEqualTo("luan");
        assertThat(NameKeys.normalizeLatin("Dongsi 12 Tiao")).isEqualTo("dongsi12tiao");
        assertThat(NameKeys.normalizeLatin("ＳＨＵＬＥ")).isEqualTo("shule");
    }

    @Test
    void allReadingKeysStartWithTheDictionaryReading() {
        List<String> keys = NameKeys.allReadingKeys("疏勒", 8);
        assertThat(keys).first().isEqualTo("shule");
        assertThat(keys).contains("shulei").doesNotHaveDuplicates();
        assertThat(NameKeys.allReadingKeys("疏勒县", 8)).first().isEqualTo("shulexian");
        assertThat(NameKeys.allReadingKeys("疏勒县", 8)).contains("shuleixian");
        assertThat(NameKeys.allReadingKeys("乐清", 8)).first().isEqualTo("yueqing");
        assertThat(NameKeys.allReadingKeys("乐清", 8)).contains("leqing");
    }

    @Test
    void allReadingKeysRespectsMaxAndSingleReadings() {
        assertThat(NameKeys.allReadingKeys("北京", 5)).containsExactly("beijing");
        assertThat(NameKeys.allReadingKeys("疏勒", 1)).containsExactly("shule");
        assertThat(NameKeys.allReadingKeys("疏勒", 0)).isEmpty();
        // many polyphones: capped, fewest changes first
        List<String> many = NameKeys.allReadingKeys("长乐行都单", 6);
        assertThat(many).hasSize(6);
        assertThat(many.get(0)).isEqualTo(NameKeys.toneless("长乐行都单"));
        assertThat(many.get(1)).isEqualTo("zhanglexingdudan");
    }

    @Test
    void uyghurNormalization() {
        // presentation forms (isolated/initial/final) of ق ە ش ر, tatweel and a fatha
        String presentation = "\uFED7\uFEE4\uFEB7\uFED8\uFEEA\uFEAE"; // mixes Arabic forms: normalises to base letters
        assertThat(NameKeys.normalizeUyghur(presentation)).doesNotContain("\uFED7", "\uFEE4");
        assertThat(NameKeys.normalizeUyghur("قەشـــقەر")).isEqualTo("قەشقەر");
        assertThat(NameKeys.normalizeUyghur("قَەشقەر")).isEqualTo("قەشقەر");
        assertThat(NameKeys.normalizeUyghur("  يېڭىشەھەر \u200F  ناھىيىسى ")).isEqualTo("يېڭىشەھەر ناھىيىسى");
        // Uyghur-specific presentation forms: ې initial FBE6, ۈ isolated FBDB, ى initial FBE8, ھ initial FBAC
        assertThat(NameKeys.normalizeUyghur("\uFBE6\uFBDB\uFBE8\uFBAC")).isEqualTo("\u06D0\u06C8\u0649\u06BE");
        // yeh + hamza above composes to ئ
        assertThat(NameKeys.normalizeUyghur("\u064A\u0654")).isEqualTo("\u0626");
        // keheh → kaf
        assertThat(NameKeys.normalizeUyghur("\u06A9")).isEqualTo("\u0643");
    }
}
