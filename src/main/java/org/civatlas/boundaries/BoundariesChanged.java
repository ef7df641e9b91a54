package org.civatlas.boundaries;

/** Published after boundary markers, lines or disputes changed; tiles and layers built from them are stale. */
public record BoundariesChanged(String what) {
}
