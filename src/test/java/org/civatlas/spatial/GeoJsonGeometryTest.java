package org.civatlas.spatial;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GeoJsonGeometryTest {

    @Test
    void sevenDecimalsByDefaultNoCrsMemberAndNullForNoGeometry() {
        assertThat(GeoJsonGeometry.write(Geometries.point(76.123456789, 39.5)))
                .isEqualTo("{\"type\":\"Point\",\"coordinates\":[76.1234568,39.5]}");
        assertThat(GeoJsonGeometry.write(Geometries.point(500_000.123456, 4_300_000.5), 3))
                .isEqualTo("{\"type\":\"Point\",\"coordinates\":[500000.123,4300000.5]}");
        assertThat(GeoJsonGeometry.write(null)).isEqualTo("null");
    }
}
