package org.civatlas.divisions;

/**
 * The kind of a unit, derived from its 12-digit statistical code (GB/T 2260 for the county part,
 * GB/T 10114 for the township segment, the NBS rule for the village segment).
 */
public enum DivisionKind {
    DISTRICT_OR_CITY(DivisionLevel.COUNTY, "市辖区/县级市", UrbanRural.URBAN),
    COUNTY(DivisionLevel.COUNTY, "县", UrbanRural.MIXED),
    COUNTY_CITY(DivisionLevel.COUNTY, "县级市", UrbanRural.MIXED),
    SUBDISTRICT(DivisionLevel.TOWNSHIP, "街道", UrbanRural.URBAN),
    TOWN(DivisionLevel.TOWNSHIP, "镇", UrbanRural.MIXED),
    TOWNSHIP(DivisionLevel.TOWNSHIP, "乡", UrbanRural.RURAL),
    OTHER_TOWNSHIP_LEVEL(DivisionLevel.TOWNSHIP, "其他乡级单位", UrbanRural.MIXED),
    RESIDENTS_COMMITTEE(DivisionLevel.VILLAGE, "社区（居委会）", UrbanRural.URBAN),
    VILLAGERS_COMMITTEE(DivisionLevel.VILLAGE, "村（村委会）", UrbanRural.RURAL);

    private final DivisionLevel level;
    private final String label;
    private final UrbanRural urbanRural;

    DivisionKind(DivisionLevel level, String label, UrbanRural urbanRural) {
        this.level = level;
        this.label = label;
        this.urbanRural = urbanRural;
    }

    public DivisionLevel level() {
        return level;
    }

    /** Chinese label shown to users. */
    public String label() {
        return label;
    }

    public UrbanRural urbanRural() {
        return urbanRural;
    }

    /** Derives the kind from a 12-digit code; the level follows from which segments are non-zero. */
    public static DivisionKind of(String code12) {
        DivisionCodes.requireValid(code12);
        int countySegment = Integer.parseInt(code12.substring(4, 6));
        int townshipSegment = Integer.parseInt(code12.substring(6, 9));
        int villageSegment = Integer.parseInt(code12.substring(9, 12));
        if (townshipSegment == 0) {
            if (countySegment <= 20) {
                return DISTRICT_OR_CITY;
            }
            return countySegment <= 80 ? COUNTY : COUNTY_CITY;
        }
        if (villageSegment == 0) {
            if (townshipSegment < 100) {
                return SUBDISTRICT;
            }
            if (townshipSegment < 200) {
                return TOWN;
            }
            if (townshipSegment < 400) {
                return TOWNSHIP;
            }
            return OTHER_TOWNSHIP_LEVEL;
        }
        return villageSegment < 200 ? RESIDENTS_COMMITTEE : VILLAGERS_COMMITTEE;
    }
}
