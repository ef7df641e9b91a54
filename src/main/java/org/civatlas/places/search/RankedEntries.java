package org.civatlas.places.search;

import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The entries of the index in rank order: (standard first, importance descending, shorter name, place id, input
 * order); an entry's position is its doc id, so every posting list in doc order lists the best entries first. Also
 * what the filter needs per doc (category and status as small ids) and, for a place with former names, the doc of its
 * current standard name. Immutable.
 */
final class RankedEntries {

    private final NameEntry[] docs;
    final short[] categoryOf;
    final Map<String, Integer> categoryIds;
    final short[] statusOf;
    final Map<String, Integer> statusIds;
    private final Map<Long, Integer> currentOf;

    private RankedEntries(NameEntry[] docs) {
        this.docs = docs;
        int n = docs.length;
        Map<String, Integer> categories = new HashMap<>();
        Map<String, Integer> statuses = new HashMap<>();
        categoryOf = new short[n];
        statusOf = new short[n];
        for (int d = 0; d < n; d++) {
            categoryOf[d] = (short) intern(categories, docs[d].category());
            statusOf[d] = (short) intern(statuses, docs[d].status());
        }
        categoryIds = Map.copyOf(categories);
        statusIds = Map.copyOf(statuses);
        Set<Long> withFormer = new HashSet<>();
        for (NameEntry e : docs) {
            if (e.former()) {
                withFormer.add(e.placeId());
            }
        }
        Map<Long, Integer> current = new HashMap<>();
        for (int d = 0; d < n; d++) { // rank order: the first standard, non-former entry of a place wins
            NameEntry e = docs[d];
            if (e.standard() && !e.former() && withFormer.contains(e.placeId())) {
                current.putIfAbsent(e.placeId(), d);
            }
        }
        currentOf = Map.copyOf(current);
    }

    /** Sorts the entries into rank order. Entries need a non-blank name. */
    static RankedEntries of(Collection<NameEntry> entries) {
        Objects.requireNonNull(entries, "entries");
        NameEntry[] in = entries.toArray(new NameEntry[0]);
        for (NameEntry e : in) {
            if (e == null || e.name() == null || e.name().isBlank()) {
                throw new IllegalArgumentException("every entry needs a name: " + e);
            }
        }
        Integer[] order = new Integer[in.length];
        for (int i = 0; i < in.length; i++) {
            order[i] = i;
        }
        Comparator<Integer> byRank = Comparator.<Integer>comparingInt(i -> in[i].standard() ? 0 : 1)
                .thenComparingInt(i -> -in[i].importance())
                .thenComparingInt(i -> in[i].name().length())
                .thenComparingLong(i -> in[i].placeId())
                .thenComparingInt(i -> i);
        Arrays.parallelSort(order, byRank);
        NameEntry[] docs = new NameEntry[in.length];
        for (int i = 0; i < in.length; i++) {
            docs[i] = in[order[i]];
        }
        return new RankedEntries(docs);
    }

    private static int intern(Map<String, Integer> ids, String value) {
        if (value == null) {
            return -1;
        }
        Integer id = ids.get(value);
        if (id == null) {
            if (ids.size() >= Short.MAX_VALUE) {
                throw new IllegalArgumentException("too many distinct categories or statuses");
            }
            id = ids.size();
            ids.put(value, id);
        }
        return id;
    }

    int size() {
        return docs.length;
    }

    NameEntry get(int doc) {
        return docs[doc];
    }

    /** What a hit on this doc shows: for a former name, the place's current standard entry when there is one. */
    NameEntry shown(int doc) {
        NameEntry e = docs[doc];
        if (e.former()) {
            Integer cur = currentOf.get(e.placeId());
            if (cur != null) {
                return docs[cur];
            }
        }
        return e;
    }

    /** Array view for the parts that scan entries by doc id (the key computation, the point grid). */
    NameEntry[] docs() {
        return docs;
    }
}
