-- Restores and dead letters (issue 18).
-- Each restore opens a new epoch: outbox and queue event ids jump to a base no earlier timeline can have
-- reached, so the city never takes a new event for a duplicate and screens see a "reload" event. The row
-- also keeps what was lost between the backup and the restore, for the operator.
CREATE TABLE restore_log (
    id                INTEGER PRIMARY KEY,
    restored_at       INTEGER NOT NULL UNIQUE,   -- the restore's instant (ms), applied once
    backup_file       TEXT    NOT NULL,
    backup_outbox_max INTEGER NOT NULL,          -- the backup's highest outbox id: anything above it was lost here
    epoch_base        INTEGER NOT NULL,          -- the first outbox and queue event id of the new epoch
    lost_local        TEXT    NOT NULL,          -- JSON summary from the replaced database (may be empty)
    lost_city         TEXT,                      -- JSON summary of what the city holds beyond the backup
    city_checked_at   INTEGER                    -- null until the city was asked
);

-- The day's dossier sequence (was count(*)+1, which repeats after a clock jump or a restore). The next
-- code skips any code the branch holds or a restore learned was given out.
CREATE TABLE dossier_sequence (
    day      TEXT PRIMARY KEY,
    last_seq INTEGER NOT NULL
);
CREATE TABLE dossier_code_used (
    code TEXT PRIMARY KEY                         -- given out before a restore, lost from the database
);

-- Sync failures: an outbox row the city refuses for good (direction OUT, parked at once), or an inbound
-- item that failed to apply (direction IN, retried with backoff, parked after the last attempt). Parked
-- rows are the dead letters IT sees and can retry.
CREATE TABLE sync_failure (
    id         INTEGER PRIMARY KEY,
    direction  TEXT    NOT NULL CHECK (direction IN ('OUT', 'IN')),
    stream     TEXT    NOT NULL,                  -- outbox topic or inbox stream
    item_key   TEXT    NOT NULL,                  -- outbox id or the city's item id
    payload    TEXT    NOT NULL,
    reason     TEXT    NOT NULL,
    attempts   INTEGER NOT NULL DEFAULT 1,
    next_at    INTEGER,                           -- the next inbound retry; null once parked
    parked_at  INTEGER,                           -- a dead letter since
    failed_at  INTEGER NOT NULL,
    UNIQUE (direction, stream, item_key)
);
CREATE INDEX sync_failure_due ON sync_failure (next_at) WHERE parked_at IS NULL;

ALTER TABLE outbox ADD COLUMN parked_at INTEGER;  -- a dead letter: not sent until IT retries it
DROP INDEX outbox_unsent;
CREATE INDEX outbox_unsent ON outbox (id) WHERE sent_at IS NULL AND parked_at IS NULL;

-- Business days closed (by a supervisor, or by the agent itself after closing time). A day with tickets
-- that is not here was missed (the agent was off at closing time): the next close sends its figures too.
-- Days before this table are taken as closed: whether their figures went cannot be told any more.
CREATE TABLE business_day_closed (
    day       TEXT PRIMARY KEY,
    closed_at INTEGER NOT NULL,
    automatic INTEGER NOT NULL DEFAULT 0
);
INSERT INTO business_day_closed (day, closed_at) SELECT DISTINCT business_day, 0 FROM ticket;
