package org.civatlas.exchange.formats;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * Options for {@link Readers#open}.
 *
 * @param encoding             charset of a .dbf that has no .cpg, and of CSV files; null means UTF-8
 * @param lonColumn            CSV: name (or 1-based number) of the longitude/x column; null = auto-detect
 *                             (lon, lng, longitude, x, 经度 ...)
 * @param latColumn            CSV: latitude/y column; null = auto-detect (lat, latitude, y, 纬度 ...)
 * @param wktColumn            CSV: column holding WKT geometry; null = auto-detect (wkt, geometry, geom, the_geom)
 * @param maxUncompressedBytes limit on the bytes read: the uncompressed size of a zip's content or of a gzip stream,
 *                             and the size of plain files; ≤ 0 means {@link #DEFAULT_MAX_BYTES}
 * @param maxFeatures          limit on the number of features; ≤ 0 means unlimited
 */
public record ReadOptions(Charset encoding, String lonColumn, String latColumn, String wktColumn,
                          long maxUncompressedBytes, int maxFeatures) {

    /** 1 GiB. */
    public static final long DEFAULT_MAX_BYTES = 1L << 30;

    public ReadOptions {
        if (encoding == null) {
            encoding = StandardCharsets.UTF_8;
        }
        if (maxUncompressedBytes <= 0) {
            maxUncompressedBytes = DEFAULT_MAX_BYTES;
        }
    }

    public static ReadOptions defaults() {
        return new ReadOptions(StandardCharsets.UTF_8, null, null, null, DEFAULT_MAX_BYTES, 0);
    }

    public ReadOptions withEncoding(Charset charset) {
        return new ReadOptions(charset, lonColumn, latColumn, wktColumn, maxUncompressedBytes, maxFeatures);
    }

    public ReadOptions withColumns(String lon, String lat, String wkt) {
        return new ReadOptions(encoding, lon, lat, wkt, maxUncompressedBytes, maxFeatures);
    }

    public ReadOptions withLimits(long maxBytes, int maxFeatureCount) {
        return new ReadOptions(encoding, lonColumn, latColumn, wktColumn, maxBytes, maxFeatureCount);
    }
}
