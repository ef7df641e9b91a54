package org.civatlas.coverage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The cache alone; concurrent misses of one key and nested computations: {@link CoverageServiceSnapshotTest}. */
class CoverageCacheTest {

    private final CoverageCache cache = new CoverageCache();
    private final AtomicInteger computations = new AtomicInteger();

    @Test
    void aResultIsKeptUntilTheGenerationMoves() {
        assertThat(cache.get("k", this::count)).isEqualTo(1);
        assertThat(cache.get("k", this::count)).isEqualTo(1);
        assertThat(cache.get("other", this::count)).isEqualTo(2);
        long before = cache.generation();
        cache.advance();
        assertThat(cache.generation()).isEqualTo(before + 1);
        assertThat(cache.get("k", this::count)).isEqualTo(3);
    }

    @Test
    void nullsAndFailuresAreNotKept() {
        assertThat(cache.<Object>get("k", () -> {
            computations.incrementAndGet();
            return null;
        })).isNull();
        assertThatThrownBy(() -> cache.get("k", () -> {
            throw new IllegalStateException("boom");
        })).hasMessage("boom");
        assertThat(cache.get("k", this::count)).isEqualTo(2);
    }

    private int count() {
        return computations.incrementAndGet();
    }
}
