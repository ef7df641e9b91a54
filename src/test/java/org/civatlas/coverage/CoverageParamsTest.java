package org.civatlas.coverage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.civatlas.common.ProblemException;
import org.junit.jupiter.api.Test;

class CoverageParamsTest {

    @Test
    void scenarioIsCurrentUnlessPlannedIsAskedFor() {
        assertThat(CoverageParams.scenario(null)).isEqualTo(Scenario.CURRENT);
        assertThat(CoverageParams.scenario(" Current ")).isEqualTo(Scenario.CURRENT);
        assertThat(CoverageParams.scenario("planned")).isEqualTo(Scenario.WITH_PLANNED);
        assertThat(CoverageParams.scenario("WITH_PLANNED")).isEqualTo(Scenario.WITH_PLANNED);
        assertThatThrownBy(() -> CoverageParams.scenario("maybe")).isInstanceOfSatisfying(ProblemException.class,
                e -> assertThat(e.parameter()).isEqualTo("scenario"));
    }

    @Test
    void typesAreCommaSeparatedAndRequired() {
        assertThat(CoverageParams.types(" A, B ,,C")).containsExactly("A", "B", "C");
        for (String none : new String[] {null, "", "  "}) {
            assertThatThrownBy(() -> CoverageParams.types(none)).isInstanceOfSatisfying(ProblemException.class,
                    e -> assertThat(e.parameter()).isEqualTo("types"));
        }
    }

    @Test
    void aDistanceIsAFiniteNumber() {
        assertThat(CoverageParams.distance(null)).isNull();
        assertThat(CoverageParams.distance(" 2500.5 ")).isEqualTo(2500.5);
        assertThat(CoverageParams.distance("-5")).isEqualTo(-5.0); // its range is the rule's business
        for (String bad : new String[] {"far", "NaN", "Infinity"}) {
            assertThatThrownBy(() -> CoverageParams.distance(bad)).as(bad)
                    .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.getMessage())
                            .isEqualTo("distance 须为米数 / distance must be a number of metres, got '" + bad + "'"));
        }
    }

    @Test
    void theDistanceRuleNeedsADistanceAboveZeroAndAtMost200Km() {
        for (Double ok : List.of(0.001, 5_000.0, CoverageParams.MAX_DISTANCE_METRES)) {
            assertThatCode(() -> CoverageParams.requireDistance(CoverageRule.DISTANCE, ok)).doesNotThrowAnyException();
        }
        for (Double bad : new Double[] {null, 0.0, -1.0, Double.NaN, 200_000.5}) {
            assertThatThrownBy(() -> CoverageParams.requireDistance(CoverageRule.DISTANCE, bad)).as("" + bad)
                    .isInstanceOfSatisfying(ProblemException.class, e -> {
                        assertThat(e.parameter()).isEqualTo("distance");
                        assertThat(e.getMessage()).contains("the distance rule needs distance in metres, above 0 and "
                                + "at most 200000");
                    });
        }
        assertThatCode(() -> CoverageParams.requireDistance(CoverageRule.CONTAINMENT, null))
                .doesNotThrowAnyException();
    }
}
