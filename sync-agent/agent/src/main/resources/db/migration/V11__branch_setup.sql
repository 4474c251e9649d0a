-- Branch configuration as data (issue 15): what `branch-agent setup` and the administration screens set.
-- Services and counters with history are deactivated, never deleted, so reports keep their names.

ALTER TABLE branch ADD COLUMN agency_code TEXT NOT NULL DEFAULT '';
ALTER TABLE branch ADD COLUMN address TEXT NOT NULL DEFAULT '';
-- NULL: the agent's setting rating.target.percent.
ALTER TABLE branch ADD COLUMN satisfaction_target_percent INTEGER;

-- daily_cap NULL: the number range is the only limit. booking_share_percent: the part of the cap kept for
-- online bookings.
ALTER TABLE service ADD COLUMN daily_cap INTEGER;
ALTER TABLE service ADD COLUMN booking_share_percent INTEGER NOT NULL DEFAULT 0;

ALTER TABLE counter ADD COLUMN area TEXT NOT NULL DEFAULT '';
ALTER TABLE counter ADD COLUMN active INTEGER NOT NULL DEFAULT 1;

-- Opening hours per ISO weekday (1 = Monday); a day without a row is closed. service.opens_at/closes_at
-- stay the earliest opening and latest closing of the week, for clients that show one span.
CREATE TABLE service_hours (
    service_id INTEGER NOT NULL REFERENCES service (id),
    weekday    INTEGER NOT NULL CHECK (weekday BETWEEN 1 AND 7),
    opens_at   TEXT NOT NULL,
    closes_at  TEXT NOT NULL,
    PRIMARY KEY (service_id, weekday)
);
INSERT INTO service_hours (service_id, weekday, opens_at, closes_at)
    SELECT s.id, d.day, s.opens_at, s.closes_at
    FROM service s, (SELECT 1 AS day UNION ALL SELECT 2 UNION ALL SELECT 3 UNION ALL SELECT 4 UNION ALL SELECT 5) d;

-- The hall screen's ticker, in order. Empty: the agent's setting hall.notices.
CREATE TABLE hall_notice (
    position INTEGER PRIMARY KEY,
    text_vi  TEXT NOT NULL,
    text_en  TEXT NOT NULL
);
