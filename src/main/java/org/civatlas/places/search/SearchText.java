package org.civatlas.places.search;

import java.text.Normalizer;

/**
 * Script detection, the Chinese-name key and the bounded edit-distance check used by the index. Latin and Uyghur
 * text is normalised by the place-name romanisation ({@code NameKeys}), the one keyer of the application.
 */
public final class SearchText {

    private SearchText() {
    }

    /** True for a Han ideograph (CJK unified ideographs, extension A, compatibility ideographs). */
    public static boolean isHan(char c) {
        return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) || (c >= 0xF900 && c <= 0xFAFF);
    }

    /** True for a letter of the Arabic script (Uyghur). */
    public static boolean isArabic(char c) {
        return (c >= 0x0600 && c <= 0x06FF) || (c >= 0xFB50 && c <= 0xFDFF) || (c >= 0xFE70 && c <= 0xFEFF);
    }

    public static boolean containsHan(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (isHan(s.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    public static boolean containsArabic(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (isArabic(s.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Key of a Chinese name or query: NFKC (full-width forms → ASCII), whitespace removed, ASCII lowercased.
     * Returns the input instance when nothing changes (names are usually already clean).
     */
    public static String chineseKey(String s) {
        boolean clean = true;
        for (int i = 0; i < s.length() && clean; i++) {
            char c = s.charAt(i);
            clean = isHan(c) || (c > ' ' && c < 0x7F && !(c >= 'A' && c <= 'Z'));
        }
        if (clean) {
            return s;
        }
        String n = Normalizer.normalize(s, Normalizer.Form.NFKC);
        StringBuilder sb = new StringBuilder(n.length());
        for (int i = 0; i < n.length(); i++) {
            char c = n.charAt(i);
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                continue;
            }
            sb.append(c < 0x80 ? Character.toLowerCase(c) : c);
        }
        return sb.toString();
    }

    /**
     * Optimal-string-alignment distance capped at 2: 0 if equal, 1 if one substitution, insertion, deletion or
     * transposition of adjacent characters turns one into the other, else 2.
     */
    public static int distanceAtMostOne(CharSequence a, CharSequence b) {
        int la = a.length();
        int lb = b.length();
        if (Math.abs(la - lb) > 1) {
            return 2;
        }
        if (la < lb) {
            CharSequence t = a;
            a = b;
            b = t;
            int x = la;
            la = lb;
            lb = x;
        }
        int i = 0;
        while (i < lb && a.charAt(i) == b.charAt(i)) {
            i++;
        }
        if (la == lb) {
            if (i == la) {
                return 0;
            }
            if (regionEquals(a, i + 1, b, i + 1, la - i - 1)) {
                return 1;
            }
            if (i + 1 < la && a.charAt(i) == b.charAt(i + 1) && a.charAt(i + 1) == b.charAt(i)
                    && regionEquals(a, i + 2, b, i + 2, la - i - 2)) {
                return 1;
            }
            return 2;
        }
        // la == lb + 1: delete a[i]
        return regionEquals(a, i + 1, b, i, lb - i) ? 1 : 2;
    }

    /**
     * Smallest distance (capped at 2) between q and a prefix of term of length |q|-1, |q| or |q|+1: 0 if term
     * starts with q, 1 if some prefix is one edit away.
     */
    public static int prefixDistanceAtMostOne(String term, String q) {
        if (term.startsWith(q)) {
            return 0;
        }
        int best = 2;
        for (int len = q.length() - 1; len <= q.length() + 1 && best > 1; len++) {
            if (len >= 0 && len <= term.length()) {
                best = Math.min(best, distanceAtMostOne(term.subSequence(0, len), q));
            }
        }
        return best;
    }

    private static boolean regionEquals(CharSequence a, int ia, CharSequence b, int ib, int len) {
        for (int k = 0; k < len; k++) {
            if (a.charAt(ia + k) != b.charAt(ib + k)) {
                return false;
            }
        }
        return true;
    }

    /** 32-bit hash of {@code s} without the character at {@code skip} (-1: none). Murmur3-style mixing. */
    static int hashSkipping(CharSequence s, int skip) {
        int h = 0x9747b28c;
        for (int i = 0; i < s.length(); i++) {
            if (i == skip) {
                continue;
            }
            int k = s.charAt(i) * 0xcc9e2d51;
            k = Integer.rotateLeft(k, 15) * 0x1b873593;
            h ^= k;
            h = Integer.rotateLeft(h, 13) * 5 + 0xe6546b64;
        }
        h ^= s.length() - (skip >= 0 ? 1 : 0);
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        h *= 0xc2b2ae35;
        h ^= h >>> 16;
        return h;
    }
}
