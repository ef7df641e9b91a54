-- Uploaded files waiting for review, and what became of them. The file itself lies under the data folder.
CREATE TABLE import_job (
    id           VARCHAR(36)  PRIMARY KEY,
    layer        VARCHAR(40)  NOT NULL,
    file_name    VARCHAR(300) NOT NULL,
    stored_path  VARCHAR(1000) NOT NULL,
    crs_code     VARCHAR(60)  NOT NULL,
    encoding     VARCHAR(40)  NOT NULL,
    options_json TEXT         NOT NULL,
    status       VARCHAR(16)  NOT NULL,
    preview_json TEXT         NOT NULL,
    result_json  TEXT,
    created_by   VARCHAR(100) NOT NULL,
    created_at   TIMESTAMP    NOT NULL,
    committed_at TIMESTAMP
);
