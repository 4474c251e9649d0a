package vn.hanoi.branch.agent.dossier;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import vn.hanoi.branch.agent.effects.Effects;
import vn.hanoi.branch.agent.auth.Principal;
import vn.hanoi.branch.agent.db.Database;
import vn.hanoi.branch.agent.http.ApiException;
import vn.hanoi.branch.api.Dossiers;
import vn.hanoi.branch.api.Dossiers.State;

/**
 * Reading dossiers: one with its personal data for staff (the read audited first), the tracking list, and
 * the public lookup by code (procedure, state and history only).
 */
public final class DossierQueries {
    private final Database db;
    private final Effects effects;
    private final Clock clock;
    private final ZoneId zone;

    DossierQueries(Database db, Effects effects, Clock clock, ZoneId zone) {
        this.db = db;
        this.effects = effects;
        this.clock = clock;
        this.zone = zone;
    }

    /** A dossier with its personal data, for staff; the read is recorded in the audit log first. */
    public Dossiers.Dossier get(Principal staff, long dossierId) {
        db.read(c -> DossierRows.state(c, dossierId)); // 404 before anything is recorded
        effects.personalDataRead(staff, "dossier", dossierId, "dossier at the counter");
        return db.read(c -> dossier(c, dossierId));
    }

    /**
     * The tracking list (no personal data), newest first: by state, or only the overdue ones (past the
     * appointment date without a result).
     */
    public List<Dossiers.Summary> list(State state, boolean overdueOnly, int limit) {
        LocalDate today = LocalDate.now(clock.withZone(zone));
        return db.read(c -> {
            StringBuilder sql = new StringBuilder("SELECT d.id, d.code, d.procedure_code, p.name_vi, d.state, "
                    + "d.appointment_date, d.result_at FROM dossier d JOIN procedure p ON p.code = d.procedure_code "
                    + "WHERE d.code IS NOT NULL");
            if (state != null) {
                sql.append(" AND d.state = ?");
            }
            if (overdueOnly) {
                sql.append(" AND d.result_at IS NULL AND d.state NOT IN ('REFUSED', 'RETURNED', 'DELIVERED') "
                        + "AND d.appointment_date < ?");
            }
            sql.append(" ORDER BY d.received_at DESC, d.id DESC LIMIT ?");
            try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
                int i = 1;
                if (state != null) {
                    ps.setString(i++, state.name());
                }
                if (overdueOnly) {
                    ps.setString(i++, today.toString());
                }
                ps.setInt(i, Math.max(1, Math.min(limit, 1000)));
                List<Dossiers.Summary> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        LocalDate due = rs.getString(6) == null ? null : LocalDate.parse(rs.getString(6));
                        State st = State.valueOf(rs.getString(5));
                        Long resultAt = rs.getObject(7) == null ? null : rs.getLong(7);
                        out.add(new Dossiers.Summary(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), st,
                                due, onTime(st, due, resultAt, today)));
                    }
                }
                return out;
            }
        });
    }

    /**
     * On time when the result was ready by the appointment date; late when it was ready after, or is
     * still not ready past the date; undecided (null) before the date and for refused dossiers.
     */
    private Boolean onTime(State state, LocalDate due, Long resultAt, LocalDate today) {
        if (due == null || state == State.REFUSED || state == State.DRAFT) {
            return null;
        }
        if (resultAt != null) {
            return !Instant.ofEpochMilli(resultAt).atZone(zone).toLocalDate().isAfter(due);
        }
        return today.isAfter(due) ? Boolean.FALSE : null;
    }

    /** What the code on an appointment slip shows: procedure, state, appointment and history; no personal data. */
    public Dossiers.Lookup lookup(String rawCode) {
        String code = rawCode == null ? "" : rawCode.strip().toUpperCase();
        return db.read(c -> {
            long id;
            Dossiers.Lookup head;
            try (PreparedStatement ps = c.prepareStatement("SELECT d.id, d.code, d.procedure_code, p.name_vi, p.name_en, "
                    + "d.state, d.appointment_date FROM dossier d JOIN procedure p ON p.code = d.procedure_code WHERE d.code = ?")) {
                ps.setString(1, code);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        throw ApiException.notFound("unknown_dossier",
                                "Không tìm thấy hồ sơ có mã " + code + ". Hãy kiểm tra mã trên phiếu hẹn.",
                                "No dossier with code " + code + ". Check the code on your appointment slip.");
                    }
                    id = rs.getLong(1);
                    String appointment = rs.getString(7);
                    head = new Dossiers.Lookup(rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                            State.valueOf(rs.getString(6)), appointment == null ? null : LocalDate.parse(appointment), List.of());
                }
            }
            List<Dossiers.Event> history = DossierRows.history(c, id);
            return new Dossiers.Lookup(head.code(), head.procedureCode(), head.procedureNameVi(), head.procedureNameEn(),
                    head.state(), head.appointmentDate(), history);
        });
    }

    /** The dossier with its personal data; callers have recorded the read or are its writer. */
    Dossiers.Dossier dossier(Connection c, long id) throws SQLException {
        LocalDate today = LocalDate.now(clock.withZone(zone));
        try (PreparedStatement ps = c.prepareStatement("SELECT d.id, d.code, d.ticket_id, d.procedure_code, p.name_vi, "
                + "d.state, d.applicant, d.documents, d.fee_vnd, d.notes, d.online, d.received_at, d.appointment_date, "
                + "d.result_at, d.declaration, d.copy_sha256, d.tracking_code "
                + "FROM dossier d JOIN procedure p ON p.code = d.procedure_code WHERE d.id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw ApiException.notFound("unknown_dossier", "Không tìm thấy hồ sơ.", "No such dossier.");
                }
                State st = State.valueOf(rs.getString(6));
                LocalDate due = rs.getString(13) == null ? null : LocalDate.parse(rs.getString(13));
                Long resultAt = rs.getObject(14) == null ? null : rs.getLong(14);
                Long received = rs.getObject(12) == null ? null : rs.getLong(12);
                return new Dossiers.Dossier(rs.getLong(1), rs.getString(2), rs.getObject(3) == null ? null : rs.getLong(3),
                        rs.getString(4), rs.getString(5), st, DossierRows.read(rs.getString(7), DossierRows.APPLICANT),
                        rs.getString(8) == null ? List.of() : DossierRows.read(rs.getString(8), DossierRows.DOCUMENTS), rs.getLong(9),
                        rs.getString(10), rs.getInt(11) == 1, received == null ? null : Instant.ofEpochMilli(received), due,
                        onTime(st, due, resultAt, today), rs.getString(15) == null ? Map.of() : DossierRows.read(rs.getString(15), DossierRows.VALUES),
                        DossierRows.history(c, id), rs.getString(16), rs.getString(17));
            }
        }
    }
}
