package org.civatlas.exchange.internal;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

@Entity
@Table(name = "import_job")
public class ImportJobEntity {

    @Id
    public String id;
    public String layer;
    public String fileName;
    public String storedPath;
    public String crsCode;
    public String encoding;
    public String optionsJson;
    public String status;
    public String previewJson;
    public String resultJson;
    public String createdBy;
    public Instant createdAt;
    public Instant committedAt;
}
