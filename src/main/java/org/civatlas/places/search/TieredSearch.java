package org.civatlas.places.search;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.civatlas.places.romanization.NameKeys;

/**
 * Name search by tiers: exact, prefix, other (substring, pinyin substring, initials), fuzzy, in that order, into
 * a {@link TopK}; a tier is skipped when the heap is already full of better tiers. The script of the query decides
 * the fields: Han characters → Chinese names; Arabic script → Uyghur names; otherwise pinyin, initials and
 * romanized names. Results are de-duplicated by place; a former name that matches returns the current place's
 * standard entry with match kind FORMER.
 */
final class TieredSearch {

    private final RankedEntries entries;
    private final NameTerms terms;
    private final ChineseTypos chineseTypos;

    TieredSearch(RankedEntries entries, NameTerms terms, ChineseTypos chineseTypos) {
        this.entries = entries;
        this.terms = terms;
        this.chineseTypos = chineseTypos;
    }

    private enum Mode { CHINESE, LATIN, UYGHUR }

    /** The best {@code limit} hits of a valid query (non-blank, checked by the caller). */
    List<Hit> search(String query, int limit, EntryFilter f) {
        Mode mode;
        String key;
        if (SearchText.containsHan(query)) {
            mode = Mode.CHINESE;
            key = SearchText.chineseKey(query);
        } else if (SearchText.containsArabic(query)) {
            mode = Mode.UYGHUR;
            key = NameKeys.normalizeUyghur(query);
        } else {
            mode = Mode.LATIN;
            key = NameKeys.normalizeLatin(query);
        }
        if (key.isEmpty()) {
            return List.of();
        }
        int cap = limit;
        while (true) {
            TopK c = new TopK(cap);
            switch (mode) {
                case CHINESE -> chinese(key, c, f);
                case LATIN -> latin(key, c, f);
                default -> uyghur(key, c, f);
            }
            List<Hit> hits = hits(c, limit, f);
            if (hits.size() >= limit || c.size < cap || cap >= entries.size()) {
                return hits;
            }
            cap = (int) Math.min((long) cap * 4, entries.size()); // duplicates filled the heap: widen and rerun
        }
    }

    private void chinese(String q, TopK c, EntryFilter f) {
        TermField cn = terms.cn;
        if (!TermCollector.exactThenPrefix(cn, q, TopK.K_EXACT, TopK.K_PREFIX, c, f) || c.closed(TopK.T_OTHER)) {
            return;
        }
        long s = cn.suffixRange(q);
        TermCollector.suffixes(cn, (int) (s >>> 32), (int) s, TopK.T_OTHER, 0, TopK.K_SUBSTRING, c, f);
        if (c.closed(TopK.T_FUZZY) || q.length() < 2) {
            return;
        }
        chineseTypos.collect(q, c, f);
    }

    private void latin(String q, TopK c, EntryFilter f) {
        TermField py = terms.py;
        TermField ini = terms.ini;
        if (!TermCollector.exactThenPrefix(py, q, TopK.K_PINYIN, TopK.K_PINYIN, c, f) || c.closed(TopK.T_OTHER)) {
            return;
        }
        long ir = ini.prefixRange(q);
        int ilo = (int) (ir >>> 32);
        int ihi = (int) ir;
        if (ilo < ihi && ini.terms[ilo].length() == q.length()) {
            TermCollector.term(ini, ilo, TopK.T_OTHER, 0, TopK.K_INITIALS, c, f);
            ilo++;
        }
        TermCollector.terms(ini, ilo, ihi, TopK.T_OTHER, 1, TopK.K_INITIALS, c, f);
        long s = py.suffixRange(q);
        TermCollector.suffixes(py, (int) (s >>> 32), (int) s, TopK.T_OTHER, 0, TopK.K_PINYIN, c, f);
        if (c.closed(TopK.T_FUZZY) || q.length() < LatinTypos.MIN_LENGTH) {
            return;
        }
        LatinTypos.collect(py, q, c, f);
    }

    /** Normalised substring scan over the entries that have a Uyghur name (few; linear). */
    private void uyghur(String q, TopK c, EntryFilter f) {
        String wordStart = " " + q;
        int[] docs = terms.uyDocs;
        for (int i = 0; i < docs.length; i++) {
            String k = terms.uyKeys[i];
            int tier;
            if (k.equals(q)) {
                tier = TopK.T_EXACT;
            } else if (k.startsWith(q) || k.contains(wordStart)) {
                tier = TopK.T_PREFIX;
            } else if (k.contains(q)) {
                tier = TopK.T_OTHER;
            } else {
                continue;
            }
            long key = TopK.key(tier, 0, docs[i]);
            if (key < c.threshold() && f.accept(docs[i])) {
                c.offer(key, docs[i], TopK.K_UYGHUR);
            }
        }
    }

    /** The heap's candidates as hits, best first, one per place. */
    private List<Hit> hits(TopK c, int limit, EntryFilter f) {
        List<Hit> out = new ArrayList<>(Math.min(limit, c.size));
        Set<Long> places = new HashSet<>();
        for (int i : c.sortedPositions()) {
            if (out.size() == limit) {
                break;
            }
            int doc = c.docs[i];
            NameEntry e = entries.get(doc);
            if (!places.add(e.placeId())) {
                continue;
            }
            int tierSub = TopK.tierSub(c.keys[i]);
            double score = 4 - tierSub / 4 - 0.25 * (tierSub % 4);
            String kind = e.former() ? "FORMER" : TopK.kindName(c.kinds[i]);
            int sameName = c.kinds[i] == TopK.K_FUZZY ? terms.countPassing(terms.cnTermOfDoc[doc], f) : 0;
            out.add(new Hit(entries.shown(doc), score, kind, Double.NaN, e.name(), sameName));
        }
        return out;
    }
}
