package vn.hanoi.branch.agent.dossier;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import vn.hanoi.branch.agent.effects.Effects;
import vn.hanoi.branch.agent.auth.Principal;
import vn.hanoi.branch.agent.db.Database;
import vn.hanoi.branch.agent.http.ApiException;
import vn.hanoi.branch.api.Dossiers;
import vn.hanoi.branch.api.Dossiers.Procedure;
import vn.hanoi.branch.api.Dossiers.State;
import vn.hanoi.branch.calendar.WorkingCalendar;

/** Reception of a dossier by a clerk: its code, the appointment date in working days, what was handed in. */
public final class DossierReception {
    private static final DateTimeFormatter SLIP_DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final Database db;
    private final Effects effects;
    private final DossierTransitions transitions;
    private final DossierQueries queries;
    private final ZoneId zone;
    private final String agencyCode;
    private final DossierCodePattern codes;
    private final WorkingCalendar calendar;

    DossierReception(Database db, Effects effects, DossierTransitions transitions, DossierQueries queries, ZoneId zone,
                     String agencyCode, DossierCodePattern codes, WorkingCalendar calendar) {
        this.db = db;
        this.effects = effects;
        this.transitions = transitions;
        this.queries = queries;
        this.zone = zone;
        this.agencyCode = agencyCode;
        this.codes = codes;
        this.calendar = calendar;
    }

    /**
     * Reception by a clerk, from the called ticket: its self-declared draft becomes the dossier (or a new
     * one is made), with the applicant, the checklist of documents handed in, fee and notes. The dossier
     * gets its code ({@code <agency>-<yyMMdd>-<seq>}) and an appointment date counted in working days
     * (weekends, public holidays with the lunar ones, the branch's yearly list).
     */
    public Dossiers.Dossier receive(Principal staff, Dossiers.Reception r) {
        if (r == null || r.procedureCode() == null || r.applicant() == null || r.applicant().fullName() == null
                || r.applicant().fullName().isBlank()) {
            throw ApiException.badRequest("bad_reception", "Hồ sơ cần có thủ tục và họ tên người nộp.",
                    "A dossier needs a procedure and the applicant's name.");
        }
        if (r.feeVnd() < 0) {
            throw ApiException.badRequest("bad_fee", "Lệ phí không được âm.", "The fee cannot be negative.");
        }
        long id = db.write(tx -> {
            Connection c = tx.connection();
            Procedure p = ProcedureCatalog.find(c, r.procedureCode()).orElseThrow(DossierRows::unknownProcedure);
            Long dossierId = null;
            if (r.ticketId() != null) {
                try (PreparedStatement ps = c.prepareStatement("SELECT id, state FROM dossier WHERE ticket_id = ?")) {
                    ps.setLong(1, r.ticketId());
                    try (ResultSet rs = ps.executeQuery()) {
                        if (rs.next()) {
                            if (!State.DRAFT.name().equals(rs.getString(2))) {
                                throw ApiException.conflict("dossier_received", "Hồ sơ của số này đã được tiếp nhận.",
                                        "The dossier of this ticket was received already.");
                            }
                            dossierId = rs.getLong(1);
                        }
                    }
                }
            }
            LocalDate today = Instant.ofEpochMilli(tx.now()).atZone(zone).toLocalDate();
            String code = nextCode(c, today);
            LocalDate appointment = calendar.addWorkingDays(today, p.processingDays());
            if (dossierId == null) {
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO dossier (ticket_id, procedure_code, state, "
                        + "created_at, updated_at) VALUES (?, ?, 'DRAFT', ?, ?) RETURNING id")) {
                    ps.setObject(1, r.ticketId());
                    ps.setString(2, p.code());
                    ps.setLong(3, tx.now());
                    ps.setLong(4, tx.now());
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        dossierId = rs.getLong(1);
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE dossier SET code = ?, procedure_code = ?, "
                    + "state = 'RECEIVED', appointment_date = ?, applicant = ?, documents = ?, fee_vnd = ?, notes = ?, "
                    + "online = ?, received_at = ?, received_by = ?, updated_at = ? WHERE id = ?")) {
                ps.setString(1, code);
                ps.setString(2, p.code());
                ps.setString(3, appointment.toString());
                ps.setString(4, DossierRows.json(r.applicant()));
                ps.setString(5, DossierRows.json(r.documents() == null ? List.of() : r.documents()));
                ps.setLong(6, r.feeVnd());
                ps.setString(7, r.notes());
                ps.setInt(8, r.online() ? 1 : 0);
                ps.setLong(9, tx.now());
                ps.setObject(10, staff.userId());
                ps.setLong(11, tx.now());
                ps.setLong(12, dossierId);
                ps.executeUpdate();
            }
            transitions.record(tx, staff, dossierId, State.RECEIVED, "Đã tiếp nhận hồ sơ, hẹn trả kết quả " + SLIP_DAY.format(appointment),
                    "Dossier received, result due " + SLIP_DAY.format(appointment));
            effects.audit(tx, staff, "dossier.receive", "dossier", dossierId, code);
            return dossierId;
        });
        return db.read(c -> queries.dossier(c, id));
    }

    /**
     * The day's next code: one above the day's counter, skipping any code the branch already holds or a
     * restore learned was given out (a clock set back or a restored backup must never repeat a code).
     */
    private String nextCode(Connection c, LocalDate day) throws SQLException {
        int seq;
        try (PreparedStatement ps = c.prepareStatement("SELECT last_seq FROM dossier_sequence WHERE day = ?")) {
            ps.setString(1, day.toString());
            try (ResultSet rs = ps.executeQuery()) {
                seq = rs.next() ? rs.getInt(1) : 0;
            }
        }
        String code;
        try (PreparedStatement taken = c.prepareStatement("SELECT 1 FROM dossier WHERE code = ? "
                + "UNION ALL SELECT 1 FROM dossier_code_used WHERE code = ?")) {
            do {
                code = codes.format(agencyCode, day, ++seq);
                taken.setString(1, code);
                taken.setString(2, code);
                try (ResultSet rs = taken.executeQuery()) {
                    if (!rs.next()) {
                        break;
                    }
                }
            } while (true);
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO dossier_sequence (day, last_seq) VALUES (?, ?) "
                + "ON CONFLICT (day) DO UPDATE SET last_seq = excluded.last_seq")) {
            ps.setString(1, day.toString());
            ps.setInt(2, seq);
            ps.executeUpdate();
        }
        return code;
    }
}
