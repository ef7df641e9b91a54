package org.civatlas.places.internal;

import org.civatlas.places.NameReadings;
import org.civatlas.places.romanization.NameKeys;
import org.civatlas.places.romanization.NameKind;
import org.civatlas.places.romanization.PlaceNameRomanizer;
import org.civatlas.places.romanization.UyghurTransliterator;
import org.springframework.stereotype.Component;

/** Name readings by the place-name rules: GB/T 16159 romanisation with the reading dictionary, ULY for Uyghur. */
@Component
class DefaultNameReadings implements NameReadings {

    private final PlaceNameRomanizer romanizer = new PlaceNameRomanizer();
    private final UyghurTransliterator uyghur = new UyghurTransliterator();

    @Override
    public String propose(String chineseName, String romanizeAs) {
        NameKind kind;
        try {
            kind = romanizeAs == null ? NameKind.ADMINISTRATIVE : NameKind.valueOf(romanizeAs);
        } catch (IllegalArgumentException e) {
            kind = NameKind.OTHER;
        }
        return romanizer.romanize(chineseName, kind).romanized();
    }

    @Override
    public String toneless(String chineseName) {
        return NameKeys.toneless(chineseName);
    }

    @Override
    public String uyghurLatin(String uyghurName) {
        return uyghurName == null || uyghurName.isBlank() ? null : uyghur.toUly(uyghurName);
    }
}
