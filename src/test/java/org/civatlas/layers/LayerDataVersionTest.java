package org.civatlas.layers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import org.civatlas.divisions.DivisionsChanged;
import org.civatlas.facilities.FacilitiesChanged;
import org.junit.jupiter.api.Test;

/** A facility edit moves what facility tiles and item ETags depend on, and leaves the unit layers' tiles alone. */
class LayerDataVersionTest {

    @Test
    void eachKindMovesOnlyWhatIsMadeOfIt() {
        LayerDataVersion v = new LayerDataVersion();
        long all = v.current();
        long units = v.of(EnumSet.of(LayerDataVersion.Kind.DIVISIONS));
        long facilities = v.of(EnumSet.of(LayerDataVersion.Kind.FACILITIES));

        v.facilitiesChanged(new FacilitiesChanged(6));
        assertThat(v.current()).isNotEqualTo(all);
        assertThat(v.of(EnumSet.of(LayerDataVersion.Kind.FACILITIES))).isNotEqualTo(facilities);
        assertThat(v.of(EnumSet.of(LayerDataVersion.Kind.DIVISIONS))).isEqualTo(units);

        v.divisionsChanged(new DivisionsChanged("653122200201"));
        assertThat(v.of(EnumSet.of(LayerDataVersion.Kind.DIVISIONS))).isNotEqualTo(units);
    }

    @Test
    void unitLayersAreMadeOfUnitsOnly() {
        FeatureSource villages = new DivisionSource("villages", "村", "villages", null, null);
        assertThat(villages.madeOf()).containsExactly(LayerDataVersion.Kind.DIVISIONS);
    }
}
