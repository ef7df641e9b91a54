package org.civatlas.exchange.formats;

import java.util.Map;

import org.locationtech.jts.geom.Geometry;

/**
 * A feature to export.
 *
 * @param id            written as the GeoJSON {@code id} member and, when it is an integral number, as the GeoPackage
 *                      feature id; CSV and Shapefile have no id: put it among the attributes if it must travel
 * @param geometryWgs84 lon/lat WGS 84 (null allowed: a feature without geometry)
 * @param attributes    values: String, Number, Boolean, java.time.LocalDate, or null (others are written as text)
 */
public record OutFeature(Object id, Geometry geometryWgs84, Map<String, Object> attributes) {
}
