package org.civatlas.layers;

import java.util.List;
import java.util.Optional;
import org.locationtech.jts.geom.Envelope;

/** One feature collection of the OGC API: what it is and how to read its features. */
interface FeatureSource {

    String id();

    String title();

    String description();

    /** The GeoJSON geometry type the collection holds, for clients that ask. */
    String geometryType();

    long count(Envelope bbox, boolean staff);

    List<Feature> page(Envelope bbox, int offset, int limit, boolean staff);

    /**
     * The page's features one at a time, for a response written as they come. Sources whose features are large
     * (polygons) read them one by one; the default hands over the list {@link #page} makes.
     */
    default void forEachInPage(Envelope bbox, int offset, int limit, boolean staff,
            java.util.function.Consumer<Feature> action) {
        page(bbox, offset, limit, staff).forEach(action);
    }

    Optional<Feature> item(String featureId, boolean staff);

    Envelope extent();

    /** The properties a client may filter on: those of the first feature (every feature has the same set). */
    default java.util.List<String> queryables(boolean staff) {
        java.util.List<Feature> first = page(null, 0, 1, staff);
        return first.isEmpty() ? java.util.List.of() : java.util.List.copyOf(first.get(0).properties().keySet());
    }

    /** Whether the collection exists for this client: restricted ones are invisible (404) to anonymous clients. */
    /** The kinds of data this collection is made of: its tiles are rebuilt when one of them changed. */
    default java.util.Set<LayerDataVersion.Kind> madeOf() {
        return java.util.EnumSet.allOf(LayerDataVersion.Kind.class);
    }

    default boolean visibleTo(boolean staff) {
        return true;
    }

    /** A GeoJSON feature: id, geometry as GeoJSON text (JTS writer), properties. */
    record Feature(String id, String geometryJson, java.util.Map<String, Object> properties, String label) {
    }
}
