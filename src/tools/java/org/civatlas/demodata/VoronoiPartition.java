package org.civatlas.demodata;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

import org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Location;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.operation.overlayng.CoverageUnion;
import org.locationtech.jts.operation.overlayng.UnaryUnionNG;
import org.locationtech.jts.operation.polygonize.Polygonizer;
import org.locationtech.jts.triangulate.VoronoiDiagramBuilder;

/**
 * Voronoi helpers for the demo generator: seed points, Lloyd relaxation, and the exact partition of a region
 * into the Voronoi regions of a two-level hierarchy of seeds.
 *
 * <p>The exact partition does not clip cells one by one. All the linework (region boundary, the parent-level
 * Voronoi edges, and each parent's child-level Voronoi edges) is noded and snap-rounded together in one pass on
 * a fixed precision grid, polygonized into faces, and every face is assigned to the nearest seed (that is, to the
 * Voronoi cell containing the face's interior point) at each level. Each unit is the union of its faces. Because
 * every unit at both levels is a union of faces of one and the same planar arrangement, the units share their
 * edges vertex for vertex: there is no gap, no overlap, and a child unit is exactly covered by its parent.
 */
final class VoronoiPartition {

    /** The coordinate grid of every generated geometry: 1e-7 degree. */
    static final PrecisionModel GRID = new PrecisionModel(1e7);

    private static final double KM_PER_DEG_LAT = 111.2;

    private VoronoiPartition() {
    }

    static double kmPerDegLon(double lat) {
        return 111.32 * Math.cos(Math.toRadians(lat));
    }

    static double kmPerDegLat() {
        return KM_PER_DEG_LAT;
    }

    /** Area of a lon/lat geometry in km² (local equirectangular approximation, enough for sanity statistics). */
    static double areaKm2(Geometry g) {
        double lat = g.getEnvelopeInternal().centre().y;
        return g.getArea() * kmPerDegLon(lat) * KM_PER_DEG_LAT;
    }

    /** A uniformly random point inside the region, optionally outside a disc (radius in km; 0 = no exclusion). */
    static Coordinate randomPoint(IndexedPointInAreaLocator region, Envelope env, SplittableRandom rnd,
            Coordinate excludeCentre, double excludeKm) {
        for (int attempt = 0; attempt < 100_000; attempt++) {
            Coordinate c = new Coordinate(env.getMinX() + rnd.nextDouble() * env.getWidth(),
                    env.getMinY() + rnd.nextDouble() * env.getHeight());
            if (region.locate(c) != Location.INTERIOR) {
                continue;
            }
            if (excludeKm > 0 && distanceKm(c, excludeCentre) < excludeKm) {
                continue;
            }
            return c;
        }
        throw new IllegalStateException("Could not place a random point in " + env);
    }

    static double distanceKm(Coordinate a, Coordinate b) {
        double dx = (a.x - b.x) * kmPerDegLon((a.y + b.y) / 2);
        double dy = (a.y - b.y) * KM_PER_DEG_LAT;
        return Math.hypot(dx, dy);
    }

    /**
     * Voronoi cells of the seeds, in seed order, clipped to the envelope. A single seed gets the whole envelope.
     */
    static List<Polygon> voronoiCells(List<Coordinate> seeds, Envelope clip, GeometryFactory factory) {
        List<Polygon> cells = new ArrayList<>(seeds.size());
        if (seeds.size() == 1) {
            cells.add((Polygon) factory.toGeometry(clip));
            return cells;
        }
        VoronoiDiagramBuilder builder = new VoronoiDiagramBuilder();
        builder.setSites(seeds);
        builder.setClipEnvelope(clip);
        Geometry diagram = builder.getDiagram(factory);
        Map<Coordinate, Polygon> bySite = new HashMap<>();
        for (int i = 0; i < diagram.getNumGeometries(); i++) {
            Polygon cell = (Polygon) diagram.getGeometryN(i);
            bySite.put((Coordinate) cell.getUserData(), cell);
        }
        for (Coordinate seed : seeds) {
            Polygon cell = bySite.get(seed);
            if (cell == null) {
                throw new IllegalStateException("No Voronoi cell for seed " + seed);
            }
            cells.add(cell);
        }
        return cells;
    }

    /**
     * Lloyd relaxation: each free seed moves to the centroid of its Voronoi cell within the region (to an interior
     * point of the cell if the centroid falls outside the region). Seeds marked fixed stay where they are.
     */
    static List<Coordinate> lloyd(Geometry region, List<Coordinate> seeds, boolean[] fixed, int rounds) {
        IndexedPointInAreaLocator locator = new IndexedPointInAreaLocator(region);
        Envelope clip = expanded(region.getEnvelopeInternal());
        List<Coordinate> current = new ArrayList<>(seeds);
        for (int round = 0; round < rounds && current.size() > 1; round++) {
            List<Polygon> cells = voronoiCells(current, clip, region.getFactory());
            List<Coordinate> next = new ArrayList<>(current.size());
            Set<Coordinate> used = new HashSet<>();
            for (int i = 0; i < current.size(); i++) {
                Coordinate moved = current.get(i);
                if (!fixed[i]) {
                    Geometry part = cells.get(i).intersection(region);
                    if (!part.isEmpty()) {
                        Coordinate centroid = part.getCentroid().getCoordinate();
                        moved = locator.locate(centroid) == Location.INTERIOR
                                ? centroid : part.getInteriorPoint().getCoordinate();
                    }
                }
                if (!used.add(moved)) {
                    moved = current.get(i);
                    used.add(moved);
                }
                next.add(moved);
            }
            current = next;
        }
        return current;
    }

    static Envelope expanded(Envelope env) {
        Envelope e = new Envelope(env);
        e.expandBy(Math.max(env.getWidth(), env.getHeight()) * 0.25 + 0.01);
        return e;
    }

    /** Parent-level seeds and, per parent, the child-level seeds and the region in which to draw its edges. */
    record Level(List<Coordinate> parentSeeds, List<List<Coordinate>> childSeeds, List<Geometry> parentRegions) {
    }

    /** The exact partition: per parent its geometry, per parent and child the child geometry. */
    record Result(List<Geometry> parents, List<List<Geometry>> children, int faceCount) {
    }

    /**
     * Partitions the (valid) region exactly, as described in the class comment.
     *
     * @param overshootDeg how far child edges are drawn beyond their approximate parent region, so that they
     *        reach the parent's edges after snap rounding (the overshooting ends become dangles and are dropped)
     */
    static Result partition(Geometry region, Level level, double overshootDeg) {
        GeometryFactory factory = region.getFactory();
        Envelope clip = expanded(region.getEnvelopeInternal());
        OutlineSnapper snapper = new OutlineSnapper(region);
        List<Geometry> lines = new ArrayList<>();
        for (Polygon cell : voronoiCells(level.parentSeeds(), clip, factory)) {
            snapper.addClipped(cell.getBoundary(), lines);
        }
        for (int p = 0; p < level.parentSeeds().size(); p++) {
            List<Coordinate> seeds = level.childSeeds().get(p);
            if (seeds.size() < 2) {
                continue;
            }
            Geometry zone = level.parentRegions().get(p).buffer(overshootDeg);
            for (Polygon cell : voronoiCells(seeds, expanded(zone.getEnvelopeInternal()), factory)) {
                snapper.addClipped(cell.getBoundary().intersection(zone), lines);
            }
        }
        lines.add(snapper.boundary());
        Geometry noded = UnaryUnionNG.union(factory.buildGeometry(lines), GRID);
        Polygonizer polygonizer = new Polygonizer();
        polygonizer.add(noded);
        @SuppressWarnings("unchecked")
        Collection<Polygon> faces = polygonizer.getPolygons();

        IndexedPointInAreaLocator inRegion = new IndexedPointInAreaLocator(region);
        List<Polygon> inside = new ArrayList<>();
        List<Integer> parentOf = new ArrayList<>();
        List<Integer> childOf = new ArrayList<>();
        for (Polygon face : faces) {
            Coordinate pt = face.getInteriorPoint().getCoordinate();
            if (inRegion.locate(pt) == Location.EXTERIOR) {
                continue;
            }
            int p = nearest(level.parentSeeds(), pt);
            inside.add(face);
            parentOf.add(p);
            childOf.add(nearest(level.childSeeds().get(p), pt));
        }
        FaceGraph graph = new FaceGraph(inside);
        // Small detached pieces (a cell reaching across a notch of the outline) go to the neighbour that shares
        // the longest edge with them, first at parent level, then at child level within each parent.
        List<Integer> noGroup = new ArrayList<>(java.util.Collections.nCopies(inside.size(), 0));
        for (int f : graph.mergeSmallPieces(parentOf, noGroup, SMALL_PIECE)) {
            Coordinate pt = inside.get(f).getInteriorPoint().getCoordinate();
            childOf.set(f, nearest(level.childSeeds().get(parentOf.get(f)), pt));
        }
        graph.mergeSmallPieces(childOf, parentOf, SMALL_PIECE);

        int parentCount = level.parentSeeds().size();
        List<List<Polygon>> parentFaces = new ArrayList<>();
        List<List<List<Polygon>>> childFaces = new ArrayList<>();
        for (int p = 0; p < parentCount; p++) {
            parentFaces.add(new ArrayList<>());
            List<List<Polygon>> perChild = new ArrayList<>();
            for (int c = 0; c < level.childSeeds().get(p).size(); c++) {
                perChild.add(new ArrayList<>());
            }
            childFaces.add(perChild);
        }
        for (int f = 0; f < inside.size(); f++) {
            parentFaces.get(parentOf.get(f)).add(inside.get(f));
            childFaces.get(parentOf.get(f)).get(childOf.get(f)).add(inside.get(f));
        }
        List<Geometry> parents = new ArrayList<>();
        List<List<Geometry>> children = new ArrayList<>();
        for (int p = 0; p < parentCount; p++) {
            parents.add(union(parentFaces.get(p), factory));
            List<Geometry> kids = new ArrayList<>();
            for (List<Polygon> f : childFaces.get(p)) {
                kids.add(union(f, factory));
            }
            children.add(kids);
        }
        return new Result(parents, children, inside.size());
    }

    /**
     * Clips lines to the region and makes every end that lies on the region's boundary a new boundary vertex that is
     * on the 1e-7 grid and (almost exactly) on the boundary segment: among the grid points within a few metres of the
     * true crossing along the segment, the one closest to the segment's line is taken. Snap rounding therefore
     * hardly bends the boundary (each inserted vertex changes the area by far less than 1e-12 deg²), so the
     * partition has the region's area to about 1e-12 relative, instead of ~1e-8 with plainly rounded crossings.
     */
    static final class OutlineSnapper {
        /** Candidate grid points are searched this many grid steps either side of the crossing (~5 m). */
        private static final int SEARCH_STEPS = 500;

        private final Geometry region;
        private final List<Coordinate[]> rings = new ArrayList<>();
        /** Per ring, per segment: inserted vertices. */
        private final List<Map<Integer, List<Coordinate>>> inserted = new ArrayList<>();

        OutlineSnapper(Geometry region) {
            this.region = region;
            Geometry boundary = region.getBoundary();
            for (int i = 0; i < boundary.getNumGeometries(); i++) {
                rings.add(boundary.getGeometryN(i).getCoordinates());
                inserted.add(new java.util.TreeMap<>());
            }
        }

        void addClipped(Geometry line, List<Geometry> out) {
            Geometry clipped = line.intersection(region);
            GeometryFactory f = region.getFactory();
            for (int i = 0; i < clipped.getNumGeometries(); i++) {
                if (!(clipped.getGeometryN(i) instanceof org.locationtech.jts.geom.LineString ls)) {
                    continue;
                }
                Coordinate[] cs = ls.getCoordinates();
                cs[0] = snap(cs[0]);
                cs[cs.length - 1] = snap(cs[cs.length - 1]);
                List<Coordinate> distinct = new ArrayList<>();
                for (Coordinate c : cs) {
                    if (distinct.isEmpty() || !distinct.get(distinct.size() - 1).equals2D(c)) {
                        distinct.add(c);
                    }
                }
                if (distinct.size() >= 2) {
                    out.add(f.createLineString(distinct.toArray(new Coordinate[0])));
                }
            }
        }

        /** The region boundary with all inserted vertices. */
        Geometry boundary() {
            GeometryFactory f = region.getFactory();
            List<org.locationtech.jts.geom.LineString> lines = new ArrayList<>();
            for (int r = 0; r < rings.size(); r++) {
                Coordinate[] ring = rings.get(r);
                List<Coordinate> cs = new ArrayList<>();
                for (int s = 0; s + 1 < ring.length; s++) {
                    cs.add(ring[s]);
                    List<Coordinate> extra = inserted.get(r).get(s);
                    if (extra != null) {
                        Coordinate a = ring[s];
                        List<Coordinate> sorted = new ArrayList<>(new java.util.TreeSet<>(extra));
                        sorted.sort(java.util.Comparator.comparingDouble((Coordinate c) -> c.distance(a))
                                .thenComparing(c -> c));
                        cs.addAll(sorted);
                    }
                }
                cs.add(ring[ring.length - 1]);
                lines.add(f.createLineString(cs.toArray(new Coordinate[0])));
            }
            return f.buildGeometry(lines);
        }

        private Coordinate snap(Coordinate e) {
            int bestRing = -1;
            int bestSeg = -1;
            double bestDist = 1e-9;
            for (int r = 0; r < rings.size(); r++) {
                Coordinate[] ring = rings.get(r);
                for (int s = 0; s + 1 < ring.length; s++) {
                    double d = org.locationtech.jts.algorithm.Distance.pointToSegment(e, ring[s], ring[s + 1]);
                    if (d < bestDist) {
                        bestDist = d;
                        bestRing = r;
                        bestSeg = s;
                    }
                }
            }
            if (bestRing < 0) {
                return e;
            }
            Coordinate a = rings.get(bestRing)[bestSeg];
            Coordinate b = rings.get(bestRing)[bestSeg + 1];
            double len = a.distance(b);
            double step = 1 / GRID.getScale();
            if (e.distance(a) <= SEARCH_STEPS * step || len <= 2 * SEARCH_STEPS * step) {
                return new Coordinate(e.distance(a) <= e.distance(b) ? a : b);
            }
            if (e.distance(b) <= SEARCH_STEPS * step) {
                return new Coordinate(b);
            }
            double ux = (b.x - a.x) / len;
            double uy = (b.y - a.y) / len;
            Coordinate best = null;
            double bestOff = Double.POSITIVE_INFINITY;
            for (int k = -SEARCH_STEPS; k <= SEARCH_STEPS; k++) {
                Coordinate g = new Coordinate(GRID.makePrecise(e.x + k * step * ux), GRID.makePrecise(e.y + k * step * uy));
                double off = Math.abs((g.x - a.x) * uy - (g.y - a.y) * ux);
                if (off < bestOff) {
                    bestOff = off;
                    best = g;
                }
            }
            inserted.get(bestRing).computeIfAbsent(bestSeg, x -> new ArrayList<>()).add(best);
            return best;
        }
    }

    /** A detached piece smaller than this fraction of its unit's area is merged into a neighbouring unit. */
    static final double SMALL_PIECE = 0.2;

    /** Edge adjacency of the faces of the arrangement (faces share identical noded segments). */
    static final class FaceGraph {
        private final List<Polygon> faces;
        /** Per face: neighbour face index to shared boundary length, in first-seen order. */
        private final List<Map<Integer, Double>> shared = new ArrayList<>();

        FaceGraph(List<Polygon> faces) {
            this.faces = faces;
            Map<List<Double>, Integer> firstFaceOfSegment = new HashMap<>();
            for (int f = 0; f < faces.size(); f++) {
                shared.add(new java.util.LinkedHashMap<>());
            }
            for (int f = 0; f < faces.size(); f++) {
                Polygon face = faces.get(f);
                for (int r = -1; r < face.getNumInteriorRing(); r++) {
                    Coordinate[] cs = (r < 0 ? face.getExteriorRing() : face.getInteriorRingN(r)).getCoordinates();
                    for (int i = 0; i + 1 < cs.length; i++) {
                        Coordinate a = cs[i];
                        Coordinate b = cs[i + 1];
                        List<Double> key = a.compareTo(b) < 0 ? List.of(a.x, a.y, b.x, b.y) : List.of(b.x, b.y, a.x, a.y);
                        Integer other = firstFaceOfSegment.putIfAbsent(key, f);
                        if (other != null && other != f) {
                            double len = a.distance(b);
                            shared.get(f).merge(other, len, Double::sum);
                            shared.get(other).merge(f, len, Double::sum);
                        }
                    }
                }
            }
        }

        /**
         * Within each group, finds the edge-connected pieces of every unit; each piece other than the unit's
         * largest whose area is below {@code fraction} of the unit's area is reassigned to the unit of the same
         * group sharing the longest boundary with it. Returns the faces that changed unit.
         */
        List<Integer> mergeSmallPieces(List<Integer> unitOf, List<Integer> groupOf, double fraction) {
            Map<List<Integer>, Double> unitArea = new HashMap<>();
            for (int f = 0; f < faces.size(); f++) {
                unitArea.merge(List.of(groupOf.get(f), unitOf.get(f)), faces.get(f).getArea(), Double::sum);
            }
            // pieces: connected components of faces with the same (group, unit)
            int[] piece = new int[faces.size()];
            java.util.Arrays.fill(piece, -1);
            List<List<Integer>> pieces = new ArrayList<>();
            for (int start = 0; start < faces.size(); start++) {
                if (piece[start] >= 0) {
                    continue;
                }
                List<Integer> members = new ArrayList<>();
                java.util.ArrayDeque<Integer> queue = new java.util.ArrayDeque<>();
                queue.add(start);
                piece[start] = pieces.size();
                while (!queue.isEmpty()) {
                    int f = queue.poll();
                    members.add(f);
                    for (int n : shared.get(f).keySet()) {
                        if (piece[n] < 0 && unitOf.get(n).equals(unitOf.get(f)) && groupOf.get(n).equals(groupOf.get(f))) {
                            piece[n] = pieces.size();
                            queue.add(n);
                        }
                    }
                }
                pieces.add(members);
            }
            Map<List<Integer>, Integer> largestPiece = new HashMap<>();
            double[] pieceArea = new double[pieces.size()];
            for (int k = 0; k < pieces.size(); k++) {
                for (int f : pieces.get(k)) {
                    pieceArea[k] += faces.get(f).getArea();
                }
                int f0 = pieces.get(k).get(0);
                List<Integer> unit = List.of(groupOf.get(f0), unitOf.get(f0));
                Integer best = largestPiece.get(unit);
                if (best == null || pieceArea[k] > pieceArea[best]) {
                    largestPiece.put(unit, k);
                }
            }
            List<Integer> changed = new ArrayList<>();
            for (int k = 0; k < pieces.size(); k++) {
                int f0 = pieces.get(k).get(0);
                List<Integer> unit = List.of(groupOf.get(f0), unitOf.get(f0));
                if (largestPiece.get(unit) == k || pieceArea[k] >= fraction * unitArea.get(unit)) {
                    continue;
                }
                Map<Integer, Double> border = new java.util.TreeMap<>();
                for (int f : pieces.get(k)) {
                    for (Map.Entry<Integer, Double> e : shared.get(f).entrySet()) {
                        int n = e.getKey();
                        if (groupOf.get(n).equals(groupOf.get(f0)) && !unitOf.get(n).equals(unitOf.get(f0))) {
                            border.merge(unitOf.get(n), e.getValue(), Double::sum);
                        }
                    }
                }
                int target = -1;
                double longest = 0;
                for (Map.Entry<Integer, Double> e : border.entrySet()) {
                    if (e.getValue() > longest) {
                        longest = e.getValue();
                        target = e.getKey();
                    }
                }
                if (target < 0) {
                    continue;
                }
                for (int f : pieces.get(k)) {
                    unitOf.set(f, target);
                    changed.add(f);
                }
            }
            return changed;
        }
    }

    private static Geometry union(List<Polygon> faces, GeometryFactory factory) {
        if (faces.isEmpty()) {
            return factory.createPolygon();
        }
        return CoverageUnion.union(factory.buildGeometry(faces));
    }

    /** Index of the seed nearest to the point (the Voronoi cell containing it); ties go to the lower index. */
    static int nearest(List<Coordinate> seeds, Coordinate pt) {
        int best = 0;
        double bestDist = Double.POSITIVE_INFINITY;
        for (int i = 0; i < seeds.size(); i++) {
            Coordinate s = seeds.get(i);
            double d = (s.x - pt.x) * (s.x - pt.x) + (s.y - pt.y) * (s.y - pt.y);
            if (d < bestDist) {
                bestDist = d;
                best = i;
            }
        }
        return best;
    }
}
