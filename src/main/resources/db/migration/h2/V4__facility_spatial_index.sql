CREATE SPATIAL INDEX facility_location_idx ON facility (location);
