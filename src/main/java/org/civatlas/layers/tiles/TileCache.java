package org.civatlas.layers.tiles;

import java.util.function.Supplier;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.stats.CacheStats;

/**
 * Encoded tiles in memory, bounded by total bytes (Caffeine, weighed by tile size plus a fixed per-entry overhead).
 * The key carries the layer's version: publishing a new version makes old tiles unreachable (they age out), and
 * {@link #invalidateLayer(String)} drops them at once.
 */
public final class TileCache {

    /** Rough per-entry bookkeeping cost (key, node, array header) counted against the byte budget. */
    static final int ENTRY_OVERHEAD = 96;

    public record Key(String layer, long version, int z, int x, int y) {
    }

    private final Cache<Key, byte[]> cache;

    public TileCache(long maxBytes) {
        this.cache = Caffeine.newBuilder()
                .maximumWeight(maxBytes)
                .weigher((Key k, byte[] v) -> v.length + ENTRY_OVERHEAD)
                .recordStats()
                .build();
    }

    /** The cached tile, or the loader's result (cached) on a miss. */
    public byte[] get(String layer, long version, int z, int x, int y, Supplier<byte[]> loader) {
        return cache.get(new Key(layer, version, z, x, y), k -> loader.get());
    }

    /** The cached tile or null. */
    public byte[] getIfPresent(String layer, long version, int z, int x, int y) {
        return cache.getIfPresent(new Key(layer, version, z, x, y));
    }

    /** Drops every tile of the layer, whatever its version. */
    public void invalidateLayer(String layer) {
        cache.asMap().keySet().removeIf(k -> k.layer().equals(layer));
    }

    public void invalidateAll() {
        cache.invalidateAll();
    }

    public long estimatedSize() {
        return cache.estimatedSize();
    }

    /** Sum of the weights (bytes) currently held; call {@link #cleanUp()} first for an exact figure. */
    public long weightedSize() {
        return cache.policy().eviction().flatMap(e -> e.weightedSize().isPresent()
                ? java.util.Optional.of(e.weightedSize().getAsLong()) : java.util.Optional.empty()).orElse(0L);
    }

    public void cleanUp() {
        cache.cleanUp();
    }

    public CacheStats stats() {
        return cache.stats();
    }
}
