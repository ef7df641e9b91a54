package org.civatlas.places;

/**
 * An officer's edit of a place's descriptive fields (not its standard name: that changes only through the renaming
 * procedure). {@code version} is the version the officer loaded; a stale version is a 409.
 */
public record PlaceEdit(Long version, String romanized, String uyghurName, String uyghurLatin, String category,
        String locationDescription, String meaning, String origin, String history, Boolean protectedName) {
}
