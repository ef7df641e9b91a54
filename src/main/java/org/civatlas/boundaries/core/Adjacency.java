package org.civatlas.boundaries.core;

import java.util.List;

/** The result of {@link SharedBoundaries#derive}: shared lines (sorted by id) and overlapping pairs (sorted by codes). */
public record Adjacency(List<BoundaryLine> lines, List<Overlap> overlaps) {

    public Adjacency {
        lines = List.copyOf(lines);
        overlaps = List.copyOf(overlaps);
    }
}
