package org.civatlas.boundaries;

/** Joint inspections: the routine one every 5 years (Art. 12), or ad hoc after events that may move a line. */
public enum InspectionKind {
    ROUTINE("五年一次联合检查"),
    FLOOD("洪水后检查"),
    RIVER_SHIFT("河流改道后检查"),
    ROAD_WORKS("道路施工后检查"),
    OTHER("其他检查");

    private final String label;

    InspectionKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
