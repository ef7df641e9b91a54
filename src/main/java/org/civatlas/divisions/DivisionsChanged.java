package org.civatlas.divisions;

/** Published after a unit's attributes or geometry changed; results computed from units are stale. */
public record DivisionsChanged(String code) {
}
