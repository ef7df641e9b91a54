package org.civatlas.places;

/** A place's name is standard, or has become historical (renamed or abolished). Names are never deleted. */
public enum PlaceStatus {
    STANDARD("标准名称"),
    HISTORICAL("历史名称");

    private final String label;

    PlaceStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
