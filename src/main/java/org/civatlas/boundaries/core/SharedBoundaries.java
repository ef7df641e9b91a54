package org.civatlas.boundaries.core;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.civatlas.spatial.Geometries;
import org.locationtech.jts.algorithm.Orientation;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateList;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.MultiLineString;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.util.GeometryFixer;
import org.locationtech.jts.geom.util.PolygonExtracter;
import org.locationtech.jts.index.strtree.STRtree;
import org.locationtech.jts.operation.linemerge.LineMerger;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;
import org.locationtech.jts.operation.overlayng.RingClipper;

/**
 * Derives the boundary lines shared by adjacent administrative units, without intersecting whole boundaries pair by
 * pair.
 *
 * <h2>Method</h2>
 * <ol>
 *   <li><b>Exact noding by hashing.</b> Every segment of every ring of every unit is hashed once by its two endpoints
 *       (rounded to 1e-9°, endpoints in canonical order, so the direction does not matter). Segments that occur in
 *       the rings of two or more units are <i>shared exactly</i>. Coverage data (units built with common vertices,
 *       like the generated townships) is completely resolved by this step, in linear time. The ring orientation tells
 *       for each exactly shared segment on which side each unit lies: if both lie on the same side, the pair
 *       overlaps there.</li>
 *   <li><b>Tolerance matching.</b> The remaining (unshared) segments, e.g. where real neighbours overlap or leave a
 *       gap of one quantisation step, go into one STRtree. For each unshared segment {@code s} of a unit A and each
 *       nearby unshared segment {@code t} of another unit B (B after A in code order) that faces {@code s} (taken
 *       with the interior on the left, the two run in opposite directions, as the two sides of one line do), the
 *       exact sub-interval of
 *       {@code s} within {@code toleranceDegrees} of {@code t} is computed (the intersection of {@code s} with the
 *       capsule around {@code t}, which is convex, so one interval); the union over all such {@code t} is the part
 *       of {@code s} within the tolerance of B's boundary. Only A's side is kept, so a line is never doubled.</li>
 *   <li><b>Chaining.</b> Each unit's rings are walked in order, and the shared pieces (exact segments and tolerance
 *       pieces) are appended to per-pair chains of coordinates, so consecutive pieces form one line string;
 *       {@link LineMerger} then joins the few chains of a pair (e.g. across a ring's start vertex).</li>
 *   <li><b>Overlaps.</b> Only pairs with a sign of overlap (exact segments with both units on the same side,
 *       tolerance pieces, or a segment shared by three or more units) are intersected as areas, and only locally:
 *       both units are clipped to a window around that evidence, the clipped parts repaired ({@link GeometryFixer})
 *       and intersected; the window grows while the overlap reaches its border. A polygonal intersection of positive
 *       area is an {@link Overlap}.</li>
 * </ol>
 *
 * <h2>Semantics</h2>
 * <ul>
 *   <li>Units that only touch at points have no shared line and are not reported.</li>
 *   <li>A pair that is linked by tolerance pieces only, shorter in total than twice the tolerance (planar, degrees),
 *       is dropped: such pieces are the ends of boundaries diverging at a corner, not a shared boundary.</li>
 *   <li>Tolerance pieces attached to an exactly shared line extend it by up to about the tolerance where the two
 *       boundaries diverge (that part is, by definition, within the tolerance of both).</li>
 *   <li>A unit lying inside another without any boundary within the tolerance is neither a line nor an overlap here;
 *       {@link TopologyCheck} finds such overlaps.</li>
 *   <li>Invalid inputs never cause an exception: hashing and chaining do not need validity, and area operations run
 *       on repaired copies; the inputs are never modified.</li>
 *   <li>Overlaps are found where there is evidence of them (see step 4). Known gap: a sliver whose boundary on one
 *       side is linework shared exactly with a third unit carries no evidence (shared segments are not in the
 *       tolerance index, and the index is searched from the lower-coded unit's side only), so it is not reported.
 *       On the national county layer this leaves slivers of a few thousand m² unreported for some pairs (their
 *       line is still derived); {@link TopologyCheck} (pairwise intersection) is the exhaustive check.</li>
 * </ul>
 * {@code -Dcivatlas.boundaries.timing=true} prints the time of each phase.
 * Work runs on the common fork-join pool (per segment and per unit), results are deterministic.
 */
public final class SharedBoundaries {

    /** Endpoint rounding of the exact segment hash, in units per degree (1e-9° ≈ 0.1 mm). */
    private static final double HASH_SCALE = 1e9;

    private static final GeometryFactory GF = Geometries.WGS84;

    private SharedBoundaries() {
    }

    /**
     * For every pair of adjacent units, the linework they share; pairs whose areas overlap (instead of only touching)
     * are also reported as overlaps, and their shared linework is still derived (the part of the boundaries within
     * the tolerance of each other).
     *
     * @param units            the units; codes should be unique (they name the lines)
     * @param toleranceDegrees how far apart two boundaries may be and still count as one shared line; 0 = exact
     *                         shared segments only
     */
    public static Adjacency derive(List<Unit> units, double toleranceDegrees) {
        return new Run(units, Math.max(0, toleranceDegrees)).execute();
    }

    // ============================================================================================ implementation

    /** A tolerance piece: the part [u0, u1] of a segment within the tolerance of unit {@code other}'s boundary. */
    private record Piece(int other, double u0, double u1) {
    }

    /** Accumulates the chains of one pair (from the rings of the lower-ranked unit only). */
    private static final class PairAcc {
        final int a;
        final int b;
        final List<CoordinateList> chains = new ArrayList<>(2);
        boolean exact;
        boolean sameSide;
        boolean tolerance;
        boolean multi;
        /** Where the evidence of an overlap lies: same-side, multiple and tolerance pieces. */
        final Envelope suspect = new Envelope();

        PairAcc(int a, int b) {
            this.a = a;
            this.b = b;
        }

        void add(double x0, double y0, double x1, double y1) {
            CoordinateList last = chains.isEmpty() ? null : chains.get(chains.size() - 1);
            if (last != null) {
                Coordinate end = last.getCoordinate(last.size() - 1);
                if (end.x == x0 && end.y == y0) {
                    last.add(new Coordinate(x1, y1), false);
                    return;
                }
            }
            CoordinateList c = new CoordinateList();
            c.add(new Coordinate(x0, y0), false);
            c.add(new Coordinate(x1, y1), false);
            chains.add(c);
        }
    }

    private static final class Run {
        final List<Unit> units;
        final double tol;
        /** rank[i]: position of unit i in code order; pairs are (lower rank, higher rank). */
        final int[] rank;
        final Integer[] byRank;

        // rings
        final List<Coordinate[]> rings = new ArrayList<>();
        final List<Integer> ringUnitList = new ArrayList<>();
        int[] ringUnit;
        boolean[] ringInteriorLeft;
        int[] ringStart; // first segment id of each ring; ringStart[rings] = segment count

        // segments: id s = ringStart[r] + k is the segment from vertex k to k + 1 of ring r
        int[] segRing;
        int[] head; // group representative (first segment with the same endpoints), -1 for a degenerate segment
        int[] next; // next member of the group, -1 at the end
        boolean[] shared; // the group holds at least two distinct units

        Run(List<Unit> units, double tol) {
            this.units = units;
            this.tol = tol;
            int n = units.size();
            byRank = IntStream.range(0, n).boxed().toArray(Integer[]::new);
            Arrays.sort(byRank, Comparator.comparing((Integer i) -> String.valueOf(units.get(i).code()))
                    .thenComparing(i -> i));
            rank = new int[n];
            for (int r = 0; r < n; r++) {
                rank[byRank[r]] = r;
            }
        }

        Adjacency execute() {
            long t = System.nanoTime();
            collectRings();
            hashSegments();
            long t1 = System.nanoTime();
            Piece[][] pieces = tol > 0 ? toleranceMatching() : new Piece[segRing.length][];
            long t2 = System.nanoTime();
            Map<Long, PairAcc> pairs = chain(pieces);
            long t3 = System.nanoTime();
            Adjacency a = finish(pairs);
            long t4 = System.nanoTime();
            if (Boolean.getBoolean("civatlas.boundaries.timing")) {
                System.out.printf("    [derive] hash %.0f ms, tolerance %.0f ms, chain %.0f ms, finish %.0f ms "
                                + "(lines %.0f ms, overlaps %.0f ms)%n", (t1 - t) / 1e6, (t2 - t1) / 1e6,
                        (t3 - t2) / 1e6, (t4 - t3) / 1e6, lineNanos.get() / 1e6, overlapNanos.get() / 1e6);
            }
            return a;
        }

        final java.util.concurrent.atomic.AtomicLong lineNanos = new java.util.concurrent.atomic.AtomicLong();
        final java.util.concurrent.atomic.AtomicLong overlapNanos = new java.util.concurrent.atomic.AtomicLong();

        // -------------------------------------------------------------------------------- rings and segments

        void collectRings() {
            for (int u = 0; u < units.size(); u++) {
                Geometry g = units.get(u).geometry();
                if (g == null || g.isEmpty()) {
                    continue;
                }
                for (Object o : PolygonExtracter.getPolygons(g)) {
                    Polygon p = (Polygon) o;
                    if (p.isEmpty()) {
                        continue;
                    }
                    addRing(u, p.getExteriorRing().getCoordinates(), true);
                    for (int h = 0; h < p.getNumInteriorRing(); h++) {
                        addRing(u, p.getInteriorRingN(h).getCoordinates(), false);
                    }
                }
            }
            int nr = rings.size();
            ringUnit = new int[nr];
                ringStart = new int[nr + 1];
            int total = 0;
            for (int r = 0; r < nr; r++) {
                ringUnit[r] = ringUnitList.get(r);
                ringStart[r] = total;
                total += Math.max(0, rings.get(r).length - 1);
            }
            ringStart[nr] = total;
            segRing = new int[total];
            for (int r = 0; r < nr; r++) {
                Arrays.fill(segRing, ringStart[r], ringStart[r + 1], r);
            }
        }

        private final List<Boolean> shellFlags = new ArrayList<>();

        void addRing(int unit, Coordinate[] cs, boolean shell) {
            if (cs.length < 2) {
                return;
            }
            rings.add(cs);
            ringUnitList.add(unit);
            shellFlags.add(shell);
        }

        /** Interior on the left of the ring's direction: a counter-clockwise shell or a clockwise hole. */
        void orientations() {
            ringInteriorLeft = new boolean[rings.size()];
            IntStream.range(0, rings.size()).parallel().forEach(r -> {
                Coordinate[] cs = rings.get(r);
                boolean ccw = cs.length >= 4 && cs[0].equals2D(cs[cs.length - 1]) && Orientation.isCCWArea(cs);
                ringInteriorLeft[r] = ccw == shellFlags.get(r);
            });
        }

        double x0(int s) {
            return rings.get(segRing[s])[s - ringStart[segRing[s]]].x;
        }

        double y0(int s) {
            return rings.get(segRing[s])[s - ringStart[segRing[s]]].y;
        }

        double x1(int s) {
            return rings.get(segRing[s])[s - ringStart[segRing[s]] + 1].x;
        }

        double y1(int s) {
            return rings.get(segRing[s])[s - ringStart[segRing[s]] + 1].y;
        }

        int unitOf(int s) {
            return ringUnit[segRing[s]];
        }

        /** The segment's rounded endpoints in canonical order {ax, ay, bx, by}, or null if degenerate. */
        long[] key(int s, long[] out) {
            long ax = Math.round(x0(s) * HASH_SCALE);
            long ay = Math.round(y0(s) * HASH_SCALE);
            long bx = Math.round(x1(s) * HASH_SCALE);
            long by = Math.round(y1(s) * HASH_SCALE);
            if (ax == bx && ay == by) {
                return null;
            }
            if (ax < bx || (ax == bx && ay < by)) {
                out[0] = ax;
                out[1] = ay;
                out[2] = bx;
                out[3] = by;
            } else {
                out[0] = bx;
                out[1] = by;
                out[2] = ax;
                out[3] = ay;
            }
            return out;
        }

        /** +1 if the segment runs in canonical direction, -1 otherwise. */
        int direction(int s) {
            long ax = Math.round(x0(s) * HASH_SCALE);
            long ay = Math.round(y0(s) * HASH_SCALE);
            long bx = Math.round(x1(s) * HASH_SCALE);
            long by = Math.round(y1(s) * HASH_SCALE);
            return ax < bx || (ax == bx && ay < by) ? 1 : -1;
        }

        /** +1 if the unit's interior lies left of the segment taken in canonical direction, -1 if right. */
        int canonicalSide(int s) {
            return (ringInteriorLeft[segRing[s]] ? 1 : -1) * direction(s);
        }

        private static long mix(long[] k) {
            long h = k[0] * 0x9E3779B97F4A7C15L;
            h = (h ^ (h >>> 29) ^ k[1]) * 0xBF58476D1CE4E5B9L;
            h = (h ^ (h >>> 31) ^ k[2]) * 0x94D049BB133111EBL;
            h = (h ^ (h >>> 29) ^ k[3]) * 0x9E3779B97F4A7C15L;
            return h ^ (h >>> 32);
        }

        void hashSegments() {
            orientations();
            int n = segRing.length;
            head = new int[n];
            next = new int[n];
            shared = new boolean[n];
            Arrays.fill(next, -1);
            int cap = Integer.highestOneBit(Math.max(4, n) * 2 - 1) << 1;
            int[] table = new int[cap];
            Arrays.fill(table, -1);
            int mask = cap - 1;
            long[] k = new long[4];
            long[] k2 = new long[4];
            for (int s = 0; s < n; s++) {
                if (key(s, k) == null) {
                    head[s] = -1;
                    continue;
                }
                int slot = (int) mix(k) & mask;
                while (true) {
                    int t = table[slot];
                    if (t < 0) {
                        table[slot] = s;
                        head[s] = s;
                        break;
                    }
                    key(t, k2);
                    if (k[0] == k2[0] && k[1] == k2[1] && k[2] == k2[2] && k[3] == k2[3]) {
                        head[s] = t;
                        next[s] = next[t];
                        next[t] = s;
                        if (unitOf(s) != unitOf(t)) {
                            shared[t] = true; // earlier members all share t's unit unless already marked
                        }
                        break;
                    }
                    slot = (slot + 1) & mask;
                }
            }
            for (int s = 0; s < n; s++) {
                if (head[s] >= 0) {
                    shared[s] = shared[head[s]];
                }
            }
        }

        // -------------------------------------------------------------------------------- tolerance

        Piece[][] toleranceMatching() {
            int n = segRing.length;
            STRtree tree = new STRtree();
            int unshared = 0;
            for (int s = 0; s < n; s++) {
                if (head[s] >= 0 && !shared[s]) {
                    tree.insert(new Envelope(x0(s), x1(s), y0(s), y1(s)), s);
                    unshared++;
                }
            }
            Piece[][] out = new Piece[n][];
            if (unshared == 0) {
                return out;
            }
            tree.build();
            IntStream.range(0, n).parallel().forEach(s -> {
                if (head[s] < 0 || shared[s]) {
                    return;
                }
                int u = unitOf(s);
                double ax = x0(s);
                double ay = y0(s);
                double bx = x1(s);
                double by = y1(s);
                Envelope query = new Envelope(ax, bx, ay, by);
                query.expandBy(tol);
                Map<Integer, List<double[]>> byUnit = new HashMap<>(4);
                tree.query(query, item -> {
                    int t = (Integer) item;
                    int v = unitOf(t);
                    if (rank[v] <= rank[u]) {
                        return;
                    }
                    // facing boundaries only: with both directions taken with the interior on the left, a shared
                    // line is traversed in opposite directions; boundaries that run the same way (e.g. two units'
                    // outlines diverging from the end of their common line) are not shared
                    double tdx = x1(t) - x0(t);
                    double tdy = y1(t) - y0(t);
                    double dot = (bx - ax) * tdx + (by - ay) * tdy;
                    if (ringInteriorLeft[segRing[s]] == ringInteriorLeft[segRing[t]] ? dot >= 0 : dot <= 0) {
                        return;
                    }
                    double[] iv = capsuleInterval(ax, ay, bx, by, x0(t), y0(t), x1(t), y1(t), tol);
                    if (iv != null) {
                        byUnit.computeIfAbsent(v, key -> new ArrayList<>(2)).add(iv);
                    }
                });
                if (byUnit.isEmpty()) {
                    return;
                }
                List<Piece> ps = new ArrayList<>();
                List<Integer> others = new ArrayList<>(byUnit.keySet());
                others.sort(Comparator.comparingInt(v -> rank[v]));
                for (int v : others) {
                    List<double[]> ivs = byUnit.get(v);
                    ivs.sort(Comparator.comparingDouble(iv -> iv[0]));
                    double lo = ivs.get(0)[0];
                    double hi = ivs.get(0)[1];
                    for (int i = 1; i <= ivs.size(); i++) {
                        if (i < ivs.size() && ivs.get(i)[0] <= hi) {
                            hi = Math.max(hi, ivs.get(i)[1]);
                            continue;
                        }
                        if (hi - lo > 1e-12) {
                            ps.add(new Piece(v, lo, hi));
                        }
                        if (i < ivs.size()) {
                            lo = ivs.get(i)[0];
                            hi = ivs.get(i)[1];
                        }
                    }
                }
                if (!ps.isEmpty()) {
                    out[s] = ps.toArray(new Piece[0]);
                }
            });
            return out;
        }

        // -------------------------------------------------------------------------------- chaining

        Map<Long, PairAcc> chain(Piece[][] pieces) {
            int nu = units.size();
            // rings of each unit, in input order
            List<List<Integer>> ringsOf = new ArrayList<>(nu);
            for (int u = 0; u < nu; u++) {
                ringsOf.add(new ArrayList<>(1));
            }
            for (int r = 0; r < rings.size(); r++) {
                ringsOf.get(ringUnit[r]).add(r);
            }
            @SuppressWarnings("unchecked")
            Map<Long, PairAcc>[] perUnit = new Map[nu];
            IntStream.range(0, nu).parallel().forEach(u -> {
                Map<Long, PairAcc> mine = new HashMap<>();
                for (int r : ringsOf.get(u)) {
                    for (int s = ringStart[r]; s < ringStart[r + 1]; s++) {
                        if (head[s] < 0) {
                            continue;
                        }
                        if (shared[s]) {
                            int seenOther = -1;
                            boolean many = false;
                            for (int m = head[s]; m >= 0; m = next[m]) {
                                int v = unitOf(m);
                                if (v == u) {
                                    continue;
                                }
                                if (seenOther >= 0 && seenOther != v) {
                                    many = true;
                                }
                                seenOther = v;
                                if (rank[v] < rank[u]) {
                                    continue;
                                }
                                PairAcc acc = mine.computeIfAbsent(pairKey(u, v), key -> new PairAcc(u, v));
                                // a group lists each unit's copies: add the piece once per segment
                                List<CoordinateList> ch = acc.chains;
                                CoordinateList last = ch.isEmpty() ? null : ch.get(ch.size() - 1);
                                boolean already = last != null && last.size() >= 2
                                        && last.getCoordinate(last.size() - 1).x == x1(s)
                                        && last.getCoordinate(last.size() - 1).y == y1(s)
                                        && last.getCoordinate(last.size() - 2).x == x0(s)
                                        && last.getCoordinate(last.size() - 2).y == y0(s);
                                if (!already) {
                                    acc.add(x0(s), y0(s), x1(s), y1(s));
                                }
                                acc.exact = true;
                                if (canonicalSide(s) == canonicalSide(m)) {
                                    acc.sameSide = true;
                                    acc.suspect.expandToInclude(x0(s), y0(s));
                                    acc.suspect.expandToInclude(x1(s), y1(s));
                                }
                            }
                            if (many) {
                                for (int m = head[s]; m >= 0; m = next[m]) {
                                    int v = unitOf(m);
                                    if (v != u && rank[v] > rank[u]) {
                                        PairAcc acc = mine.get(pairKey(u, v));
                                        acc.multi = true;
                                        acc.suspect.expandToInclude(x0(s), y0(s));
                                        acc.suspect.expandToInclude(x1(s), y1(s));
                                    }
                                }
                            }
                        }
                        if (pieces[s] != null) {
                            double ax = x0(s);
                            double ay = y0(s);
                            double dx = x1(s) - ax;
                            double dy = y1(s) - ay;
                            for (Piece p : pieces[s]) {
                                PairAcc acc = mine.computeIfAbsent(pairKey(u, p.other()),
                                        key -> new PairAcc(u, p.other()));
                                acc.tolerance = true;
                                double px0 = p.u0() == 0 ? ax : ax + p.u0() * dx;
                                double py0 = p.u0() == 0 ? ay : ay + p.u0() * dy;
                                double px1 = p.u1() == 1 ? x1(s) : ax + p.u1() * dx;
                                double py1 = p.u1() == 1 ? y1(s) : ay + p.u1() * dy;
                                acc.add(px0, py0, px1, py1);
                                acc.suspect.expandToInclude(px0, py0);
                                acc.suspect.expandToInclude(px1, py1);
                            }
                        }
                    }
                }
                perUnit[u] = mine;
            });
            Map<Long, PairAcc> all = new HashMap<>();
            for (Map<Long, PairAcc> m : perUnit) {
                all.putAll(m);
            }
            return all;
        }

        long pairKey(int u, int v) {
            int a = Math.min(rank[u], rank[v]);
            int b = Math.max(rank[u], rank[v]);
            return ((long) a << 32) | b;
        }

        // -------------------------------------------------------------------------------- results

        Adjacency finish(Map<Long, PairAcc> pairs) {
            List<PairAcc> list = new ArrayList<>(pairs.values());
            list.sort(Comparator.comparingInt((PairAcc p) -> rank[p.a]).thenComparingInt(p -> rank[p.b]));
            BoundaryLine[] lines = new BoundaryLine[list.size()];
            Overlap[] overlaps = new Overlap[list.size()];
            IntStream.range(0, list.size()).parallel().forEach(i -> {
                PairAcc p = list.get(i);
                long s0 = System.nanoTime();
                MultiLineString mls = merge(p.chains);
                if (!p.exact && mls.getLength() < 2 * tol) {
                    return; // diverging ends at a corner, not a shared line
                }
                Unit a = units.get(p.a);
                Unit b = units.get(p.b);
                lines[i] = new BoundaryLine(a.code() + "-" + b.code(), a.code(), b.code(), mls,
                        Geodesics.length(mls));
                long s1 = System.nanoTime();
                lineNanos.addAndGet(s1 - s0);
                if (p.sameSide || p.tolerance || p.multi) {
                    overlaps[i] = overlap(p.a, p.b, p.suspect);
                }
                overlapNanos.addAndGet(System.nanoTime() - s1);
            });
            List<BoundaryLine> outLines = new ArrayList<>();
            List<Overlap> outOverlaps = new ArrayList<>();
            for (int i = 0; i < lines.length; i++) {
                if (lines[i] != null) {
                    outLines.add(lines[i]);
                }
                if (overlaps[i] != null) {
                    outOverlaps.add(overlaps[i]);
                }
            }
            return new Adjacency(outLines, outOverlaps);
        }

        MultiLineString merge(List<CoordinateList> chains) {
            List<LineString> parts = new ArrayList<>(chains.size());
            for (CoordinateList c : chains) {
                parts.add(GF.createLineString(c.toCoordinateArray()));
            }
            if (parts.size() > 1) {
                LineMerger merger = new LineMerger();
                merger.add(parts);
                @SuppressWarnings("unchecked")
                List<LineString> merged = new ArrayList<>(merger.getMergedLineStrings());
                merged.sort(Comparator.comparing((LineString l) -> l.getCoordinateN(0))
                        .thenComparingInt(LineString::getNumPoints));
                parts = merged;
            }
            return GF.createMultiLineString(parts.toArray(new LineString[0]));
        }

        /**
         * The overlap of units a and b, computed locally: both are clipped to a window around the evidence (the
         * suspect envelope, with a margin), the clipped parts are repaired ({@link GeometryFixer}) and intersected.
         * While a part of the intersection reaches the window's border, the window grows (3× per step) until it
         * covers the intersection of the two units' envelopes, so the result is the whole overlap that touches the
         * evidence, at the cost of the neighbourhood only.
         */
        Overlap overlap(int a, int b, Envelope suspect) {
            Geometry ga = units.get(a).geometry();
            Geometry gb = units.get(b).geometry();
            Envelope full = ga.getEnvelopeInternal().intersection(gb.getEnvelopeInternal());
            if (full.isNull() || suspect.isNull()) {
                return null;
            }
            Envelope w = new Envelope(suspect);
            w.expandBy(Math.max(Math.max(4 * tol, 1e-3), 0.25 * Math.max(w.getWidth(), w.getHeight())));
            List<Polygon> polys;
            while (true) {
                boolean complete = w.covers(full);
                Envelope win = complete ? full : w;
                Geometry inter;
                try {
                    inter = OverlayNGRobust.overlay(clipFixed(ga, win), clipFixed(gb, win), OverlayNG.INTERSECTION);
                } catch (RuntimeException e) {
                    return null; // not expected on repaired inputs; the line is still reported
                }
                @SuppressWarnings("unchecked")
                List<Polygon> found = PolygonExtracter.getPolygons(inter);
                found.removeIf(p -> p.isEmpty() || p.getArea() <= 0);
                polys = found;
                if (complete || polys.stream().noneMatch(p -> touchesBorder(p.getEnvelopeInternal(), win))) {
                    break;
                }
                w.expandBy(Math.max(w.getWidth(), w.getHeight()));
            }
            if (polys.isEmpty()) {
                return null;
            }
            Geometry area = polys.size() == 1 ? polys.get(0) : GF.createMultiPolygon(polys.toArray(new Polygon[0]));
            double m2 = Geodesics.area(area);
            if (!(m2 > 0)) {
                return null;
            }
            return new Overlap(units.get(a).code(), units.get(b).code(), area, m2);
        }
    }

    private static boolean touchesBorder(Envelope e, Envelope w) {
        return e.getMinX() <= w.getMinX() || e.getMinY() <= w.getMinY() || e.getMaxX() >= w.getMaxX()
                || e.getMaxY() >= w.getMaxY();
    }

    /** The polygons of g clipped to the window (ring by ring), repaired; never modifies g. */
    static Geometry clipFixed(Geometry g, Envelope window) {
        RingClipper clipper = new RingClipper(window);
        List<Polygon> out = new ArrayList<>();
        for (Object o : PolygonExtracter.getPolygons(g)) {
            Polygon p = (Polygon) o;
            if (p.isEmpty() || !p.getEnvelopeInternal().intersects(window)) {
                continue;
            }
            Coordinate[] shell = clipRing(clipper, p.getExteriorRing(), window);
            if (shell == null) {
                continue;
            }
            List<LinearRing> holes = new ArrayList<>();
            for (int h = 0; h < p.getNumInteriorRing(); h++) {
                Coordinate[] hole = clipRing(clipper, p.getInteriorRingN(h), window);
                if (hole != null) {
                    holes.add(GF.createLinearRing(hole));
                }
            }
            out.add(GF.createPolygon(GF.createLinearRing(shell), holes.toArray(new LinearRing[0])));
        }
        Geometry clipped = out.size() == 1 ? out.get(0) : GF.createMultiPolygon(out.toArray(new Polygon[0]));
        return GeometryFixer.fix(clipped);
    }

    private static Coordinate[] clipRing(RingClipper clipper, LineString ring, Envelope window) {
        Coordinate[] cs = ring.getCoordinates();
        if (cs.length < 4) {
            return null;
        }
        Coordinate[] clipped = window.covers(ring.getEnvelopeInternal()) ? cs : clipper.clip(cs);
        if (clipped.length > 0 && !clipped[0].equals2D(clipped[clipped.length - 1])) {
            clipped = Arrays.copyOf(clipped, clipped.length + 1);
            clipped[clipped.length - 1] = clipped[0].copy();
        }
        return clipped.length < 4 ? null : clipped;
    }

    /**
     * The parameter interval [u0, u1] ⊂ [0, 1] of the segment (a, b) within distance r of the segment (c, d), or null.
     * The capsule around (c, d) is convex, so the points of (a, b) inside it form one interval: the union of the
     * intervals inside its three convex parts (the two end disks and the rectangle).
     */
    static double[] capsuleInterval(double ax, double ay, double bx, double by,
                                    double cx, double cy, double dx, double dy, double r) {
        double vx = bx - ax;
        double vy = by - ay;
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        double[] iv = disk(ax, ay, vx, vy, cx, cy, r);
        if (iv != null) {
            lo = iv[0];
            hi = iv[1];
        }
        iv = disk(ax, ay, vx, vy, dx, dy, r);
        if (iv != null) {
            lo = Math.min(lo, iv[0]);
            hi = Math.max(hi, iv[1]);
        }
        double ex = dx - cx;
        double ey = dy - cy;
        double len = Math.hypot(ex, ey);
        if (len > 0) {
            ex /= len;
            ey /= len;
            // along the axis: (a - c)·e + u v·e in [0, len]; across: (a - c)·n + u v·n in [-r, r], n = (-ey, ex)
            double[] along = linear((ax - cx) * ex + (ay - cy) * ey, vx * ex + vy * ey, 0, len);
            double[] across = linear(-(ax - cx) * ey + (ay - cy) * ex, -vx * ey + vy * ex, -r, r);
            if (along != null && across != null) {
                double l = Math.max(along[0], across[0]);
                double h = Math.min(along[1], across[1]);
                if (l <= h) {
                    lo = Math.min(lo, l);
                    hi = Math.max(hi, h);
                }
            }
        }
        lo = Math.max(lo, 0);
        hi = Math.min(hi, 1);
        return lo <= hi ? new double[] {lo, hi} : null;
    }

    /** {u : |a + u v - c| <= r}. */
    private static double[] disk(double ax, double ay, double vx, double vy, double cx, double cy, double r) {
        double qx = ax - cx;
        double qy = ay - cy;
        double vv = vx * vx + vy * vy;
        double qv = qx * vx + qy * vy;
        double qq = qx * qx + qy * qy - r * r;
        if (vv == 0) {
            return qq <= 0 ? new double[] {Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY} : null;
        }
        double disc = qv * qv - vv * qq;
        if (disc < 0) {
            return null;
        }
        double sq = Math.sqrt(disc);
        return new double[] {(-qv - sq) / vv, (-qv + sq) / vv};
    }

    /** {u : lo <= a + u b <= hi}. */
    private static double[] linear(double a, double b, double lo, double hi) {
        if (b == 0) {
            return a >= lo && a <= hi ? new double[] {Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY} : null;
        }
        double u1 = (lo - a) / b;
        double u2 = (hi - a) / b;
        return u1 <= u2 ? new double[] {u1, u2} : new double[] {u2, u1};
    }
}
