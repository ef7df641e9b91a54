package org.civatlas.layers;

import java.util.List;
import java.util.Map;
import org.civatlas.facilities.Facility;
import org.civatlas.facilities.FacilityRegistry;
import org.civatlas.facilities.FacilityType;
import org.springframework.stereotype.Component;

/**
 * The facility registry as the facility collections serve it, read once per layer data version rather than on every
 * item page (a province-sized registry has tens of thousands of facilities). The version is read before the
 * registry, so a change committed during a read leaves the rows tagged with the older version and the next call
 * reads them again; {@link LayerDataVersion} moves on every {@code FacilitiesChanged}, local or from another node.
 */
@Component
class FacilityRows {

    record Rows(long version, List<Facility> all, Map<String, FacilityType> types) {
    }

    private final FacilityRegistry registry;
    private final LayerDataVersion dataVersion;
    private final Object lock = new Object();
    private volatile Rows rows;

    FacilityRows(FacilityRegistry registry, LayerDataVersion dataVersion) {
        this.registry = registry;
        this.dataVersion = dataVersion;
    }

    Rows current() {
        Rows r = rows;
        if (r != null && r.version() == dataVersion.current()) {
            return r;
        }
        synchronized (lock) {
            long version = dataVersion.current();
            r = rows;
            if (r != null && r.version() == version) {
                return r;
            }
            r = new Rows(version, registry.all(), Map.copyOf(registry.typesByCode()));
            rows = r;
            return r;
        }
    }
}
