CREATE INDEX admin_unit_geom_idx ON admin_unit USING GIST (geom);
