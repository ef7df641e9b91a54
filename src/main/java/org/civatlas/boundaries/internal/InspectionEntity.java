package org.civatlas.boundaries.internal;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import org.civatlas.boundaries.InspectionKind;

@Entity
@Table(name = "boundary_inspection")
public class InspectionEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public String lineCode;
    @Enumerated(EnumType.STRING)
    public InspectionKind kind;
    public LocalDate inspectedOn;
    public String parties;
    public String findings;
    public String followUp;
    public String recordedBy;
    public Instant recordedAt;
}
