package org.civatlas.layers;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import org.locationtech.jts.geom.Envelope;

/**
 * The collections' extents, kept per layer data version: a level's extent means reading all its geometries, done
 * once per version, not on every request for the collection's description.
 */
final class CollectionExtents {

    private final LongSupplier dataVersion;
    private final Map<String, Known> known = new ConcurrentHashMap<>();

    private record Known(long dataVersion, Optional<Envelope> extent) {
    }

    CollectionExtents(LongSupplier dataVersion) {
        this.dataVersion = dataVersion;
    }

    /** The collection's extent in WGS 84 lon/lat, or null when it has no features. */
    Envelope of(FeatureSource collection) {
        long version = dataVersion.getAsLong();
        Known k = known.get(collection.id());
        if (k == null || k.dataVersion() != version) {
            k = new Known(version, Optional.ofNullable(collection.extent()));
            known.put(collection.id(), k);
        }
        return k.extent().orElse(null);
    }
}
