package org.civatlas.divisions;

/** The three levels a county atlas holds. */
public enum DivisionLevel {
    COUNTY("县级"),
    TOWNSHIP("乡级"),
    VILLAGE("村级");

    private final String label;

    DivisionLevel(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
