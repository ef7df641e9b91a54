package org.civatlas.layers;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.locationtech.jts.geom.Envelope;

/**
 * A feature collection over a small list read whole from its module (lines, markers, disputes of one county): bbox
 * filter and paging in memory.
 */
record ListSource(String id, String title, String description, String geometryType, boolean staffOnly,
        Supplier<List<FeatureSource.Feature>> features, Function<FeatureSource.Feature, Envelope> envelope)
        implements FeatureSource {

    @Override
    public boolean visibleTo(boolean staff) {
        return staff || !staffOnly;
    }

    @Override
    public long count(Envelope bbox, boolean staff) {
        return matching(bbox).size();
    }

    @Override
    public List<Feature> page(Envelope bbox, int offset, int limit, boolean staff) {
        List<Feature> all = matching(bbox);
        return all.subList(Math.min(offset, all.size()), Math.min(all.size(), offset + limit));
    }

    @Override
    public Optional<Feature> item(String featureId, boolean staff) {
        return features.get().stream().filter(f -> f.id().equals(featureId)).findFirst();
    }

    @Override
    public Envelope extent() {
        Envelope e = new Envelope();
        features.get().forEach(f -> e.expandToInclude(envelope.apply(f)));
        return e.isNull() ? null : e;
    }

    private List<Feature> matching(Envelope bbox) {
        return features.get().stream().filter(f -> bbox == null || bbox.intersects(envelope.apply(f))).toList();
    }
}
