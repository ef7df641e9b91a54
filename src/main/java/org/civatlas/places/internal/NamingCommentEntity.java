package org.civatlas.places.internal;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;

/** A comment received during public consultation, and how it was handled. */
@Entity
@Table(name = "naming_comment")
public class NamingCommentEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public Long caseId;
    public LocalDate receivedOn;
    public String author;
    public String content;
    public String handling;

    protected NamingCommentEntity() {
    }

    public NamingCommentEntity(Long caseId, LocalDate receivedOn, String author, String content, String handling) {
        this.caseId = caseId;
        this.receivedOn = receivedOn;
        this.author = author;
        this.content = content;
        this.handling = handling;
    }
}
