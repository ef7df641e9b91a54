package org.civatlas.places.romanization;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * Transliterates Uyghur (Arabic script) place names into Latin letters, in two columns (DOMAIN.md §3):
 * <ul>
 * <li><b>ULY</b>, Uyghur Latin Yéziqi: قەشقەر يېڭىشەھەر ناھىيىسى → "Qeshqer Yëngisheher Nahiyisi";</li>
 * <li><b>1976</b>, the general-use column of 《少数民族语地名汉语拼音字母音译转写法》 (1976): ئۈرۈمچى → "Ürümqi",
 * خوتەن → "Hotan", ئاقسۇ → "Aksu".</li>
 * </ul>
 * The hamza ئ is not written at the start of a word (it only carries the vowel); inside a word it marks a new
 * syllable and is written as an apostrophe in both columns: خانئېرىق → "Xan'ëriq" / "Han'erik". In ULY an
 * apostrophe also separates two letters that would otherwise read as a digraph (n'g, s'h, z'h, g'h); in the 1976
 * column only n'g. Every word is capitalised.
 *
 * <p>The result is a <b>proposal</b> that the officer confirms: where the 1976 table allows two letters (ە a or e,
 * ژ y or j, ۋ w or v, ۆ o or ö) the first is used and a note says so, and established spellings may differ from the
 * letter-by-letter result (Kaxgar, not Kaxkar). Letters outside the Uyghur alphabet are approximated with a note.
 * Input is normalised with {@link NameKeys#normalizeUyghur} first (presentation forms, tatweel, diacritics).
 * Immutable and thread-safe.
 */
public final class UyghurTransliterator {

    /**
     * A transliteration.
     *
     * @param uly         Uyghur Latin Yéziqi
     * @param general1976 the 1976 general-use letter table
     * @param notes       uncertain letters and other things to check
     */
    public record Result(String uly, String general1976, List<String> notes) {
        public Result {
            notes = List.copyOf(notes);
        }
    }

    private static final char HAMZA = '\u0626'; // ئ
    private static final char LONE_HAMZA = '\u0621'; // ء

    /** Letter → {ULY, 1976}. */
    private static final Map<Character, String[]> LETTERS = Map.ofEntries(
            Map.entry('\u0627', new String[] {"a", "a"}), // ا
            Map.entry('\u06D5', new String[] {"e", "a"}), // ە
            Map.entry('\u0628', new String[] {"b", "b"}), // ب
            Map.entry('\u067E', new String[] {"p", "p"}), // پ
            Map.entry('\u062A', new String[] {"t", "t"}), // ت
            Map.entry('\u062C', new String[] {"j", "j"}), // ج
            Map.entry('\u0686', new String[] {"ch", "q"}), // چ
            Map.entry('\u062E', new String[] {"x", "h"}), // خ
            Map.entry('\u062F', new String[] {"d", "d"}), // د
            Map.entry('\u0631', new String[] {"r", "r"}), // ر
            Map.entry('\u0632', new String[] {"z", "z"}), // ز
            Map.entry('\u0698', new String[] {"zh", "j"}), // ژ
            Map.entry('\u0633', new String[] {"s", "s"}), // س
            Map.entry('\u0634', new String[] {"sh", "x"}), // ش
            Map.entry('\u063A', new String[] {"gh", "g"}), // غ
            Map.entry('\u0641', new String[] {"f", "f"}), // ف
            Map.entry('\u0642', new String[] {"q", "k"}), // ق
            Map.entry('\u0643', new String[] {"k", "k"}), // ك
            Map.entry('\u06AF', new String[] {"g", "g"}), // گ
            Map.entry('\u06AD', new String[] {"ng", "ng"}), // ڭ
            Map.entry('\u0644', new String[] {"l", "l"}), // ل
            Map.entry('\u0645', new String[] {"m", "m"}), // م
            Map.entry('\u0646', new String[] {"n", "n"}), // ن
            Map.entry('\u06BE', new String[] {"h", "h"}), // ھ
            Map.entry('\u0648', new String[] {"o", "o"}), // و
            Map.entry('\u06C7', new String[] {"u", "u"}), // ۇ
            Map.entry('\u06C6', new String[] {"ö", "o"}), // ۆ
            Map.entry('\u06C8', new String[] {"ü", "ü"}), // ۈ
            Map.entry('\u06CB', new String[] {"w", "w"}), // ۋ
            Map.entry('\u06D0', new String[] {"ë", "e"}), // ې
            Map.entry('\u0649', new String[] {"i", "i"}), // ى
            Map.entry('\u064A', new String[] {"y", "y"})); // ي

    /** Notes for letters whose 1976 spelling is a choice. */
    private static final Map<Character, String> CHOICES = Map.of(
            '\u06D5', "ە written a in the 1976 column (the table allows a or e)",
            '\u0698', "ژ written j in the 1976 column (the table allows y or j)",
            '\u06CB', "ۋ written w (the 1976 table allows w or v)",
            '\u06C6', "ۆ written o in the 1976 column (ö when recording precisely)",
            '\u0642', "ق written k letter by letter in the 1976 column; an established spelling may differ "
                    + "(Kaxgar, not Kaxkar)");

    /** Letters outside the Uyghur alphabet (Arabic loan spellings), approximated. */
    private static final Map<Character, String> FOREIGN = Map.of(
            '\u062D', "h", // ح
            '\u0635', "s", // ص
            '\u0636', "z", // ض
            '\u0637', "t", // ط
            '\u0638', "z", // ظ
            '\u062B', "s", // ث
            '\u0630', "z", // ذ
            '\u0629', "e"); // ة

    /** Transliterates into both columns. */
    public Result transliterate(String uyghur) {
        String s = NameKeys.normalizeUyghur(uyghur == null ? "" : uyghur);
        LinkedHashSet<String> notes = new LinkedHashSet<>();
        StringBuilder uly = new StringBuilder();
        StringBuilder gen = new StringBuilder();
        int n = s.length();
        int wordStart = 0; // index in s of the first character of the current word
        boolean inWord = false;
        int ulyWord = 0;
        int genWord = 0;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            boolean letter = isLetter(c);
            if (!letter) {
                if (inWord) {
                    capitalize(uly, ulyWord);
                    capitalize(gen, genWord);
                    inWord = false;
                }
                char out = c >= '\u0660' && c <= '\u0669' ? (char) ('0' + (c - '\u0660'))
                        : c >= '\u06F0' && c <= '\u06F9' ? (char) ('0' + (c - '\u06F0'))
                        : c == '\u060C' ? ',' : c == '\u061F' ? '?' : c == '\u061B' ? ';' : c;
                uly.append(out);
                gen.append(out);
                continue;
            }
            if (!inWord) {
                inWord = true;
                wordStart = i;
                ulyWord = uly.length();
                genWord = gen.length();
            }
            if (c == HAMZA || c == LONE_HAMZA) {
                if (i == wordStart) {
                    notes.add("initial hamza ئ not written (it only carries the vowel)");
                } else {
                    uly.append('\'');
                    gen.append('\'');
                    notes.add("hamza ئ inside a word written as an apostrophe");
                }
                continue;
            }
            if (c == '\u0647') { // Arabic heh, often typed for ە (word end) or ھ
                boolean last = i + 1 >= n || !isLetter(s.charAt(i + 1));
                char as = last ? '\u06D5' : '\u06BE';
                notes.add("Arabic ه read as " + (last ? "ە" : "ھ") + ": check the spelling");
                c = as;
            }
            if (c == '\u0639') { // ع
                uly.append('\'');
                gen.append('\'');
                notes.add("Arabic ع written as an apostrophe");
                continue;
            }
            String[] l = LETTERS.get(c);
            if (l == null) {
                String f = FOREIGN.get(c);
                if (f != null) {
                    uly.append(f);
                    gen.append(f);
                    notes.add("letter " + c + " is not in the Uyghur alphabet: written " + f);
                } else {
                    notes.add(String.format("unknown letter %c (U+%04X) left out", c, (int) c));
                }
                continue;
            }
            char prev = i > wordStart ? s.charAt(i - 1) : 0;
            // apostrophe between letters that would otherwise read as a digraph
            if ((prev == '\u0646' && c == '\u06AF')) { // ن + گ → n'g (not ڭ)
                uly.append('\'');
                gen.append('\'');
            } else if (c == '\u06BE' && (prev == '\u0633' || prev == '\u0632' || prev == '\u06AF')) {
                uly.append('\''); // s'h, z'h, g'h (not ش, ژ, غ)
            }
            uly.append(l[0]);
            gen.append(l[1]);
            String choice = CHOICES.get(c);
            if (choice != null) {
                notes.add(choice);
            }
        }
        if (inWord) {
            capitalize(uly, ulyWord);
            capitalize(gen, genWord);
        }
        return new Result(uly.toString().strip(), gen.toString().strip(), new ArrayList<>(notes));
    }

    /** The ULY column only. */
    public String toUly(String uyghur) {
        return transliterate(uyghur).uly();
    }

    /** The 1976 column only. */
    public String to1976(String uyghur) {
        return transliterate(uyghur).general1976();
    }

    private static boolean isLetter(char c) {
        return (c >= '\u0621' && c <= '\u064A') || (c >= '\u0671' && c <= '\u06D5')
                || LETTERS.containsKey(c);
    }

    private static void capitalize(StringBuilder sb, int at) {
        if (at < sb.length()) {
            int k = at;
            while (k < sb.length() && sb.charAt(k) == '\'') {
                k++;
            }
            if (k < sb.length()) {
                sb.setCharAt(k, Character.toUpperCase(sb.charAt(k)));
            }
        }
    }
}
