package org.civatlas.places;

/**
 * An application to name a new place (NAMING) or rename one (RENAMING, with {@code placeId}). The Roman spelling
 * may be left out: the automatic proposal is used, and an officer's spelling is kept beside the proposal.
 */
public record NamingApplication(String kind, Long placeId, String proposedName, String proposedRomanized,
        String category, String unitCode, Double lon, Double lat, String scheme, String reasons, String attachment) {
}
