package org.civatlas.divisions;

import java.time.Instant;

/** One recorded version of a unit: who wrote it, when, and what it said then. */
public record DivisionChange(long revision, Instant time, String username, String type, String name,
        Integer population, boolean populationSynthetic) {
}
