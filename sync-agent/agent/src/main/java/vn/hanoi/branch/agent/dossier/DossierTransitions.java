package vn.hanoi.branch.agent.dossier;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import vn.hanoi.branch.agent.effects.Effects;
import vn.hanoi.branch.agent.auth.Principal;
import vn.hanoi.branch.agent.db.WriteTx;
import vn.hanoi.branch.agent.http.ApiException;
import vn.hanoi.branch.api.Dossiers.State;
import vn.hanoi.branch.dossier.DossierMoves;

/**
 * A dossier's step in the caller's write unit: the state, its history entry (with who and a note in both
 * languages), the audit row and, once the dossier has a code, the city's copy.
 */
final class DossierTransitions {
    private final Effects effects;

    DossierTransitions(Effects effects) {
        this.effects = effects;
    }

    /** Moves the dossier along an allowed step; returns its code. */
    String move(WriteTx tx, Principal staff, long dossierId, State to, String noteVi, String noteEn)
            throws SQLException {
        Connection c = tx.connection();
        State from = DossierRows.state(c, dossierId);
        if (!DossierMoves.allowed(from, to)) {
            throw ApiException.conflict("bad_dossier_move", "Không thể chuyển hồ sơ từ trạng thái " + from + " sang " + to + ".",
                    "A dossier cannot move from " + from + " to " + to + ".");
        }
        // The first time a result is ready counts for on-time; the dossier ends when returned, delivered or refused.
        try (PreparedStatement ps = c.prepareStatement("UPDATE dossier SET state = ?, updated_at = ?, "
                + "result_at = CASE WHEN ? AND result_at IS NULL THEN ? ELSE result_at END, "
                + "finished_at = CASE WHEN ? THEN ? ELSE finished_at END WHERE id = ?")) {
            ps.setString(1, to.name());
            ps.setLong(2, tx.now());
            ps.setBoolean(3, to == State.RESULT_READY);
            ps.setLong(4, tx.now());
            ps.setBoolean(5, to == State.RETURNED || to == State.DELIVERED || to == State.REFUSED);
            ps.setLong(6, tx.now());
            ps.setLong(7, dossierId);
            ps.executeUpdate();
        }
        record(tx, staff, dossierId, to, noteVi, noteEn);
        effects.audit(tx, staff, "dossier.state", "dossier", dossierId, from + "->" + to);
        try (PreparedStatement ps = c.prepareStatement("SELECT code FROM dossier WHERE id = ?")) {
            ps.setLong(1, dossierId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    /** Adds a history entry; a coded dossier's entry also goes to the city. */
    void record(WriteTx tx, Principal who, long dossierId, State state, String vi, String en)
            throws SQLException {
        try (PreparedStatement ps = tx.connection().prepareStatement("INSERT INTO dossier_event (dossier_id, at, state, "
                + "user_id, device_id, note_vi, note_en) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            ps.setLong(1, dossierId);
            ps.setLong(2, tx.now());
            ps.setString(3, state.name());
            ps.setObject(4, who.userId());
            ps.setObject(5, who.deviceId());
            ps.setString(6, vi);
            ps.setString(7, en);
            ps.executeUpdate();
        }
        if (state != State.DRAFT) {
            toCity(tx, dossierId, state);
        }
    }

    /**
     * The dossier as the city receives it, with each reception and move: code, procedure, state, appointment,
     * fee, online, the checklist's document types. No applicant name, ID number, address or declaration: the
     * department reads those from the dossier's documents through the city's own systems, and a branch
     * keeps them only until retention (README "City sync", personal data).
     */
    private void toCity(WriteTx tx, long dossierId, State state) throws SQLException {
        try (PreparedStatement ps = tx.connection().prepareStatement("SELECT code, procedure_code, appointment_date, "
                + "fee_vnd, online, received_at FROM dossier WHERE id = ?")) {
            ps.setLong(1, dossierId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next() || rs.getString(1) == null) {
                    return;
                }
                Map<String, Object> p = new java.util.LinkedHashMap<>();
                p.put("dossierId", dossierId);
                p.put("code", rs.getString(1));
                p.put("procedureCode", rs.getString(2));
                p.put("state", state.name());
                p.put("at", tx.now());
                p.put("appointmentDate", rs.getString(3));
                p.put("feeVnd", rs.getLong(4));
                p.put("online", rs.getInt(5) == 1);
                p.put("receivedAt", rs.getObject(6));
                effects.toCity(tx, Effects.CityTopic.DOSSIER, rs.getString(1), p);
            }
        }
    }
}
