package org.civatlas.places;

/** How names are read: the proposed Roman spelling, the toneless pinyin key, the Latin form of a Uyghur name. */
public interface NameReadings {

    /** The automatic Roman spelling of a Chinese name, by the place-name rules for its kind (a proposal). */
    String propose(String chineseName, String romanizeAs);

    /** Toneless pinyin without spaces, lower case: the key for homophone checks ("shulexian"). */
    String toneless(String chineseName);

    /** ULY transcription of a Uyghur name in Arabic script (a proposal), or null. */
    String uyghurLatin(String uyghurName);
}
