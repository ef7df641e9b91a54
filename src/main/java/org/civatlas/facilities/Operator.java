package org.civatlas.facilities;

public enum Operator {
    PUBLIC("公办"),
    PRIVATE("民办");

    private final String label;

    Operator(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
