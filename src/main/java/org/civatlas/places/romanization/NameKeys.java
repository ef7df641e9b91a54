package org.civatlas.places.romanization;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * Search keys for place names, fast enough for index time (hundreds of thousands of names a second on one thread).
 *
 * <p>Chinese keys use the dictionary-correct readings (the bundled {@link ReadingDictionary}, else the place-name
 * character default), toneless, in ASCII ({@code ü} → {@code u}), so that {@code toneless("疏勒县")} is
 * {@code "shulexian"} and matches what {@link #normalizeLatin} makes of a user's "Shule Xian", "shu le xian" or
 * "Shūlè". Arabic digits are kept, Latin letters lower-cased (v → u, as in {@link #normalizeLatin}), everything else
 * (punctuation, characters without a reading) is skipped.
 *
 * <p>All methods are static, allocation-light and thread-safe; the character table is built once on first use.
 */
public final class NameKeys {

    private NameKeys() {
    }

    private static PinyinTable table() {
        return PinyinTable.get();
    }

    private static ReadingDictionary dict() {
        return ReadingDictionary.defaults();
    }

    /** Toneless key without separators: 疏勒县 → "shulexian". */
    public static String toneless(String chinese) {
        return build(chinese, MODE_JOINED);
    }

    /** Toneless key with a space between syllables: 疏勒县 → "shu le xian". */
    public static String tonelessSpaced(String chinese) {
        return build(chinese, MODE_SPACED);
    }

    /** Initials of the syllables: 疏勒县 → "slx" (digit runs kept whole, Latin letters lower-cased). */
    public static String initials(String chinese) {
        return build(chinese, MODE_INITIALS);
    }

    private static final int MODE_JOINED = 0;
    private static final int MODE_SPACED = 1;
    private static final int MODE_INITIALS = 2;

    private static String build(String s, int mode) {
        if (s == null || s.isEmpty()) {
            return "";
        }
        PinyinTable t = table();
        ReadingDictionary d = dict();
        int n = s.length();
        StringBuilder sb = new StringBuilder(n * (mode == MODE_INITIALS ? 1 : 4));
        boolean prevDigit = false;
        for (int i = 0; i < n;) {
            char c = s.charAt(i);
            if (d.mayStartAt(c)) {
                ReadingDictionary.Entry e = d.longestAt(s, i);
                if (e != null) {
                    for (String r : e.readings()) {
                        appendSyllable(sb, PinyinTable.ascii(PinyinTable.stripTone(r)), mode);
                    }
                    i += e.name().length();
                    prevDigit = false;
                    continue;
                }
            }
            String key = t.key(c);
            if (key != null) {
                appendSyllable(sb, key, mode);
                prevDigit = false;
            } else {
                char a = asciiAlnum(c);
                if (a != 0) {
                    boolean digit = a <= '9';
                    if (mode == MODE_SPACED && sb.length() > 0 && !(digit && prevDigit)
                            && sb.charAt(sb.length() - 1) != ' ') {
                        sb.append(' ');
                    }
                    // a run of digits or letters is one token: keep it whole in every mode
                    sb.append(a);
                    int j = i + 1;
                    while (j < n) {
                        char b = asciiAlnum(s.charAt(j));
                        if (b == 0 || (b <= '9') != digit) {
                            break;
                        }
                        sb.append(b);
                        j++;
                    }
                    if (mode == MODE_SPACED) {
                        sb.append(' ');
                    }
                    prevDigit = digit;
                    i = j;
                    continue;
                }
            }
            i++;
        }
        int len = sb.length();
        if (len > 0 && sb.charAt(len - 1) == ' ') {
            sb.setLength(len - 1);
        }
        return sb.toString();
    }

    private static void appendSyllable(StringBuilder sb, String syl, int mode) {
        switch (mode) {
            case MODE_JOINED -> sb.append(syl);
            case MODE_SPACED -> {
                if (syl.equals("r")) { // erhua joins the syllable before it
                    if (sb.length() > 0 && sb.charAt(sb.length() - 1) == ' ') {
                        sb.setLength(sb.length() - 1);
                    }
                    sb.append("r ");
                } else {
                    sb.append(syl).append(' ');
                }
            }
            default -> {
                if (!syl.equals("r")) {
                    sb.append(syl.charAt(0));
                }
            }
        }
    }

    /** ASCII digit or lower-case letter (v → u) for an ASCII or full-width digit/letter, else 0. */
    private static char asciiAlnum(char c) {
        if (c >= 0xFF10 && c <= 0xFF5A) { // full-width forms
            c = (char) (c - 0xFEE0);
        }
        if (c >= '0' && c <= '9') {
            return c;
        }
        if (c >= 'A' && c <= 'Z') {
            c = (char) (c + 32);
        }
        if (c >= 'a' && c <= 'z') {
            return c == 'v' ? 'u' : c;
        }
        return 0;
    }

    /**
     * Up to {@code max} toneless keys for the name: the first is always {@link #toneless} (dictionary-correct),
     * the others use other readings of polyphonic characters, fewest changes first, left to right. Lets a search
     * for "shulei" still find 疏勒 (ranked lower). Characters read by the dictionary count as polyphonic too.
     */
    public static List<String> allReadingKeys(String chinese, int max) {
        if (max <= 0 || chinese == null || chinese.isEmpty()) {
            return List.of();
        }
        PinyinTable t = table();
        ReadingDictionary d = dict();
        List<String> chosen = new ArrayList<>();
        List<String[]> options = new ArrayList<>(); // per token: alternatives other than the chosen one, or null
        int n = chinese.length();
        for (int i = 0; i < n;) {
            char c = chinese.charAt(i);
            ReadingDictionary.Entry e = d.mayStartAt(c) ? d.longestAt(chinese, i) : null;
            if (e != null) {
                for (int k = 0; k < e.name().length(); k++) {
                    String r = PinyinTable.ascii(PinyinTable.stripTone(e.readings().get(k)));
                    chosen.add(r);
                    options.add(others(t.keyAlternatives(chinese.charAt(i + k)), r));
                }
                i += e.name().length();
                continue;
            }
            String key = t.key(c);
            if (key != null) {
                chosen.add(key);
                options.add(others(t.keyAlternatives(c), key));
            } else {
                char a = asciiAlnum(c);
                if (a != 0) {
                    chosen.add(String.valueOf(a));
                    options.add(null);
                }
            }
            i++;
        }
        LinkedHashSet<String> out = new LinkedHashSet<>();
        out.add(String.join("", chosen));
        List<Integer> poly = new ArrayList<>();
        for (int i = 0; i < options.size(); i++) {
            if (options.get(i) != null) {
                poly.add(i);
            }
        }
        String[] current = chosen.toArray(String[]::new);
        for (int k = 1; k <= poly.size() && out.size() < max; k++) {
            combine(poly, options, current, 0, k, out, max);
        }
        return new ArrayList<>(out);
    }

    private static String[] others(String[] alternatives, String chosen) {
        if (alternatives == null) {
            return null;
        }
        List<String> o = new ArrayList<>(alternatives.length);
        for (String a : alternatives) {
            if (!a.equals(chosen)) {
                o.add(a);
            }
        }
        return o.isEmpty() ? null : o.toArray(String[]::new);
    }

    /** Changes {@code k} more positions (from poly[from..]) in every way; stops when {@code out} is full. */
    private static boolean combine(List<Integer> poly, List<String[]> options, String[] current, int from, int k,
            LinkedHashSet<String> out, int max) {
        if (k == 0) {
            out.add(String.join("", current));
            return out.size() >= max;
        }
        for (int p = from; p <= poly.size() - k; p++) {
            int pos = poly.get(p);
            String keep = current[pos];
            for (String alt : options.get(pos)) {
                current[pos] = alt;
                if (combine(poly, options, current, p + 1, k - 1, out, max)) {
                    current[pos] = keep;
                    return true;
                }
            }
            current[pos] = keep;
        }
        return false;
    }

    /**
     * Normalises a Latin-letter query or name for matching: lower case, tone marks and diaeresis removed
     * (ü → u, also v → u as typed on keyboards), apostrophes, spaces, hyphens and other punctuation dropped.
     * "Xī'ān" → "xian", "Nü'er He" → "nuerhe", "nver" → "nuer".
     */
    public static String normalizeLatin(String s) {
        if (s == null || s.isEmpty()) {
            return "";
        }
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            char a = asciiAlnum(c);
            if (a != 0) {
                sb.append(a);
            } else if (c >= 0x80 && Character.isLetter(c)) {
                String d = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD);
                for (int k = 0; k < d.length(); k++) {
                    char b = asciiAlnum(d.charAt(k));
                    if (b != 0) {
                        sb.append(b);
                    } else if (Character.isLetter(d.charAt(k))) {
                        sb.append(Character.toLowerCase(d.charAt(k)));
                    }
                }
            }
            // everything else (apostrophes, spaces, hyphens, punctuation, combining marks) is dropped
        }
        return sb.toString();
    }

    /**
     * Normalises Uyghur (Arabic script) text for matching: presentation forms (U+FB50-U+FDFF, U+FE70-U+FEFF) become
     * base letters (NFKC, which also composes yeh + hamza above into ئ), Persian keheh ک becomes Arabic kaf ك, Persian
     * yeh ی becomes what it looks like (ى i at the end of a word, ي y elsewhere), tatweel, harakat, superscript alef and bidi/zero-width controls are removed, whitespace is
     * collapsed. Latin letters are lower-cased.
     */
    public static String normalizeUyghur(String s) {
        if (s == null || s.isEmpty()) {
            return "";
        }
        String n = Normalizer.normalize(s, Normalizer.Form.NFKC);
        StringBuilder sb = new StringBuilder(n.length());
        boolean space = false;
        for (int i = 0; i < n.length(); i++) {
            char c = n.charAt(i);
            if (c == '\u0640' || (c >= '\u064B' && c <= '\u065F') || c == '\u0670'
                    || (c >= '\u200B' && c <= '\u200F') || (c >= '\u202A' && c <= '\u202E')
                    || (c >= '\u2066' && c <= '\u2069') || c == '\uFEFF') {
                continue; // tatweel, diacritics, zero-width and bidi controls
            }
            if (Character.isWhitespace(c)) {
                space = sb.length() > 0;
                continue;
            }
            if (space) {
                sb.append(' ');
                space = false;
            }
            switch (c) {
                case '\u06A9' -> sb.append('\u0643'); // keheh → kaf
                case '\u06CC' -> { // Persian yeh: dotless (ى, i) only at the end of a word
                    boolean last = i + 1 >= n.length() || !Character.isLetter(n.charAt(i + 1));
                    sb.append(last ? '\u0649' : '\u064A');
                }
                default -> sb.append(Character.toLowerCase(c));
            }
        }
        return sb.toString();
    }
}
