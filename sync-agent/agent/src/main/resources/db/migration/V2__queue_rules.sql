-- Queue rules of a public administration service center (issue 4): priority classes, green channel,
-- positions kept across transfers, counters that pause or close, bookings.

-- Priority groups the branch recognises. min_age: the class is given automatically when the ID card
-- shows this age or more; otherwise it is declared at the kiosk and confirmed by the clerk.
CREATE TABLE priority_class (
    code    TEXT PRIMARY KEY,
    name_vi TEXT NOT NULL,
    name_en TEXT NOT NULL,
    min_age INTEGER,
    sort    INTEGER NOT NULL DEFAULT 100,
    active  INTEGER NOT NULL DEFAULT 1
);
INSERT INTO priority_class (code, name_vi, name_en, min_age, sort) VALUES
    ('ELDERLY', 'Người cao tuổi', 'Elderly', 70, 10),
    ('DISABILITY', 'Người khuyết tật', 'Person with disability', NULL, 20),
    ('PREGNANT_CHILD', 'Phụ nữ mang thai hoặc có con nhỏ', 'Pregnant or with a small child', NULL, 30),
    ('POLICY', 'Hộ cận nghèo, đối tượng chính sách', 'Near-poor household or policy beneficiary', NULL, 40);

-- Green channel services (enterprises, banks) are called by their designated counters first.
ALTER TABLE service ADD COLUMN green_channel INTEGER NOT NULL DEFAULT 0;

-- priority_class: NULL for a normal ticket. priority_state: DECLARED at the kiosk, CARD when derived
-- from the chip's date of birth, CONFIRMED or REVOKED by a clerk.
ALTER TABLE ticket ADD COLUMN priority_class TEXT REFERENCES priority_class (code);
ALTER TABLE ticket ADD COLUMN priority_state TEXT;
-- The time that orders the queue: the issue time, the original issue time after a transfer that keeps
-- the position, or the booked slot.
ALTER TABLE ticket ADD COLUMN position_at INTEGER;
UPDATE ticket SET position_at = issued_at;
-- How many priority tickets issued later were called ahead of this normal ticket at a counter that
-- serves it: the starvation bound is enforced on this number.
ALTER TABLE ticket ADD COLUMN overtaken INTEGER NOT NULL DEFAULT 0;
-- A ticket sent to one counter is called there only.
ALTER TABLE ticket ADD COLUMN target_counter_id INTEGER REFERENCES counter (id);
ALTER TABLE ticket ADD COLUMN booking_code TEXT;
CREATE INDEX ticket_waiting_order ON ticket (business_day, state, position_at, id);

CREATE TABLE counter_state (
    counter_id INTEGER PRIMARY KEY REFERENCES counter (id),
    state      TEXT NOT NULL CHECK (state IN ('OPEN', 'PAUSED', 'CLOSED')),
    reason     TEXT,
    since      INTEGER NOT NULL,
    user_id    INTEGER REFERENCES app_user (id)
);

-- Numbers taken online before coming. No personal data: the city keeps who booked.
CREATE TABLE booking (
    code        TEXT PRIMARY KEY,
    service_id  INTEGER NOT NULL REFERENCES service (id),
    slot_start  INTEGER NOT NULL,
    state       TEXT NOT NULL CHECK (state IN ('BOOKED', 'CHECKED_IN', 'RELEASED')),
    ticket_id   INTEGER REFERENCES ticket (id),
    created_at  INTEGER NOT NULL,
    source      TEXT NOT NULL DEFAULT 'API'
);
CREATE INDEX booking_by_slot ON booking (state, slot_start);

CREATE TABLE setting (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
