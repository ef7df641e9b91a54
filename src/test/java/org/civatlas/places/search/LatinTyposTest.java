package org.civatlas.places.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

class LatinTyposTest {

    /** Every string over a-z at distance exactly 1 from q, by brute force over all strings one letter around. */
    private static Set<String> bruteForce(String q) {
        Set<String> out = new HashSet<>();
        for (int len = q.length() - 1; len <= q.length() + 1; len++) {
            collect("", len, q, out);
        }
        return out;
    }

    private static void collect(String prefix, int len, String q, Set<String> out) {
        if (prefix.length() == len) {
            if (SearchText.distanceAtMostOne(prefix, q) == 1) {
                out.add(prefix);
            }
            return;
        }
        for (char c = 'a'; c <= 'e'; c++) { // a small alphabet keeps the brute force small; q uses only a-e
            collect(prefix + c, len, q, out);
        }
    }

    @Test
    void variantsAreExactlyTheStringsOneEditAway() {
        for (String q : new String[] {"abc", "aab", "eda", "b"}) {
            Set<String> all = LatinTypos.variants(q, q.length() + 1);
            Set<String> small = new HashSet<>();
            for (String v : all) {
                if (v.chars().allMatch(c -> c >= 'a' && c <= 'e')) {
                    small.add(v);
                }
                assertThat(SearchText.distanceAtMostOne(v, q)).as(v).isEqualTo(1);
            }
            // q plus a letter at the end need not be a variant: a term starting with it starts with q (prefix tier)
            Set<String> expected = bruteForce(q);
            expected.removeIf(s -> s.startsWith(q));
            small.removeIf(s -> s.startsWith(q));
            assertThat(small).as(q).isEqualTo(expected);
        }
    }

    @Test
    void editsStopBeforeMaxPosition() {
        Set<String> v = LatinTypos.variants("shule", 2);
        assertThat(v).contains("hule", "sule", "hsule", "xhule", "sxule", "ashule");
        assertThat(v).doesNotContain("shle", "shlue", "shuxe"); // edits at position 2 or later
        assertThat(v).doesNotContain("shule");
    }
}
