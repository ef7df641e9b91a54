package org.civatlas.places.romanization;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class UyghurTransliteratorTest {

    private final UyghurTransliterator t = new UyghurTransliterator();

    @ParameterizedTest(name = "{0} -> {1} / {2}")
    @CsvSource(delimiter = '|', textBlock = """
            قەشقەر يېڭىشەھەر ناھىيىسى | Qeshqer Yëngisheher Nahiyisi | Kaxkar Yengixahar Nahiyisi
            يېڭىشەھەر               | Yëngisheher                  | Yengixahar
            يېڭىشەھەر بازىرى        | Yëngisheher Baziri           | Yengixahar Baziri
            خانئېرىق بازىرى         | Xan'ëriq Baziri              | Han'erik Baziri
            ياپچان بازىرى           | Yapchan Baziri               | Yapqan Baziri
            بارىن                   | Barin                        | Barin
            ياندۇما                 | Yanduma                      | Yanduma
            يامانيار                | Yamanyar                     | Yamanyar
            باغچى                   | Baghchi                      | Bagqi
            تازغۇن                  | Tazghun                      | Tazgun
            ئۈرۈمچى                 | Ürümchi                      | Ürümqi
            خوتەن                   | Xoten                        | Hotan
            ئاقسۇ                   | Aqsu                         | Aksu
            تۇرپان                  | Turpan                       | Turpan
            كورلا                   | Korla                        | Korla
            """)
    void domainExamples(String uyghur, String uly, String general) {
        UyghurTransliterator.Result r = t.transliterate(uyghur);
        assertThat(r.uly()).isEqualTo(uly);
        assertThat(r.general1976()).isEqualTo(general);
    }

    @Test
    void hamzaNotes() {
        UyghurTransliterator.Result initial = t.transliterate("ئاقسۇ");
        assertThat(initial.notes()).anyMatch(n -> n.contains("initial hamza"));
        UyghurTransliterator.Result medial = t.transliterate("خانئېرىق");
        assertThat(medial.uly()).isEqualTo("Xan'ëriq");
        assertThat(medial.notes()).anyMatch(n -> n.contains("apostrophe"));
        assertThat(t.toUly("سائەت")).isEqualTo("Sa'et");
    }

    @Test
    void uncertainLettersAreNoted() {
        UyghurTransliterator.Result r = t.transliterate("قەشقەر");
        assertThat(r.notes()).anyMatch(n -> n.contains("Kaxgar")).anyMatch(n -> n.startsWith("ە"));
        assertThat(t.transliterate("ۋاڭ").notes()).anyMatch(n -> n.startsWith("ۋ"));
        assertThat(t.transliterate("ژ").notes()).anyMatch(n -> n.startsWith("ژ"));
        assertThat(t.transliterate("بارىن").notes()).isEmpty();
    }

    @Test
    void digraphsAreSeparated() {
        assertThat(t.toUly("سھ")).isEqualTo("S'h"); // س + ھ, not ش
        assertThat(t.toUly("نگ")).isEqualTo("N'g"); // ن + گ, not ڭ
        assertThat(t.toUly("ڭ")).isEqualTo("Ng");
    }

    @Test
    void presentationFormsAndOddInput() {
        // the same word in presentation forms (ب initial, ا final, ر isolated, ى Uyghur initial, ن isolated)
        assertThat(t.toUly("\uFE91\uFE8E\uFEAD\uFBE8\uFEE5")).isEqualTo("Barin");
        assertThat(t.toUly("")).isEmpty();
        assertThat(t.toUly(null)).isEmpty();
        assertThat(t.toUly("ئاقسۇ ٢")).isEqualTo("Aqsu 2");
        assertThat(t.transliterate("صابىر").notes()).anyMatch(n -> n.contains("not in the Uyghur alphabet"));
    }
}
