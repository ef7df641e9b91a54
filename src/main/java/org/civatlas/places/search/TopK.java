package org.civatlas.places.search;

import java.util.Arrays;
import java.util.Comparator;

/**
 * The best {@code cap} candidates of a query: a bounded max-heap of (key, doc, kind) keeping the smallest keys.
 * A key orders candidates by tier, sub-tier, a group number (fuzzy names only, else 0) and rank (the doc id), so
 * a producer can stop as soon as the key of its best remaining candidate reaches {@link #threshold()}.
 */
final class TopK {

    /** Tiers, best first. */
    static final int T_EXACT = 0;
    static final int T_PREFIX = 1;
    static final int T_OTHER = 2;
    static final int T_FUZZY = 3;

    /** Match kinds, as stored per candidate; {@link #kindName} gives the name a {@link Hit} carries. */
    static final byte K_EXACT = 0;
    static final byte K_PREFIX = 1;
    static final byte K_SUBSTRING = 2;
    static final byte K_PINYIN = 3;
    static final byte K_INITIALS = 4;
    static final byte K_UYGHUR = 5;
    static final byte K_FUZZY = 6;
    private static final String[] KIND = {"EXACT", "PREFIX", "SUBSTRING", "PINYIN", "INITIALS", "UYGHUR", "FUZZY"};

    /** Fuzzy groups per query that fit the 24-bit group number of a key. */
    static final int MAX_GROUPS = 1 << 20;

    final long[] keys;
    final int[] docs;
    final byte[] kinds;
    int size;

    TopK(int cap) {
        keys = new long[cap];
        docs = new int[cap];
        kinds = new byte[cap];
    }

    static String kindName(byte kind) {
        return KIND[kind];
    }

    /** Key: tier and sub-tier in bits 56-59, rank (doc id) in 0-30. */
    static long key(int tier, int sub, int rank) {
        return ((long) (tier * 4 + sub) << 56) | rank;
    }

    /** Key with a group number (bits 32-55): the fuzzy tier orders names first, then the entries of a name. */
    static long key(int tier, int sub, int group, int rank) {
        return ((long) (tier * 4 + sub) << 56) | ((long) group << 32) | rank;
    }

    /** Tier * 4 + sub-tier of a key. */
    static int tierSub(long key) {
        return (int) (key >>> 56);
    }

    /** Keys at or above this cannot enter any more. */
    long threshold() {
        return size < keys.length ? Long.MAX_VALUE : keys[0];
    }

    /** True when nothing of this tier can enter any more. */
    boolean closed(int tier) {
        return threshold() <= key(tier, 0, 0);
    }

    void offer(long key, int doc, byte kind) {
        if (size < keys.length) {
            int i = size++;
            while (i > 0) {
                int parent = (i - 1) >>> 1;
                if (keys[parent] >= key) {
                    break;
                }
                set(i, parent);
                i = parent;
            }
            put(i, key, doc, kind);
        } else if (key < keys[0]) {
            int i = 0;
            while (true) {
                int l = 2 * i + 1;
                if (l >= size) {
                    break;
                }
                int r = l + 1;
                int big = r < size && keys[r] > keys[l] ? r : l;
                if (keys[big] <= key) {
                    break;
                }
                set(i, big);
                i = big;
            }
            put(i, key, doc, kind);
        }
    }

    private void set(int to, int from) {
        put(to, keys[from], docs[from], kinds[from]);
    }

    private void put(int i, long key, int doc, byte kind) {
        keys[i] = key;
        docs[i] = doc;
        kinds[i] = kind;
    }

    /** Positions 0..size-1 of the heap arrays, smallest key first. */
    int[] sortedPositions() {
        Integer[] idx = new Integer[size];
        for (int i = 0; i < size; i++) {
            idx[i] = i;
        }
        Arrays.sort(idx, Comparator.comparingLong(i -> keys[i]));
        int[] out = new int[size];
        for (int i = 0; i < size; i++) {
            out[i] = idx[i];
        }
        return out;
    }
}
