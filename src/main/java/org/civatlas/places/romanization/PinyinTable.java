package org.civatlas.places.romanization;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import net.sourceforge.pinyin4j.PinyinHelper;

/**
 * Per-character readings, computed once from pinyin4j for every BMP character and adjusted by the
 * place-name default table {@code char-defaults.tsv}.
 *
 * <p>Readings are normalised: {@code u:} becomes {@code ü}, {@code e^} becomes {@code e}. For each character
 * the table holds its default toned reading (first), the alternative toneless readings (interjection-only
 * syllables such as {@code m}, {@code ng}, {@code hng} and the erhua {@code r} excluded), and whether the default
 * is certain in a place name. Thread-safe and immutable after construction.
 */
final class PinyinTable {

    private static final int SIZE = 0x10000;
    private static final Set<String> JUNK = Set.of("m", "n", "ng", "hng", "r");

    /** Default toned reading ("shu1", "lü4"), or null when the character has no Chinese reading. */
    private final String[] toned = new String[SIZE];
    /** Default toneless reading with ü ("shu", "lü"). */
    private final String[] toneless = new String[SIZE];
    /** Default toneless reading in ASCII ("lu" for 绿), used by search keys. */
    private final String[] keys = new String[SIZE];
    /** Distinct toneless ASCII readings, default first; null when only one. */
    private final String[][] keyAlternatives = new String[SIZE][];
    /** Distinct toneless readings with ü, default first, for notes; null when only one. */
    private final String[][] alternatives = new String[SIZE][];
    private final boolean[] sure = new boolean[SIZE];

    private static final class Holder {
        static final PinyinTable INSTANCE = new PinyinTable();
    }

    static PinyinTable get() {
        return Holder.INSTANCE;
    }

    private PinyinTable() {
        for (int c = 0; c < SIZE; c++) {
            if (Character.isSurrogate((char) c)) {
                continue;
            }
            String[] raw = PinyinHelper.toHanyuPinyinStringArray((char) c);
            if (raw == null || raw.length == 0) {
                continue;
            }
            List<String> readings = new ArrayList<>();
            for (String r : raw) {
                String n = normalize(r);
                if (n != null && !readings.contains(n)) {
                    readings.add(n);
                }
            }
            if (readings.isEmpty()) {
                continue;
            }
            String first = preferTone(readings.get(0), readings);
            set((char) c, first, readings, false);
        }
        loadDefaults();
    }

    /** A neutral-tone first reading ("zi5") gives way to the same syllable with a tone ("zi3"). */
    private static String preferTone(String first, List<String> readings) {
        if (!first.endsWith("5")) {
            return first;
        }
        String base = stripTone(first);
        for (String r : readings) {
            if (!r.endsWith("5") && stripTone(r).equals(base)) {
                return r;
            }
        }
        return first;
    }

    private void set(char c, String defaultToned, List<String> readings, boolean forcedSure) {
        toned[c] = defaultToned;
        String tl = stripTone(defaultToned);
        toneless[c] = tl;
        keys[c] = ascii(tl);
        LinkedHashSet<String> alts = new LinkedHashSet<>();
        LinkedHashSet<String> keyAlts = new LinkedHashSet<>();
        alts.add(tl);
        keyAlts.add(ascii(tl));
        for (String r : readings) {
            String t = stripTone(r);
            if (JUNK.contains(t)) {
                continue;
            }
            alts.add(t);
            keyAlts.add(ascii(t));
        }
        alternatives[c] = alts.size() > 1 ? alts.toArray(String[]::new) : null;
        keyAlternatives[c] = keyAlts.size() > 1 ? keyAlts.toArray(String[]::new) : null;
        sure[c] = forcedSure || alts.size() <= 1;
    }

    private void loadDefaults() {
        try (InputStream in = PinyinTable.class.getResourceAsStream("char-defaults.tsv")) {
            if (in == null) {
                throw new IllegalStateException("char-defaults.tsv missing");
            }
            TsvData.forEachDataLine(new InputStreamReader(in, StandardCharsets.UTF_8), (no, line, f) -> {
                if (f.length < 3 || f[0].length() != 1) {
                    throw new IllegalStateException("char-defaults.tsv line " + no + ": " + line);
                }
                char c = f[0].charAt(0);
                String reading = normalize(f[1].trim());
                if (reading == null || !isToned(reading)) {
                    throw new IllegalStateException("char-defaults.tsv line " + no + ": bad reading " + f[1]);
                }
                List<String> readings = new ArrayList<>();
                readings.add(reading);
                if (alternativesOrSelf(c) != null) {
                    // keep the other readings as alternatives (with a placeholder tone: only the syllables matter)
                    for (String a : alternativesOrSelf(c)) {
                        readings.add(a + "1");
                    }
                }
                set(c, reading, readings, "sure".equals(f[2].trim()));
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String[] alternativesOrSelf(char c) {
        if (alternatives[c] != null) {
            return alternatives[c];
        }
        return toneless[c] == null ? null : new String[] {toneless[c]};
    }

    /** Normalises a pinyin4j or hand-written reading: "lu:4" → "lü4", "lv4" → "lü4", "e^2" → "e2". */
    static String normalize(String r) {
        if (r == null || r.isEmpty()) {
            return null;
        }
        String s = r.toLowerCase().replace("u:", "ü").replace("e^", "e");
        // v is the common keyboard stand-in for ü (only after n and l in Mandarin syllables)
        if (s.startsWith("lv") || s.startsWith("nv")) {
            s = s.charAt(0) + "ü" + s.substring(2);
        }
        return s;
    }

    static boolean isToned(String reading) {
        int n = reading.length();
        if (n < 2) {
            return false;
        }
        char t = reading.charAt(n - 1);
        if (t < '1' || t > '5') {
            return false;
        }
        for (int i = 0; i < n - 1; i++) {
            char ch = reading.charAt(i);
            if (!((ch >= 'a' && ch <= 'z') || ch == 'ü')) {
                return false;
            }
        }
        return true;
    }

    static String stripTone(String toned) {
        int n = toned.length();
        if (n > 0 && Character.isDigit(toned.charAt(n - 1))) {
            return toned.substring(0, n - 1);
        }
        return toned;
    }

    static String ascii(String toneless) {
        return toneless.indexOf('ü') < 0 ? toneless : toneless.replace('ü', 'u');
    }

    boolean hasReading(char c) {
        return toned[c] != null;
    }

    String toned(char c) {
        return toned[c];
    }

    String toneless(char c) {
        return toneless[c];
    }

    String key(char c) {
        return keys[c];
    }

    /** Distinct toneless ASCII readings, default first, or null if the character has only one. */
    String[] keyAlternatives(char c) {
        return keyAlternatives[c];
    }

    /** Distinct toneless readings (with ü), default first, or null if the character has only one. */
    String[] alternatives(char c) {
        return alternatives[c];
    }

    boolean isSure(char c) {
        return sure[c];
    }
}
