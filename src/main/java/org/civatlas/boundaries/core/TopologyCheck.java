package org.civatlas.boundaries.core;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.stream.IntStream;

import org.civatlas.spatial.Geometries;
import org.locationtech.jts.coverage.CoverageGapFinder;
import org.locationtech.jts.coverage.CoverageValidator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.util.GeometryFixer;
import org.locationtech.jts.geom.util.LinearComponentExtracter;
import org.locationtech.jts.geom.util.PolygonExtracter;
import org.locationtech.jts.index.strtree.STRtree;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;
import org.locationtech.jts.operation.valid.IsValidOp;
import org.locationtech.jts.operation.valid.TopologyValidationError;

/**
 * Topology checks of a set of sibling units (e.g. the townships of a county) and, optionally, of the siblings against
 * their parent.
 *
 * <ul>
 *   <li>{@code invalid}: a unit whose polygon is invalid by JTS {@link IsValidOp} (location = the error coordinate,
 *       detail = JTS's message, e.g. "Ring Self-intersection"); the parent is checked too. Also: sibling edges that
 *       JTS {@link CoverageValidator} finds misaligned with their neighbours (location = those edges; detail starts
 *       with {@link #COVERAGE_DETAIL}); they mark overlaps, crossings and vertices not shared by the neighbour.
 *       The validator runs without a gap width: its "nearly parallel" gap heuristic flags short edges meeting a
 *       neighbour's edge at an acute angle (it did so on the generated villages, which tile exactly); narrow gaps
 *       come from {@link CoverageGapFinder} instead.</li>
 *   <li>{@code overlap}: two siblings whose areas intersect with positive area (candidate pairs from an STRtree,
 *       intersection on repaired copies, {@link GeometryFixer}, when an input is invalid).</li>
 *   <li>{@code gap}: a gap between siblings narrower than the gap width ({@link CoverageGapFinder}; location = the
 *       gap's ring), and, with a parent, every part of the parent not covered by the siblings (parent minus the union
 *       of the siblings) that is not already reported.</li>
 *   <li>{@code outside-parent}: the part of a sibling outside the parent (sibling minus parent).</li>
 * </ul>
 * Area results (overlap, gap, outside-parent) ignore slivers of mean width (2·area / perimeter) below
 * {@link #NOISE_WIDTH_DEGREES}: those come from rounding coordinates to a grid, not from the data.
 * Inputs are never modified.
 */
public final class TopologyCheck {

    /** Mean width below which an area result is numerical noise (1e-6° ≈ 0.1 m). */
    public static final double NOISE_WIDTH_DEGREES = 1e-6;

    /** Prefix of the detail of {@code invalid} problems found by {@link CoverageValidator}. */
    public static final String COVERAGE_DETAIL = "coverage:";

    private static final GeometryFactory GF = Geometries.WGS84;

    private TopologyCheck() {
    }

    /** Siblings against each other, and (if parent != null) children against their parent. */
    public static List<Problem> check(List<Unit> siblings, Unit parent, double gapWidthDegrees) {
        List<Problem> out = new ArrayList<>();
        int n = siblings.size();

        // ---- invalid polygons (and repaired copies for the area operations)
        Geometry[] fixed = new Geometry[n];
        Problem[] invalid = new Problem[n];
        IntStream.range(0, n).parallel().forEach(i -> {
            Unit u = siblings.get(i);
            invalid[i] = validity(u);
            fixed[i] = repaired(u.geometry(), invalid[i] == null);
        });
        Problem parentInvalid = parent == null ? null : validity(parent);
        for (Problem p : invalid) {
            if (p != null) {
                out.add(p);
            }
        }
        if (parentInvalid != null) {
            out.add(parentInvalid);
        }
        List<Integer> present = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (fixed[i] != null && !fixed[i].isEmpty()) {
                present.add(i);
            }
        }

        // ---- coverage linework (on the inputs as they are; on repaired copies if JTS cannot handle them)
        Geometry[] cover = present.stream().map(i -> siblings.get(i).geometry()).toArray(Geometry[]::new);
        Geometry[] invalidEdges;
        try {
            invalidEdges = CoverageValidator.validate(cover);
        } catch (RuntimeException e) {
            cover = present.stream().map(i -> fixed[i]).toArray(Geometry[]::new);
            invalidEdges = CoverageValidator.validate(cover);
        }
        for (int k = 0; k < invalidEdges.length; k++) {
            if (invalidEdges[k] != null && !invalidEdges[k].isEmpty()) {
                out.add(new Problem(Problem.INVALID, List.of(siblings.get(present.get(k)).code()), invalidEdges[k],
                        String.format(Locale.ROOT, "%s %d edge(s) not matching the neighbours' edges (JTS "
                                        + "CoverageValidator): overlapping, crossing, or with a vertex the neighbour "
                                        + "lacks", COVERAGE_DETAIL, invalidEdges[k].getNumGeometries())));
            }
        }

        // ---- overlaps between siblings
        STRtree tree = new STRtree();
        for (int i : present) {
            tree.insert(fixed[i].getEnvelopeInternal(), i);
        }
        tree.build();
        List<int[]> candidates = new ArrayList<>();
        for (int i : present) {
            for (Object o : tree.query(fixed[i].getEnvelopeInternal())) {
                int j = (Integer) o;
                if (j > i) {
                    candidates.add(new int[] {i, j});
                }
            }
        }
        Problem[] overlaps = new Problem[candidates.size()];
        IntStream.range(0, candidates.size()).parallel().forEach(k -> {
            int i = candidates.get(k)[0];
            int j = candidates.get(k)[1];
            Geometry area = significant(overlay(fixed[i], fixed[j], OverlayNG.INTERSECTION));
            if (area != null) {
                overlaps[k] = new Problem(Problem.OVERLAP, ordered(siblings.get(i).code(), siblings.get(j).code()),
                        area, String.format(Locale.ROOT, "overlap of %.0f m²", Geodesics.area(area)));
            }
        });
        for (Problem p : overlaps) {
            if (p != null) {
                out.add(p);
            }
        }

        // ---- narrow gaps between siblings
        List<Geometry> narrowGaps = new ArrayList<>();
        Geometry gapLines;
        try {
            gapLines = CoverageGapFinder.findGaps(cover, gapWidthDegrees);
        } catch (RuntimeException e) {
            gapLines = CoverageGapFinder.findGaps(present.stream().map(i -> fixed[i]).toArray(Geometry[]::new),
                    gapWidthDegrees);
        }
        if (gapLines != null) {
            for (Object o : LinearComponentExtracter.getLines(gapLines)) {
                LineString line = (LineString) o;
                Geometry where = line.isClosed() && line.getNumPoints() >= 4
                        ? GF.createPolygon(line.getCoordinates()) : line;
                narrowGaps.add(where);
                out.add(new Problem(Problem.GAP, near(where, siblings, fixed, tree, gapWidthDegrees), where,
                        String.format(Locale.ROOT, "gap between siblings narrower than %s° (JTS CoverageGapFinder)",
                                gapWidthDegrees)));
            }
        }

        // ---- against the parent
        if (parent != null && parent.geometry() != null && !parent.geometry().isEmpty()) {
            Geometry parentFixed = repaired(parent.geometry(), parentInvalid == null);
            Problem[] outside = new Problem[n];
            IntStream.range(0, present.size()).parallel().forEach(k -> {
                int i = present.get(k);
                Geometry area = significant(overlay(fixed[i], parentFixed, OverlayNG.DIFFERENCE));
                if (area != null) {
                    outside[i] = new Problem(Problem.OUTSIDE_PARENT, List.of(siblings.get(i).code(), parent.code()),
                            area, String.format(Locale.ROOT, "%.0f m² outside the parent %s", Geodesics.area(area),
                                    parent.code()));
                }
            });
            for (Problem p : outside) {
                if (p != null) {
                    out.add(p);
                }
            }
            Geometry union = present.isEmpty() ? GF.createPolygon()
                    : OverlayNGRobust.union(GF.buildGeometry(present.stream().map(i -> fixed[i]).toList()));
            Geometry uncovered = significant(overlay(parentFixed, union, OverlayNG.DIFFERENCE));
            if (uncovered != null) {
                for (int k = 0; k < uncovered.getNumGeometries(); k++) {
                    Geometry gap = uncovered.getGeometryN(k);
                    boolean known = narrowGaps.stream().anyMatch(g -> g.getEnvelopeInternal()
                            .covers(gap.getEnvelopeInternal()));
                    if (known) {
                        continue;
                    }
                    List<String> codes = new ArrayList<>();
                    codes.add(parent.code());
                    codes.addAll(near(gap, siblings, fixed, tree, gapWidthDegrees));
                    out.add(new Problem(Problem.GAP, codes, gap, String.format(Locale.ROOT,
                            "%.0f m² of the parent %s covered by no sibling", Geodesics.area(gap), parent.code())));
                }
            }
        }
        out.sort(Comparator.comparing(Problem::kind).thenComparing(p -> String.join(",", p.units())));
        return out;
    }

    private static Problem validity(Unit u) {
        Geometry g = u.geometry();
        if (g == null || g.isEmpty()) {
            return new Problem(Problem.INVALID, List.of(u.code()), null, "no geometry");
        }
        TopologyValidationError err = new IsValidOp(g).getValidationError();
        if (err == null) {
            return null;
        }
        Coordinate c = err.getCoordinate();
        return new Problem(Problem.INVALID, List.of(u.code()), c == null ? null : GF.createPoint(c.copy()),
                err.getMessage());
    }

    private static Geometry repaired(Geometry g, boolean valid) {
        if (g == null || g.isEmpty()) {
            return null;
        }
        return valid ? g : GeometryFixer.fix(g);
    }

    private static Geometry overlay(Geometry a, Geometry b, int op) {
        if (op == OverlayNG.INTERSECTION && !a.getEnvelopeInternal().intersects(b.getEnvelopeInternal())) {
            return null;
        }
        return OverlayNGRobust.overlay(a, b, op);
    }

    /** The polygons of g whose mean width exceeds the noise, or null if none. */
    private static Geometry significant(Geometry g) {
        if (g == null || g.isEmpty()) {
            return null;
        }
        List<Polygon> keep = new ArrayList<>();
        for (Object o : PolygonExtracter.getPolygons(g)) {
            Polygon p = (Polygon) o;
            double area = p.getArea();
            if (area > 0 && 2 * area / p.getLength() > NOISE_WIDTH_DEGREES) {
                keep.add(p);
            }
        }
        if (keep.isEmpty()) {
            return null;
        }
        return keep.size() == 1 ? keep.get(0) : GF.createMultiPolygon(keep.toArray(new Polygon[0]));
    }

    /** Codes of the siblings within {@code distance} of g, in code order. */
    private static List<String> near(Geometry g, List<Unit> siblings, Geometry[] fixed, STRtree tree,
                                     double distance) {
        Envelope e = new Envelope(g.getEnvelopeInternal());
        e.expandBy(distance);
        TreeSet<String> codes = new TreeSet<>();
        for (Object o : tree.query(e)) {
            int i = (Integer) o;
            if (fixed[i].isWithinDistance(g, distance)) {
                codes.add(siblings.get(i).code());
            }
        }
        return new ArrayList<>(codes);
    }

    private static List<String> ordered(String a, String b) {
        return a.compareTo(b) <= 0 ? List.of(a, b) : List.of(b, a);
    }
}
