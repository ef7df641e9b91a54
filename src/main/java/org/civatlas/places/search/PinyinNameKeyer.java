package org.civatlas.places.search;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import net.sourceforge.pinyin4j.PinyinHelper;
import net.sourceforge.pinyin4j.format.HanyuPinyinCaseType;
import net.sourceforge.pinyin4j.format.HanyuPinyinOutputFormat;
import net.sourceforge.pinyin4j.format.HanyuPinyinToneType;
import net.sourceforge.pinyin4j.format.HanyuPinyinVCharType;
import net.sourceforge.pinyin4j.format.exception.BadHanyuPinyinOutputFormatCombination;

/**
 * Default {@link NameKeyer} over pinyin4j: the readings of every Han character of the BMP (CJK unified ideographs
 * and extension A) are looked up once into a table; a name is read with the first reading of each character,
 * except where a phrase of the override map matches (longest first). pinyin4j's first reading is often not the
 * place-name reading (it reads 疏勒 "shulei"): plug in a place-name romanizer for production quality.
 *
 * <p>Non-Han characters: ASCII letters and digits are kept (lowercased) as one token per run; everything else
 * (spaces, punctuation, ·) is skipped. Thread-safe and immutable.
 */
public final class PinyinNameKeyer implements NameKeyer {

    /** A tiny starting set of place-name readings (from DOMAIN.md §3); phrase → space-separated syllables. */
    public static final Map<String, String> DEFAULT_OVERRIDES = Map.of(
            "疏勒", "shu le",
            "伽师", "jia shi",
            "莎车", "sha che",
            "蚌埠", "beng bu",
            "六安", "lu an",
            "丽水", "li shui",
            "喀什", "ka shi");

    private static final int FIRST = 0x3400;
    private static final int LAST = 0x9FFF;

    private final Map<String, String[]> overrides;
    private final int maxPhrase;

    public PinyinNameKeyer() {
        this(DEFAULT_OVERRIDES);
    }

    public PinyinNameKeyer(Map<String, String> overrides) {
        Map<String, String[]> m = new java.util.HashMap<>();
        int max = 0;
        for (Map.Entry<String, String> e : overrides.entrySet()) {
            String[] syllables = e.getValue().trim().toLowerCase(Locale.ROOT).split("\\s+");
            if (syllables.length != e.getKey().length()) {
                throw new IllegalArgumentException("override " + e.getKey() + " needs one syllable per character");
            }
            m.put(e.getKey(), syllables);
            max = Math.max(max, e.getKey().length());
        }
        this.overrides = Map.copyOf(m);
        this.maxPhrase = max;
    }

    /** Char → readings (distinct, pinyin4j order), null for characters without a reading. */
    private static final class Table {
        static final String[][] READINGS = load();

        private static String[][] load() {
            HanyuPinyinOutputFormat f = new HanyuPinyinOutputFormat();
            f.setCaseType(HanyuPinyinCaseType.LOWERCASE);
            f.setToneType(HanyuPinyinToneType.WITHOUT_TONE);
            f.setVCharType(HanyuPinyinVCharType.WITH_V);
            String[][] t = new String[LAST - FIRST + 1][];
            Map<String, String> intern = new java.util.HashMap<>();
            for (int c = FIRST; c <= LAST; c++) {
                try {
                    String[] r = PinyinHelper.toHanyuPinyinStringArray((char) c, f);
                    if (r != null && r.length > 0) {
                        Set<String> distinct = new LinkedHashSet<>();
                        for (String s : r) {
                            distinct.add(intern.computeIfAbsent(s, k -> k));
                        }
                        t[c - FIRST] = distinct.toArray(new String[0]);
                    }
                } catch (BadHanyuPinyinOutputFormatCombination e) {
                    throw new IllegalStateException(e);
                }
            }
            return t;
        }
    }

    static String[] readings(char c) {
        return c >= FIRST && c <= LAST ? Table.READINGS[c - FIRST] : null;
    }

    /** Tokens of the primary reading; {@code fixed[i]} tells whether token i came from an override. */
    private List<String> tokens(String name, List<String[]> alternatives) {
        List<String> out = new ArrayList<>(name.length());
        int i = 0;
        int n = name.length();
        while (i < n) {
            boolean matched = false;
            for (int len = Math.min(maxPhrase, n - i); len >= 2 && !matched; len--) {
                String[] o = overrides.get(name.substring(i, i + len));
                if (o != null) {
                    for (String s : o) {
                        out.add(s);
                        if (alternatives != null) {
                            alternatives.add(null);
                        }
                    }
                    i += len;
                    matched = true;
                }
            }
            if (matched) {
                continue;
            }
            char c = name.charAt(i);
            String[] r = readings(c);
            if (r != null) {
                out.add(r[0]);
                if (alternatives != null) {
                    alternatives.add(r.length > 1 ? r : null);
                }
                i++;
            } else if (c < 0x80 && Character.isLetterOrDigit(c)) {
                int j = i;
                while (j < n && name.charAt(j) < 0x80 && Character.isLetterOrDigit(name.charAt(j))) {
                    j++;
                }
                out.add(name.substring(i, j).toLowerCase(Locale.ROOT));
                if (alternatives != null) {
                    alternatives.add(null);
                }
                i = j;
            } else if (c >= 0xFF10 && c <= 0xFF5A && Character.isLetterOrDigit(c)) { // full-width ASCII
                out.add(String.valueOf((char) (c - 0xFEE0)).toLowerCase(Locale.ROOT));
                if (alternatives != null) {
                    alternatives.add(null);
                }
                i++;
            } else {
                i++;
            }
        }
        return out;
    }

    @Override
    public String toneless(String name) {
        return String.join("", tokens(name, null));
    }

    @Override
    public String spacedToneless(String name) {
        return String.join(" ", tokens(name, null));
    }

    @Override
    public String initials(String name) {
        StringBuilder sb = new StringBuilder();
        for (String t : tokens(name, null)) {
            if (Character.isDigit(t.charAt(0))) {
                sb.append(t);
            } else {
                sb.append(t.charAt(0));
            }
        }
        return sb.toString();
    }

    /** Readings that differ from the primary one in one polyphonic character, in character order. */
    @Override
    public List<String> alternativeToneless(String name, int max) {
        if (max <= 0) {
            return List.of();
        }
        List<String[]> alts = new ArrayList<>();
        List<String> primary = tokens(name, alts);
        LinkedHashSet<String> out = new LinkedHashSet<>();
        String first = String.join("", primary);
        for (int k = 0; k < primary.size() && out.size() < max; k++) {
            String[] r = alts.get(k);
            if (r == null) {
                continue;
            }
            for (int j = 1; j < r.length && out.size() < max; j++) {
                List<String> copy = new ArrayList<>(primary);
                copy.set(k, r[j]);
                String key = String.join("", copy);
                if (!key.equals(first)) {
                    out.add(key);
                }
            }
        }
        return List.copyOf(out);
    }
}
