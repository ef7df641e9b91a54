package org.civatlas.layers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.civatlas.common.ProblemException;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;

class ItemsQueryTest {

    @Test
    void defaultsAndClamping() {
        assertThat(ItemsQuery.parse((String) null, null, null)).isEqualTo(new ItemsQuery(null, 10, 0, false));
        assertThat(ItemsQuery.parse((String) null, "5000", "20")).isEqualTo(new ItemsQuery(null, 1000, 20, true));
    }

    @Test
    void bboxWithFourOrSixNumbers() {
        assertThat(ItemsQuery.bbox("75.5,39.0,76.5,39.8")).isEqualTo(new Envelope(75.5, 76.5, 39.0, 39.8));
        assertThat(ItemsQuery.bbox("75.5, 39.0, 0, 76.5, 39.8, 100")).isEqualTo(new Envelope(75.5, 76.5, 39.0, 39.8));
    }

    @Test
    void badBboxSaysWhy() {
        assertThatThrownBy(() -> ItemsQuery.bbox("76,40,77,39")).isInstanceOf(ProblemException.class)
                .hasMessageContaining("latitude");
        assertThatThrownBy(() -> ItemsQuery.bbox("77,39,76,40")).hasMessageContaining("antimeridian");
        assertThatThrownBy(() -> ItemsQuery.bbox("1,2,NaN,4")).hasMessageContaining("finite");
        assertThatThrownBy(() -> ItemsQuery.bbox("1,2,3")).hasMessageContaining("four numbers");
    }
}
