package org.civatlas.layers;

import java.util.function.Supplier;

/**
 * A value read from the database once per layer data version instead of on every request: the collections that
 * filter and page in memory (facilities, place names) would otherwise read every row for each item page, and under
 * load those reads held the connection pool (a place-name page read every place twice, one query per place for its
 * alternative names). The version is read before the value, so a change committed during a read leaves the value
 * tagged with the older version and the next call reads it again; {@link LayerDataVersion} moves on every change
 * event, local or from another node.
 */
final class PerDataVersion<T> {

    private record Tagged<T>(long version, T value) {
    }

    private final LayerDataVersion dataVersion;
    private final Supplier<T> read;
    private final Object lock = new Object();
    private volatile Tagged<T> current;

    PerDataVersion(LayerDataVersion dataVersion, Supplier<T> read) {
        this.dataVersion = dataVersion;
        this.read = read;
    }

    T get() {
        Tagged<T> t = current;
        if (t != null && t.version() == dataVersion.current()) {
            return t.value();
        }
        synchronized (lock) {
            long version = dataVersion.current();
            t = current;
            if (t == null || t.version() != version) {
                t = new Tagged<>(version, read.get());
                current = t;
            }
            return t.value();
        }
    }
}
