-- The content store: every file the branch keeps for a dossier (digitized documents, certified copies).
-- The bytes live on disk under documents.dir, named by their SHA-256; this table is what points to them.
-- A file is written whole (temp, fsync, rename) before its row is inserted, so a row never points to a
-- half file; a crash between the two leaves an orphan file that the next start sweeps away.
CREATE TABLE content_file (
    id                INTEGER PRIMARY KEY,
    dossier_id        INTEGER REFERENCES dossier (id),
    kind              TEXT    NOT NULL,          -- SCAN, CERTIFIED_COPY
    document_type     TEXT,                      -- the checklist entry a scan belongs to
    media_type        TEXT    NOT NULL,
    path              TEXT    NOT NULL,          -- relative to the store's directory
    sha256            TEXT    NOT NULL,
    bytes             INTEGER NOT NULL,
    created_at        INTEGER NOT NULL,
    created_by        INTEGER REFERENCES app_user (id),
    city_confirmed_at INTEGER,                   -- the city acknowledged this hash (sync)
    deleted_at        INTEGER                    -- retention removed the bytes
);
CREATE INDEX content_file_by_dossier ON content_file (dossier_id);
CREATE INDEX content_file_by_sha ON content_file (sha256);
