-- Procedures offered by the branch (form and required documents kept as JSON: they are shown and
-- checked, never queried by field), and dossiers from the kiosk's self-declaration on.

CREATE TABLE procedure (
    code            TEXT PRIMARY KEY,
    name_vi         TEXT NOT NULL,
    name_en         TEXT NOT NULL,
    service_id      INTEGER NOT NULL REFERENCES service (id),
    processing_days INTEGER NOT NULL CHECK (processing_days >= 0),
    fee_vnd         INTEGER NOT NULL DEFAULT 0,
    definition      TEXT NOT NULL,
    sample          INTEGER NOT NULL DEFAULT 0,
    active          INTEGER NOT NULL DEFAULT 1
);

-- Personal data lives in applicant and declaration only; both are cleared by retention (sync issue).
CREATE TABLE dossier (
    id               INTEGER PRIMARY KEY,
    code             TEXT UNIQUE,
    ticket_id        INTEGER UNIQUE REFERENCES ticket (id),
    procedure_code   TEXT NOT NULL REFERENCES procedure (code),
    state            TEXT NOT NULL,
    declaration      TEXT,
    from_card        INTEGER NOT NULL DEFAULT 0,
    appointment_date TEXT,
    created_at       INTEGER NOT NULL,
    updated_at       INTEGER NOT NULL
);

CREATE TABLE dossier_event (
    id         INTEGER PRIMARY KEY,
    dossier_id INTEGER NOT NULL REFERENCES dossier (id),
    at         INTEGER NOT NULL,
    state      TEXT NOT NULL,
    user_id    INTEGER,
    device_id  INTEGER,
    note_vi    TEXT,
    note_en    TEXT
);
CREATE INDEX dossier_event_by_dossier ON dossier_event (dossier_id, id);
