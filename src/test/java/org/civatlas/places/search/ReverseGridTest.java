package org.civatlas.places.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

import net.sf.geographiclib.Geodesic;
import net.sf.geographiclib.GeodesicMask;
import org.junit.jupiter.api.Test;

class ReverseGridTest {

    private static NameEntry at(long id, double lon, double lat) {
        return new NameEntry(id, "地" + id, null, null, "V", "1", true, false, SearchFilter.PUBLISHED, lon, lat, 1);
    }

    /** The grid finds exactly the points a full geodesic scan finds, also across the antimeridian and near a pole. */
    @Test
    void matchesAFullScan() {
        SplittableRandom r = new SplittableRandom(3);
        double[][] centres = {{76.05, 39.4}, {179.99, -16.5}, {-179.99, 65}, {10, 89.5}, {0, 0}};
        List<NameEntry> l = new ArrayList<>();
        long id = 0;
        for (double[] c : centres) {
            for (int i = 0; i < 400; i++) {
                double lon = c[0] + (r.nextDouble() - 0.5) * 2;
                lon = lon > 180 ? lon - 360 : lon < -180 ? lon + 360 : lon;
                double lat = c[1] + (r.nextDouble() - 0.5) * 0.8;
                l.add(at(id++, lon, lat));
            }
        }
        l.add(new NameEntry(id, "无点", null, null, "V", "1", true, false, SearchFilter.PUBLISHED, Double.NaN,
                Double.NaN, 1));
        RankedEntries entries = RankedEntries.of(l);
        ReverseGrid grid = new ReverseGrid(entries);
        assertThat(grid.size()).isEqualTo(l.size() - 1);
        EntryFilter all = new EntryFilter(entries, SearchFilter.none());
        for (double[] c : centres) {
            for (double radius : new double[] {500, 5_000, 30_000, 100_000}) {
                List<Hit> hits = grid.nearest(c[0], c[1], radius, GazetteerIndex.MAX_LIMIT, all);
                List<Long> expected = l.stream().filter(NameEntry::hasPoint)
                        .filter(e -> distance(c, e) <= radius)
                        .sorted(Comparator.comparingDouble((NameEntry e) -> distance(c, e)))
                        .map(NameEntry::placeId).limit(GazetteerIndex.MAX_LIMIT).toList();
                assertThat(hits).extracting(h -> h.entry().placeId()).as(c[0] + "," + c[1] + " " + radius)
                        .isEqualTo(expected);
                for (Hit h : hits) {
                    assertThat(h.score()).isEqualTo(1 - h.distanceMetres() / radius);
                }
            }
        }
    }

    private static double distance(double[] c, NameEntry e) {
        return Geodesic.WGS84.Inverse(c[1], c[0], e.lat(), e.lon(), GeodesicMask.DISTANCE).s12;
    }

    @Test
    void aFormerNameShowsItsPlaceOnce() {
        List<NameEntry> l = List.of(at(1, 76, 39),
                new NameEntry(1, "旧名", null, null, "V", "1", false, true, SearchFilter.PUBLISHED, 76, 39.0001, 1),
                new NameEntry(2, "旧名二", null, null, "V", "1", false, true, SearchFilter.PUBLISHED, 76, 39.0002, 1));
        RankedEntries entries = RankedEntries.of(l);
        List<Hit> hits = new ReverseGrid(entries).nearest(76, 39.0001, 100, 10,
                new EntryFilter(entries, SearchFilter.publicDefault()));
        // place 1 once, by its current name; place 2 has no current name in the index: its former entry
        assertThat(hits).extracting(h -> h.entry().name()).containsExactly("地1", "旧名二");
    }
}
