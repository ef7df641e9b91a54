package org.civatlas.facilities;

/** The life of a facility. */
public enum FacilityStatus {
    PLANNED("规划"),
    UNDER_CONSTRUCTION("在建"),
    OPERATING("运营"),
    CLOSED("关闭");

    private final String label;

    FacilityStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
