package org.civatlas.places.internal;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import org.civatlas.places.AltName;
import org.civatlas.places.AltNameKind;

@Entity
@Table(name = "place_alt_name")
public class PlaceAltNameEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String name;
    private String romanized;
    private String language;
    @Enumerated(EnumType.STRING)
    private AltNameKind kind;
    private LocalDate validFrom;
    private LocalDate validTo;

    protected PlaceAltNameEntity() {
    }

    PlaceAltNameEntity(String name, String romanized, String language, AltNameKind kind, LocalDate validFrom,
            LocalDate validTo) {
        this.name = name;
        this.romanized = romanized;
        this.language = language;
        this.kind = kind;
        this.validFrom = validFrom;
        this.validTo = validTo;
    }

    AltName toAltName() {
        return new AltName(name, romanized, language, kind, validFrom, validTo);
    }
}
