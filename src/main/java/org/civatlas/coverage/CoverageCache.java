package org.civatlas.coverage;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Results of computations over units and facilities, kept under a generation number that every change of either
 * moves: a stale result is never served once a change is committed, and nothing has to enumerate keys.
 *
 * <p>Not an atomic {@code cache.get(key, fn)}: computations nest (a target's value uses a coverage result), and a
 * nested compute inside Caffeine's map is a recursive update. Concurrent misses of one key wait for the one running
 * computation through a per-key future outside the cache (keys of nested computations differ from their caller's,
 * so a computation never waits for itself).
 */
final class CoverageCache {

    private final AtomicLong generation = new AtomicLong();
    private final Cache<Object, Object> results = Caffeine.newBuilder().maximumSize(2_000).build();
    private final Map<List<Object>, CompletableFuture<Object>> inFlight = new ConcurrentHashMap<>();

    long generation() {
        return generation.get();
    }

    /** Starts a new generation: every result kept so far is out of date. */
    void advance() {
        generation.incrementAndGet();
    }

    @SuppressWarnings("unchecked")
    <T> T get(Object key, Supplier<T> compute) {
        List<Object> fullKey = List.of(generation.get(), key);
        Object hit = results.getIfPresent(fullKey);
        if (hit != null) {
            return (T) hit;
        }
        CompletableFuture<Object> mine = new CompletableFuture<>();
        CompletableFuture<Object> running = inFlight.putIfAbsent(fullKey, mine);
        if (running != null) {
            try {
                return (T) running.join();
            } catch (CompletionException e) {
                if (e.getCause() instanceof RuntimeException r) {
                    throw r;
                }
                if (e.getCause() instanceof Error err) {
                    throw err;
                }
                throw e;
            }
        }
        try {
            hit = results.getIfPresent(fullKey); // finished between our look and our claim
            T value = hit != null ? (T) hit : compute.get();
            if (value != null) {
                results.put(fullKey, value);
            }
            mine.complete(value);
            return value;
        } catch (RuntimeException | Error e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            inFlight.remove(fullKey, mine);
        }
    }
}
