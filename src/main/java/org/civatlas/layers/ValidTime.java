package org.civatlas.layers;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Map;
import org.civatlas.common.ProblemException;

/**
 * The `datetime` parameter of OGC API - Features (an instant, or an interval with `..` for an open end), matched
 * against a feature's valid time (`validFrom`, `validTo`). Features without valid time are always valid.
 */
record ValidTime(LocalDate from, LocalDate to) {

    static ValidTime parse(String value) {
        if (value == null) {
            return null;
        }
        String v = value.strip();
        if (v.isEmpty()) {
            throw bad(value);
        }
        if (v.contains("/")) {
            String[] parts = v.split("/", -1);
            if (parts.length != 2) {
                throw bad(value);
            }
            LocalDate from = end(parts[0], value);
            LocalDate to = end(parts[1], value);
            if (from != null && to != null && to.isBefore(from)) {
                throw ProblemException.badParameter("datetime", "datetime 区间的结束早于开始 / the datetime interval "
                        + "ends before it starts");
            }
            return new ValidTime(from, to);
        }
        LocalDate day = date(v, value);
        return new ValidTime(day, day);
    }

    private static LocalDate end(String part, String whole) {
        return part.isEmpty() || part.equals("..") ? null : date(part, whole);
    }

    private static LocalDate date(String text, String whole) {
        try {
            return text.length() <= 10 ? LocalDate.parse(text) : OffsetDateTime.parse(text).toLocalDate();
        } catch (DateTimeParseException e) {
            throw bad(whole);
        }
    }

    private static ProblemException bad(String value) {
        return ProblemException.badParameter("datetime", "datetime 须为 RFC 3339 日期或区间，如 2024-05-01、"
                + "2020-01-01/2024-12-31、../2024-12-31 / datetime must be an RFC 3339 date or interval, got '"
                + value + "'");
    }

    /** Whether the feature's valid time [validFrom, validTo) meets this instant or interval. */
    boolean matches(Map<String, Object> properties) {
        LocalDate validFrom = asDate(properties.get("validFrom"));
        LocalDate validTo = asDate(properties.get("validTo"));
        boolean startsBeforeEnd = to == null || validFrom == null || !validFrom.isAfter(to);
        boolean endsAfterStart = from == null || validTo == null || validTo.isAfter(from);
        return startsBeforeEnd && endsAfterStart;
    }

    private static LocalDate asDate(Object value) {
        if (value instanceof LocalDate d) {
            return d;
        }
        return value == null ? null : LocalDate.parse(value.toString());
    }
}
