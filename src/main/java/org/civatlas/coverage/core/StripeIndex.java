package org.civatlas.coverage.core;

import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * A static point index for fixed-radius queries: points are bucketed into latitude stripes of equal height and,
 * inside a stripe, sorted by (quantised) longitude. A query visits the two or three stripes that overlap its
 * latitude band and, in each, the contiguous run of points whose longitude lies in the query's longitude range,
 * found by one binary search and then walked outwards from the query longitude (nearest-first in longitude).
 *
 * <p>Why not JTS {@code STRtree}: for a fixed radius the query box has a known size, so a one-level structure whose
 * stripe height is a small multiple of the box's half-height is enough. It is built by one counting sort and small primitive sorts
 * (no node objects, no envelopes, no boxing), stores everything in flat arrays that are walked sequentially, and a
 * query costs a few binary searches instead of a tree descent with virtual calls and a result list. The benchmark
 * measures both (see {@code NationalCoverageBenchmark}).
 *
 * <p>Immutable after construction, hence safe to query from many threads.
 */
final class StripeIndex {

    /** Quantisation of longitude [-180, 180) into a non-negative 31-bit integer (about 2 cm per step). */
    private static final double LON_SCALE = (double) (1L << 31) / 360.0;

    final int size;
    /** Latitudes in degrees, in index order. */
    final double[] lat;
    /** Longitudes normalised to [-180, 180), in index order. */
    final double[] lonNorm;
    /** Longitudes as given by the caller (passed unchanged to the exact geodesic), in index order. */
    final double[] lonOrig;
    /** Quantised normalised longitudes, non-decreasing inside each stripe. */
    final int[] qlon;
    /** Index of the point in the caller's list. */
    final int[] id;
    /** Stripe s holds the index positions [start[s], start[s + 1]). */
    final int[] start;
    final double lat0;
    final double stripeHeight;
    final int stripes;

    private StripeIndex(int size, double[] lat, double[] lonNorm, double[] lonOrig, int[] qlon, int[] id,
                        int[] start, double lat0, double stripeHeight, int stripes) {
        this.size = size;
        this.lat = lat;
        this.lonNorm = lonNorm;
        this.lonOrig = lonOrig;
        this.qlon = qlon;
        this.id = id;
        this.start = start;
        this.lat0 = lat0;
        this.stripeHeight = stripeHeight;
        this.stripes = stripes;
    }

    static double normaliseLon(double lon) {
        double x = lon % 360.0;
        if (x < -180.0) {
            x += 360.0;
        } else if (x >= 180.0) {
            x -= 360.0;
        }
        return x;
    }

    /** Monotone (non-decreasing) quantisation of a normalised longitude; 180 maps to the largest value. */
    static int quantise(double lonNorm) {
        double v = Math.floor((lonNorm + 180.0) * LON_SCALE);
        if (v <= 0) {
            return 0;
        }
        return v >= Integer.MAX_VALUE ? Integer.MAX_VALUE : (int) v;
    }

    /**
     * @param lats         latitudes in degrees
     * @param lons         longitudes in degrees
     * @param minStripeDeg the smallest useful stripe height (the query's latitude half-height)
     */
    static StripeIndex build(double[] lats, double[] lons, double minStripeDeg) {
        int n = lats.length;
        if (n == 0) {
            return new StripeIndex(0, new double[0], new double[0], new double[0], new int[0], new int[0],
                    new int[] {0, 0}, 0, 1, 1);
        }
        double minLat = Double.POSITIVE_INFINITY;
        double maxLat = Double.NEGATIVE_INFINITY;
        for (double v : lats) {
            minLat = Math.min(minLat, v);
            maxLat = Math.max(maxLat, v);
        }
        double span = maxLat - minLat;
        // Not more stripes than about twice the points: tiny radii would otherwise make the offset table huge.
        double h = Math.max(minStripeDeg, span / (2.0 * n + 16));
        if (!(h > 0) || h > 360) {
            h = 360;
        }
        int stripes = (int) Math.min((long) Math.floor(span / h) + 1, 2L * n + 17);
        int[] stripeOf = new int[n];
        int[] start = new int[stripes + 1];
        for (int i = 0; i < n; i++) {
            int s = stripeOf(lats[i], minLat, h, stripes);
            stripeOf[i] = s;
            start[s + 1]++;
        }
        for (int s = 0; s < stripes; s++) {
            start[s + 1] += start[s];
        }
        // Counting sort by stripe, then sort each stripe by (quantised longitude, original index).
        long[] keys = new long[n];
        int[] fill = Arrays.copyOf(start, stripes);
        double[] norm = new double[n];
        for (int i = 0; i < n; i++) {
            double ln = normaliseLon(lons[i]);
            norm[i] = ln;
            keys[fill[stripeOf[i]]++] = ((long) quantise(ln) << 32) | i;
        }
        IntStream.range(0, stripes).parallel().forEach(s -> {
            if (start[s + 1] - start[s] > 1) {
                Arrays.sort(keys, start[s], start[s + 1]);
            }
        });
        double[] lat = new double[n];
        double[] lonNorm = new double[n];
        double[] lonOrig = new double[n];
        int[] qlon = new int[n];
        int[] id = new int[n];
        IntStream.range(0, n).parallel().forEach(k -> {
            int i = (int) keys[k];
            id[k] = i;
            qlon[k] = (int) (keys[k] >>> 32);
            lat[k] = lats[i];
            lonNorm[k] = norm[i];
            lonOrig[k] = lons[i];
        });
        return new StripeIndex(n, lat, lonNorm, lonOrig, qlon, id, start, minLat, h, stripes);
    }

    private static int stripeOf(double lat, double lat0, double h, int stripes) {
        double s = Math.floor((lat - lat0) / h);
        if (s <= 0) {
            return 0;
        }
        return s >= stripes - 1 ? stripes - 1 : (int) s;
    }

    /** Stripe of a latitude, clamped to the index. */
    int stripe(double latDeg) {
        return stripeOf(latDeg, lat0, stripeHeight, stripes);
    }

    /** First position in [from, to) whose quantised longitude is >= key (to if none). */
    int lowerBound(int from, int to, int key) {
        int lo = from;
        int hi = to;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (qlon[mid] < key) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
