package org.civatlas.places.search;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.civatlas.places.romanization.NameKeys;

/**
 * The term fields of the index, built from the entries in rank order with the keys of the place-name romanisation
 * ({@link NameKeys}, the keyer production runs):
 * <ul>
 *   <li>{@link #cn}: Chinese names, a suffix array over every inner offset (substring search is one range);</li>
 *   <li>{@link #py}: pinyin: the dictionary reading, up to {@value #MAX_ALTERNATIVES} other reading of polyphones
 *       and the normalised romanized spelling, a suffix array over syllable and word starts;</li>
 *   <li>{@link #ini}: initials, prefix only;</li>
 *   <li>Uyghur names: the few entries that have one, with their normalised text, scanned linearly.</li>
 * </ul>
 * Immutable.
 */
final class NameTerms {

    /** Other readings of polyphones indexed per name, besides the dictionary reading. */
    static final int MAX_ALTERNATIVES = 1;
    /** Word starts beyond this offset are not indexed for substring search (the suffix array's offset is a byte). */
    private static final int MAX_START = 255;

    final TermField cn;
    final TermField py;
    final TermField ini;
    /** The Chinese term of each doc. */
    final int[] cnTermOfDoc;
    /** Docs with a Uyghur name, in doc order, and their normalised names. */
    final int[] uyDocs;
    final String[] uyKeys;

    NameTerms(NameEntry[] docs) {
        int n = docs.length;
        // keys, computed in parallel (NameKeys is thread-safe)
        String[] cnKey = new String[n];
        String[][] pyKeys = new String[n][];
        byte[][][] pyStarts = new byte[n][][];
        String[] iniKey = new String[n];
        IntStream.range(0, n).parallel().forEach(d -> {
            NameEntry e = docs[d];
            cnKey[d] = SearchText.chineseKey(e.name());
            List<String> keys = new ArrayList<>(4);
            List<byte[]> starts = new ArrayList<>(4);
            addSpaced(NameKeys.tonelessSpaced(e.name()), keys, starts);
            for (String alt : alternativeReadings(e.name())) {
                String k = NameKeys.normalizeLatin(alt);
                if (!k.isEmpty() && !keys.contains(k)) {
                    keys.add(k);
                    starts.add(null);
                }
            }
            if (e.romanized() != null && !e.romanized().isBlank()) {
                addSpaced(e.romanized().replace('-', ' ').replace('\'', ' '), keys, starts);
            }
            pyKeys[d] = keys.toArray(new String[0]);
            pyStarts[d] = starts.toArray(new byte[0][]);
            iniKey[d] = NameKeys.normalizeLatin(NameKeys.initials(e.name()));
        });
        TermField.Builder cnb = new TermField.Builder();
        TermField.Builder pyb = new TermField.Builder();
        TermField.Builder inb = new TermField.Builder();
        List<Integer> uy = new ArrayList<>();
        for (int d = 0; d < n; d++) {
            cnb.add(cnKey[d], d, TermField.ALL);
            for (int k = 0; k < pyKeys[d].length; k++) {
                pyb.add(pyKeys[d][k], d, pyStarts[d][k]);
            }
            inb.add(iniKey[d], d, null);
            if (docs[d].uyghur() != null && !NameKeys.normalizeUyghur(docs[d].uyghur()).isEmpty()) {
                uy.add(d);
            }
        }
        cn = cnb.build(true);
        py = pyb.build(true);
        ini = inb.build(false);
        cnTermOfDoc = new int[n];
        for (int t = 0; t < cn.terms.length; t++) {
            for (int p = cn.postStart[t]; p < cn.postStart[t + 1]; p++) {
                cnTermOfDoc[cn.postings[p]] = t;
            }
        }
        uyDocs = uy.stream().mapToInt(Integer::intValue).toArray();
        uyKeys = new String[uyDocs.length];
        for (int i = 0; i < uyDocs.length; i++) {
            uyKeys[i] = NameKeys.normalizeUyghur(docs[uyDocs[i]].uyghur());
        }
    }

    /** Other readings of polyphones than the dictionary one, at most {@value #MAX_ALTERNATIVES}. */
    static List<String> alternativeReadings(String name) {
        List<String> all = NameKeys.allReadingKeys(name, MAX_ALTERNATIVES + 1);
        return all.size() <= 1 ? List.of() : all.subList(1, all.size());
    }

    /** Adds the key of a spaced reading, with the word starts as inner offsets. */
    static void addSpaced(String spaced, List<String> keys, List<byte[]> starts) {
        StringBuilder key = new StringBuilder(spaced.length());
        List<Integer> offs = new ArrayList<>();
        for (String word : spaced.trim().split("\\s+")) {
            String w = NameKeys.normalizeLatin(word);
            if (w.isEmpty()) {
                continue;
            }
            if (key.length() > 0 && key.length() <= MAX_START) {
                offs.add(key.length());
            }
            key.append(w);
        }
        if (key.length() == 0) {
            return;
        }
        String k = key.toString();
        int existing = keys.indexOf(k);
        byte[] st = new byte[offs.size()];
        for (int i = 0; i < st.length; i++) {
            st[i] = (byte) (int) offs.get(i);
        }
        if (existing < 0) {
            keys.add(k);
            starts.add(st);
        } else if (starts.get(existing) == null) {
            starts.set(existing, st);
        }
    }

    /** Entries of a Chinese name (term id) that pass the filter. */
    int countPassing(int cnTerm, EntryFilter f) {
        int n = 0;
        for (int p = cn.postStart[cnTerm], end = cn.postStart[cnTerm + 1]; p < end; p++) {
            if (f.accept(cn.postings[p])) {
                n++;
            }
        }
        return n;
    }
}
