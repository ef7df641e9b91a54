package org.civatlas.places.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class TopKTest {

    @Test
    void keepsTheSmallestKeysAgainstASort() {
        SplittableRandom r = new SplittableRandom(1);
        for (int round = 0; round < 200; round++) {
            int cap = 1 + r.nextInt(20);
            int n = r.nextInt(200);
            long[] all = new long[n];
            TopK top = new TopK(cap);
            for (int i = 0; i < n; i++) {
                all[i] = TopK.key(r.nextInt(4), r.nextInt(4), r.nextInt(1000), i); // distinct: the rank is i
                top.offer(all[i], i, TopK.K_PREFIX);
            }
            Arrays.sort(all);
            long[] expected = Arrays.copyOf(all, Math.min(cap, n));
            long[] kept = Arrays.stream(top.sortedPositions()).mapToLong(p -> top.keys[p]).toArray();
            assertThat(kept).containsExactly(expected);
            for (int p : top.sortedPositions()) {
                assertThat((long) top.docs[p]).isEqualTo(top.keys[p] & Integer.MAX_VALUE); // doc travels with key
            }
            assertThat(top.threshold()).isEqualTo(n >= cap ? expected[cap - 1] : Long.MAX_VALUE);
        }
    }

    @Test
    void aTierClosesOnceTheHeapIsFullOfBetterTiers() {
        TopK top = new TopK(2);
        top.offer(TopK.key(TopK.T_EXACT, 0, 5), 5, TopK.K_EXACT);
        assertThat(top.closed(TopK.T_PREFIX)).isFalse(); // not full
        top.offer(TopK.key(TopK.T_PREFIX, 1, 9), 9, TopK.K_PREFIX);
        assertThat(top.closed(TopK.T_PREFIX)).isFalse(); // a better prefix hit could still enter
        assertThat(top.closed(TopK.T_OTHER)).isTrue();
        assertThat(TopK.tierSub(top.keys[0])).isEqualTo(TopK.T_PREFIX * 4 + 1);
        assertThat(TopK.kindName(TopK.K_FUZZY)).isEqualTo("FUZZY");
    }

    @Test
    void groupsOrderBeforeRanksWithinASubTier() {
        assertThat(TopK.key(TopK.T_FUZZY, 0, 1, 0)).isGreaterThan(TopK.key(TopK.T_FUZZY, 0, 0, Integer.MAX_VALUE));
        assertThat(TopK.key(TopK.T_FUZZY, 1, 0, 0)).isGreaterThan(TopK.key(TopK.T_FUZZY, 0, TopK.MAX_GROUPS - 1,
                Integer.MAX_VALUE));
    }
}
