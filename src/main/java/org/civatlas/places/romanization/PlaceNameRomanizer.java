package org.civatlas.places.romanization;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.civatlas.places.romanization.GenericDictionary.Category;

/**
 * Proposes the Roman spelling of a Chinese place name following the 1984 rules 《中国地名汉语拼音字母拼写规则
 * （汉语地名部分）》, to which GB/T 16159-2012 §6.2.2 defers. The result is a proposal: the officer confirms or
 * corrects it, and {@link Romanization#certain()} says when a reading had to be guessed.
 *
 * <h2>Rules as implemented</h2>
 * <ol>
 * <li><b>Specific and generic apart</b> (rule 1): the longest generic from {@code generics.tsv} that ends the name
 * and fits the {@link NameKind} is split off and written as a separate, capitalised word, even after a
 * one-syllable specific: 疏勒县 "Shule Xian", 通县 "Tong Xian", 太湖 "Tai Hu". A multi-syllable generic is one word
 * (自治区 "Zizhiqu"); the data may split it into words with "|" (村民委员会 "Cunmin Weiyuanhui"). Which generics
 * count: ADMINISTRATIVE → administrative and other areas; NATURAL_FEATURE → natural features; STREET → streets;
 * OTHER → all of them. Only one generic is split off.</li>
 * <li><b>Absorbed generics</b> (rule 4): everything before the last generic is the specific and is written as one
 * word, so 黑龙江省 "Heilongjiang Sheng", 景德镇市 "Jingdezhen Shi" (while 疏勒镇 is "Shule Zhen"), and a
 * villagers' committee named 阿亚克艾尔木东村村委会 is "Ayake'ai'ermudongcun Cunweihui".</li>
 * <li><b>Natural villages and towns as settlements</b> (rule 3): with {@link NameKind#SETTLEMENT} the whole name
 * is one word: 王村 "Wangcun", 周口店 "Zhoukoudian", 旧县 "Jiuxian", 十里堡 "Shilipu". <i>Decision:</i> an
 * administrative village-level unit (a 村委会 or 社区 record, NameKind ADMINISTRATIVE) keeps its generic apart,
 * "Alafu Cun", "Chengguan Shequ", because there 村/社区 names the unit, as 乡 and 镇 do; only a natural village
 * (自然村) or a town as a place is one word. With {@link NameKind#OTHER}, names ending in a natural-village generic
 * (庄, 屯, 铺, 堡, 店, 营, 寨, 集, 坊) are written as one word; 村 stays apart.</li>
 * <li><b>Modifiers</b> (rule 2): the specific is one word, so a one-syllable modifier always joins it (西辽河
 * "Xiliao He"). A descriptive specific made entirely of common words from {@code descriptive-words.tsv} is written
 * word by word ("Gaoxin Jishu Chanye Fuhua Yuanqu Guanweihui"); there a leading one-syllable modifier (东 西 南
 * 北 上 下 大 小 前 后 新 老 中) joins the word after it. Longer modifiers stay separate only when they are such
 * words: no general word segmentation is attempted.</li>
 * <li><b>Ethnic designations</b>: before an administrative generic, an ethnic designation from
 * {@code generics.tsv} (category ETHNIC) followed by 族, or a bare designation of two or more characters before
 * 自治区/州/县/旗, is a word of its own: 新疆维吾尔自治区 "Xinjiang Weiwu'er Zizhiqu", 湘西土家族苗族自治州
 * "Xiangxi Tujiazu Miaozu Zizhizhou", 高家回族乡 "Gaojia Huizu Xiang"; at least two characters must remain before
 * it, so 内蒙古自治区 stays "Neimenggu Zizhiqu".</li>
 * <li><b>Personal names</b> (rule 5) need nothing: they are part of the one-word specific (左权县 "Zuoquan
 * Xian").</li>
 * <li><b>Numerals</b> (rule 6): Chinese numerals are read in pinyin (二道沟 "Erdao Gou"); Arabic digits (also
 * full-width ones) are kept and written as a word of their own (东四12条 "Dongsi 12 Tiao").</li>
 * <li><b>Readings</b> (rule 7): a place-name reading dictionary ({@link ReadingDictionary}, scoped to name parts,
 * longest match first) beats the generic's own reading, which beats the character default. The character default
 * is pinyin4j's first reading, replaced by the place-name default of {@code char-defaults.tsv} where one is listed
 * (长 chang, not pinyin4j's zhang). A character with several toneless readings and no dictionary entry makes the
 * result uncertain and adds a note, <i>unless</i> {@code char-defaults.tsv} marks its default "sure" (the other
 * readings do not occur in place names, e.g. 什 shen only in 什么): otherwise nearly every name would be flagged
 * and the flag would mean nothing. Readings that differ only in tone are not flagged.</li>
 * <li><b>Writing</b> (rule 8): no tones; every written word capitalised; an apostrophe before a non-first syllable
 * of a word that begins with a, o or e (西安 "Xi'an", 建瓯 "Jian'ou", 天峨 "Tian'e", 女儿河 "Nü'er He"); ü kept.
 * 儿 is written as an erhua r (joined, no apostrophe) only when a dictionary entry gives it the reading "r".</li>
 * </ol>
 * <p>Minority-origin names with an established Chinese form are spelled by their Chinese reading (Art. 3(3)):
 * 巴彦淖尔市 "Bayannao'er Shi" (the dictionary note names the established form Bayannur). Characters without a
 * known reading (rare characters outside pinyin4j, supplementary-plane characters) are left out with a note and
 * the result is uncertain; punctuation and brackets separate words and are dropped with a note.
 *
 * <p><b>Not handled</b>: general word segmentation of long specifics, erhua without a dictionary entry, tone
 * sandhi, surnames read differently from the character default (单 shan, 解 xie) unless in the dictionary, and
 * names in minority scripts (see {@link UyghurTransliterator}).
 *
 * <p>Immutable and thread-safe.
 */
public final class PlaceNameRomanizer {

    /** One-syllable modifiers that join the following word inside a descriptive specific. */
    private static final String MODIFIERS = "东西南北上下大小前后新老中";

    private static final Set<Category> ADMIN_ALLOWED = EnumSet.of(Category.ADMIN, Category.AREA);
    private static final Set<Category> NATURAL_ALLOWED = EnumSet.of(Category.NATURAL);
    private static final Set<Category> STREET_ALLOWED = EnumSet.of(Category.STREET);
    private static final Set<Category> SETTLEMENT_ALLOWED = EnumSet.of(Category.SETTLEMENT, Category.ADMIN);
    private static final Set<Category> ALL = EnumSet.complementOf(EnumSet.of(Category.ETHNIC));

    private final ReadingDictionary readings;
    private final GenericDictionary generics;
    private final PinyinTable table = PinyinTable.get();

    /** The Chinese specific and generic of a name, as split by {@link #split}. */
    public record Split(String specific, String generic, Category category) {
    }

    /** With the bundled dictionaries. */
    public PlaceNameRomanizer() {
        this(ReadingDictionary.defaults(), GenericDictionary.defaults());
    }

    public PlaceNameRomanizer(ReadingDictionary readings, GenericDictionary generics) {
        this.readings = Objects.requireNonNull(readings);
        this.generics = Objects.requireNonNull(generics);
    }

    /** Romanises a name of unknown kind ({@link NameKind#OTHER}). */
    public Romanization romanize(String chineseName) {
        return romanize(chineseName, NameKind.OTHER);
    }

    public Romanization romanize(String chineseName, NameKind kind) {
        Objects.requireNonNull(chineseName, "chineseName");
        Objects.requireNonNull(kind, "kind");
        String name = normalize(chineseName);
        Generic g = generic(name, kind);
        boolean oneWord = kind == NameKind.SETTLEMENT
                || (g.entry != null && g.entry.category() == Category.SETTLEMENT);
        int genStart = oneWord || g.entry == null || g.entry.category() == Category.NOSPLIT
                ? name.length() : name.length() - g.entry.term().length();
        int readStart = g.entry == null || g.entry.category() == Category.NOSPLIT
                ? name.length() : name.length() - g.entry.term().length();
        // Fixed readings (the generic's own, ethnic designations); the place-name dictionary still wins.
        String[] fixed = new String[name.length()];
        List<String> genericReadings = readStart < name.length() ? g.entry.readings() : null;
        if (genericReadings != null) {
            for (int i = readStart; i < name.length(); i++) {
                fixed[i] = genericReadings.get(i - readStart);
            }
        }
        // Ethnic designations before an administrative generic are words of their own.
        List<int[]> ethnicSpans = new ArrayList<>();
        int coreEnd = genStart;
        if (!oneWord && g.entry != null && g.entry.category() == Category.ADMIN && genStart < name.length()) {
            boolean bare = g.entry.term().startsWith("自治");
            GenericDictionary.EthnicMatch m;
            while ((m = generics.ethnicEndingAt(name, 0, coreEnd, bare)) != null) {
                int start = coreEnd - m.length();
                for (int k = 0; k < m.length(); k++) {
                    fixed[start + k] = m.readings().get(k);
                }
                ethnicSpans.add(0, new int[] {start, coreEnd});
                coreEnd = start;
            }
        }
        Builder b = new Builder();
        Reading[] rs = resolve(name, fixed, b);

        List<List<Reading>> specificWords = specificWords(name, 0, coreEnd, rs);
        for (int[] span : ethnicSpans) {
            specificWords.add(collect(rs, span[0], span[1]));
        }
        List<List<Reading>> genericWords = new ArrayList<>();
        if (genStart < name.length()) {
            List<List<String>> grouping = g.entry.words();
            if (grouping.isEmpty()) {
                genericWords.add(collect(rs, genStart, name.length()));
            } else {
                int i = genStart;
                for (List<String> w : grouping) {
                    genericWords.add(collect(rs, i, i + w.size()));
                    i += w.size();
                }
            }
        }
        String specific = write(specificWords);
        String generic = write(genericWords);
        String romanized = specific.isEmpty() ? generic : generic.isEmpty() ? specific : specific + " " + generic;
        for (Reading r : rs) {
            if (r != null) {
                r.addTo(b);
            }
        }
        return new Romanization(romanized, specific, generic, b.syllables, b.toned, b.initials.toString(),
                new ArrayList<>(b.notes), b.certain);
    }

    /** The Chinese specific and generic as this romanizer splits them for the kind. */
    public Split split(String chineseName, NameKind kind) {
        String name = normalize(chineseName);
        Generic g = generic(name, kind);
        if (g.entry == null || g.entry.category() == Category.NOSPLIT) {
            return new Split(name, "", null);
        }
        int cut = name.length() - g.entry.term().length();
        return new Split(name.substring(0, cut), g.entry.term(), g.entry.category());
    }

    // ------------------------------------------------------------------ internals

    private record Generic(GenericDictionary.Entry entry) {
    }

    static String normalize(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFKC).strip();
    }

    private Generic generic(String name, NameKind kind) {
        Set<Category> allowed = switch (kind) {
            case ADMINISTRATIVE -> ADMIN_ALLOWED;
            case NATURAL_FEATURE -> NATURAL_ALLOWED;
            case STREET -> STREET_ALLOWED;
            case SETTLEMENT -> SETTLEMENT_ALLOWED;
            case OTHER -> ALL;
        };
        // The generic must follow a Chinese character: "12条" has no specific worth the name.
        return new Generic(generics.longestSuffix(name, allowed));
    }

    /** A unit of the name: one Han syllable, a digit run, a Latin run, or a break (punctuation, space). */
    private static final class Reading {
        static final int HAN = 0;
        static final int DIGITS = 1;
        static final int LATIN = 2;
        static final int BREAK = 3;
        static final int UNKNOWN = 4;

        final int type;
        final String text; // toneless syllable (with ü), digit/latin run, or the ignored character
        final String toned;

        Reading(int type, String text, String toned) {
            this.type = type;
            this.text = text;
            this.toned = toned;
        }

        boolean writable() {
            return type == HAN || type == DIGITS || type == LATIN;
        }

        void addTo(Builder b) {
            switch (type) {
                case HAN -> {
                    b.syllables.add(text);
                    b.toned.add(toned);
                    if (!text.equals("r")) {
                        b.initials.append(text.charAt(0));
                    }
                }
                case DIGITS, LATIN -> {
                    b.syllables.add(text.toLowerCase());
                    b.toned.add(text.toLowerCase());
                    b.initials.append(text.toLowerCase());
                }
                default -> {
                }
            }
        }
    }

    private static final class Builder {
        final List<String> syllables = new ArrayList<>();
        final List<String> toned = new ArrayList<>();
        final StringBuilder initials = new StringBuilder();
        final LinkedHashSet<String> notes = new LinkedHashSet<>();
        boolean certain = true;
    }

    /**
     * Resolves every position of the name. The result is indexed by char position; positions inside a run
     * (the second char of a digit run, a low surrogate) hold null.
     */
    private Reading[] resolve(String name, String[] fixed, Builder b) {
        int n = name.length();
        Reading[] out = new Reading[n];
        String[] dict = new String[n];
        for (int i = 0; i < n;) {
            char c = name.charAt(i);
            ReadingDictionary.Entry e = readings.mayStartAt(c) ? readings.longestAt(name, i) : null;
            if (e == null) {
                i++;
                continue;
            }
            for (int k = 0; k < e.name().length(); k++) {
                dict[i + k] = e.readings().get(k);
                char ch = name.charAt(i + k);
                String[] alts = table.alternatives(ch);
                if (alts != null) {
                    b.notes.add("polyphone " + ch + " read " + PinyinTable.stripTone(e.readings().get(k))
                            + " by the place-name dictionary (" + e.name() + ")");
                }
            }
            if (!e.note().isEmpty()) {
                b.notes.add(e.name() + ": " + e.note());
            }
            i += e.name().length();
        }
        for (int i = 0; i < n;) {
            char c = name.charAt(i);
            if (dict[i] != null) {
                String r = dict[i];
                out[i] = new Reading(Reading.HAN, PinyinTable.stripTone(r), r);
                i++;
            } else if (fixed[i] != null) {
                String r = fixed[i];
                out[i] = new Reading(Reading.HAN, PinyinTable.stripTone(r), r);
                i++;
            } else if (c >= '0' && c <= '9') {
                int j = i;
                while (j < n && name.charAt(j) >= '0' && name.charAt(j) <= '9') {
                    j++;
                }
                out[i] = new Reading(Reading.DIGITS, name.substring(i, j), null);
                i = j;
            } else if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
                int j = i;
                while (j < n && ((name.charAt(j) | 0x20) >= 'a' && (name.charAt(j) | 0x20) <= 'z')) {
                    j++;
                }
                out[i] = new Reading(Reading.LATIN, name.substring(i, j), null);
                i = j;
            } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(name.charAt(i + 1))) {
                int cp = name.codePointAt(i);
                noteUnknown(b, name.substring(i, i + 2), cp);
                out[i] = new Reading(Reading.UNKNOWN, name.substring(i, i + 2), null);
                i += 2;
            } else if (table.hasReading(c)) {
                String r = table.toned(c);
                out[i] = new Reading(Reading.HAN, table.toneless(c), r);
                if (!table.isSure(c)) {
                    b.certain = false;
                    List<String> others = new ArrayList<>(List.of(table.alternatives(c)));
                    others.remove(table.toneless(c));
                    b.notes.add("polyphone " + c + " read " + table.toneless(c) + " (also " + String.join(", ", others)
                            + "): not in the place-name dictionary, check the reading");
                }
                i++;
            } else if (Character.isIdeographic(c)) {
                noteUnknown(b, String.valueOf(c), c);
                out[i] = new Reading(Reading.UNKNOWN, String.valueOf(c), null);
                i++;
            } else {
                if (!Character.isWhitespace(c) && c != '·' && c != '-' && c != '・') {
                    b.notes.add("ignored '" + c + "'");
                }
                out[i] = new Reading(Reading.BREAK, String.valueOf(c), null);
                i++;
            }
        }
        return out;
    }

    private static void noteUnknown(Builder b, String ch, int cp) {
        b.certain = false;
        b.notes.add(String.format("no reading known for %s (U+%04X): left out, add it to the place-name dictionary",
                ch, cp));
    }

    private static List<Reading> collect(Reading[] rs, int from, int to) {
        List<Reading> out = new ArrayList<>();
        for (int i = from; i < to; i++) {
            if (rs[i] != null && rs[i].writable()) {
                out.add(rs[i]);
            }
        }
        return out;
    }

    /**
     * The written words of the specific [from, to): Han runs are one word each (or several for a descriptive
     * specific), digit and Latin runs are words of their own, breaks separate words.
     */
    private List<List<Reading>> specificWords(String name, int from, int to, Reading[] rs) {
        List<List<Reading>> words = new ArrayList<>();
        int runStart = -1;
        for (int i = from; i <= to; i++) {
            Reading r = i < to ? rs[i] : null;
            boolean han = i < to && r != null && r.type == Reading.HAN;
            boolean inside = i < to && r == null; // continuation of a multi-char run
            if (han) {
                if (runStart < 0) {
                    runStart = i;
                }
                continue;
            }
            if (inside) {
                continue;
            }
            if (runStart >= 0) {
                hanRun(name, runStart, i, rs, words);
                runStart = -1;
            }
            if (r != null && (r.type == Reading.DIGITS || r.type == Reading.LATIN)) {
                words.add(List.of(r));
            }
        }
        return words;
    }

    private void hanRun(String name, int from, int to, Reading[] rs, List<List<Reading>> words) {
        List<int[]> pieces = segment(name.substring(from, to));
        if (pieces == null) {
            words.add(collect(rs, from, to));
            return;
        }
        for (int[] p : pieces) {
            words.add(collect(rs, from + p[0], from + p[1]));
        }
    }

    /**
     * Segments a descriptive specific into common words (longest first), a one-syllable modifier joining the
     * word after it. Null when the text is not entirely such words or would be a single word.
     */
    private List<int[]> segment(String text) {
        int n = text.length();
        if (n < 4 || generics.maxWordLength() == 0) {
            return null;
        }
        List<int[]> pieces = new ArrayList<>();
        int pendingModifier = -1;
        for (int i = 0; i < n;) {
            int found = 0;
            for (int len = Math.min(generics.maxWordLength(), n - i); len >= 2; len--) {
                if (generics.isWord(text.substring(i, i + len))) {
                    found = len;
                    break;
                }
            }
            if (found == 0) {
                if (MODIFIERS.indexOf(text.charAt(i)) >= 0 && i + 1 < n && pendingModifier < 0) {
                    pendingModifier = i;
                    i++;
                    continue;
                }
                return null;
            }
            int start = pendingModifier >= 0 ? pendingModifier : i;
            pendingModifier = -1;
            pieces.add(new int[] {start, i + found});
            i += found;
        }
        return pieces.size() >= 2 && pendingModifier < 0 ? pieces : null;
    }

    /** Writes words: capitalised, apostrophe before a non-first a/o/e syllable, erhua r joined. */
    private static String write(List<List<Reading>> words) {
        StringBuilder sb = new StringBuilder();
        for (List<Reading> w : words) {
            if (w.isEmpty()) {
                continue;
            }
            if (sb.length() > 0) {
                sb.append(' ');
            }
            int wordStart = sb.length();
            boolean first = true;
            for (Reading r : w) {
                if (r.type == Reading.HAN) {
                    String s = r.text;
                    if (!first && !s.equals("r")) {
                        char c0 = s.charAt(0);
                        if (c0 == 'a' || c0 == 'o' || c0 == 'e') {
                            sb.append('\'');
                        }
                    }
                    sb.append(s);
                } else {
                    sb.append(r.text);
                }
                first = false;
            }
            char c = sb.charAt(wordStart);
            sb.setCharAt(wordStart, Character.toUpperCase(c));
        }
        return sb.toString();
    }
}
