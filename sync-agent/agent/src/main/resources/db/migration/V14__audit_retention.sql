-- Audit rows older than retention.audit.days may go, through retention only: a delete needs the
-- 'audit.pruning' marker, which retention (Pruning) sets and clears inside its own write. Updates stay refused.
DROP TRIGGER audit_log_no_delete;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
WHEN (SELECT value FROM setting WHERE key = 'audit.pruning') IS NOT '1'
BEGIN
    SELECT RAISE(ABORT, 'audit_log is append-only');
END;
