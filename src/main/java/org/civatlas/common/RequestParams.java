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

    /**
     * A required finite number within [min, max], such as a longitude or a search radius. Bounds are written as
     * plain numbers in the message ("-180 到 180"), so the person reading it sees the range, not Java's doubles.
     */
    public static double number(String name, String value, double min, double max) {
        if (value == null || value.isBlank()) {
            throw ProblemException.badParameter(name, name + " 是必填项 / " + name + " is required");
        }
        try {
            double d = Double.parseDouble(value.strip());
            if (Double.isFinite(d) && d >= min && d <= max) {
                return d;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        String range = plain(min) + " 到 " + plain(max);
        throw ProblemException.badParameter(name, name + " 须为 " + range + " 之间的数 / " + name
                + " must be a number from " + plain(min) + " to " + plain(max) + ", got '" + value + "'");
    }

    private static String plain(double bound) {
        return bound == Math.rint(bound) && Math.abs(bound) < 1e15 ? Long.toString((long) bound)
                : Double.toString(bound);
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
