-- An identifier the facility carries in the source it was imported from (e.g. the civil-affairs department's own
-- facility code): re-importing a record with the same identifier updates that facility instead of adding another.
ALTER TABLE facility ADD COLUMN external_id VARCHAR(100);
ALTER TABLE facility_aud ADD COLUMN external_id VARCHAR(100);
CREATE UNIQUE INDEX facility_external_id_idx ON facility (external_id);
