package org.civatlas.layers.tiles;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Which attributes go into tiles at which zoom (typically fewer at low zoom, to keep tiles small). */
@FunctionalInterface
public interface AttributePolicy {

    /** The attributes to write for a feature at this zoom; never null. */
    Map<String, Object> select(Map<String, Object> attributes, int zoom);

    /**
     * Whether {@link #select} writes the same attributes of every feature at both zooms, so a tile source can keep the
     * attributes of one zoom for the other instead of selecting them again for every feature. The default: unknown.
     */
    default boolean sameAt(int zoom, int otherZoom) {
        return false;
    }

    /** Every attribute at every zoom. */
    static AttributePolicy all() {
        return new AttributePolicy() {
            @Override
            public Map<String, Object> select(Map<String, Object> attributes, int zoom) {
                return attributes;
            }

            @Override
            public boolean sameAt(int zoom, int otherZoom) {
                return true;
            }
        };
    }

    /**
     * Attributes listed under a key are written from that zoom on: {@code {0: [name], 8: [adcode, population]}} writes
     * {@code name} at every zoom and adds {@code adcode} and {@code population} from zoom 8. Attributes not listed are
     * never written.
     */
    static AttributePolicy byZoom(Map<Integer, List<String>> fromZoom) {
        TreeMap<Integer, List<String>> sorted = new TreeMap<>();
        fromZoom.forEach((z, names) -> sorted.put(z, List.copyOf(names)));
        return new ByZoom(sorted);
    }

    /** {@link #byZoom}: the names written at each zoom, worked out once per zoom rather than per feature. */
    final class ByZoom implements AttributePolicy {

        private final TreeMap<Integer, List<String>> fromZoom;
        private final List<List<String>> namesByZoom = new ArrayList<>();

        private ByZoom(TreeMap<Integer, List<String>> fromZoom) {
            this.fromZoom = fromZoom;
            for (int z = 0; z <= TileMath.MAX_ZOOM; z++) {
                List<String> names = new ArrayList<>();
                fromZoom.headMap(z, true).values().forEach(names::addAll);
                namesByZoom.add(List.copyOf(names));
            }
        }

        private List<String> names(int zoom) {
            if (zoom >= 0 && zoom < namesByZoom.size()) {
                return namesByZoom.get(zoom);
            }
            List<String> names = new ArrayList<>();
            fromZoom.headMap(zoom, true).values().forEach(names::addAll);
            return names;
        }

        @Override
        public Map<String, Object> select(Map<String, Object> attributes, int zoom) {
            Map<String, Object> out = new LinkedHashMap<>();
            for (String n : names(zoom)) {
                Object v = attributes.get(n);
                if (v != null) {
                    out.put(n, v);
                }
            }
            return out;
        }

        @Override
        public boolean sameAt(int zoom, int otherZoom) {
            return names(zoom).equals(names(otherZoom));
        }
    }
}
