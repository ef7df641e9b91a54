package org.civatlas.facilities;

/** Published after a facility was created, changed or removed; coverage results depending on it are stale. */
public record FacilitiesChanged(long facilityId) {
}
