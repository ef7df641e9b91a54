-- Login throttling: failed logins per user name, shared by every node on the database.
-- user_key is the SHA-256 (hex) of the lower-cased user name as typed: no user names (or passwords typed into the
-- user name field) are stored, and a key has a fixed length whatever is typed. Times are epoch milliseconds.
CREATE TABLE login_failure (
    user_key      VARCHAR(64) NOT NULL PRIMARY KEY,
    failures      INTEGER     NOT NULL,
    first_failure BIGINT      NOT NULL,
    locked_until  BIGINT
);
