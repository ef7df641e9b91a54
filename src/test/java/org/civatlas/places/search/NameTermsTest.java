package org.civatlas.places.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class NameTermsTest {

    private static NameEntry entry(long id, String name, String romanized, String uyghur) {
        return new NameEntry(id, name, romanized, uyghur, "A", "1", true, false, SearchFilter.PUBLISHED, Double.NaN,
                Double.NaN, 1);
    }

    private static List<String> terms(TermField f, long range) {
        List<String> out = new ArrayList<>();
        for (int t = (int) (range >>> 32); t < (int) range; t++) {
            out.add(f.terms[t]);
        }
        return out;
    }

    private static List<String> suffixTerms(TermField f, String q) {
        long r = f.suffixRange(q);
        List<String> out = new ArrayList<>();
        for (int i = (int) (r >>> 32); i < (int) r; i++) {
            out.add(f.terms[f.saTerm[i]]);
        }
        return out;
    }

    private final NameTerms terms = new NameTerms(RankedEntries.of(List.of(
            entry(1, "疏勒县", "Shule Xian", "يېڭىشەھەر  ناھىيىسى"),
            entry(2, "喀什市", "Kaxgar Shi", null),
            entry(3, "乐清市", null, null))).docs());

    @Test
    void pinyinKeysAreTheRomanisationsReadingsAndTheRomanizedSpelling() {
        assertThat(terms(terms.py, terms.py.prefixRange(""))).containsExactlyInAnyOrder(
                "shulexian", "shuleixian", "kashishi", "keshishi", "kaxgarshi", "yueqingshi", "leqingshi");
        // syllable and word starts of the first reading and the romanized spelling are entry points for substrings,
        // other offsets and other readings are not
        assertThat(suffixTerms(terms.py, "xian")).containsExactly("shulexian");
        assertThat(suffixTerms(terms.py, "shi")).containsOnly("kashishi", "kaxgarshi", "yueqingshi");
        assertThat(suffixTerms(terms.py, "hule")).isEmpty();
        assertThat(NameTerms.alternativeReadings("疏勒县")).containsExactly("shuleixian");
    }

    @Test
    void chineseInitialsAndUyghur() {
        assertThat(terms(terms.cn, terms.cn.prefixRange(""))).containsExactly("乐清市", "喀什市", "疏勒县");
        assertThat(suffixTerms(terms.cn, "勒县")).containsExactly("疏勒县");
        assertThat(terms(terms.ini, terms.ini.prefixRange(""))).containsExactlyInAnyOrder("slx", "kss", "yqs");
        assertThat(terms.uyDocs).hasSize(1);
        assertThat(terms.uyKeys[0]).isEqualTo("يېڭىشەھەر ناھىيىسى"); // whitespace collapsed
        assertThat(terms.cnTermOfDoc).hasSize(3);
    }
}
