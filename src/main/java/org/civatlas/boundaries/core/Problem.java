package org.civatlas.boundaries.core;

import java.util.List;

import org.locationtech.jts.geom.Geometry;

/**
 * A topology problem found by {@link TopologyCheck}.
 *
 * @param kind     {@code gap}, {@code overlap}, {@code invalid} or {@code outside-parent}
 * @param units    the codes of the units concerned
 * @param location where: the error point of an invalid ring, the misaligned linework, the overlap, gap or
 *                 outside area
 * @param detail   a readable explanation (for an invalid ring: JTS's own message)
 */
public record Problem(String kind, List<String> units, Geometry location, String detail) {

    public static final String GAP = "gap";
    public static final String OVERLAP = "overlap";
    public static final String INVALID = "invalid";
    public static final String OUTSIDE_PARENT = "outside-parent";

    public Problem {
        units = List.copyOf(units);
    }
}
