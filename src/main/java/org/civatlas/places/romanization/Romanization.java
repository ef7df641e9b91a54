package org.civatlas.places.romanization;

import java.util.List;

/**
 * A proposed Roman spelling of a Chinese place name (the officer confirms or corrects it).
 *
 * @param romanized      the spelling as written on signs and in announcements, e.g. "Shule Xian"
 * @param specific       the romanised specific part (专名), e.g. "Shule"; for a settlement the whole name
 * @param generic        the romanised generic part (通名), e.g. "Xian"; empty when there is none written apart
 * @param syllables      toneless lower-case syllables in order, ü kept, e.g. [shu, le, xian]; digit and Latin
 *                       runs appear as one element each
 * @param tonedSyllables the same with tone numbers 1-5, e.g. [shu1, le4, xian4]
 * @param initials       first letters of the syllables (digit and Latin runs whole), e.g. "slx"
 * @param notes          what the officer should know: dictionary readings used, uncertain polyphones, ignored
 *                       or unknown characters
 * @param certain        false when a reading was guessed (a polyphone without dictionary entry) or a character
 *                       had no reading
 */
public record Romanization(String romanized, String specific, String generic, List<String> syllables,
        List<String> tonedSyllables, String initials, List<String> notes, boolean certain) {

    public Romanization {
        syllables = List.copyOf(syllables);
        tonedSyllables = List.copyOf(tonedSyllables);
        notes = List.copyOf(notes);
    }
}
