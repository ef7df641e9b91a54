package org.civatlas.layers.tiles;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class TileCacheTest {

    @Test
    void loadsOnceAndInvalidatesByLayer() {
        TileCache cache = new TileCache(1 << 20);
        AtomicInteger loads = new AtomicInteger();
        byte[] a = cache.get("villages", 1, 3, 1, 2, () -> {
            loads.incrementAndGet();
            return new byte[] {1, 2, 3};
        });
        byte[] b = cache.get("villages", 1, 3, 1, 2, () -> {
            loads.incrementAndGet();
            return new byte[] {9};
        });
        assertThat(b).isSameAs(a);
        assertThat(loads).hasValue(1);
        cache.get("counties", 1, 3, 1, 2, () -> new byte[] {4});
        // a new version is a different key
        assertThat(cache.getIfPresent("villages", 2, 3, 1, 2)).isNull();

        cache.invalidateLayer("villages");
        assertThat(cache.getIfPresent("villages", 1, 3, 1, 2)).isNull();
        assertThat(cache.getIfPresent("counties", 1, 3, 1, 2)).containsExactly(4);
    }

    @Test
    void boundedByBytes() {
        TileCache cache = new TileCache(100_000);
        for (int i = 0; i < 100; i++) {
            cache.get("l", 1, 10, i, 0, () -> new byte[10_000]);
        }
        cache.cleanUp();
        assertThat(cache.weightedSize()).isLessThanOrEqualTo(100_000);
        assertThat(cache.estimatedSize()).isLessThan(11);
    }
}
