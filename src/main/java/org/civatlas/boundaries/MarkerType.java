package org.civatlas.boundaries;

/** Single, double or triple boundary marker; the code goes into the marker number. */
public enum MarkerType {
    SINGLE("单立", "1"),
    DOUBLE("双立", "2"),
    TRIPLE("三立", "3");

    private final String label;
    private final String code;

    MarkerType(String label, String code) {
        this.label = label;
        this.code = code;
    }

    public String label() {
        return label;
    }

    public String code() {
        return code;
    }
}
