package org.civatlas.coverage.core;

import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Objects;
import java.util.stream.IntStream;

import net.sf.geographiclib.Geodesic;
import net.sf.geographiclib.GeodesicMask;

/**
 * Distance-based coverage: which demand points lie within a given geodesic distance of a supply point.
 *
 * <h2>What "within" means</h2>
 * Demand i is within {@code metres} of supply j iff
 * {@code Geodesic.WGS84.Inverse(lat_i, lon_i, lat_j, lon_j, GeodesicMask.DISTANCE).s12 <= metres}: the shortest
 * geodesic on the WGS 84 ellipsoid, as PostGIS measures {@code ST_DWithin(geography, geography, d)} with
 * {@code use_spheroid = true} (PostGIS also uses Karney's algorithm). Every result of this class is exactly what an
 * all-pairs loop over that test would give; the work below only decides which pairs need the test.
 *
 * <h2>Method</h2>
 * <ol>
 *   <li>The searched points are put in a {@link StripeIndex} (latitude stripes twice the query's latitude
 *       half-height, longitude-sorted; built in O(n log(stripe size)) with primitive sorts). It beats JTS
 *       {@code STRtree} clearly: on the national instance (578k demand, 300k supply) a single-thread STRtree +
 *       GeographicLib pass takes 0.8 s (1 km) / 1.4 s (5 km), this class 35 ms / 33 ms on 2 cores.</li>
 *   <li>For each query point at latitude φ a <em>band</em> is derived. Any point within distance D lies within
 *       Δφ ≤ D / M<sub>min</sub> of φ, where M<sub>min</sub> = a(1 − e²) is the smallest meridional radius of
 *       curvature (every path of length ≤ D changes its meridian arc length by at most D). Over the band let
 *       M<sub>lo</sub>, M<sub>hi</sub> bound the meridional radius M(φ) = a(1 − e²)/(1 − e² sin²φ)<sup>3/2</sup>
 *       and p<sub>lo</sub>, p<sub>hi</sub> bound the parallel radius p(φ) = a cos φ/(1 − e² sin²φ)<sup>1/2</sup>
 *       (M grows and p shrinks with |φ|, so they are the values at the band's extreme |φ|; they are read from a
 *       table every 1/64° at the rows just outside the band, which keeps them rigorous and avoids trigonometry).</li>
 *   <li>Because the ellipsoid's metric is ds² = M² dφ² + p² dλ²:
 *     <ul>
 *       <li><b>lower bound</b>: if s ≤ D the geodesic stays in the band, so
 *           s ≥ √(M<sub>lo</sub>² Δφ² + p<sub>lo</sub>² Δλ²) (straight-line distance in a flat metric that is
 *           pointwise smaller). If this exceeds D, the pair is out: pre-reject. It also gives the query box:
 *           |Δλ| ≤ D / p<sub>lo</sub>.</li>
 *       <li><b>upper bound</b>: for a candidate inside the band, the path that is straight in (φ, λ) stays in the
 *           band, so s ≤ √(M<sub>hi</sub>² Δφ² + p<sub>hi</sub>² Δλ²). If this is below D, the pair is in:
 *           pre-accept.</li>
 *     </ul>
 *     Only candidates between the two (a thin ring, about 0.1 % of D wide at 5 km and 40°N) reach
 *     {@code Geodesic.Inverse}. Both decisions keep a margin of 1e-9·D + 1 µm, far above floating-point error and
 *     GeographicLib's 15 nm, so the pre-tests never contradict the exact test.</li>
 *   <li>{@link #covered} stops at the first supply point in range and visits candidates nearest-first: its own
 *       stripe first, and outwards in longitude from the query point.</li>
 *   <li>Queries run on all cores: demand is split into chunks of 64·k points, each chunk writing its own words of the
 *       result bit set, so the output is deterministic and there is no shared mutable state.</li>
 * </ol>
 * Longitudes are compared modulo 360 (the antimeridian is handled, if never needed in China). Latitudes must be
 * within [-90, 90] and coordinates finite; otherwise {@link IllegalArgumentException}.
 */
public final class DistanceCoverage {

    /** WGS 84 semi-major axis (m). */
    static final double A = 6378137.0;
    /** WGS 84 flattening. */
    static final double F = 1 / 298.257223563;
    static final double E2 = F * (2 - F);
    /** The smallest meridional radius of curvature (at the equator), m. */
    static final double M_MIN = A * (1 - E2);
    static final double RAD = Math.PI / 180.0;
    static final double DEG = 180.0 / Math.PI;

    /** Relative and absolute safety margins of the pre-tests. */
    private static final double REL_MARGIN = 1e-9;
    private static final double ABS_MARGIN = 1e-6;

    /** Demand points per parallel task; a multiple of 64 so each task owns whole words of the bit set. */
    private static final int CHUNK = 1024;
    /**
     * Stripe height in units of the query's latitude half-height. 2 means a query touches 2 stripes on average
     * instead of 3: fewer binary searches for a few more points rejected by the cheap latitude test. Measured on
     * the national instance (single thread, CPU time): 1 km 75 → 65 ms, 5 km 51 → 54 ms against a factor of 1.
     */
    static final double STRIPE_FACTOR = 2;

    private DistanceCoverage() {
    }

    /**
     * covered.get(i) iff demand i lies within {@code metres} (geodesic on WGS 84, as PostGIS geography
     * ST_DWithin with use_spheroid=true measures) of at least one supply point.
     */
    public static BitSet covered(List<DemandPoint> demand, List<SupplyPoint> supply, double metres) {
        Objects.requireNonNull(demand, "demand");
        Objects.requireNonNull(supply, "supply");
        checkDistance(metres);
        int n = demand.size();
        if (n == 0 || supply.isEmpty() || metres < 0) {
            return new BitSet();
        }
        double[][] q = demandCoordinates(demand);
        double[][] s = supplyCoordinates(supply);
        StripeIndex index = StripeIndex.build(s[0], s[1], latHalfHeightDeg(metres) * STRIPE_FACTOR);
        double[] qLat = q[0];
        double[] qLon = q[1];
        long[] words = new long[(n + 63) >>> 6];
        int chunks = (n + CHUNK - 1) / CHUNK;
        IntStream.range(0, chunks).parallel().forEach(c -> {
            Probe probe = new Probe(index, metres, true);
            int end = Math.min(n, (c + 1) * CHUNK);
            for (int i = c * CHUNK; i < end; i++) {
                if (probe.anyWithin(qLat[i], qLon[i])) {
                    words[i >>> 6] |= 1L << i;
                }
            }
        });
        return BitSet.valueOf(words);
    }

    /** For each candidate j, the ascending indices of demand points within {@code metres} of it (used by site planning). */
    public static int[][] coverageSets(List<DemandPoint> demand, List<SupplyPoint> candidates, double metres) {
        Objects.requireNonNull(demand, "demand");
        Objects.requireNonNull(candidates, "candidates");
        checkDistance(metres);
        int m = candidates.size();
        int[][] result = new int[m][];
        if (demand.isEmpty() || metres < 0) {
            Arrays.fill(result, new int[0]);
            return result;
        }
        double[][] q = supplyCoordinates(candidates);
        double[][] d = demandCoordinates(demand);
        StripeIndex index = StripeIndex.build(d[0], d[1], latHalfHeightDeg(metres) * STRIPE_FACTOR);
        IntStream.range(0, m).parallel().forEach(j -> {
            Probe probe = new Probe(index, metres, false);
            result[j] = probe.allWithin(q[0][j], q[1][j]);
        });
        return result;
    }

    /**
     * Nearest-supply geodesic distance per demand point ({@link Double#POSITIVE_INFINITY} if none within
     * {@code maxMetres}).
     */
    public static double[] nearestDistance(List<DemandPoint> demand, List<SupplyPoint> supply, double maxMetres) {
        Objects.requireNonNull(demand, "demand");
        Objects.requireNonNull(supply, "supply");
        checkDistance(maxMetres);
        int n = demand.size();
        double[] result = new double[n];
        Arrays.fill(result, Double.POSITIVE_INFINITY);
        if (n == 0 || supply.isEmpty() || maxMetres < 0) {
            return result;
        }
        double[][] q = demandCoordinates(demand);
        double[][] s = supplyCoordinates(supply);
        StripeIndex index = StripeIndex.build(s[0], s[1], latHalfHeightDeg(maxMetres) * STRIPE_FACTOR);
        int chunks = (n + CHUNK - 1) / CHUNK;
        IntStream.range(0, chunks).parallel().forEach(c -> {
            Probe probe = new Probe(index, maxMetres, true);
            int end = Math.min(n, (c + 1) * CHUNK);
            for (int i = c * CHUNK; i < end; i++) {
                result[i] = probe.nearest(q[0][i], q[1][i]);
            }
        });
        return result;
    }

    // ------------------------------------------------------------------------------------------------------------

    private static void checkDistance(double metres) {
        if (Double.isNaN(metres)) {
            throw new IllegalArgumentException("distance is NaN");
        }
    }

    /** Half-height (degrees) of the latitude band that can hold a point within the given distance. */
    static double latHalfHeightDeg(double metres) {
        return (metres * (1 + REL_MARGIN) / M_MIN + 1e-14) * DEG;
    }

    private static double[][] demandCoordinates(List<DemandPoint> points) {
        int n = points.size();
        double[] lat = new double[n];
        double[] lon = new double[n];
        IntStream.range(0, n).parallel().forEach(i -> {
            DemandPoint p = points.get(i);
            lat[i] = checkLat(p.lat());
            lon[i] = checkLon(p.lon());
        });
        return new double[][] {lat, lon};
    }

    private static double[][] supplyCoordinates(List<SupplyPoint> points) {
        int n = points.size();
        double[] lat = new double[n];
        double[] lon = new double[n];
        IntStream.range(0, n).parallel().forEach(i -> {
            SupplyPoint p = points.get(i);
            lat[i] = checkLat(p.lat());
            lon[i] = checkLon(p.lon());
        });
        return new double[][] {lat, lon};
    }

    private static double checkLat(double lat) {
        if (!(lat >= -90 && lat <= 90)) {
            throw new IllegalArgumentException("latitude out of range: " + lat);
        }
        return lat;
    }

    private static double checkLon(double lon) {
        if (!Double.isFinite(lon)) {
            throw new IllegalArgumentException("longitude not finite: " + lon);
        }
        return lon;
    }

    /**
     * Meridional radius M and parallel radius p tabulated every 1/64 degree of |latitude| from 0 to 90. Bounds over
     * a band use the rows just outside it (M is increasing and p decreasing in |latitude|), so they stay rigorous
     * while avoiding trigonometry per query; they are only 1/64 degree looser.
     */
    private static final int TABLE_STEPS_PER_DEG = 64;
    private static final int TABLE_SIZE = 90 * TABLE_STEPS_PER_DEG + 1;
    private static final double[] M_SQ = new double[TABLE_SIZE];
    private static final double[] P = new double[TABLE_SIZE];
    private static final double[] P_SQ = new double[TABLE_SIZE];

    static {
        for (int k = 0; k < TABLE_SIZE; k++) {
            double phi = k * RAD / TABLE_STEPS_PER_DEG;
            double m = meridionalRadius(phi);
            M_SQ[k] = m * m;
            P[k] = k == TABLE_SIZE - 1 ? 0 : parallelRadius(phi);
            P_SQ[k] = P[k] * P[k];
        }
    }

    static double meridionalRadius(double phi) {
        double s = Math.sin(phi);
        double w = 1 - E2 * s * s;
        return A * (1 - E2) / (w * Math.sqrt(w));
    }

    static double parallelRadius(double phi) {
        double s = Math.sin(phi);
        return Math.max(0.0, A * Math.cos(phi) / Math.sqrt(1 - E2 * s * s));
    }

    /**
     * Per-thread query state over one index and one distance; {@link #set} prepares the bounds for one query point.
     * Not thread-safe (one per task); the index it reads is immutable.
     */
    static final class Probe {
        private final StripeIndex ix;
        private final double d;
        /** true: the query point is the first point of the geodesic (demand→supply); false: second. */
        private final boolean queryFirst;
        private final double rejectSq;
        private final double acceptSq;
        private final double deltaDeg;

        private double qLat;
        private double qLonOrig;
        private double qLonNorm;
        private double mLoSq;
        private double mHiSq;
        private double pLoSq;
        private double pHiSq;
        /** Longitude half-width of the query box in degrees (>= 180: all longitudes). */
        private double dLonDeg;

        private int[] buffer = new int[16];
        private int found;

        Probe(StripeIndex ix, double metres, boolean queryFirst) {
            this.ix = ix;
            this.d = metres;
            this.queryFirst = queryFirst;
            double hi = metres * (1 + REL_MARGIN) + ABS_MARGIN;
            double lo = metres * (1 - REL_MARGIN) - ABS_MARGIN;
            this.rejectSq = hi * hi;
            this.acceptSq = lo > 0 ? lo * lo : -1;
            this.deltaDeg = latHalfHeightDeg(metres);
        }

        void set(double lat, double lon) {
            qLat = lat;
            qLonOrig = lon;
            qLonNorm = StripeIndex.normaliseLon(lon);
            // Band of latitudes (degrees) that can hold a point within d, and its range of |latitude|.
            double lo = Math.max(-90, lat - deltaDeg);
            double hi = Math.min(90, lat + deltaDeg);
            double maxAbs = Math.max(Math.abs(lo), Math.abs(hi));
            double minAbs = (lo <= 0 && hi >= 0) ? 0 : Math.min(Math.abs(lo), Math.abs(hi));
            // Table rows bracketing the band: M grows and p shrinks with |latitude|.
            int kLo = (int) Math.floor(minAbs * TABLE_STEPS_PER_DEG);
            int kHi = Math.min(TABLE_SIZE - 1, (int) Math.ceil(maxAbs * TABLE_STEPS_PER_DEG));
            mLoSq = M_SQ[kLo];
            mHiSq = M_SQ[kHi];
            pLoSq = P_SQ[kHi];
            pHiSq = P_SQ[kLo];
            double pLo = P[kHi];
            double width = d * (1 + REL_MARGIN) + ABS_MARGIN;
            dLonDeg = pLo > 0 ? (width / pLo + 1e-14) * DEG : Double.POSITIVE_INFINITY;
            if (!(dLonDeg < 180)) {
                dLonDeg = 180;
            }
        }

        /** -1: out of range, 1: in range, 0: undecided by the bounds (squared-distance bounds in {@code bounds}). */
        private int classify(int k) {
            double dLat = ix.lat[k] - qLat;
            if (Math.abs(dLat) > deltaDeg) {
                return -1;
            }
            double dLon = ix.lonNorm[k] - qLonNorm;
            if (dLon > 180) {
                dLon -= 360;
            } else if (dLon < -180) {
                dLon += 360;
            }
            double y = dLat * RAD;
            double x = dLon * RAD;
            double y2 = y * y;
            double x2 = x * x;
            if (mLoSq * y2 + pLoSq * x2 > rejectSq) {
                return -1;
            }
            if (mHiSq * y2 + pHiSq * x2 < acceptSq) {
                return 1;
            }
            return 0;
        }

        /** Lower bound (m) on the geodesic distance, valid whenever the true distance is <= d. */
        private double lowerBound(int k) {
            double dLat = (ix.lat[k] - qLat) * RAD;
            double dLon = ix.lonNorm[k] - qLonNorm;
            if (dLon > 180) {
                dLon -= 360;
            } else if (dLon < -180) {
                dLon += 360;
            }
            dLon *= RAD;
            return Math.sqrt(mLoSq * dLat * dLat + pLoSq * dLon * dLon);
        }

        private double geodesic(int k) {
            return queryFirst
                    ? Geodesic.WGS84.Inverse(qLat, qLonOrig, ix.lat[k], ix.lonOrig[k], GeodesicMask.DISTANCE).s12
                    : Geodesic.WGS84.Inverse(ix.lat[k], ix.lonOrig[k], qLat, qLonOrig, GeodesicMask.DISTANCE).s12;
        }

        private boolean within(int k) {
            int c = classify(k);
            return c > 0 || (c == 0 && geodesic(k) <= d);
        }

        // ---- covered: any point within d, nearest-first, stop at the first ----

        boolean anyWithin(double lat, double lon) {
            set(lat, lon);
            int own = ix.stripe(lat);
            int s0 = ix.stripe(lat - deltaDeg);
            int s1 = ix.stripe(lat + deltaDeg);
            if (anyInStripe(own)) {
                return true;
            }
            for (int step = 1; own - step >= s0 || own + step <= s1; step++) {
                if (own - step >= s0 && anyInStripe(own - step)) {
                    return true;
                }
                if (own + step <= s1 && anyInStripe(own + step)) {
                    return true;
                }
            }
            return false;
        }

        private boolean anyInStripe(int s) {
            int from = ix.start[s];
            int to = ix.start[s + 1];
            if (from == to) {
                return false;
            }
            if (dLonDeg >= 180) {
                return anyInRun(from, to, Integer.MIN_VALUE, Integer.MAX_VALUE, StripeIndex.quantise(qLonNorm));
            }
            double lo = qLonNorm - dLonDeg;
            double hi = qLonNorm + dLonDeg;
            int qc = StripeIndex.quantise(qLonNorm);
            if (lo < -180) {
                return anyInRun(from, to, StripeIndex.quantise(-180), StripeIndex.quantise(hi), qc)
                        || anyInRun(from, to, StripeIndex.quantise(lo + 360), Integer.MAX_VALUE,
                        StripeIndex.quantise(lo + 360));
            }
            if (hi >= 180) {
                return anyInRun(from, to, StripeIndex.quantise(lo), Integer.MAX_VALUE, qc)
                        || anyInRun(from, to, 0, StripeIndex.quantise(hi - 360), 0);
            }
            return anyInRun(from, to, StripeIndex.quantise(lo), StripeIndex.quantise(hi), qc);
        }

        /** Walks positions with qlon in [qlo, qhi] outwards from qc (which lies in [qlo, qhi]). */
        private boolean anyInRun(int from, int to, int qlo, int qhi, int qc) {
            int right = ix.lowerBound(from, to, qc);
            int left = right - 1;
            int[] q = ix.qlon;
            boolean goLeft = left >= from && q[left] >= qlo;
            boolean goRight = right < to && q[right] <= qhi;
            while (goLeft || goRight) {
                if (goRight) {
                    if (within(right)) {
                        return true;
                    }
                    right++;
                    goRight = right < to && q[right] <= qhi;
                }
                if (goLeft) {
                    if (within(left)) {
                        return true;
                    }
                    left--;
                    goLeft = left >= from && q[left] >= qlo;
                }
            }
            return false;
        }

        // ---- generic visit of every position in the query box ----

        private interface Visitor {
            void visit(int k);
        }

        private void visitBox(double lat, double lon, Visitor v) {
            set(lat, lon);
            int s0 = ix.stripe(lat - deltaDeg);
            int s1 = ix.stripe(lat + deltaDeg);
            for (int s = s0; s <= s1; s++) {
                int from = ix.start[s];
                int to = ix.start[s + 1];
                if (from == to) {
                    continue;
                }
                if (dLonDeg >= 180) {
                    visitRun(from, to, Integer.MIN_VALUE, Integer.MAX_VALUE, v);
                    continue;
                }
                double lo = qLonNorm - dLonDeg;
                double hi = qLonNorm + dLonDeg;
                if (lo < -180) {
                    visitRun(from, to, 0, StripeIndex.quantise(hi), v);
                    visitRun(from, to, StripeIndex.quantise(lo + 360), Integer.MAX_VALUE, v);
                } else if (hi >= 180) {
                    visitRun(from, to, StripeIndex.quantise(lo), Integer.MAX_VALUE, v);
                    visitRun(from, to, 0, StripeIndex.quantise(hi - 360), v);
                } else {
                    visitRun(from, to, StripeIndex.quantise(lo), StripeIndex.quantise(hi), v);
                }
            }
        }

        private void visitRun(int from, int to, int qlo, int qhi, Visitor v) {
            int[] q = ix.qlon;
            for (int k = ix.lowerBound(from, to, qlo); k < to && q[k] <= qhi; k++) {
                v.visit(k);
            }
        }

        int[] allWithin(double lat, double lon) {
            found = 0;
            visitBox(lat, lon, k -> {
                if (within(k)) {
                    if (found == buffer.length) {
                        buffer = Arrays.copyOf(buffer, found * 2);
                    }
                    buffer[found++] = ix.id[k];
                }
            });
            int[] out = Arrays.copyOf(buffer, found);
            Arrays.sort(out);
            return out;
        }

        private double best;

        double nearest(double lat, double lon) {
            best = Double.POSITIVE_INFINITY;
            visitBox(lat, lon, k -> {
                if (classify(k) < 0) {
                    return;
                }
                // Valid pruning: a candidate at true distance s <= d has s >= lowerBound; beyond d it is irrelevant.
                if (best <= d && lowerBound(k) > best * (1 + REL_MARGIN) + ABS_MARGIN) {
                    return;
                }
                double s = geodesic(k);
                if (s <= d && s < best) {
                    best = s;
                }
            });
            return best;
        }
    }
}
