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

    /** Every attribute at every zoom. */
    static AttributePolicy all() {
        return (attributes, zoom) -> attributes;
    }

    /**
     * Attributes listed under a key are written from that zoom on: {@code {0: [name], 8: [adcode, population]}} writes
     * {@code name} at every zoom and adds {@code adcode} and {@code population} from zoom 8. Attributes not listed are
     * never written.
     */
    static AttributePolicy byZoom(Map<Integer, List<String>> fromZoom) {
        TreeMap<Integer, List<String>> sorted = new TreeMap<>();
        fromZoom.forEach((z, names) -> sorted.put(z, List.copyOf(names)));
        return (attributes, zoom) -> {
            List<String> names = new ArrayList<>();
            sorted.headMap(zoom, true).values().forEach(names::addAll);
            Map<String, Object> out = new LinkedHashMap<>();
            for (String n : names) {
                Object v = attributes.get(n);
                if (v != null) {
                    out.put(n, v);
                }
            }
            return out;
        };
    }
}
