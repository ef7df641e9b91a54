package org.civatlas.coverage;

/** Which facilities count: those operating on the as-of date, or also the planned and those being built. */
public enum Scenario {
    CURRENT,
    WITH_PLANNED
}
