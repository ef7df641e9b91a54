package org.civatlas.coverage.internal;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A site-planning run kept with its inputs and result, so that a plan can be compared and cited. */
@Entity
@Table(name = "planning_run")
public class PlanningRunEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private Instant createdAt;
    private String createdBy;
    private String title;
    private String requestJson;
    private String resultJson;

    protected PlanningRunEntity() {
    }

    public PlanningRunEntity(Instant createdAt, String createdBy, String title, String requestJson,
            String resultJson) {
        this.createdAt = createdAt;
        this.createdBy = createdBy;
        this.title = title;
        this.requestJson = requestJson;
        this.resultJson = resultJson;
    }

    public Long getId() {
        return id;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public String getCreatedBy() {
        return createdBy;
    }

    public String getTitle() {
        return title;
    }

    public String getRequestJson() {
        return requestJson;
    }

    public String getResultJson() {
        return resultJson;
    }
}
