package vn.hanoi.branch.agent.audit;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import vn.hanoi.branch.agent.auth.Principal;
import vn.hanoi.branch.agent.db.Database;
import vn.hanoi.branch.agent.db.WriteTx;

/**
 * The append-only audit trail (the table refuses UPDATE and DELETE by trigger). State changes are
 * recorded inside the transaction that makes them; reads of personal data are recorded before the
 * data is handed out, so an unrecorded read cannot happen.
 */
public final class AuditLog {
    private final Database db;

    public AuditLog(Database db) {
        this.db = db;
    }

    public void record(WriteTx tx, Principal who, String action, String entity, Object entityId, String detail)
            throws SQLException {
        try (PreparedStatement ps = tx.connection().prepareStatement(
                "INSERT INTO audit_log (at, user_id, device_id, action, entity, entity_id, detail) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            ps.setLong(1, tx.now());
            ps.setObject(2, who.userId());
            ps.setObject(3, who.deviceId());
            ps.setString(4, action);
            ps.setString(5, entity);
            ps.setString(6, entityId == null ? null : entityId.toString());
            ps.setString(7, detail);
            ps.executeUpdate();
        }
        // The city's audit extract: who did what to which record, when. The detail stays here (it can name a
        // dossier code or a reason the city does not need).
        java.util.Map<String, Object> extract = new java.util.LinkedHashMap<>();
        extract.put("at", tx.now());
        extract.put("userId", who.userId());
        extract.put("deviceId", who.deviceId());
        extract.put("action", action);
        extract.put("entity", entity);
        extract.put("entityId", entityId == null ? null : entityId.toString());
        vn.hanoi.branch.agent.sync.Outbox.append(tx, vn.hanoi.branch.agent.sync.Outbox.AUDIT, action, extract);
    }

    /** Records that {@code who} is about to see personal data of {@code entity}; durable on return. */
    public void recordPersonalDataRead(Principal who, String entity, Object entityId, String purpose) {
        db.write(tx -> {
            record(tx, who, "personal_data.read", entity, entityId, purpose);
            return null;
        });
    }
}
