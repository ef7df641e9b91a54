package org.civatlas.exchange.formats;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

import org.civatlas.exchange.crs.Crs;
import org.civatlas.exchange.crs.UnsupportedCrsException;

/**
 * Writes features (given in WGS 84) to a file, converted to the chosen CRS: WGS 84, CGCS2000 or a Gauss-Krüger /
 * UTM zone. Formats:
 * <ul>
 *   <li>{@code geojson}: RFC 7946 (no {@code crs} member) in WGS 84; for any other CRS the legacy 2008
 *       {@code crs} member names it ({@code urn:ogc:def:crs:EPSG::4534}). Streamed.</li>
 *   <li>{@code gpkg}: GeoPackage via NGA, SRS registered with its EPSG code and WKT, one feature table named
 *       {@code layerName}, column types inferred from the values.</li>
 *   <li>{@code shp}: a zip holding .shp, .shx, .dbf (UTF-8), .cpg ("UTF-8") and .prj (ESRI WKT of the CRS).
 *       Field names are cut to 10 bytes and made unique ({@link #shapefileFieldNames}); text values longer than
 *       254 bytes are cut (dBase limit); one geometry type per file (points and multipoints together, etc.).</li>
 *   <li>{@code csv}: UTF-8 with BOM (so Excel opens Chinese text correctly), a {@code WKT} column then the attributes.
 *       Streamed.</li>
 * </ul>
 * Exporting to GCJ-02 or BD-09 is refused ({@link UnsupportedCrsException}): no other tool could place the result.
 * {@code out} is overwritten.
 */
public final class Writers {

    private Writers() {
    }

    public static void write(Path out, String format, String layerName, List<String> fieldNames,
                             Iterator<OutFeature> features, Crs crs) throws IOException {
        Crs target = crs == null ? Crs.WGS84 : crs;
        if (target.offsetDatum()) {
            throw new UnsupportedCrsException("不支持导出为 " + target.code() + " / Export to " + target.code()
                    + " is not supported: choose WGS 84 (EPSG:4326), CGCS2000 (EPSG:4490) or a Gauss-Krüger zone");
        }
        String layer = layerName == null || layerName.isBlank() ? "layer" : layerName;
        List<String> fields = fieldNames == null ? List.of() : List.copyOf(fieldNames);
        switch (format == null ? "" : format.toLowerCase(Locale.ROOT)) {
            case "geojson", "json" -> GeoJsonWriter.write(out, layer, fields, features, target);
            case "gpkg", "geopackage" -> GeoPackageWriter.write(out, layer, fields, features, target);
            case "shp", "shapefile", "zip" -> ShapefileWriter.write(out, layer, fields, features, target);
            case "csv" -> CsvWriter.write(out, fields, features, target);
            default -> throw new IllegalArgumentException("Unknown export format '" + format
                    + "': use geojson, gpkg, shp or csv");
        }
    }

    /** The .dbf field names {@code shp} export will use for the given names (same order). */
    public static List<String> shapefileFieldNames(List<String> fieldNames) {
        return ShapefileWriter.dbfNames(fieldNames);
    }

    /** The usual file extension for a format: ".geojson", ".gpkg", ".zip", ".csv". */
    public static String extension(String format) {
        return switch (format.toLowerCase(Locale.ROOT)) {
            case "geojson", "json" -> ".geojson";
            case "gpkg", "geopackage" -> ".gpkg";
            case "shp", "shapefile", "zip" -> ".zip";
            case "csv" -> ".csv";
            default -> throw new IllegalArgumentException("Unknown export format '" + format + "'");
        };
    }
}
