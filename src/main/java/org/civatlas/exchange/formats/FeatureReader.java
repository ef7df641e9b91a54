package org.civatlas.exchange.formats;

import java.util.Iterator;
import java.util.List;
import java.util.Optional;

import org.civatlas.exchange.crs.Crs;

/**
 * A streaming reader of features: one record is read per {@link #next()}; the whole file is never loaded.
 * {@link #hasNext()} and {@link #next()} throw {@link UncheckedFormatException} (wrapping a {@link FormatException})
 * when the file turns out to be corrupt part-way. Always close the reader (it may hold temporary files and database
 * connections).
 */
public interface FeatureReader extends AutoCloseable, Iterator<SourceFeature> {

    /**
     * The attribute names. Fixed for Shapefile, GeoPackage and CSV; for GeoJSON (which has no schema) the union of the
     * property names seen so far, in first-seen order — complete only after the last feature.
     */
    List<String> fieldNames();

    /** The CRS the file declares (.prj, GeoPackage SRS, GeoJSON legacy {@code crs} member or RFC 7946 CRS84);
     * empty if it declares none or one that {@link Crs} does not recognise (then the caller must ask the user). */
    Optional<Crs> declaredCrs();

    /** "GeoJSON", "Shapefile", "GeoPackage" or "CSV". */
    String format();

    @Override
    void close();
}
