package org.civatlas.places;

/** Published after a place or its names changed; the search index is stale. */
public record PlacesChanged(long placeId) {
}
