package vn.hanoi.branch.agent.dossier;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.Set;
import vn.hanoi.branch.agent.effects.Effects;
import vn.hanoi.branch.agent.auth.Principal;
import vn.hanoi.branch.agent.db.Database;
import vn.hanoi.branch.agent.http.ApiException;
import vn.hanoi.branch.api.Dossiers.Declaration;
import vn.hanoi.branch.api.Dossiers.DeclarationRequest;
import vn.hanoi.branch.api.Dossiers.Procedure;
import vn.hanoi.branch.api.Dossiers.State;
import vn.hanoi.branch.dossier.FormCheck;

/**
 * The kiosk's self-declaration: a draft dossier linked to the ticket, read by the clerk who serves it.
 * Declared values are personal data: only staff read them, and every read is audited before the data leaves.
 */
public final class SelfDeclaration {
    private final Database db;
    private final Effects effects;
    private final DossierTransitions transitions;

    SelfDeclaration(Database db, Effects effects, DossierTransitions transitions) {
        this.db = db;
        this.effects = effects;
        this.transitions = transitions;
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
            Procedure p = ProcedureCatalog.find(c, req.procedureCode()).orElseThrow(DossierRows::unknownProcedure);
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
            String json = DossierRows.json(FormCheck.normalise(p.form(), req.values()));
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
                transitions.record(tx, kiosk, id, State.DRAFT, "Công dân tự khai tại kiosk", "Self-declared at the kiosk");
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
            effects.audit(tx, kiosk, "dossier.declare", "dossier", id, p.code());
            return DossierRows.declaration(c, id);
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
        effects.personalDataRead(staff, "dossier", id, "declaration at the counter");
        return db.read(c -> DossierRows.declaration(c, id));
    }
}
