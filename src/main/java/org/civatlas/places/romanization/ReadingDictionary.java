package org.civatlas.places.romanization;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Place-name reading dictionary: readings scoped to a place name (a substring of a name such as 乐清, 莘庄,
 * 十里堡), never to a character alone. The longest entry starting at a position wins.
 *
 * <p>The bundled entries ({@code place-name-readings.tsv}) hold every special reading of DOMAIN.md §3 plus a few
 * well-known extras. An officer's correction can be added with {@link #with(Collection)}; later entries
 * replace earlier ones with the same name part. Immutable and thread-safe.
 */
public final class ReadingDictionary {

    /**
     * One entry.
     *
     * @param name     the name part, e.g. 乐清
     * @param readings one toned reading per character, e.g. [yue4, qing1]; "r" writes 儿 as an erhua r
     * @param note     optional note shown whenever the entry is used (may be empty)
     */
    public record Entry(String name, List<String> readings, String note) {
        public Entry {
            if (name == null || name.isEmpty()) {
                throw new IllegalArgumentException("empty name");
            }
            readings = List.copyOf(readings);
            if (readings.size() != name.length()) {
                throw new IllegalArgumentException(name + ": " + readings.size() + " readings for "
                        + name.length() + " characters");
            }
            List<String> normalized = new ArrayList<>();
            for (int i = 0; i < readings.size(); i++) {
                String r = PinyinTable.normalize(readings.get(i).trim());
                if (r == null || !(PinyinTable.isToned(r) || (r.equals("r") && name.charAt(i) == '儿'))) {
                    throw new IllegalArgumentException(name + ": bad reading '" + readings.get(i) + "'");
                }
                normalized.add(r);
            }
            readings = List.copyOf(normalized);
            note = note == null ? "" : note.trim();
        }

        public Entry(String name, String readings) {
            this(name, Arrays.asList(readings.trim().split("\\s+")), "");
        }
    }

    private static final class Holder {
        static final ReadingDictionary DEFAULT = load();
    }

    private final Map<String, Entry> entries;
    /** Entries by first character, longest first. */
    private final Entry[][] byFirst = new Entry[0x10000][];

    private ReadingDictionary(Map<String, Entry> entries) {
        this.entries = entries;
        Map<Character, List<Entry>> index = new LinkedHashMap<>();
        for (Entry e : entries.values()) {
            index.computeIfAbsent(e.name().charAt(0), k -> new ArrayList<>()).add(e);
        }
        for (Map.Entry<Character, List<Entry>> m : index.entrySet()) {
            List<Entry> list = m.getValue();
            list.sort(Comparator.comparingInt((Entry e) -> e.name().length()).reversed());
            byFirst[m.getKey()] = list.toArray(Entry[]::new);
        }
    }

    /** The bundled dictionary. */
    public static ReadingDictionary defaults() {
        return Holder.DEFAULT;
    }

    /** An empty dictionary (for tests and for callers that bring their own). */
    public static ReadingDictionary empty() {
        return new ReadingDictionary(new LinkedHashMap<>());
    }

    /** A copy with more entries; an entry replaces one with the same name part. */
    public ReadingDictionary with(Collection<Entry> more) {
        Map<String, Entry> copy = new LinkedHashMap<>(entries);
        for (Entry e : more) {
            copy.put(e.name(), e);
        }
        return new ReadingDictionary(copy);
    }

    /** Reads entries in the {@code place-name-readings.tsv} format. */
    public static List<Entry> parse(Reader reader) throws IOException {
        List<Entry> out = new ArrayList<>();
        TsvData.forEachDataLine(reader, (no, line, f) -> {
            if (f.length < 2) {
                throw new IllegalArgumentException("line " + no + ": expected name<TAB>readings: " + line);
            }
            try {
                out.add(new Entry(f[0].trim(), Arrays.asList(f[1].trim().split("\\s+")),
                        f.length > 2 ? f[2] : ""));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("line " + no + ": " + e.getMessage(), e);
            }
        });
        return out;
    }

    private static ReadingDictionary load() {
        try (InputStream in = ReadingDictionary.class.getResourceAsStream("place-name-readings.tsv")) {
            if (in == null) {
                throw new IllegalStateException("place-name-readings.tsv missing");
            }
            return empty().with(parse(new InputStreamReader(in, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** All entries, in file order. */
    public Collection<Entry> entries() {
        return entries.values();
    }

    /** The longest entry that matches {@code s} at {@code pos}, or null. */
    Entry longestAt(CharSequence s, int pos) {
        Entry[] candidates = byFirst[s.charAt(pos)];
        if (candidates == null) {
            return null;
        }
        int remaining = s.length() - pos;
        for (Entry e : candidates) {
            String n = e.name();
            int len = n.length();
            if (len > remaining) {
                continue;
            }
            boolean match = true;
            for (int k = 1; k < len; k++) {
                if (s.charAt(pos + k) != n.charAt(k)) {
                    match = false;
                    break;
                }
            }
            if (match) {
                return e;
            }
        }
        return null;
    }

    /** True if some entry starts with this character (a fast pre-check). */
    boolean mayStartAt(char c) {
        return byFirst[c] != null;
    }
}
