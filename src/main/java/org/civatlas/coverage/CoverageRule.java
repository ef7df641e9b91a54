package org.civatlas.coverage;

/** How a unit counts as covered. */
public enum CoverageRule {
    /** an operating facility of the types lies inside the unit */
    CONTAINMENT,
    /** the unit's population point lies within d metres (geodesic, WGS 84) of one */
    DISTANCE
}
