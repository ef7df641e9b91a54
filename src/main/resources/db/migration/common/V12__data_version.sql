-- Per-kind data versions shared by every node (cluster module): a counter incremented in the transaction of each
-- change and sent with its notification; a node that missed notifications compares these with the last ones it saw.
CREATE TABLE data_version (
    kind    VARCHAR(32) PRIMARY KEY,
    version BIGINT NOT NULL
);
INSERT INTO data_version (kind, version) VALUES ('divisions', 0);
INSERT INTO data_version (kind, version) VALUES ('facilities', 0);
INSERT INTO data_version (kind, version) VALUES ('places', 0);
INSERT INTO data_version (kind, version) VALUES ('boundaries', 0);
