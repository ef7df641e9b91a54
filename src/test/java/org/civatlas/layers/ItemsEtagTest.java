package org.civatlas.layers;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ItemsEtagTest {

    private static final LocalDate DAY = LocalDate.of(2024, 5, 1);

    @Test
    void theSameRequestOnTheSameDataAndDayHasTheSameWeakTag() {
        String tag = ItemsEtag.of(7, "/ogc/collections/villages/items", "limit=5", false, ItemsPage.GEOJSON, DAY);
        assertThat(tag).matches("W/\"[0-9a-f]{24}\"");
        assertThat(ItemsEtag.of(7, "/ogc/collections/villages/items", "limit=5", false, ItemsPage.GEOJSON, DAY))
                .isEqualTo(tag);
    }

    @Test
    void everyPartOfTheKeyChangesTheTag() {
        List<String> tags = List.of(
                ItemsEtag.of(7, "/ogc/collections/villages/items", "limit=5", false, ItemsPage.GEOJSON, DAY),
                ItemsEtag.of(8, "/ogc/collections/villages/items", "limit=5", false, ItemsPage.GEOJSON, DAY),
                ItemsEtag.of(7, "/ogc/collections/townships/items", "limit=5", false, ItemsPage.GEOJSON, DAY),
                ItemsEtag.of(7, "/ogc/collections/villages/items", "limit=6", false, ItemsPage.GEOJSON, DAY),
                ItemsEtag.of(7, "/ogc/collections/villages/items", null, false, ItemsPage.GEOJSON, DAY),
                ItemsEtag.of(7, "/ogc/collections/villages/items", "limit=5", true, ItemsPage.GEOJSON, DAY),
                ItemsEtag.of(7, "/ogc/collections/villages/items", "limit=5", false, "application/json", DAY),
                ItemsEtag.of(7, "/ogc/collections/villages/items", "limit=5", false, ItemsPage.GEOJSON,
                        DAY.plusDays(1)));
        Set<String> distinct = new HashSet<>(tags);
        assertThat(distinct).hasSize(tags.size());
    }
}
