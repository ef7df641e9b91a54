package org.civatlas.places.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import org.civatlas.places.NamingState;
import org.locationtech.jts.geom.Geometry;

/** A naming or renaming application and everything recorded on its way (naming_case). */
@Entity
@Table(name = "naming_case")
public class NamingCaseEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public String kind;
    public Long placeId;
    public String proposedName;
    public String proposedRomanized;
    public String romanizedProposal;
    public String categoryCode;
    public String unitCode;
    @Column(name = "geom", columnDefinition = "geometry(Geometry,4326)")
    public Geometry geometry;
    public String scheme;
    public String reasons;
    @Enumerated(EnumType.STRING)
    public NamingState state;
    public String assessmentReport;
    public String expertReport;
    public String consultationReport;
    public LocalDate consultationFrom;
    public LocalDate consultationTo;
    public String conflicts;
    public String conflictJustification;
    public String protectionJustification;
    public String approvingBody;
    public String documentNumber;
    public LocalDate approvedOn;
    public LocalDate announcementDue;
    public LocalDate announcedOn;
    public String announcementMedium;
    public LocalDate filingDue;
    public LocalDate filedOn;
    public String filedWith;
    public String createdBy;
    public Instant createdAt;
    @Version
    public long version;

    protected NamingCaseEntity() {
    }

    public NamingCaseEntity(String kind, String createdBy, Instant createdAt) {
        this.kind = kind;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
        this.state = NamingState.APPLIED;
    }
}
