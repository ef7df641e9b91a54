package org.civatlas.layers.tiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;

class TileMathTest {

    private static final double O = TileMath.ORIGIN_SHIFT;

    @Test
    void zoomZeroIsTheWholeMercatorSquare() {
        Envelope e = TileMath.tileBoundsMercator(0, 0, 0);
        assertThat(e.getMinX()).isCloseTo(-O, within(1e-6));
        assertThat(e.getMaxX()).isCloseTo(O, within(1e-6));
        assertThat(e.getMinY()).isCloseTo(-O, within(1e-6));
        assertThat(e.getMaxY()).isCloseTo(O, within(1e-6));
        assertThat(O).isCloseTo(20037508.342789244, within(1e-6));
    }

    @Test
    void yGrowsDownwards() {
        Envelope nw = TileMath.tileBoundsMercator(1, 0, 0);
        assertThat(nw).isEqualTo(new Envelope(-O, 0, 0, O));
        Envelope se = TileMath.tileBoundsMercator(1, 1, 1);
        assertThat(se).isEqualTo(new Envelope(0, O, -O, 0));
        Envelope z2 = TileMath.tileBoundsMercator(2, 3, 1);
        assertThat(z2.getMinX()).isCloseTo(O / 2, within(1e-6));
        assertThat(z2.getMaxY()).isCloseTo(O / 2, within(1e-6));
        assertThat(z2.getWidth()).isCloseTo(O / 2, within(1e-6));
    }

    @Test
    void wgs84BoundsOfATile() {
        Envelope e = TileMath.tileBoundsWgs84(1, 1, 0);
        assertThat(e.getMinX()).isCloseTo(0, within(1e-9));
        assertThat(e.getMaxX()).isCloseTo(180, within(1e-9));
        assertThat(e.getMinY()).isCloseTo(0, within(1e-9));
        assertThat(e.getMaxY()).isCloseTo(TileMath.MAX_LATITUDE, within(1e-9));
    }

    @Test
    void validity() {
        assertThat(TileMath.valid(0, 0, 0)).isTrue();
        assertThat(TileMath.valid(22, (1 << 22) - 1, (1 << 22) - 1)).isTrue();
        assertThat(TileMath.valid(-1, 0, 0)).isFalse();
        assertThat(TileMath.valid(23, 0, 0)).isFalse();
        assertThat(TileMath.valid(1, 2, 0)).isFalse();
        assertThat(TileMath.valid(1, 0, 2)).isFalse();
        assertThat(TileMath.valid(3, -1, 0)).isFalse();
        assertThat(TileMath.valid(3, 0, -1)).isFalse();
        assertThatThrownBy(() -> TileMath.tileBoundsMercator(1, 2, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void lonLatToTile() {
        // Shule, 76.0°E 39.4°N
        int x = TileMath.lonToTileX(76.0, 8);
        int y = TileMath.latToTileY(39.4, 8);
        assertThat(x).isEqualTo(182);
        assertThat(y).isEqualTo(97);
        Envelope b = TileMath.tileBoundsWgs84(8, x, y);
        assertThat(b.contains(76.0, 39.4)).isTrue();
        assertThat(TileMath.lonToTileX(180, 3)).isEqualTo(7);
        assertThat(TileMath.latToTileY(-90, 3)).isEqualTo(7);
    }

    @Test
    void mercatorRoundTrip() {
        assertThat(TileMath.mercatorYToLat(TileMath.latToMercatorY(39.4))).isCloseTo(39.4, within(1e-9));
        assertThat(TileMath.mercatorXToLon(TileMath.lonToMercatorX(-122.3))).isCloseTo(-122.3, within(1e-9));
        assertThat(TileMath.latToMercatorY(89)).isCloseTo(O, within(1e-3));
    }
}
