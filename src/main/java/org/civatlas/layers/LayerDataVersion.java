package org.civatlas.layers;

import java.util.concurrent.atomic.AtomicLong;
import org.civatlas.boundaries.BoundariesChanged;
import org.civatlas.divisions.DivisionsChanged;
import org.civatlas.facilities.FacilitiesChanged;
import org.civatlas.places.PlacesChanged;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * A number that changes whenever data behind any layer changes (the modules' change events, after commit). Tiles
 * rebuild their sources when it moves; item pages use it in their ETag, so an unchanged page is a 304 without being
 * read or written again.
 */
@Component
class LayerDataVersion {

    /**
     * Starts at a random number: the counter means something on this node, in this run, only. Started at 0, two nodes
     * behind a load balancer (or one node after a restart) would reach the same number for different data, and an
     * item page's ETag from one would get a wrong 304 from the other.
     */
    private final AtomicLong version = new AtomicLong(
            java.util.concurrent.ThreadLocalRandom.current().nextLong(Long.MAX_VALUE / 2));

    long current() {
        return version.get();
    }

    @TransactionalEventListener(fallbackExecution = true)
    void divisionsChanged(DivisionsChanged e) {
        version.incrementAndGet();
    }

    @TransactionalEventListener(fallbackExecution = true)
    void facilitiesChanged(FacilitiesChanged e) {
        version.incrementAndGet();
    }

    @TransactionalEventListener(fallbackExecution = true)
    void placesChanged(PlacesChanged e) {
        version.incrementAndGet();
    }

    @TransactionalEventListener(fallbackExecution = true)
    void boundariesChanged(BoundariesChanged e) {
        version.incrementAndGet();
    }
}
