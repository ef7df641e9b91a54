package org.civatlas.facilities;

import java.time.LocalDate;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Point;

/**
 * Read model of a facility, the face this module shows to the others. {@code externalId} is the identifier the
 * facility carries in the file it was imported from (null when entered by hand or synthetic).
 */
public record Facility(
        long id,
        String name,
        String typeCode,
        Operator operator,
        FacilityStatus status,
        LocalDate plannedOn,
        LocalDate constructionStartedOn,
        LocalDate openedOn,
        LocalDate closedOn,
        Integer beds,
        Integer nursingBeds,
        Double floorAreaM2,
        Integer staff,
        Point location,
        MultiPolygon footprint,
        String unitCode,
        boolean synthetic,
        String source,
        String externalId,
        long version) {

    /** Operating on that day, by its dates: opened on or before it and not closed by then. */
    public boolean operatingOn(LocalDate day) {
        return openedOn != null && !openedOn.isAfter(day) && (closedOn == null || closedOn.isAfter(day));
    }

    /** Counted in the "with planned sites" scenario: operating on the day, or planned or being built now. */
    public boolean operatingOrPlannedOn(LocalDate day) {
        return operatingOn(day) || status == FacilityStatus.PLANNED || status == FacilityStatus.UNDER_CONSTRUCTION;
    }
}
