-- Sync with the city backend (README "City sync").
-- Transactional outbox: every change the city must see is appended here in the same transaction as the
-- change itself, so a crash can never leave a change without its outbox row or the reverse. Rows are sent
-- in id order; the idempotency key sent with each is <branch code>-<id>, so a batch resent after a lost
-- answer is recognised by the city and stored once.
CREATE TABLE outbox (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    topic           TEXT    NOT NULL,            -- queue, dossier, rating, audit
    key             TEXT    NOT NULL,            -- what the row is about (ticket id, dossier code, ...)
    payload         TEXT    NOT NULL,            -- JSON, personal data minimised (README)
    created_at      INTEGER NOT NULL,
    sent_at         INTEGER,                     -- the city acknowledged it
    attempts        INTEGER NOT NULL DEFAULT 0,
    next_attempt_at INTEGER NOT NULL DEFAULT 0,
    last_error      TEXT
);
-- Unsent rows in send order: the sender's scan and the backlog figures read only this index.
CREATE INDEX outbox_unsent ON outbox (id) WHERE sent_at IS NULL;

-- Where each pull stream (catalog, bookings, dossier-status, holidays, branch-config) stands.
CREATE TABLE sync_cursor (
    stream     TEXT PRIMARY KEY,
    cursor     TEXT NOT NULL,
    updated_at INTEGER NOT NULL
);

-- Items already applied from the city, so a duplicate delivery changes nothing.
CREATE TABLE inbox_seen (
    stream     TEXT NOT NULL,
    item_id    TEXT NOT NULL,
    applied_at INTEGER NOT NULL,
    PRIMARY KEY (stream, item_id)
);

-- A document upload in progress: the city's upload id and the last offset it acknowledged, so an upload
-- resumes there after a kill or a cut link.
CREATE TABLE upload_state (
    content_id INTEGER PRIMARY KEY REFERENCES content_file (id),
    upload_id  TEXT    NOT NULL,
    acked_offset INTEGER NOT NULL DEFAULT 0,
    updated_at INTEGER NOT NULL
);

-- Latest status version from the city per dossier: an older or repeated update is ignored (the city owns
-- processing status; out-of-order deliveries must not move a dossier back).
ALTER TABLE dossier ADD COLUMN city_status_version INTEGER;
-- Retention cleared the dossier's personal data (applicant, declaration) after the city confirmed it.
ALTER TABLE dossier ADD COLUMN personal_data_cleared_at INTEGER;
-- City confirmed the dossier's reception (its outbox row was acknowledged): the retention clock starts here.
ALTER TABLE dossier ADD COLUMN city_confirmed_at INTEGER;

-- Sync figures for IT (a single row): last success and last error of the worker.
CREATE TABLE sync_health (
    id              INTEGER PRIMARY KEY CHECK (id = 1),
    last_success_at INTEGER,
    last_error_at   INTEGER,
    last_error      TEXT
);
INSERT INTO sync_health (id) VALUES (1);

-- Holiday calendar entries and branch configuration values pushed by the city, latest per key. Kept for
-- the next start (README "City sync": they take effect when the agent restarts).
CREATE TABLE city_setting (
    stream     TEXT NOT NULL,                    -- holidays, branch-config
    key        TEXT NOT NULL,                    -- the date, or the setting's name
    value      TEXT NOT NULL,                    -- the item as JSON
    updated_at INTEGER NOT NULL,
    PRIMARY KEY (stream, key)
);
