package org.civatlas.layers;

import java.util.List;
import java.util.Map;
import org.civatlas.facilities.Facility;
import org.civatlas.facilities.FacilityRegistry;
import org.civatlas.facilities.FacilityType;
import org.locationtech.jts.geom.Coordinate;
import org.springframework.stereotype.Component;

/**
 * The facility registry as the facility collections serve it, read once per layer data version rather than on every
 * item page (a province-sized registry has tens of thousands of facilities).
 */
@Component
class FacilityRows {

    /**
     * The facilities with, by position in {@code all}, their coordinates and type group worked out once: a bbox or
     * group filter then runs over plain arrays (reading a location's coordinate from the registry's geometry makes a
     * new object each time, and filtering 20,000 facilities that way was most of an item page's cost).
     */
    record Rows(List<Facility> all, Map<String, FacilityType> types, double[] lon, double[] lat, String[] group) {

        static Rows of(List<Facility> all, Map<String, FacilityType> types) {
            double[] lon = new double[all.size()];
            double[] lat = new double[all.size()];
            String[] group = new String[all.size()];
            for (int i = 0; i < all.size(); i++) {
                Facility f = all.get(i);
                Coordinate c = f.location().getCoordinate();
                lon[i] = c.x;
                lat[i] = c.y;
                FacilityType type = types.get(f.typeCode());
                group[i] = type == null ? null : type.group();
            }
            return new Rows(all, types, lon, lat, group);
        }
    }

    private final PerDataVersion<Rows> rows;

    FacilityRows(FacilityRegistry registry, LayerDataVersion dataVersion) {
        this.rows = new PerDataVersion<>(dataVersion, () -> Rows.of(registry.all(), Map.copyOf(registry.typesByCode())));
    }

    Rows current() {
        return rows.get();
    }
}
