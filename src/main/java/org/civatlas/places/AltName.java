package org.civatlas.places;

import java.time.LocalDate;

/** Another name of a place, with its language (zh, ug, ug-Latn, en, …), kind and the dates it was in use. */
public record AltName(String name, String romanized, String language, AltNameKind kind, LocalDate validFrom,
        LocalDate validTo) {
}
