package org.civatlas.layers.tiles;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.IntFunction;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;

/**
 * Points merged per grid cell at low zoom, as tippecanoe and supercluster do: at a zoom below full detail, the points
 * that fall in one cell of a grid of {@link #CELL} tile units (4 px of a 256-px tile) become one point at their mean
 * position with the attribute {@value #COUNT} and the attributes on which all of them agree (a common type, say; not
 * a name or an id, so a merged point does not pass for one of its members); a point alone in its cell stays as it is.
 * Without it a province-sized registry put all its 20,000 facilities into the county's tile at every zoom up to 8
 * (1.9 MB), far more points than the tile has pixels.
 *
 * <p>The grid is the same for the whole world at a zoom and its cells are aligned to tile edges, so neighbouring tiles
 * agree on every merged point, and a merged point lies in one tile. A cell at zoom z is four cells of zoom z + 1, so
 * each zoom merges the previous zoom's points and merged points ({@link #at} is called for descending zooms): the
 * work shrinks with the zoom instead of going over every point again.
 */
final class PointThinning {

    /** Cell side in tile units (of {@link TileSource#EXTENT}): 64 units, 4 px of a 256-px tile, 1/64 of its side. */
    static final int CELL = 64;
    /** The attribute that says how many points a merged point stands for. */
    static final String COUNT = "point_count";

    /** A merged point: its position (Web Mercator), the features it stands for (ascending) and its attributes. */
    record Cluster(Point point, int[] members, Map<String, Object> attributes) {
    }

    private final Geometry[] mercator;
    /** Next member of the same group after a feature, or -1: the members of a group as a linked list. */
    private final int[] next;
    /** The groups of the last zoom asked (single points at first), in order of their first member. */
    private Group[] groups;

    /** A point or merged point: its smallest member decides its cell (all members share it). */
    private static final class Group {
        int first;
        int head;
        int tail;
        int count;
        double sumX;
        double sumY;
        /** The attributes all members agree on (without the count); null for a single point. */
        Map<String, Object> shared;
    }

    /**
     * @param mercator geometries by feature index (Web Mercator)
     * @param points   the indexes of the features that are single points, ascending
     */
    PointThinning(Geometry[] mercator, int[] points) {
        this.mercator = mercator;
        this.next = new int[mercator.length];
        Arrays.fill(next, -1);
        groups = new Group[points.length];
        for (int k = 0; k < points.length; k++) {
            Group g = new Group();
            Coordinate c = mercator[points[k]].getCoordinate();
            g.first = points[k];
            g.head = points[k];
            g.tail = points[k];
            g.count = 1;
            g.sumX = c.x;
            g.sumY = c.y;
            groups[k] = g;
        }
    }

    /**
     * The merged points at zoom z (cells holding two or more points), in the order of their first member.
     *
     * @param attributes       a feature's attributes at zoom z
     * @param attributesAsLast whether {@code attributes} are those of the zoom last asked for every feature
     */
    List<Cluster> at(int z, IntFunction<Map<String, Object>> attributes, boolean attributesAsLast) {
        double cell = TileMath.tileSizeMercator(z) * CELL / TileSource.EXTENT;
        Map<Long, Group> byCell = new HashMap<>();
        List<Group> merged = new ArrayList<>();
        for (Group g : groups) {
            if (g.count > 1 && !attributesAsLast) {
                g.shared = agreed(g, attributes);
            }
            Coordinate c = mercator[g.first].getCoordinate();
            long cx = (long) Math.floor((c.x + TileMath.ORIGIN_SHIFT) / cell);
            long cy = (long) Math.floor((TileMath.ORIGIN_SHIFT - c.y) / cell);
            Group into = byCell.putIfAbsent((cx << 32) | (cy & 0xffffffffL), g);
            if (into == null) {
                merged.add(g);
            } else {
                into.shared = intersection(sharedOf(into, attributes), sharedOf(g, attributes));
                next[into.tail] = g.head;
                into.tail = g.tail;
                into.first = Math.min(into.first, g.first);
                into.count += g.count;
                into.sumX += g.sumX;
                into.sumY += g.sumY;
            }
        }
        groups = merged.toArray(new Group[0]);
        List<Cluster> out = new ArrayList<>();
        for (Group g : groups) {
            if (g.count < 2) {
                continue;
            }
            int[] members = new int[g.count];
            int k = 0;
            for (int i = g.head; i >= 0; i = next[i]) {
                members[k++] = i;
            }
            Arrays.sort(members);
            Map<String, Object> attrs = new LinkedHashMap<>(g.shared);
            attrs.put(COUNT, g.count);
            Point at = mercator[g.first].getFactory().createPoint(new Coordinate(g.sumX / g.count, g.sumY / g.count));
            out.add(new Cluster(at, members, java.util.Collections.unmodifiableMap(attrs)));
        }
        return out;
    }

    private static Map<String, Object> sharedOf(Group g, IntFunction<Map<String, Object>> attributes) {
        return g.count == 1 ? attributes.apply(g.first) : g.shared;
    }

    private Map<String, Object> agreed(Group g, IntFunction<Map<String, Object>> attributes) {
        Map<String, Object> shared = attributes.apply(g.head);
        for (int i = next[g.head]; i >= 0 && !shared.isEmpty(); i = next[i]) {
            shared = intersection(shared, attributes.apply(i));
        }
        return shared;
    }

    /** The entries of a that b has too, with the same value; never the id. */
    private static Map<String, Object> intersection(Map<String, Object> a, Map<String, Object> b) {
        Map<String, Object> out = new LinkedHashMap<>();
        a.forEach((key, value) -> {
            if (!key.equals("id") && Objects.equals(value, b.get(key))) {
                out.put(key, value);
            }
        });
        return out;
    }
}
