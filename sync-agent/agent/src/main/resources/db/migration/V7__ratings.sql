-- Citizens' satisfaction: one answer per served ticket, from the counter's customer-facing window or a
-- kiosk. Counter and service are copied from the ticket when it is rated, so the figures stay what the
-- citizen judged even if the branch's set-up changes later. No personal data: reason_text is the
-- citizen's own words about the service, shown to supervisors only.
CREATE TABLE rating (
    id           INTEGER PRIMARY KEY,
    ticket_id    INTEGER NOT NULL UNIQUE REFERENCES ticket (id),
    business_day TEXT NOT NULL,
    level        TEXT NOT NULL CHECK (level IN ('VERY_SATISFIED', 'SATISFIED', 'NOT_SATISFIED')),
    reason_code  TEXT CHECK (reason_code IS NULL OR reason_code IN
                     ('WAITED_TOO_LONG', 'STAFF_ATTITUDE', 'UNCLEAR_GUIDANCE', 'PROCEDURE_TOO_COMPLEX', 'OTHER')),
    reason_text  TEXT CHECK (reason_text IS NULL OR length(reason_text) <= 200),
    counter_id   INTEGER REFERENCES counter (id),
    service_id   INTEGER NOT NULL REFERENCES service (id),
    device_id    INTEGER NOT NULL REFERENCES device (id),
    device_kind  TEXT NOT NULL CHECK (device_kind IN ('KIOSK', 'COUNTER')),
    rated_at     INTEGER NOT NULL
);
CREATE INDEX rating_by_day ON rating (business_day, level);
