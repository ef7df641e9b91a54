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

    private final AtomicLong version = new AtomicLong();

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
