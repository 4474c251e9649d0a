-- Reception at the counter: who the dossier is for, what was handed in, and its outcome.
-- applicant and declaration are personal data (cleared by retention, sync issue).
ALTER TABLE dossier ADD COLUMN applicant TEXT;
ALTER TABLE dossier ADD COLUMN documents TEXT;
ALTER TABLE dossier ADD COLUMN fee_vnd INTEGER NOT NULL DEFAULT 0;
ALTER TABLE dossier ADD COLUMN notes TEXT;
ALTER TABLE dossier ADD COLUMN online INTEGER NOT NULL DEFAULT 0;
ALTER TABLE dossier ADD COLUMN received_at INTEGER;
ALTER TABLE dossier ADD COLUMN received_by INTEGER REFERENCES app_user (id);
ALTER TABLE dossier ADD COLUMN result_at INTEGER;
ALTER TABLE dossier ADD COLUMN finished_at INTEGER;

CREATE INDEX dossier_by_state ON dossier (state, appointment_date);
CREATE INDEX dossier_by_received ON dossier (received_at);

-- The certified electronic copy of the result ("one procedure – two results") and home delivery.
ALTER TABLE dossier ADD COLUMN copy_sha256 TEXT;
ALTER TABLE dossier ADD COLUMN copy_at INTEGER;
ALTER TABLE dossier ADD COLUMN delivery_address TEXT;
ALTER TABLE dossier ADD COLUMN tracking_code TEXT;
