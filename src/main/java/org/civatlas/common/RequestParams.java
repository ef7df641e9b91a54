package org.civatlas.common;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;

/**
 * Query parameters every module reads the same way (as pg_featureserv's {@code param.go}): an enum by name, a date.
 * A missing or blank value is the fallback; a bad one is a 400 problem that names the parameter and says what it
 * may be. Parameters with rules of one module stay there ({@code layers.ItemsQuery}, {@code coverage.CoverageParams}).
 */
public final class RequestParams {

    private RequestParams() {
    }

    /** An enum constant by its name, case-insensitive. */
    public static <E extends Enum<E>> E enumValue(String name, String value, Class<E> type, E fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.badParameter(name, name + " 的取值 '" + value + "' 无效，可选：" + Arrays.toString(
                    type.getEnumConstants()).toLowerCase(Locale.ROOT) + " / invalid " + name + " '" + value + "'");
        }
    }

    /** A calendar date YYYY-MM-DD (ISO 8601), such as {@code asOf}. */
    public static LocalDate date(String name, String value, LocalDate fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw ProblemException.badParameter(name, name + " 须为 YYYY-MM-DD 日期 / " + name
                    + " must be a date YYYY-MM-DD, got '" + value + "'");
        }
    }
}
