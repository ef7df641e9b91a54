package org.civatlas.boundaries.internal;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import org.civatlas.boundaries.MarkerCondition;

@Entity
@Table(name = "marker_condition")
public class MarkerConditionEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public Long markerId;
    @Enumerated(EnumType.STRING)
    public MarkerCondition condition;
    public LocalDate observedOn;
    public String recordedBy;
    public String remarks;
    public Long inspectionId;
}
