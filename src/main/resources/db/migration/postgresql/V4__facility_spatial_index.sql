CREATE INDEX facility_location_idx ON facility USING GIST (location);
