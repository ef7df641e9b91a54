package org.civatlas.boundaries.internal;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.civatlas.boundaries.DisputeStatus;

@Entity
@Table(name = "dispute_event")
public class DisputeEventEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public Long disputeId;
    @Enumerated(EnumType.STRING)
    public DisputeStatus fromStatus;
    @Enumerated(EnumType.STRING)
    public DisputeStatus toStatus;
    public String actor;
    public Instant at;
    public String what;
}
