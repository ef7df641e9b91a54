package org.civatlas.divisions;

import java.util.regex.Pattern;

/** The 12-digit statistical division code: 6 digits county (GB/T 2260), 3 township, 3 village. */
public final class DivisionCodes {

    private static final Pattern TWELVE_DIGITS = Pattern.compile("\\d{12}");

    private DivisionCodes() {
    }

    public static boolean isValid(String code) {
        return code != null && TWELVE_DIGITS.matcher(code).matches() && !code.startsWith("00")
                && !code.substring(4, 6).equals("00");
    }

    public static void requireValid(String code) {
        if (!isValid(code)) {
            throw new IllegalArgumentException("Not a 12-digit county-or-below division code: " + code);
        }
    }

    public static DivisionLevel levelOf(String code12) {
        return DivisionKind.of(code12).level();
    }

    /**
     * The digits that identify a unit's area: a county's first 6, a township's first 9, a village's 12. A unit's
     * descendants share them.
     */
    public static String significantPrefix(String code12) {
        if (code12.endsWith("000000")) {
            return code12.substring(0, 6);
        }
        return code12.endsWith("000") ? code12.substring(0, 9) : code12;
    }

    /**
     * The code of the unit's ancestor at a level (the unit itself at its own level): the digits of that level kept,
     * the rest zero-filled, with no database round trip.
     */
    public static String ancestorAt(String code12, DivisionLevel level) {
        return switch (level) {
            case COUNTY -> code12.substring(0, 6) + "000000";
            case TOWNSHIP -> code12.substring(0, 9) + "000";
            case VILLAGE -> code12;
        };
    }

    /** The 6-digit GB/T 2260 code of the county the unit belongs to. */
    public static String countyGbCode(String code12) {
        requireValid(code12);
        return code12.substring(0, 6);
    }
}
