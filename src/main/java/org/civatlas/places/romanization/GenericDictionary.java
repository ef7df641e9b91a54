package org.civatlas.places.romanization;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Generic terms (通名) of place names, kept as data ({@code generics.tsv}), and the descriptive-word lexicon
 * ({@code descriptive-words.tsv}) used to write descriptive specifics word by word. Immutable, thread-safe.
 */
public final class GenericDictionary {

    /** What a generic names. */
    public enum Category {
        /** Administrative units and self-governing bodies: 省, 县, 镇, 乡, 村, 社区, 村委会, 管委会. */
        ADMIN,
        /** Other non-natural areas: 开发区, 园区, 林场, 生活区. */
        AREA,
        /** Natural features: 山, 河, 湖, 沟, 水库. */
        NATURAL,
        /** Streets and lanes: 路, 街, 巷, 大道, 胡同, 条. */
        STREET,
        /** Natural-village endings (庄, 屯, 铺, 堡, 店): the whole name is written as one word. */
        SETTLEMENT,
        /** A whole name that ends like a generic but is not specific + generic (上海, 浙江). */
        NOSPLIT,
        /**
         * An ethnic designation (维吾尔, 蒙古, 回 + 族): never a generic itself, but written as a separate word
         * between the specific and an administrative generic (Xinjiang Weiwu'er Zizhiqu).
         */
        ETHNIC
    }

    /** An ethnic designation found at the end of a specific: its length and one toned reading per character. */
    record EthnicMatch(int length, List<String> readings) {
    }

    /**
     * One generic.
     *
     * @param term     the generic, e.g. 自治区
     * @param category its category
     * @param words    toned readings grouped into written words ([[cun1, min2], [wei3, yuan2, hui4]]), or an
     *                 empty list when the characters are read normally (through the place-name dictionary)
     */
    public record Entry(String term, Category category, List<List<String>> words) {
        public Entry {
            words = words.stream().map(List::copyOf).toList();
            int n = words.stream().mapToInt(List::size).sum();
            if (n != 0 && n != term.length()) {
                throw new IllegalArgumentException(term + ": " + n + " readings for " + term.length() + " characters");
            }
        }

        /** Toned readings per character, or null when read normally. */
        List<String> readings() {
            if (words.isEmpty()) {
                return null;
            }
            List<String> all = new ArrayList<>();
            words.forEach(all::addAll);
            return all;
        }
    }

    private static final class Holder {
        static final GenericDictionary DEFAULT = load();
    }

    private final Map<String, Entry> entries;
    private final Map<Character, Entry[]> byLast = new HashMap<>();
    private final Set<String> words;
    private final int maxWordLength;
    private final List<Entry> ethnic;

    private GenericDictionary(Map<String, Entry> entries, Set<String> words) {
        this.entries = entries;
        this.words = Set.copyOf(words);
        this.maxWordLength = words.stream().mapToInt(String::length).max().orElse(0);
        this.ethnic = entries.values().stream().filter(e -> e.category() == Category.ETHNIC)
                .sorted(Comparator.comparingInt((Entry e) -> e.term().length()).reversed()).toList();
        Map<Character, List<Entry>> index = new HashMap<>();
        for (Entry e : entries.values()) {
            index.computeIfAbsent(e.term().charAt(e.term().length() - 1), k -> new ArrayList<>()).add(e);
        }
        index.forEach((k, v) -> {
            v.sort(Comparator.comparingInt((Entry e) -> e.term().length()).reversed());
            byLast.put(k, v.toArray(Entry[]::new));
        });
    }

    /** The bundled generics and descriptive words. */
    public static GenericDictionary defaults() {
        return Holder.DEFAULT;
    }

    /** A copy with more generics (replacing same terms) and more descriptive words. */
    public GenericDictionary with(Collection<Entry> more, Collection<String> moreWords) {
        Map<String, Entry> copy = new LinkedHashMap<>(entries);
        more.forEach(e -> copy.put(e.term(), e));
        Set<String> w = new HashSet<>(words);
        w.addAll(moreWords);
        return new GenericDictionary(copy, w);
    }

    public Collection<Entry> entries() {
        return entries.values();
    }

    /**
     * The longest generic ending {@code name} whose category is allowed, or null. A name that is itself a
     * generic (地区, 村) is not split. A NOSPLIT entry equal to the whole name is returned as
     * such when NOSPLIT is allowed, so the caller keeps the name whole.
     */
    Entry longestSuffix(String name, Set<Category> allowed) {
        if (name.isEmpty()) {
            return null;
        }
        Entry[] candidates = byLast.get(name.charAt(name.length() - 1));
        if (candidates == null) {
            return null;
        }
        Entry whole = entries.get(name);
        if (whole != null && allowed.contains(whole.category()) && whole.category() != Category.NOSPLIT) {
            return null; // the name is itself a generic (地区): nothing to split
        }
        for (Entry e : candidates) {
            if (!allowed.contains(e.category())) {
                continue;
            }
            if (e.category() == Category.NOSPLIT) {
                if (name.equals(e.term())) {
                    return e;
                }
                continue;
            }
            if (e.term().length() < name.length() && name.endsWith(e.term())) {
                return e;
            }
        }
        return null;
    }

    /**
     * The ethnic designation ending {@code text} at {@code end} and starting after {@code min}: "X族" for any
     * designation X, or a bare X of two or more characters when {@code bare}, leaving at least two characters
     * before it. Null when there is none.
     */
    EthnicMatch ethnicEndingAt(String text, int min, int end, boolean bare) {
        boolean zu = end > min && text.charAt(end - 1) == '族';
        int stem = zu ? end - 1 : end;
        if (!zu && !bare) {
            return null;
        }
        for (Entry e : ethnic) {
            String t = e.term();
            int start = stem - t.length();
            if (start - min < 2 || !text.startsWith(t, start)) {
                continue; // a name of two or more characters must remain before it (内蒙古 stays whole)
            }
            if (!zu && t.length() < 2) {
                continue;
            }
            List<String> r = new ArrayList<>(e.readings());
            if (zu) {
                r.add("zu2");
            }
            return new EthnicMatch(end - start, r);
        }
        return null;
    }

    boolean isWord(String s) {
        return words.contains(s);
    }

    int maxWordLength() {
        return maxWordLength;
    }

    /** Reads generics in the {@code generics.tsv} format. */
    public static List<Entry> parseGenerics(Reader reader) throws IOException {
        List<Entry> out = new ArrayList<>();
        TsvData.forEachDataLine(reader, (no, line, f) -> {
            if (f.length < 3) {
                throw new IllegalArgumentException("line " + no + ": expected term<TAB>category<TAB>pinyin: " + line);
            }
            List<List<String>> words = new ArrayList<>();
            String py = f[2].trim();
            if (!py.equals("-")) {
                for (String w : py.split("\\|")) {
                    List<String> syl = new ArrayList<>();
                    for (String s : w.trim().split("\\s+")) {
                        String n = PinyinTable.normalize(s);
                        if (n == null || !PinyinTable.isToned(n)) {
                            throw new IllegalArgumentException("line " + no + ": bad reading " + s);
                        }
                        syl.add(n);
                    }
                    words.add(syl);
                }
            }
            try {
                out.add(new Entry(f[0].trim(), Category.valueOf(f[1].trim()), words));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("line " + no + ": " + e.getMessage(), e);
            }
        });
        return out;
    }

    private static GenericDictionary load() {
        try (InputStream g = GenericDictionary.class.getResourceAsStream("generics.tsv");
                InputStream w = GenericDictionary.class.getResourceAsStream("descriptive-words.tsv")) {
            if (g == null || w == null) {
                throw new IllegalStateException("generics.tsv or descriptive-words.tsv missing");
            }
            List<Entry> generics = parseGenerics(new InputStreamReader(g, StandardCharsets.UTF_8));
            Set<String> words = new HashSet<>();
            new BufferedReader(new InputStreamReader(w, StandardCharsets.UTF_8)).lines()
                    .map(String::trim)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#"))
                    .forEach(words::add);
            Map<String, Entry> map = new LinkedHashMap<>();
            generics.forEach(e -> map.put(e.term(), e));
            return new GenericDictionary(map, words);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
