package org.civatlas.places.internal;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.civatlas.places.AltName;
import org.civatlas.places.AltNameKind;
import org.civatlas.places.Place;
import org.civatlas.places.PlaceStatus;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;

/** A named place as stored; the standard name is the current one, former names are kept as alternative names. */
@Entity
@Table(name = "place")
public class PlaceEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String standardName;
    private String romanized;
    private String romanizedProposal;
    private boolean romanizedOverridden;
    private String uyghurName;
    private String uyghurLatin;
    private String categoryCode;
    private String unitCode;
    private String divisionCode;
    @Column(name = "geom", columnDefinition = "geometry(Geometry,4326)")
    private Geometry geometry;
    private boolean geometrySynthetic;
    private String locationDescription;
    private String meaning;
    private String origin;
    private String history;
    @Enumerated(EnumType.STRING)
    private PlaceStatus status;
    private boolean protectedName;
    private LocalDate validFrom;
    private LocalDate validTo;
    private String source;
    @Version
    private long version;

    @OneToMany(cascade = CascadeType.ALL, orphanRemoval = false, fetch = FetchType.EAGER)
    @JoinColumn(name = "place_id", nullable = false)
    @OrderBy("id")
    private List<PlaceAltNameEntity> altNames = new ArrayList<>();

    protected PlaceEntity() {
    }

    public PlaceEntity(String standardName, String romanizedProposal, String categoryCode, String unitCode,
            Geometry geometry, boolean geometrySynthetic, LocalDate validFrom, String source) {
        this.standardName = standardName;
        this.romanized = romanizedProposal;
        this.romanizedProposal = romanizedProposal;
        this.categoryCode = categoryCode;
        this.unitCode = unitCode;
        this.geometry = geometry;
        this.geometrySynthetic = geometrySynthetic;
        this.status = PlaceStatus.STANDARD;
        this.validFrom = validFrom;
        this.source = source;
    }

    public Long getId() {
        return id;
    }

    public long getVersion() {
        return version;
    }

    public String getStandardName() {
        return standardName;
    }

    public boolean isProtectedName() {
        return protectedName;
    }

    public void setDivisionCode(String divisionCode) {
        this.divisionCode = divisionCode;
    }

    public void setUyghur(String name, String latin) {
        this.uyghurName = name;
        this.uyghurLatin = latin;
    }

    public void setDescriptions(String location, String meaning, String origin, String history) {
        this.locationDescription = location;
        this.meaning = meaning;
        this.origin = origin;
        this.history = history;
    }

    public void setProtectedName(boolean protectedName) {
        this.protectedName = protectedName;
    }

    /** The officer's spelling; the automatic proposal is kept beside it. */
    public void setRomanized(String romanized) {
        this.romanized = romanized;
        this.romanizedOverridden = !romanized.equals(romanizedProposal);
    }

    public void setCategoryCode(String categoryCode) {
        this.categoryCode = categoryCode;
    }

    public void addAltName(String name, String romanized, String language, AltNameKind kind, LocalDate from,
            LocalDate to) {
        altNames.add(new PlaceAltNameEntity(name, romanized, language, kind, from, to));
    }

    /** Renames: the current name becomes a former name with its dates; the new one is standard from the day. */
    public void rename(String newName, String newRomanized, String newProposal, LocalDate day) {
        altNames.add(new PlaceAltNameEntity(standardName, romanized, "zh", AltNameKind.FORMER, validFrom, day));
        this.standardName = newName;
        this.romanizedProposal = newProposal;
        setRomanized(newRomanized);
        this.validFrom = day;
    }

    public void abolish(LocalDate day) {
        this.status = PlaceStatus.HISTORICAL;
        this.validTo = day;
    }

    public Place toPlace() {
        Point point = geometry == null ? null : geometry instanceof Point p ? p : geometry.getInteriorPoint();
        return new Place(id, standardName, romanized, romanizedProposal, romanizedOverridden, uyghurName, uyghurLatin,
                categoryCode, unitCode, divisionCode, point == null ? null : point.getX(),
                point == null ? null : point.getY(), geometrySynthetic, locationDescription, meaning, origin,
                history, status, protectedName, validFrom, validTo, source, version,
                altNames.stream().map(PlaceAltNameEntity::toAltName).toList());
    }
}
