package org.civatlas.layers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.civatlas.common.ProblemException;
import org.junit.jupiter.api.Test;

class Cql2Test {

    private static final List<String> Q = List.of("name", "population", "urbanRural", "parentCode");

    private static Cql2.Row row(String name, Integer population, String urbanRural, double lon, double lat) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("name", name);
        p.put("population", population);
        p.put("urbanRural", urbanRural);
        p.put("parentCode", "653122100000");
        return new Cql2.Row(p, "{\"type\":\"Point\",\"coordinates\":[" + lon + "," + lat + "]}");
    }

    private static final Cql2.Row A = row("城关社区", 5000, "URBAN", 76.05, 39.40);
    private static final Cql2.Row B = row("阿拉甫村", 1200, "RURAL", 76.30, 39.20);
    private static final Cql2.Row C = row("无人口村", null, "RURAL", 76.31, 39.21);

    private static boolean test(String filter, Cql2.Row row) {
        return Cql2.parse(filter, Q).test(row);
    }

    @Test
    void comparisonsLogicAndLike() {
        assertThat(test("urbanRural = 'URBAN'", A)).isTrue();
        assertThat(test("urbanRural = 'URBAN'", B)).isFalse();
        assertThat(test("population > 2000 AND urbanRural <> 'RURAL'", A)).isTrue();
        assertThat(test("population >= 1200 and not (urbanRural = 'URBAN')", B)).isTrue();
        assertThat(test("population < 1000 OR name LIKE '阿%'", B)).isTrue();
        assertThat(test("name NOT LIKE '%社区'", A)).isFalse();
        assertThat(test("population IS NULL", C)).isTrue();
        assertThat(test("population IS NOT NULL", C)).isFalse();
        assertThat(test("population > 1", C)).isFalse();
        assertThat(test("\"name\" = 'it''s'", row("it's", 1, "RURAL", 0, 0))).isTrue();
    }

    @Test
    void spatialIntersects() {
        assertThat(test("S_INTERSECTS(geometry, BBOX(76.0, 39.3, 76.1, 39.5))", A)).isTrue();
        assertThat(test("S_INTERSECTS(geometry, BBOX(76.0, 39.3, 76.1, 39.5))", B)).isFalse();
        assertThat(test("S_INTERSECTS(geometry, POLYGON((76.2 39.1, 76.4 39.1, 76.4 39.3, 76.2 39.3, 76.2 39.1))) "
                + "AND urbanRural = 'RURAL'", B)).isTrue();
    }

    @Test
    void badFiltersSayWhereAndWhat() {
        for (String bad : List.of("colour = 'red'", "name = ", "name ~ 'x'", "(name = 'x'", "name = 'x' AND",
                "S_INTERSECTS(geometry, POLYGON((1 2, 3)))", "population > abc")) {
            assertThatThrownBy(() -> Cql2.parse(bad, Q)).as(bad).isInstanceOf(ProblemException.class)
                    .hasMessageContaining("CQL2");
        }
    }
}
