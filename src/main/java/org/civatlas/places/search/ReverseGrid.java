package org.civatlas.places.search;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import net.sf.geographiclib.Geodesic;
import net.sf.geographiclib.GeodesicMask;

/**
 * Reverse lookup: the entries with a point on a 0.02° grid (cells sorted row-major). A lookup scans the cells
 * covering a safe bounding box of the radius, discards far points with a spherical pre-check with 1 % slack and
 * measures the rest exactly with GeographicLib's WGS 84 inverse. Immutable.
 */
final class ReverseGrid {

    static final double CELL = 0.02;
    static final long COLS = (long) Math.ceil(360 / CELL) + 1;
    private static final double EARTH_MEAN_RADIUS = 6_371_008.8;
    private final long[] cellKeys;
    private final int[] cellStart;
    private final int[] docIds;
    private final NameEntry[] docs;
    private final RankedEntries entries;

    int size() {
        return docIds.length;
    }

    interface Sink {
        void accept(int doc, double metres);
    }

    ReverseGrid(RankedEntries entries) {
        NameEntry[] docs = entries.docs();
        this.entries = entries;
        long[] packed = new long[docs.length];
        int n = 0;
        for (int d = 0; d < docs.length; d++) {
            NameEntry e = docs[d];
            if (e.hasPoint() && e.lon() >= -180 && e.lon() <= 180 && e.lat() >= -90 && e.lat() <= 90) {
                packed[n++] = (cell(e.lon(), e.lat()) << 32) | d;
            }
        }
        packed = Arrays.copyOf(packed, n);
        Arrays.parallelSort(packed);
        this.docs = docs;
        docIds = new int[n];
        long[] keys = new long[n];
        int[] starts = new int[n + 1];
        int cells = 0;
        for (int i = 0; i < n; i++) {
            long key = packed[i] >>> 32;
            docIds[i] = (int) packed[i];
            if (cells == 0 || keys[cells - 1] != key) {
                keys[cells] = key;
                starts[cells] = i;
                cells++;
            }
        }
        starts[cells] = n;
        cellKeys = Arrays.copyOf(keys, cells);
        cellStart = Arrays.copyOf(starts, cells + 1);
    }

    /**
     * Named places within {@code r} metres (geodesic, WGS 84) of a point that pass the filter, nearest first (ties
     * by rank), one hit per place; a former name shows its place's current entry.
     */
    List<Hit> nearest(double lon, double lat, double r, int limit, EntryFilter f) {
        List<double[]> found = new ArrayList<>(); // distance, doc
        within(lon, lat, r, (d, dist) -> {
            if (f.accept(d)) {
                found.add(new double[] {dist, d});
            }
        });
        found.sort((a, b) -> a[0] != b[0] ? Double.compare(a[0], b[0]) : Double.compare(a[1], b[1]));
        List<Hit> out = new ArrayList<>(Math.min(limit, found.size()));
        Set<Long> places = new HashSet<>();
        for (double[] h : found) {
            if (out.size() == limit) {
                break;
            }
            int d = (int) h[1];
            if (!places.add(entries.get(d).placeId())) {
                continue;
            }
            NameEntry e = entries.shown(d);
            out.add(new Hit(e, 1 - h[0] / r, "NEARBY", h[0], e.name()));
        }
        return out;
    }

    private static long row(double lat) {
        return (long) Math.floor((lat + 90) / CELL);
    }

    private static long col(double lon) {
        return (long) Math.floor((lon + 180) / CELL);
    }

    private static long cell(double lon, double lat) {
        return row(lat) * COLS + col(lon);
    }

    void within(double lon, double lat, double r, Sink sink) {
        // safe bounding box: 110,574 m is the shortest degree of latitude, a·cos φ bounds a degree of
        // longitude from below; 1 % slack covers great-circle vs parallel for r ≤ 100 km
        double dLat = r / 110_574.0 * 1.01 + 1e-9;
        double latMin = Math.max(-90, lat - dLat);
        double latMax = Math.min(90, lat + dLat);
        double maxAbs = Math.max(Math.abs(latMin), Math.abs(latMax));
        double dLon = maxAbs >= 89.5 ? 360
                : r / (111_319.49 * Math.cos(Math.toRadians(maxAbs))) * 1.01 + 1e-9;
        List<double[]> lonRanges = new ArrayList<>(2);
        if (dLon >= 180) {
            lonRanges.add(new double[] {-180, 180});
        } else {
            double a = lon - dLon;
            double b = lon + dLon;
            if (a < -180) {
                lonRanges.add(new double[] {a + 360, 180});
                lonRanges.add(new double[] {-180, b});
            } else if (b > 180) {
                lonRanges.add(new double[] {a, 180});
                lonRanges.add(new double[] {-180, b - 360});
            } else {
                lonRanges.add(new double[] {a, b});
            }
        }
        double slack = r * 1.01 + 1;
        double phi1 = Math.toRadians(lat);
        for (long row = row(latMin); row <= row(latMax); row++) {
            for (double[] lr : lonRanges) {
                long from = row * COLS + col(lr[0]);
                long to = row * COLS + Math.min(col(lr[1]), COLS - 1);
                int c = Arrays.binarySearch(cellKeys, from);
                if (c < 0) {
                    c = -c - 1;
                }
                for (; c < cellKeys.length && cellKeys[c] <= to; c++) {
                    for (int i = cellStart[c]; i < cellStart[c + 1]; i++) {
                        // spherical pre-check (haversine); ellipsoid differs by < 0.6 %
                        NameEntry e = docs[docIds[i]];
                        double phi2 = Math.toRadians(e.lat());
                        double sdp = Math.sin((phi2 - phi1) / 2);
                        double sdl = Math.sin(Math.toRadians(e.lon() - lon) / 2);
                        double h = sdp * sdp + Math.cos(phi1) * Math.cos(phi2) * sdl * sdl;
                        double approx = 2 * EARTH_MEAN_RADIUS * Math.asin(Math.min(1, Math.sqrt(h)));
                        if (approx > slack) {
                            continue;
                        }
                        double s = Geodesic.WGS84.Inverse(lat, lon, e.lat(), e.lon(),
                                GeodesicMask.DISTANCE).s12;
                        if (s <= r) {
                            sink.accept(docIds[i], s);
                        }
                    }
                }
            }
        }
    }
}
