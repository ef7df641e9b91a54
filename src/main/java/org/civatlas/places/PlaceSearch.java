package org.civatlas.places;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.civatlas.places.romanization.NameKeys;
import org.civatlas.places.search.GazetteerIndex;
import org.civatlas.places.search.NameEntry;
import org.springframework.stereotype.Service;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The gazetteer's search: an in-memory index of every place's names (standard, former, short, colloquial, Uyghur),
 * rebuilt lazily after a change. Keys come from the place-name romanisation, so polyphones read as places are read.
 */
@Service
public class PlaceSearch {

    private final PlaceRegistry registry;
    private final NamingWorkflow workflow;
    private final AtomicLong changes = new AtomicLong();
    private volatile Snapshot snapshot;

    PlaceSearch(PlaceRegistry registry, NamingWorkflow workflow) {
        this.registry = registry;
        this.workflow = workflow;
    }

    /**
     * Open naming cases whose proposed name matches the query, for officers (a proposal is not a place yet, so it is
     * not in the index): by Chinese substring, by toneless pinyin with or without spaces, or by initials. A county
     * has tens of open cases, so they are read and matched on each request.
     */
    public List<NamingCaseView> openProposals(String query, int limit) {
        return workflow.list().stream()
                .filter(c -> !EnumSet.of(NamingState.PUBLISHED, NamingState.REJECTED, NamingState.WITHDRAWN)
                        .contains(c.state()))
                .filter(c -> proposalMatches(query, c.proposedName()))
                .limit(limit)
                .toList();
    }

    static boolean proposalMatches(String query, String proposedName) {
        if (query == null || query.isBlank() || proposedName == null) {
            return false;
        }
        String q = query.strip();
        if (proposedName.contains(q)) {
            return true;
        }
        String latin = NameKeys.normalizeLatin(q).replace(" ", "");
        if (latin.isEmpty() || !latin.chars().allMatch(ch -> ch >= 'a' && ch <= 'z')) {
            return false;
        }
        return NameKeys.toneless(proposedName).contains(latin) || NameKeys.initials(proposedName).startsWith(latin);
    }

    @TransactionalEventListener(fallbackExecution = true)
    void placesChanged(PlacesChanged event) {
        changes.incrementAndGet();
    }

    /** The index and the places it was built from, as of one moment. */
    public record Snapshot(GazetteerIndex index, java.util.Map<Long, Place> places, long builtAt) {
    }

    /** The current snapshot, rebuilt first if places changed since it was built. */
    public Snapshot snapshot() {
        Snapshot current = snapshot;
        if (current != null && current.builtAt() == changes.get()) {
            return current;
        }
        synchronized (this) {
            if (snapshot == null || snapshot.builtAt() != changes.get()) {
                long at = changes.get();
                List<Place> all = registry.all();
                java.util.Map<Long, Place> byId = new java.util.HashMap<>();
                all.forEach(p -> byId.put(p.id(), p));
                snapshot = new Snapshot(GazetteerIndex.build(entries(all)), byId, at);
            }
            return snapshot;
        }
    }

    static List<NameEntry> entries(List<Place> places) {
        List<NameEntry> entries = new ArrayList<>();
        for (Place p : places) {
            double lon = p.lon() == null ? Double.NaN : p.lon();
            double lat = p.lat() == null ? Double.NaN : p.lat();
            String status = p.status() == PlaceStatus.STANDARD ? org.civatlas.places.search.SearchFilter.PUBLISHED
                    : p.status().name();
            int importance = switch (p.category()) {
                case "ADMIN_COUNTY" -> 3;
                case "ADMIN_TOWNSHIP" -> 2;
                case "VILLAGERS_COMMITTEE", "RESIDENTS_COMMITTEE" -> 1;
                default -> 0;
            };
            entries.add(new NameEntry(p.id(), p.standardName(), p.romanized(), p.uyghurName(), p.category(),
                    p.unitCode(), p.status() == PlaceStatus.STANDARD, false, status, lon, lat, importance));
            for (AltName a : p.altNames()) {
                boolean former = a.kind() == AltNameKind.FORMER;
                entries.add(new NameEntry(p.id(), a.name(), a.romanized(), null, p.category(), p.unitCode(), false,
                        former, status, lon, lat, importance));
            }
        }
        return entries;
    }
}
