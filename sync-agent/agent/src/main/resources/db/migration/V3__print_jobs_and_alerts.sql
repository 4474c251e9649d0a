-- Paper tickets (issue 5): every print job is kept with its ticket, and device faults become alerts
-- that branch IT sees until the device reports it is fine again.
CREATE TABLE print_job (
    id         INTEGER PRIMARY KEY,
    ticket_id  INTEGER NOT NULL REFERENCES ticket (id),
    device_id  INTEGER REFERENCES device (id),
    at         INTEGER NOT NULL,
    printed    INTEGER NOT NULL,
    status     TEXT NOT NULL,
    reprint    INTEGER NOT NULL DEFAULT 0,
    bytes      INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX print_job_by_ticket ON print_job (ticket_id);

CREATE TABLE device_alert (
    id         INTEGER PRIMARY KEY,
    device_id  INTEGER NOT NULL REFERENCES device (id),
    component  TEXT NOT NULL,
    status     TEXT NOT NULL,
    message_vi TEXT NOT NULL,
    message_en TEXT NOT NULL,
    raised_at  INTEGER NOT NULL,
    cleared_at INTEGER
);
CREATE INDEX device_alert_open ON device_alert (cleared_at, device_id, component);
