package org.civatlas.layers.tiles;

import java.util.Map;
import java.util.Objects;

import org.locationtech.jts.geom.Geometry;

/**
 * One feature to be tiled: a stable id, its geometry in WGS 84 (lon/lat, EPSG:4326) and its attributes.
 * The id becomes the MVT feature id when it is a non-negative integer, and is always written as attribute {@code id}.
 */
public record TileFeature(String id, Geometry geometryWgs84, Map<String, Object> attributes) {

    public TileFeature {
        Objects.requireNonNull(id, "id");
        attributes = attributes == null ? Map.of() : attributes;
    }
}
