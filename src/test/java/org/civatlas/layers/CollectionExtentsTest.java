package org.civatlas.layers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;

class CollectionExtentsTest {

    @Test
    void anExtentIsReadOncePerDataVersion() {
        AtomicInteger reads = new AtomicInteger();
        AtomicLong version = new AtomicLong(1);
        FeatureSource.Feature point = new FeatureSource.Feature("1", "{\"type\":\"Point\",\"coordinates\":[76,39]}",
                Map.of(), "1");
        ListSource source = new ListSource("points", "Points", "", "Point", false, () -> {
            reads.incrementAndGet();
            return List.of(point);
        }, f -> new Envelope(76, 76, 39, 39));
        CollectionExtents extents = new CollectionExtents(version::get);
        assertThat(extents.of(source)).isEqualTo(new Envelope(76, 76, 39, 39));
        assertThat(extents.of(source)).isEqualTo(new Envelope(76, 76, 39, 39));
        assertThat(reads).hasValue(1);
        version.incrementAndGet();
        extents.of(source);
        assertThat(reads).hasValue(2);

        ListSource empty = new ListSource("none", "None", "", "Point", false, List::of, f -> new Envelope());
        assertThat(extents.of(empty)).isNull();
    }
}
