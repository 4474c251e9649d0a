-- Foundation schema. Times are epoch milliseconds (UTC); business days are ISO dates in the
-- branch's time zone. Forward-only: later changes go into new V<n>__*.sql files.

CREATE TABLE branch (
    id        INTEGER PRIMARY KEY CHECK (id = 1),
    code      TEXT NOT NULL,
    name_vi   TEXT NOT NULL,
    name_en   TEXT NOT NULL,
    time_zone TEXT NOT NULL
);

CREATE TABLE service (
    id           INTEGER PRIMARY KEY,
    code         TEXT NOT NULL UNIQUE,
    name_vi      TEXT NOT NULL,
    name_en      TEXT NOT NULL,
    prefix       TEXT NOT NULL DEFAULT '',
    number_start INTEGER NOT NULL DEFAULT 1 CHECK (number_start >= 0),
    number_end   INTEGER NOT NULL DEFAULT 9999,
    opens_at     TEXT NOT NULL DEFAULT '07:30',
    closes_at    TEXT NOT NULL DEFAULT '17:00',
    active       INTEGER NOT NULL DEFAULT 1,
    CHECK (number_end >= number_start)
);

CREATE TABLE counter (
    id      INTEGER PRIMARY KEY,
    number  INTEGER NOT NULL UNIQUE,
    name_vi TEXT NOT NULL,
    name_en TEXT NOT NULL
);

-- Services a counter serves; rank orders them (the counter serves rank 1 first).
CREATE TABLE counter_service (
    counter_id INTEGER NOT NULL REFERENCES counter (id),
    service_id INTEGER NOT NULL REFERENCES service (id),
    rank       INTEGER NOT NULL DEFAULT 1,
    PRIMARY KEY (counter_id, service_id)
);

CREATE TABLE app_user (
    id            INTEGER PRIMARY KEY,
    username      TEXT NOT NULL UNIQUE,
    display_name  TEXT NOT NULL,
    password_hash TEXT NOT NULL,
    role          TEXT NOT NULL CHECK (role IN ('CLERK', 'SUPERVISOR', 'IT')),
    active        INTEGER NOT NULL DEFAULT 1,
    created_at    INTEGER NOT NULL
);

CREATE TABLE device (
    id         INTEGER PRIMARY KEY,
    kind       TEXT NOT NULL CHECK (kind IN ('KIOSK', 'COUNTER', 'SCREEN')),
    name       TEXT NOT NULL,
    token_hash TEXT NOT NULL UNIQUE,
    paired_at  INTEGER NOT NULL,
    revoked_at INTEGER
);

CREATE TABLE pairing_code (
    code       TEXT PRIMARY KEY,
    kind       TEXT NOT NULL CHECK (kind IN ('KIOSK', 'COUNTER', 'SCREEN')),
    name       TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL,
    used_at    INTEGER,
    device_id  INTEGER REFERENCES device (id)
);

CREATE TABLE user_session (
    token_hash TEXT PRIMARY KEY,
    user_id    INTEGER NOT NULL REFERENCES app_user (id),
    device_id  INTEGER REFERENCES device (id),
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL,
    ended_at   INTEGER
);

-- Last number handed out per service and business day. Incremented in the same transaction as the
-- ticket insert, so a crash can never leave a gap or a duplicate.
CREATE TABLE ticket_sequence (
    service_id   INTEGER NOT NULL REFERENCES service (id),
    business_day TEXT NOT NULL,
    last_seq     INTEGER NOT NULL,
    PRIMARY KEY (service_id, business_day)
);

CREATE TABLE ticket (
    id               INTEGER PRIMARY KEY,
    service_id       INTEGER NOT NULL REFERENCES service (id),
    business_day     TEXT NOT NULL,
    seq              INTEGER NOT NULL,
    display_number   TEXT NOT NULL,
    state            TEXT NOT NULL,
    counter_id       INTEGER REFERENCES counter (id),
    issued_at        INTEGER NOT NULL,
    called_at        INTEGER,
    serving_at       INTEGER,
    finished_at      INTEGER,
    issued_by_device INTEGER REFERENCES device (id),
    idempotency_key  TEXT,
    transferred_from INTEGER REFERENCES ticket (id),
    UNIQUE (service_id, business_day, seq),
    UNIQUE (issued_by_device, idempotency_key)
);
CREATE INDEX ticket_by_state ON ticket (business_day, state, service_id, id);
CREATE INDEX ticket_by_counter ON ticket (counter_id, state);

CREATE TABLE ticket_transition (
    id         INTEGER PRIMARY KEY,
    ticket_id  INTEGER NOT NULL REFERENCES ticket (id),
    from_state TEXT,
    to_state   TEXT NOT NULL,
    at         INTEGER NOT NULL,
    user_id    INTEGER REFERENCES app_user (id),
    device_id  INTEGER REFERENCES device (id),
    counter_id INTEGER REFERENCES counter (id)
);
CREATE INDEX ticket_transition_by_ticket ON ticket_transition (ticket_id);

-- Queue events, kept so that a screen or counter that reconnects gets exactly what it missed.
CREATE TABLE queue_event (
    id      INTEGER PRIMARY KEY AUTOINCREMENT,
    type    TEXT NOT NULL,
    at      INTEGER NOT NULL,
    payload TEXT NOT NULL
);

-- Append-only: who did what, when, from which device; every read of personal data too.
CREATE TABLE audit_log (
    id        INTEGER PRIMARY KEY AUTOINCREMENT,
    at        INTEGER NOT NULL,
    user_id   INTEGER,
    device_id INTEGER,
    action    TEXT NOT NULL,
    entity    TEXT,
    entity_id TEXT,
    detail    TEXT
);
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'audit_log is append-only');
END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'audit_log is append-only');
END;
