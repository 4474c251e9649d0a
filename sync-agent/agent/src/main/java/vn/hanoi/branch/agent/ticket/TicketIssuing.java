package vn.hanoi.branch.agent.ticket;

import vn.hanoi.branch.agent.setup.SetupState;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import vn.hanoi.branch.agent.effects.Effects;
import vn.hanoi.branch.agent.auth.Principal;
import vn.hanoi.branch.agent.branch.BranchDirectory;
import vn.hanoi.branch.agent.db.Database;
import vn.hanoi.branch.agent.db.WriteTx;
import vn.hanoi.branch.agent.http.ApiException;
import vn.hanoi.branch.api.IssueTicketRequest;
import vn.hanoi.branch.api.PriorityClass;
import vn.hanoi.branch.api.PriorityState;
import vn.hanoi.branch.api.QueueEvent;
import vn.hanoi.branch.api.ServiceInfo;
import vn.hanoi.branch.api.Ticket;
import vn.hanoi.branch.api.TicketState;
import vn.hanoi.branch.ticket.PriorityByAge;

/**
 * Issuing numbers: idempotent per kiosk and key, numbered per service and day without gaps, with the
 * citizen's priority.
 */
public final class TicketIssuing {
    private final Database db;
    private final BranchDirectory directory;
    private final Effects effects;
    private final TicketTransitions transitions;
    private final QueueFigures figures;
    private final ZoneId zone;

    TicketIssuing(Database db, BranchDirectory directory, Effects effects,
                  TicketTransitions transitions, QueueFigures figures, ZoneId zone) {
        this.db = db;
        this.directory = directory;
        this.effects = effects;
        this.transitions = transitions;
        this.figures = figures;
        this.zone = zone;
    }

    /** Result of an issue request: {@code created} is false when an earlier request with the same key won. */
    public record Issued(Ticket ticket, boolean created) {
    }

    /**
     * Issues the next number of a service. Idempotent per device and key: the kiosk retries with the
     * same key after a lost answer and gets the same ticket back. The citizen's priority is declared at
     * the kiosk, or derived from the date of birth on the ID card (which is used here and not stored).
     */
    public Issued issue(Principal kiosk, IssueTicketRequest request, String idempotencyKey) {
        Issued issued = db.write(tx -> issueIn(tx, kiosk, request, null, idempotencyKey));
        return new Issued(withQueueFigures(issued.ticket()), issued.created());
    }

    /**
     * Adds "people ahead" and the waiting estimate after the commit, on a reader connection: they
     * are counts over the waiting line, and computing them in the single writer would make every
     * kiosk wait for them (measured: issues/s fell from ~1,900 to ~550 with a long line).
     */
    public Ticket withQueueFigures(Ticket t) {
        return db.read(c -> figures.withWaitingAhead(c, t));
    }

    /**
     * Issues inside the caller's write unit (booking check-in issues and marks the booking in one
     * transaction).
     *
     * @param positionAt place in line (epoch ms; a booking's slot), or null for "now"
     */
    public Issued issueIn(WriteTx tx, Principal kiosk, IssueTicketRequest request, Long positionAt,
                          String idempotencyKey) throws SQLException {
        long serviceId = request.serviceId();
        Connection c = tx.connection();
        Optional<Long> existing = ticketIdByKey(c, kiosk.deviceId(), idempotencyKey);
        if (existing.isPresent()) {
            return new Issued(TicketRows.require(c, existing.get()), false);
        }
        if (!SetupState.isSetUp(c)) {
            throw SetupState.notSetUp();
        }
        ServiceInfo service = directory.service(c, serviceId)
                .filter(ServiceInfo::active)
                .orElseThrow(() -> ApiException.badRequest("unknown_service",
                        "Dịch vụ không tồn tại hoặc đã ngừng. Vui lòng chọn dịch vụ khác.",
                        "This service does not exist or is closed. Please choose another service."));
        LocalDate day = LocalDate.ofInstant(Instant.ofEpochMilli(tx.now()), zone);
        Priority priority = priorityOf(c, request, day);
        int seq = nextSeq(c, serviceId, day);
        int number = service.numberStart() + seq - 1;
        if (number > service.numberEnd()) {
            throw ApiException.conflict("numbers_exhausted",
                    "Dịch vụ này đã hết số thứ tự trong ngày. Vui lòng liên hệ cán bộ hướng dẫn.",
                    "This service has given out all its numbers for today. Please ask staff for help.");
        }
        long id;
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO ticket (service_id, business_day, seq, display_number, state, issued_at, "
                        + "issued_by_device, idempotency_key, position_at, priority_class, priority_state) "
                        + "VALUES (?, ?, ?, ?, 'WAITING', ?, ?, ?, ?, ?, ?) RETURNING id")) {
            ps.setLong(1, serviceId);
            ps.setString(2, day.toString());
            ps.setInt(3, seq);
            ps.setString(4, service.prefix() + number);
            ps.setLong(5, tx.now());
            ps.setObject(6, kiosk.deviceId());
            ps.setString(7, idempotencyKey);
            ps.setLong(8, positionAt == null ? tx.now() : positionAt);
            ps.setString(9, priority == null ? null : priority.code());
            ps.setString(10, priority == null ? null : priority.state().name());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                id = rs.getLong(1);
            }
        }
        transitions.log(tx, kiosk, id, null, TicketState.WAITING, null);
        Ticket t = TicketRows.require(c, id);
        effects.audit(tx, kiosk, "ticket.issue", "ticket", id, t.displayNumber());
        effects.queueEvent(tx, QueueEvent.TICKET_ISSUED, t, null);
        return new Issued(t, true);
    }

    private static int nextSeq(Connection c, long serviceId, LocalDate day) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO ticket_sequence (service_id, business_day, last_seq) VALUES (?, ?, 1) "
                        + "ON CONFLICT (service_id, business_day) DO UPDATE SET last_seq = last_seq + 1 "
                        + "RETURNING last_seq")) {
            ps.setLong(1, serviceId);
            ps.setString(2, day.toString());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    private static Optional<Long> ticketIdByKey(Connection c, Long deviceId, String key) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT id FROM ticket WHERE issued_by_device IS ? AND idempotency_key = ?")) {
            ps.setObject(1, deviceId);
            ps.setString(2, key);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
            }
        }
    }

    private record Priority(String code, PriorityState state) {
    }

    /** Age from the card wins over a declaration; a declared class must exist. */
    private static Priority priorityOf(Connection c, IssueTicketRequest r, LocalDate day) throws SQLException {
        List<PriorityClass> classes = TicketRows.priorityClasses(c);
        Optional<PriorityClass> byAge = PriorityByAge.of(classes, r.birthDate(), day);
        if (byAge.isPresent()) {
            return new Priority(byAge.get().code(), PriorityState.CARD);
        }
        if (r.priorityClass() == null || r.priorityClass().isBlank()) {
            return null;
        }
        if (classes.stream().noneMatch(p -> p.code().equals(r.priorityClass()))) {
            throw TicketRows.unknownPriorityClass();
        }
        return new Priority(r.priorityClass(), PriorityState.DECLARED);
    }
}
