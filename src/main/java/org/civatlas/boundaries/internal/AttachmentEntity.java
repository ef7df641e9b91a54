package org.civatlas.boundaries.internal;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

@Entity
@Table(name = "attachment")
public class AttachmentEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public String ownerKind;
    public Long ownerId;
    public String fileName;
    public String contentType;
    public String evidenceKind;
    public long sizeBytes;
    public byte[] content;
    public String uploadedBy;
    public Instant uploadedAt;
}
