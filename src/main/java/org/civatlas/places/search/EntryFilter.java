package org.civatlas.places.search;

import java.util.Map;
import java.util.Set;

/** A query's {@link SearchFilter}, compiled to checks on the per-doc arrays of {@link RankedEntries}. */
final class EntryFilter {

    private final RankedEntries entries;
    private final boolean[] categoryOk;
    private final boolean[] statusOk;
    private final String unitPrefix;
    private final double[] bbox;
    private final boolean nonStandard;

    /** @param filter null for {@link SearchFilter#publicDefault()} */
    EntryFilter(RankedEntries entries, SearchFilter filter) {
        SearchFilter s = filter == null ? SearchFilter.publicDefault() : filter;
        this.entries = entries;
        categoryOk = allowed(s.categories(), entries.categoryIds);
        statusOk = allowed(s.statuses(), entries.statusIds);
        unitPrefix = s.unitPrefix();
        bbox = s.bbox();
        nonStandard = s.includeNonStandard();
    }

    private static boolean[] allowed(Set<String> values, Map<String, Integer> ids) {
        if (values == null || values.isEmpty()) {
            return null;
        }
        boolean[] ok = new boolean[ids.size()];
        for (String v : values) {
            Integer id = ids.get(v);
            if (id != null) {
                ok[id] = true;
            }
        }
        return ok;
    }

    boolean accept(int d) {
        NameEntry e = entries.get(d);
        if (!nonStandard && !e.standard() && !e.former()) {
            return false;
        }
        short category = entries.categoryOf[d];
        if (categoryOk != null && (category < 0 || !categoryOk[category])) {
            return false;
        }
        short status = entries.statusOf[d];
        if (statusOk != null && (status < 0 || !statusOk[status])) {
            return false;
        }
        if (unitPrefix != null && (e.unitCode() == null || !e.unitCode().startsWith(unitPrefix))) {
            return false;
        }
        if (bbox != null) {
            double x = e.lon();
            double y = e.lat();
            return x >= bbox[0] && x <= bbox[2] && y >= bbox[1] && y <= bbox[3];
        }
        return true;
    }
}
