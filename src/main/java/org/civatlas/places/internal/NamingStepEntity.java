package org.civatlas.places.internal;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.civatlas.places.NamingState;

/** One step of a case: who did what, when, with remarks. */
@Entity
@Table(name = "naming_step")
public class NamingStepEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public Long caseId;
    public String action;
    @Enumerated(EnumType.STRING)
    public NamingState fromState;
    @Enumerated(EnumType.STRING)
    public NamingState toState;
    public String actor;
    public Instant at;
    public String remarks;
    public String attachment;

    protected NamingStepEntity() {
    }

    public NamingStepEntity(Long caseId, String action, NamingState fromState, NamingState toState, String actor,
            Instant at, String remarks, String attachment) {
        this.caseId = caseId;
        this.action = action;
        this.fromState = fromState;
        this.toState = toState;
        this.actor = actor;
        this.at = at;
        this.remarks = remarks;
        this.attachment = attachment;
    }
}
