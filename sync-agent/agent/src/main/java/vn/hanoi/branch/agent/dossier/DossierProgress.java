package vn.hanoi.branch.agent.dossier;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import vn.hanoi.branch.agent.auth.Principal;
import vn.hanoi.branch.agent.db.Database;
import vn.hanoi.branch.agent.db.WriteTx;
import vn.hanoi.branch.agent.http.ApiException;
import vn.hanoi.branch.api.Dossiers;
import vn.hanoi.branch.api.Dossiers.State;
import vn.hanoi.branch.dossier.DossierMoves;

/**
 * A received dossier's way to its end: state changes by staff, status updates from the city's departments,
 * and the result's hand-over at the counter or by delivery.
 */
public final class DossierProgress {
    private final Database db;
    private final DossierTransitions transitions;
    private final DossierQueries queries;

    DossierProgress(Database db, DossierTransitions transitions, DossierQueries queries) {
        this.db = db;
        this.transitions = transitions;
        this.queries = queries;
    }

    /**
     * The result leaves the branch: handed to the citizen at the counter (RETURNED), or sent home
     * (DELIVERED, with the address and a tracking code the citizen can quote).
     */
    public Dossiers.Dossier handOver(Principal staff, long dossierId, Dossiers.HandOver h) {
        if (h == null || h.method() == null) {
            throw ApiException.badRequest("bad_hand_over", "Chọn cách trả kết quả: tại quầy hoặc gửi về nhà.",
                    "Choose how the result is handed over: at the counter or sent home.");
        }
        boolean home = h.method() == Dossiers.HandOverMethod.HOME;
        if (home && (h.deliveryAddress() == null || h.deliveryAddress().isBlank())) {
            throw ApiException.badRequest("missing_address", "Cần địa chỉ nhận kết quả tại nhà.",
                    "Home delivery needs an address.");
        }
        String tracking = home ? "GH" + newCode(10) : null;
        if (home) {
            db.write(tx -> {
                try (PreparedStatement ps = tx.connection().prepareStatement(
                        "UPDATE dossier SET delivery_address = ?, tracking_code = ? WHERE id = ? AND state = 'RESULT_READY'")) {
                    ps.setString(1, h.deliveryAddress().strip() + (h.phone() == null || h.phone().isBlank() ? "" : " – " + h.phone().strip()));
                    ps.setString(2, tracking);
                    ps.setLong(3, dossierId);
                    ps.executeUpdate();
                }
                return null;
            });
        }
        changeState(staff, dossierId, home ? State.DELIVERED : State.RETURNED,
                home ? "Đã gửi kết quả về nhà, mã vận đơn " + tracking : "Đã trả kết quả tại quầy",
                home ? "Result sent home, tracking code " + tracking : "Result handed over at the counter");
        return db.read(c -> queries.dossier(c, dossierId));
    }

    private static final String TRACKING_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private final java.security.SecureRandom random = new java.security.SecureRandom();

    private String newCode(int length) {
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            sb.append(TRACKING_ALPHABET.charAt(random.nextInt(TRACKING_ALPHABET.length())));
        }
        return sb.toString();
    }

    /** A status change by hand (or, later, from the city), along the allowed moves only. */
    public Dossiers.Lookup changeState(Principal staff, long dossierId, State to, String noteVi, String noteEn) {
        String code = db.write(tx -> transitions.move(tx, staff, dossierId, to, noteVi, noteEn));
        return queries.lookup(code);
    }

    /** The result of applying one status update from the city. */
    public enum CityApply { APPLIED, STALE, UNKNOWN_DOSSIER, NOT_ALLOWED }

    /**
     * A status update from a department through the city, in the sync's transaction. Conflict rules: the city
     * owns processing status, so its update wins over the branch's state when the move is allowed; an update
     * whose version is not above the last one applied (a repeat, or one overtaken on the way) changes nothing;
     * reception data (code, procedure, applicant, documents, fee, appointment) is never touched.
     */
    public CityApply applyCityStatus(WriteTx tx, String code, State to, long version, String noteVi, String noteEn)
            throws SQLException {
        Connection c = tx.connection();
        long id;
        try (PreparedStatement ps = c.prepareStatement("SELECT id, city_status_version FROM dossier WHERE code = ?")) {
            ps.setString(1, code);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return CityApply.UNKNOWN_DOSSIER;
                }
                id = rs.getLong(1);
                long applied = rs.getLong(2);
                if (!rs.wasNull() && version <= applied) {
                    return CityApply.STALE;
                }
            }
        }
        try (PreparedStatement ps = c.prepareStatement("UPDATE dossier SET city_status_version = ? WHERE id = ?")) {
            ps.setLong(1, version);
            ps.setLong(2, id);
            ps.executeUpdate();
        }
        if (DossierRows.state(c, id) == to) {
            return CityApply.APPLIED; // already there (the branch moved it by hand): only the version is recorded
        }
        // A later processing state implies the steps before it (a department may report PROCESSING first):
        // walk the processing path up to it, each step recorded.
        State cur = DossierRows.state(c, id);
        while (to != null && !DossierMoves.allowed(cur, to) && DossierMoves.PROCESSING_PATH.contains(to)
                && DossierMoves.PROCESSING_PATH.indexOf(to) > DossierMoves.PROCESSING_PATH.indexOf(cur)
                && DossierMoves.allowed(cur, DossierMoves.PROCESSING_PATH.get(DossierMoves.PROCESSING_PATH.indexOf(cur) + 1))) {
            cur = DossierMoves.PROCESSING_PATH.get(DossierMoves.PROCESSING_PATH.indexOf(cur) + 1);
            transitions.move(tx, vn.hanoi.branch.agent.auth.Principal.SYSTEM, id, cur, noteVi, noteEn);
        }
        if (cur == to) {
            return CityApply.APPLIED;
        }
        if (to == null || !DossierMoves.allowed(cur, to)) {
            return CityApply.NOT_ALLOWED;
        }
        transitions.move(tx, vn.hanoi.branch.agent.auth.Principal.SYSTEM, id, to, noteVi, noteEn);
        return CityApply.APPLIED;
    }
}
