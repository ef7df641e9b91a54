package org.civatlas.layers;

import java.util.List;
import java.util.Optional;
import org.civatlas.divisions.Division;
import org.civatlas.divisions.DivisionLevel;
import org.civatlas.divisions.DivisionQueries;
import org.locationtech.jts.geom.Envelope;

/** Administrative units of one level as a feature collection; paging and bbox run in the database. */
record DivisionSource(String id, String title, String description, DivisionLevel level, DivisionQueries divisions)
        implements FeatureSource {

    /** Units only: facility, place and boundary edits leave their tiles as they are. */
    @Override
    public java.util.Set<LayerDataVersion.Kind> madeOf() {
        return java.util.EnumSet.of(LayerDataVersion.Kind.DIVISIONS);
    }


    @Override
    public String geometryType() {
        return "MultiPolygon";
    }

    @Override
    public long count(Envelope bbox, boolean staff) {
        return divisions.count(level, bbox);
    }

    @Override
    public List<Feature> page(Envelope bbox, int offset, int limit, boolean staff) {
        return divisions.page(level, bbox, offset, limit).stream().map(DivisionSource::feature).toList();
    }

    @Override
    public void forEachInPage(Envelope bbox, int offset, int limit, boolean staff,
            java.util.function.Consumer<Feature> action) {
        divisions.forEachGeoJsonInPage(level, bbox, offset, limit, GeoJsonFeatures.DECIMALS, d -> action.accept(
                new Feature(d.division().code(), d.geometry() == null ? "null" : d.geometry(),
                        GeoJsonFeatures.properties(d.division()), d.division().name())));
    }

    @Override
    public Optional<Feature> item(String featureId, boolean staff) {
        return divisions.byCode(featureId).filter(d -> d.level() == level).map(DivisionSource::feature);
    }

    @Override
    public Envelope extent() {
        return divisions.extent(level);
    }

    private static Feature feature(Division d) {
        return new Feature(d.code(), GeoJsonFeatures.geometry(d.geometry()), GeoJsonFeatures.properties(d),
                d.name());
    }
}
