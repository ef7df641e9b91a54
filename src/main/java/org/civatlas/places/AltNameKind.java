package org.civatlas.places;

/** What another name of a place is. */
public enum AltNameKind {
    SHORT("简称"),
    COLLOQUIAL("俗称"),
    FORMER("曾用名"),
    ALIAS("别名"),
    MINORITY("少数民族语名称");

    private final String label;

    AltNameKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
