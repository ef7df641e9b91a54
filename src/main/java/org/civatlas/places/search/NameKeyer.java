package org.civatlas.places.search;

import java.util.List;

/**
 * Computes the Latin search keys of a Chinese name. {@link PinyinNameKeyer} is the default; a better romanizer
 * (place-name readings of polyphones, e.g. {@code org.civatlas.places.romanization.NameKeys}) can be plugged in
 * with a lambda-free adapter implementing the three abstract methods.
 */
public interface NameKeyer {

    /** Toneless pinyin of the dictionary-correct reading, lowercase, no spaces: 疏勒县 → "shulexian". */
    String toneless(String name);

    /** Initials of the syllables: 疏勒县 → "slx". */
    String initials(String name);

    /** Other plausible toneless readings (polyphones), without the first one; at most {@code max}. */
    List<String> alternativeToneless(String name, int max);

    /**
     * The toneless reading with one space between syllables ("shu le xian"). The index uses the spaces as
     * syllable boundaries for syllable-aligned substring search. The default has no boundaries.
     */
    default String spacedToneless(String name) {
        return toneless(name);
    }

    /** Normalizes Latin text (query or romanized name) to a search key. */
    default String normalizeLatin(String text) {
        return SearchText.latinKey(text);
    }

    /** Normalizes Uyghur text (Arabic script) for matching. */
    default String normalizeUyghur(String text) {
        return SearchText.uyghurKey(text);
    }
}
