package org.civatlas.facilities;

/** A kind of civil-affairs facility, kept as data. */
public record FacilityType(String code, String group, String nameZh, String nameEn, boolean hasBeds) {
}
