package org.civatlas.boundaries;

import java.time.Instant;
import org.locationtech.jts.geom.MultiLineString;

/** A boundary line between two adjacent units of one level, one version of it. */
public record BoundaryLineView(long id, String lineCode, String codeA, String nameA, String codeB, String nameB,
        String level, MultiLineString geometry, double lengthMetres, Double overlapSquareMetres, String sourceVersion,
        boolean geometrySynthetic, Instant computedAt, Instant validTo) {
}
