package org.civatlas.places;

import java.time.LocalDate;
import java.util.List;

/** Read model of a named place. {@code id} is permanent and never reused. */
public record Place(
        long id,
        String standardName,
        String romanized,
        String romanizedProposal,
        boolean romanizedOverridden,
        String uyghurName,
        String uyghurLatin,
        String category,
        String unitCode,
        String divisionCode,
        Double lon,
        Double lat,
        boolean geometrySynthetic,
        String locationDescription,
        String meaning,
        String origin,
        String history,
        PlaceStatus status,
        boolean protectedName,
        LocalDate validFrom,
        LocalDate validTo,
        String source,
        long version,
        List<AltName> altNames) {

    /** Standard on that day: valid from on or before it (or always), and not yet ended. */
    public boolean standardOn(LocalDate day) {
        return (validFrom == null || !validFrom.isAfter(day)) && (validTo == null || validTo.isAfter(day));
    }
}
