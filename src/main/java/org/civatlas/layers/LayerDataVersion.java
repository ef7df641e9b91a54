package org.civatlas.layers;

import java.util.concurrent.atomic.AtomicLong;
import org.civatlas.boundaries.BoundariesChanged;
import org.civatlas.divisions.DivisionsChanged;
import org.civatlas.facilities.FacilitiesChanged;
import org.civatlas.places.PlacesChanged;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Numbers that change whenever data behind a layer changes (the modules' change events, after commit, local or from
 * another node), one per kind of data. Item pages use the sum in their ETag, so an unchanged page is a 304 without
 * being read or written again; a tile source rebuilds only when a kind it is made of moved, so a facility edit does
 * not rebuild (and re-simplify) the village, township and county tiles.
 */
@Component
class LayerDataVersion {

    /** The kinds of data behind the layers. */
    enum Kind { DIVISIONS, FACILITIES, PLACES, BOUNDARIES }

    /**
     * Starts at a random number: the counter means something on this node, in this run, only. Started at 0, two nodes
     * behind a load balancer (or one node after a restart) would reach the same number for different data, and an
     * item page's ETag from one would get a wrong 304 from the other.
     */
    private final long start = java.util.concurrent.ThreadLocalRandom.current().nextLong(Long.MAX_VALUE / 2);
    private final java.util.EnumMap<Kind, AtomicLong> versions = new java.util.EnumMap<>(Kind.class);

    LayerDataVersion() {
        for (Kind k : Kind.values()) {
            versions.put(k, new AtomicLong());
        }
    }

    /** Moves whenever any layer's data changed. */
    long current() {
        return of(java.util.EnumSet.allOf(Kind.class));
    }

    /** Moves whenever data of one of these kinds changed. */
    long of(java.util.Set<Kind> kinds) {
        long sum = start;
        for (Kind k : kinds) {
            sum += versions.get(k).get();
        }
        return sum;
    }

    @TransactionalEventListener(fallbackExecution = true)
    void divisionsChanged(DivisionsChanged e) {
        versions.get(Kind.DIVISIONS).incrementAndGet();
    }

    @TransactionalEventListener(fallbackExecution = true)
    void facilitiesChanged(FacilitiesChanged e) {
        versions.get(Kind.FACILITIES).incrementAndGet();
    }

    @TransactionalEventListener(fallbackExecution = true)
    void placesChanged(PlacesChanged e) {
        versions.get(Kind.PLACES).incrementAndGet();
    }

    @TransactionalEventListener(fallbackExecution = true)
    void boundariesChanged(BoundariesChanged e) {
        versions.get(Kind.BOUNDARIES).incrementAndGet();
    }
}
