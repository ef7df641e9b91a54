package org.civatlas.places;

import java.util.ArrayList;
import java.util.List;

/**
 * Art. 9 of the Place Names Regulations: a name should not duplicate, and should avoid sounding like, another name
 * within the scope its category sets (country, province, county, built-up area). Plain Java: the caller supplies the
 * standard names with their toneless pinyin keys.
 */
public final class DuplicateCheck {

    private DuplicateCheck() {
    }

    public record Candidate(long placeId, String name, String toneless, String unitCode) {
    }

    /** A name that conflicts with the proposal: IDENTICAL (same characters) or HOMOPHONE (same toneless pinyin). */
    public record Conflict(long placeId, String name, String unitCode, String kind) {
    }

    /** How many leading digits of the unit code make the scope; -1 when the category has no duplicate rule. */
    public static int scopePrefix(String scope) {
        return switch (scope) {
            case "NATIONAL" -> 0;
            case "PROVINCE" -> 2;
            case "COUNTY" -> 6;
            case "TOWNSHIP" -> 9;
            default -> -1;
        };
    }

    public static List<Conflict> conflicts(String name, String toneless, String unitCode, String scope,
            Long ownPlaceId, List<Candidate> candidates) {
        int prefix = scopePrefix(scope);
        List<Conflict> found = new ArrayList<>();
        if (prefix < 0) {
            return found;
        }
        String area = unitCode.substring(0, prefix);
        for (Candidate c : candidates) {
            if ((ownPlaceId != null && c.placeId() == ownPlaceId) || !c.unitCode().startsWith(area)) {
                continue;
            }
            if (c.name().equals(name)) {
                found.add(new Conflict(c.placeId(), c.name(), c.unitCode(), "IDENTICAL"));
            } else if (c.toneless().equals(toneless)) {
                found.add(new Conflict(c.placeId(), c.name(), c.unitCode(), "HOMOPHONE"));
            }
        }
        return found;
    }
}
