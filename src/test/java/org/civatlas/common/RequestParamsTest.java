package org.civatlas.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

class RequestParamsTest {

    private static final LocalDate TODAY = LocalDate.of(2024, 5, 1);

    @Test
    void anEnumIsReadByNameInAnyCaseAndAMissingOneIsTheFallback() {
        assertThat(RequestParams.enumValue("day", " monday ", DayOfWeek.class, null)).isEqualTo(DayOfWeek.MONDAY);
        assertThat(RequestParams.enumValue("day", "Friday", DayOfWeek.class, null)).isEqualTo(DayOfWeek.FRIDAY);
        assertThat(RequestParams.enumValue("day", null, DayOfWeek.class, DayOfWeek.SUNDAY))
                .isEqualTo(DayOfWeek.SUNDAY);
        assertThat(RequestParams.enumValue("day", "  ", DayOfWeek.class, null)).isNull();
    }

    @Test
    void aBadEnumIsA400NamingTheParameterAndTheChoices() {
        assertThatThrownBy(() -> RequestParams.enumValue("day", "someday", DayOfWeek.class, null))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.status()).isEqualTo(HttpStatus.BAD_REQUEST);
                    assertThat(e.parameter()).isEqualTo("day");
                    assertThat(e.getMessage()).isEqualTo("day 的取值 'someday' 无效，可选：[monday, tuesday, wednesday, "
                            + "thursday, friday, saturday, sunday] / invalid day 'someday'");
                });
    }

    @Test
    void aDateIsIsoAndAMissingOneIsTheFallback() {
        assertThat(RequestParams.date("asOf", " 2024-04-30 ", TODAY)).isEqualTo(LocalDate.of(2024, 4, 30));
        assertThat(RequestParams.date("asOf", null, TODAY)).isEqualTo(TODAY);
        assertThat(RequestParams.date("asOf", "", null)).isNull();
    }

    @Test
    void aBadDateIsA400NamingTheParameter() {
        for (String bad : new String[] {"2024-13-01", "yesterday", "2024/05/01", "20240501"}) {
            assertThatThrownBy(() -> RequestParams.date("asOf", bad, TODAY)).as(bad)
                    .isInstanceOfSatisfying(ProblemException.class, e -> {
                        assertThat(e.parameter()).isEqualTo("asOf");
                        assertThat(e.getMessage()).isEqualTo("asOf 须为 YYYY-MM-DD 日期 / asOf must be a date "
                                + "YYYY-MM-DD, got '" + bad + "'");
                    });
        }
    }

    @Test
    void aNumberIsTakenWithinItsRangeBoundsIncluded() {
        assertThat(RequestParams.number("lon", " 75.9 ", -180, 180)).isEqualTo(75.9);
        assertThat(RequestParams.number("lat", "-90", -90, 90)).isEqualTo(-90);
        assertThat(RequestParams.number("radius", "100000", 0, 100_000)).isEqualTo(100_000);
    }

    @Test
    void aMissingOutOfRangeOrNonFiniteNumberIsA400SayingTheRange() {
        for (String bad : new String[] {"181", "-180.5", "NaN", "Infinity", "1e999", "east", "0x10"}) {
            assertThatThrownBy(() -> RequestParams.number("lon", bad, -180, 180)).as(bad)
                    .isInstanceOfSatisfying(ProblemException.class, e -> {
                        assertThat(e.status()).isEqualTo(HttpStatus.BAD_REQUEST);
                        assertThat(e.parameter()).isEqualTo("lon");
                        assertThat(e.getMessage()).isEqualTo("lon 须为 -180 到 180 之间的数 / lon must be a number from "
                                + "-180 to 180, got '" + bad + "'");
                    });
        }
        assertThatThrownBy(() -> RequestParams.number("lat", " ", -90, 90))
                .isInstanceOfSatisfying(ProblemException.class,
                        e -> assertThat(e.getMessage()).isEqualTo("lat 是必填项 / lat is required"));
        assertThatThrownBy(() -> RequestParams.number("ratio", "2", 0, 0.5))
                .hasMessageContaining("0 到 0.5").hasMessageContaining("from 0 to 0.5");
    }
}
