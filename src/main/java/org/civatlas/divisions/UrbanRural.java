package org.civatlas.divisions;

/** Urban or rural character of a unit, as its statistical code says (DOMAIN.md §2). */
public enum UrbanRural {
    URBAN("城镇"),
    RURAL("农村"),
    MIXED("城乡混合");

    private final String label;

    UrbanRural(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
