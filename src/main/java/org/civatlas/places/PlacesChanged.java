package org.civatlas.places;

/** Published after a place or its names changed; the search index is stale. */
public record PlacesChanged(long placeId) {

    /** The id given when many places changed at once (a seed load or an import). */
    public static final long MANY = 0;
}
