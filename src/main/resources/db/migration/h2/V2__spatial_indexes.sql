CREATE SPATIAL INDEX admin_unit_geom_idx ON admin_unit (geom);
