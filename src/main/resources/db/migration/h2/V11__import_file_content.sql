-- The uploaded file is kept with its import job in the database, so that every node behind a load balancer can
-- preview and commit it (it was a file under the data folder of the node that took the upload). Jobs uploaded
-- before this version have no content: they are refused at commit and must be uploaded again.
ALTER TABLE import_job ADD COLUMN content BLOB;
ALTER TABLE import_job DROP COLUMN stored_path;
