package org.civatlas.boundaries;

public enum MarkerCondition {
    INTACT("完好"),
    DAMAGED("损坏"),
    MISSING("丢失"),
    MOVED("移位");

    private final String label;

    MarkerCondition(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
