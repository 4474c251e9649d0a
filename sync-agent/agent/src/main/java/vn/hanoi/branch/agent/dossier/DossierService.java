package vn.hanoi.branch.agent.dossier;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import vn.hanoi.branch.agent.audit.AuditLog;
import vn.hanoi.branch.agent.auth.Principal;
import vn.hanoi.branch.agent.db.Database;
import vn.hanoi.branch.agent.db.WriteTx;
import vn.hanoi.branch.agent.http.ApiException;
import vn.hanoi.branch.calendar.WorkingCalendar;
import vn.hanoi.branch.dossier.FormCheck;
import vn.hanoi.branch.dossier.DossierMoves;
import vn.hanoi.branch.api.Dossiers;
import vn.hanoi.branch.api.Dossiers.Declaration;
import vn.hanoi.branch.api.Dossiers.DeclarationRequest;
import vn.hanoi.branch.api.Dossiers.Procedure;
import vn.hanoi.branch.api.Dossiers.State;
import vn.hanoi.branch.api.Json;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Dossiers from the kiosk's self-declaration (a draft linked to the ticket) through reception and
 * processing. Declared values are personal data: only staff read them, and every read is audited
 * before the data leaves; the public lookup by code shows the procedure, state and history only.
 */
public final class DossierService {
    private static final TypeReference<Map<String, String>> VALUES = new TypeReference<>() {
    };

    private static final DateTimeFormatter SLIP_DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final TypeReference<Dossiers.Applicant> APPLICANT = new TypeReference<>() {
    };
    private static final TypeReference<List<Dossiers.ReceivedDocument>> DOCUMENTS = new TypeReference<>() {
    };

    private final Database db;
    private final AuditLog audit;
    private final ZoneId zone;
    private final String agencyCode;
    private final DossierCodePattern codes;
    private final WorkingCalendar calendar;
    private final Clock clock;

    public DossierService(Database db, AuditLog audit, ZoneId zone, String agencyCode, DossierCodePattern codes,
                          WorkingCalendar calendar, Clock clock) {
        this.codes = codes;
        this.db = db;
        this.audit = audit;
        this.zone = zone;
        this.agencyCode = agencyCode;
        this.calendar = calendar;
        this.clock = clock;
    }

    /**
     * Stores the kiosk's self-declaration as the ticket's draft dossier. Sending it again (a retry, or
     * the citizen correcting it) replaces the draft as long as no clerk has received it.
     */
    public Declaration declare(Principal kiosk, long ticketId, DeclarationRequest req) {
        if (req == null || req.procedureCode() == null || req.values() == null) {
            throw ApiException.badRequest("bad_declaration", "Tờ khai thiếu thủ tục hoặc nội dung.",
                    "The declaration needs a procedure and values.");
        }
        return db.write(tx -> {
            Connection c = tx.connection();
            Procedure p = ProcedureCatalog.find(c, req.procedureCode()).orElseThrow(DossierService::unknownProcedure);
            String ticketState;
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT t.state, s.code FROM ticket t JOIN service s ON s.id = t.service_id WHERE t.id = ?")) {
                ps.setLong(1, ticketId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        throw ApiException.notFound("unknown_ticket", "Không tìm thấy số thứ tự này.", "No such ticket.");
                    }
                    ticketState = rs.getString(1);
                    if (!rs.getString(2).equals(p.serviceCode())) {
                        throw ApiException.badRequest("procedure_not_for_service",
                                "Thủ tục này không thuộc dịch vụ của số thứ tự.",
                                "This procedure does not belong to the ticket's service.");
                    }
                }
            }
            if (!Set.of("WAITING", "CALLED", "SERVING").contains(ticketState)) {
                throw ApiException.conflict("ticket_closed", "Số thứ tự này đã kết thúc, không thể khai thêm.",
                        "This ticket is closed; nothing can be declared for it.");
            }
            List<FormCheck.Problem> problems = FormCheck.check(p.form(), req.values());
            if (!problems.isEmpty()) {
                FormCheck.Problem first = problems.get(0);
                throw ApiException.badRequest("invalid_field:" + first.field(), first.messageVi(), first.messageEn());
            }
            String json = json(FormCheck.normalise(p.form(), req.values()));
            Long existing = null;
            try (PreparedStatement ps = c.prepareStatement("SELECT id, state FROM dossier WHERE ticket_id = ?")) {
                ps.setLong(1, ticketId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        if (!State.DRAFT.name().equals(rs.getString(2))) {
                            throw ApiException.conflict("dossier_received", "Hồ sơ đã được cán bộ tiếp nhận.",
                                    "A clerk has already received this dossier.");
                        }
                        existing = rs.getLong(1);
                    }
                }
            }
            long id;
            if (existing == null) {
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO dossier (ticket_id, procedure_code, state, "
                        + "declaration, from_card, created_at, updated_at) VALUES (?, ?, 'DRAFT', ?, ?, ?, ?) RETURNING id")) {
                    ps.setLong(1, ticketId);
                    ps.setString(2, p.code());
                    ps.setString(3, json);
                    ps.setInt(4, req.fromCard() ? 1 : 0);
                    ps.setLong(5, tx.now());
                    ps.setLong(6, tx.now());
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        id = rs.getLong(1);
                    }
                }
                event(tx, kiosk, id, State.DRAFT, "Công dân tự khai tại kiosk", "Self-declared at the kiosk");
            } else {
                id = existing;
                try (PreparedStatement ps = c.prepareStatement("UPDATE dossier SET procedure_code = ?, declaration = ?, "
                        + "from_card = ?, updated_at = ? WHERE id = ?")) {
                    ps.setString(1, p.code());
                    ps.setString(2, json);
                    ps.setInt(3, req.fromCard() ? 1 : 0);
                    ps.setLong(4, tx.now());
                    ps.setLong(5, id);
                    ps.executeUpdate();
                }
            }
            // The audit trail names the dossier and the procedure, never the declared values.
            audit.record(tx, kiosk, "dossier.declare", "dossier", id, p.code());
            return declaration(c, id);
        });
    }

    /** The ticket's draft or received dossier with its declared values, for the clerk who serves it. */
    public Declaration declarationOfTicket(Principal staff, long ticketId) {
        Long id = db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT id FROM dossier WHERE ticket_id = ?")) {
                ps.setLong(1, ticketId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? rs.getLong(1) : null;
                }
            }
        });
        if (id == null) {
            throw ApiException.notFound("no_declaration", "Công dân chưa tự khai hồ sơ cho số này.",
                    "The citizen has not self-declared a dossier for this ticket.");
        }
        audit.recordPersonalDataRead(staff, "dossier", id, "declaration at the counter");
        return db.read(c -> declaration(c, id));
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
            Procedure p = ProcedureCatalog.find(c, r.procedureCode()).orElseThrow(DossierService::unknownProcedure);
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
            // The day's sequence: dossiers received since the start of this business day, plus one.
            int seq;
            try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM dossier WHERE received_at >= ?")) {
                ps.setLong(1, today.atStartOfDay(zone).toInstant().toEpochMilli());
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    seq = rs.getInt(1) + 1;
                }
            }
            String code = codes.format(agencyCode, today, seq);
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
                ps.setString(4, json(r.applicant()));
                ps.setString(5, json(r.documents() == null ? List.of() : r.documents()));
                ps.setLong(6, r.feeVnd());
                ps.setString(7, r.notes());
                ps.setInt(8, r.online() ? 1 : 0);
                ps.setLong(9, tx.now());
                ps.setObject(10, staff.userId());
                ps.setLong(11, tx.now());
                ps.setLong(12, dossierId);
                ps.executeUpdate();
            }
            event(tx, staff, dossierId, State.RECEIVED, "Đã tiếp nhận hồ sơ, hẹn trả kết quả " + SLIP_DAY.format(appointment),
                    "Dossier received, result due " + SLIP_DAY.format(appointment));
            audit.record(tx, staff, "dossier.receive", "dossier", dossierId, code);
            return dossierId;
        });
        return db.read(c -> dossier(c, id));
    }

    /** A dossier with its personal data, for staff; the read is recorded in the audit log first. */
    public Dossiers.Dossier get(Principal staff, long dossierId) {
        db.read(c -> state(c, dossierId)); // 404 before anything is recorded
        audit.recordPersonalDataRead(staff, "dossier", dossierId, "dossier at the counter");
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
        return db.read(c -> dossier(c, dossierId));
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
        String code = db.write(tx -> move(tx, staff, dossierId, to, noteVi, noteEn));
        return lookup(code);
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
        if (state(c, id) == to) {
            return CityApply.APPLIED; // already there (the branch moved it by hand): only the version is recorded
        }
        // A later processing state implies the steps before it (a department may report PROCESSING first):
        // walk the processing path up to it, each step recorded.
        State cur = state(c, id);
        while (to != null && !DossierMoves.allowed(cur, to) && DossierMoves.PROCESSING_PATH.contains(to)
                && DossierMoves.PROCESSING_PATH.indexOf(to) > DossierMoves.PROCESSING_PATH.indexOf(cur)
                && DossierMoves.allowed(cur, DossierMoves.PROCESSING_PATH.get(DossierMoves.PROCESSING_PATH.indexOf(cur) + 1))) {
            cur = DossierMoves.PROCESSING_PATH.get(DossierMoves.PROCESSING_PATH.indexOf(cur) + 1);
            move(tx, vn.hanoi.branch.agent.auth.Principal.SYSTEM, id, cur, noteVi, noteEn);
        }
        if (cur == to) {
            return CityApply.APPLIED;
        }
        if (to == null || !DossierMoves.allowed(cur, to)) {
            return CityApply.NOT_ALLOWED;
        }
        move(tx, vn.hanoi.branch.agent.auth.Principal.SYSTEM, id, to, noteVi, noteEn);
        return CityApply.APPLIED;
    }

    private String move(WriteTx tx, Principal staff, long dossierId, State to, String noteVi, String noteEn)
            throws SQLException {
        {
            Connection c = tx.connection();
            State from = state(c, dossierId);
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
            event(tx, staff, dossierId, to, noteVi, noteEn);
            audit.record(tx, staff, "dossier.state", "dossier", dossierId, from + "->" + to);
            try (PreparedStatement ps = c.prepareStatement("SELECT code FROM dossier WHERE id = ?")) {
                ps.setLong(1, dossierId);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getString(1);
                }
            }
        }
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
            List<Dossiers.Event> history = history(c, id);
            return new Dossiers.Lookup(head.code(), head.procedureCode(), head.procedureNameVi(), head.procedureNameEn(),
                    head.state(), head.appointmentDate(), history);
        });
    }

    private static Declaration declaration(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT d.id, d.ticket_id, d.procedure_code, p.name_vi, "
                + "d.declaration, d.from_card, d.created_at FROM dossier d JOIN procedure p ON p.code = d.procedure_code "
                + "WHERE d.id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                Map<String, String> values = rs.getString(5) == null ? Map.of()
                        : Json.mapper().readValue(rs.getString(5), VALUES);
                return new Declaration(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), values,
                        rs.getInt(6) == 1, Instant.ofEpochMilli(rs.getLong(7)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static State state(Connection c, long dossierId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT state FROM dossier WHERE id = ?")) {
            ps.setLong(1, dossierId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw ApiException.notFound("unknown_dossier", "Không tìm thấy hồ sơ.", "No such dossier.");
                }
                return State.valueOf(rs.getString(1));
            }
        }
    }

    private static void event(WriteTx tx, Principal who, long dossierId, State state, String vi, String en)
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
    private static void toCity(WriteTx tx, long dossierId, State state) throws SQLException {
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
                vn.hanoi.branch.agent.sync.Outbox.append(tx, vn.hanoi.branch.agent.sync.Outbox.DOSSIER, rs.getString(1), p);
            }
        }
    }

    private Dossiers.Dossier dossier(Connection c, long id) throws SQLException {
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
                        rs.getString(4), rs.getString(5), st, read(rs.getString(7), APPLICANT),
                        rs.getString(8) == null ? List.of() : read(rs.getString(8), DOCUMENTS), rs.getLong(9),
                        rs.getString(10), rs.getInt(11) == 1, received == null ? null : Instant.ofEpochMilli(received), due,
                        onTime(st, due, resultAt, today), rs.getString(15) == null ? Map.of() : read(rs.getString(15), VALUES),
                        history(c, id), rs.getString(16), rs.getString(17));
            }
        }
    }

    private static <T> T read(String json, TypeReference<T> type) {
        if (json == null) {
            return null;
        }
        try {
            return Json.mapper().readValue(json, type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Dossiers.Event> history(Connection c, long id) throws SQLException {
        List<Dossiers.Event> history = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT at, state, note_vi, note_en FROM dossier_event WHERE dossier_id = ? ORDER BY id")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    history.add(new Dossiers.Event(Instant.ofEpochMilli(rs.getLong(1)), State.valueOf(rs.getString(2)),
                            rs.getString(3), rs.getString(4)));
                }
            }
        }
        return history;
    }

    private static String json(Object values) {
        try {
            return Json.mapper().writeValueAsString(values);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ApiException unknownProcedure() {
        return ApiException.badRequest("unknown_procedure", "Thủ tục không có trong danh mục của chi nhánh.",
                "The branch does not offer this procedure.");
    }
}
