package vn.hanoi.branch.agent.ticket;

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
import java.util.Optional;
import java.util.OptionalLong;
import vn.hanoi.branch.agent.audit.AuditLog;
import vn.hanoi.branch.agent.auth.Principal;
import vn.hanoi.branch.agent.branch.BranchDirectory;
import vn.hanoi.branch.agent.db.Database;
import vn.hanoi.branch.agent.db.WriteTx;
import vn.hanoi.branch.agent.event.EventHub;
import vn.hanoi.branch.agent.http.ApiException;
import vn.hanoi.branch.agent.queue.QueuePolicy;
import vn.hanoi.branch.shared.api.QueueEvent;
import vn.hanoi.branch.shared.api.QueueSnapshot;
import vn.hanoi.branch.shared.api.ServiceInfo;
import vn.hanoi.branch.shared.api.Ticket;
import vn.hanoi.branch.shared.api.TicketState;

/**
 * Tickets: issuing numbers and moving tickets through their states. Every change is one write unit
 * that updates the ticket, logs the transition with who did it, appends to the audit log and emits
 * the queue event, all in one transaction.
 */
public final class TicketService {
    private static final String SELECT = "SELECT t.id, t.service_id, s.code, t.business_day, t.seq, "
            + "t.display_number, t.state, t.counter_id, c.number, t.issued_at, t.called_at, t.serving_at, "
            + "t.finished_at FROM ticket t JOIN service s ON s.id = t.service_id "
            + "LEFT JOIN counter c ON c.id = t.counter_id ";

    private final Database db;
    private final BranchDirectory directory;
    private final EventHub events;
    private final AuditLog audit;
    private final QueuePolicy policy;
    private final Clock clock;
    private final ZoneId zone;

    public TicketService(Database db, BranchDirectory directory, EventHub events, AuditLog audit,
                         QueuePolicy policy, Clock clock, ZoneId zone) {
        this.db = db;
        this.directory = directory;
        this.events = events;
        this.audit = audit;
        this.policy = policy;
        this.clock = clock;
        this.zone = zone;
    }

    /** Result of an issue request: {@code created} is false when an earlier request with the same key won. */
    public record Issued(Ticket ticket, boolean created) {
    }

    public LocalDate businessDay() {
        return LocalDate.now(clock.withZone(zone));
    }

    /**
     * Issues the next number of a service. Idempotent per device and key: the kiosk retries with the
     * same key after a lost answer and gets the same ticket back.
     */
    public Issued issue(Principal kiosk, long serviceId, String idempotencyKey) {
        return db.write(tx -> {
            Connection c = tx.connection();
            Optional<Long> existing = ticketIdByKey(c, kiosk.deviceId(), idempotencyKey);
            if (existing.isPresent()) {
                return new Issued(load(c, existing.get()), false);
            }
            ServiceInfo service = directory.service(c, serviceId)
                    .filter(ServiceInfo::active)
                    .orElseThrow(() -> ApiException.badRequest("unknown_service",
                            "Dịch vụ không tồn tại hoặc đã ngừng. Vui lòng chọn dịch vụ khác.",
                            "This service does not exist or is closed. Please choose another service."));
            LocalDate day = LocalDate.ofInstant(Instant.ofEpochMilli(tx.now()), zone);
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
                            + "issued_by_device, idempotency_key) VALUES (?, ?, ?, ?, 'WAITING', ?, ?, ?) RETURNING id")) {
                ps.setLong(1, serviceId);
                ps.setString(2, day.toString());
                ps.setInt(3, seq);
                ps.setString(4, service.prefix() + number);
                ps.setLong(5, tx.now());
                ps.setObject(6, kiosk.deviceId());
                ps.setString(7, idempotencyKey);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    id = rs.getLong(1);
                }
            }
            logTransition(tx, kiosk, id, null, TicketState.WAITING, null);
            Ticket t = load(c, id);
            audit.record(tx, kiosk, "ticket.issue", "ticket", id, t.displayNumber());
            events.append(tx, QueueEvent.TICKET_ISSUED, t, null);
            return new Issued(t, true);
        });
    }

    /** Calls the next waiting ticket to a counter, as the queue policy orders them. */
    public Optional<Ticket> callNext(Principal staff, long counterId) {
        return db.write(tx -> {
            Connection c = tx.connection();
            requireCounter(c, counterId);
            OptionalLong active = activeTicketAt(c, counterId);
            if (active.isPresent()) {
                throw ApiException.conflict("counter_busy",
                        "Quầy đang phục vụ một số khác. Hãy hoàn thành hoặc đánh dấu vắng mặt trước khi gọi số mới.",
                        "This counter still has a ticket in progress. Finish it or mark it as no-show first.");
            }
            LocalDate day = LocalDate.ofInstant(Instant.ofEpochMilli(tx.now()), zone);
            OptionalLong next = policy.next(c, counterId, day);
            if (next.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(move(tx, staff, next.getAsLong(), TicketState.CALLED, counterId,
                    QueueEvent.TICKET_CALLED));
        });
    }

    /** Repeats the call on the hall screen; the ticket stays called. */
    public Ticket recall(Principal staff, long ticketId) {
        return db.write(tx -> {
            Ticket t = require(tx.connection(), ticketId);
            if (t.state() != TicketState.CALLED) {
                throw invalidTransition(t.state(), TicketState.CALLED);
            }
            logTransition(tx, staff, ticketId, TicketState.CALLED, TicketState.CALLED, t.counterId());
            audit.record(tx, staff, "ticket.recall", "ticket", ticketId, t.displayNumber());
            events.append(tx, QueueEvent.TICKET_RECALLED, t, t.counterId());
            return t;
        });
    }

    public Ticket serve(Principal staff, long ticketId) {
        return simpleMove(staff, ticketId, TicketState.SERVING, QueueEvent.TICKET_SERVING);
    }

    public Ticket finish(Principal staff, long ticketId) {
        return simpleMove(staff, ticketId, TicketState.DONE, QueueEvent.TICKET_DONE);
    }

    public Ticket noShow(Principal staff, long ticketId) {
        return simpleMove(staff, ticketId, TicketState.NO_SHOW, QueueEvent.TICKET_NO_SHOW);
    }

    public Ticket cancel(Principal who, long ticketId) {
        return simpleMove(who, ticketId, TicketState.CANCELLED, QueueEvent.TICKET_CANCELLED);
    }

    /**
     * Sends a ticket to another service: the old ticket ends as TRANSFERRED and a new waiting ticket
     * with the same number joins the target service's queue (linked to the original).
     */
    public Ticket transfer(Principal staff, long ticketId, long serviceId) {
        return db.write(tx -> {
            Connection c = tx.connection();
            ServiceInfo target = directory.service(c, serviceId).filter(ServiceInfo::active)
                    .orElseThrow(() -> ApiException.badRequest("unknown_service",
                            "Dịch vụ chuyển đến không tồn tại.", "The target service does not exist."));
            Ticket old = move(tx, staff, ticketId, TicketState.TRANSFERRED, null, QueueEvent.TICKET_TRANSFERRED);
            long id;
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO ticket (service_id, business_day, seq, display_number, state, issued_at, "
                            + "transferred_from) SELECT ?, business_day, seq, display_number, 'WAITING', ?, id "
                            + "FROM ticket WHERE id = ? RETURNING id")) {
                ps.setLong(1, target.id());
                ps.setLong(2, tx.now());
                ps.setLong(3, ticketId);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    id = rs.getLong(1);
                }
            } catch (SQLException e) {
                if (e.getMessage() != null && e.getMessage().contains("UNIQUE")) {
                    throw ApiException.conflict("transfer_clash",
                            "Số này đã tồn tại ở dịch vụ đích. Hãy cấp số mới cho công dân.",
                            "This number already exists in the target service. Issue a new number instead.");
                }
                throw e;
            }
            logTransition(tx, staff, id, null, TicketState.WAITING, null);
            Ticket moved = load(c, id);
            audit.record(tx, staff, "ticket.transfer", "ticket", ticketId, "to ticket " + id + " service " + serviceId);
            events.append(tx, QueueEvent.TICKET_ISSUED, moved, null);
            return moved;
        });
    }

    public Ticket get(long ticketId) {
        return db.read(c -> {
            Ticket t = require(c, ticketId);
            return withWaitingAhead(c, t);
        });
    }

    /** Everything a screen or counter needs to draw the queue, consistent with one event id. */
    public QueueSnapshot snapshot() {
        return db.read(c -> {
            c.setAutoCommit(false); // one read transaction: counts and last event id agree
            try {
                LocalDate day = businessDay();
                long lastEvent;
                try (PreparedStatement ps = c.prepareStatement("SELECT coalesce(max(id), 0) FROM queue_event");
                     ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    lastEvent = rs.getLong(1);
                }
                List<QueueSnapshot.ServiceWaiting> services = new ArrayList<>();
                try (PreparedStatement ps = c.prepareStatement(
                        "SELECT s.id, s.code, s.name_vi, s.name_en, "
                                + "(SELECT count(*) FROM ticket t WHERE t.business_day = ? AND t.state = 'WAITING' "
                                + "AND t.service_id = s.id) FROM service s WHERE s.active = 1 ORDER BY s.id")) {
                    ps.setString(1, day.toString());
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            services.add(new QueueSnapshot.ServiceWaiting(rs.getLong(1), rs.getString(2),
                                    rs.getString(3), rs.getString(4), rs.getInt(5)));
                        }
                    }
                }
                List<QueueSnapshot.CounterStatus> counters = new ArrayList<>();
                try (PreparedStatement ps = c.prepareStatement("SELECT id, number FROM counter ORDER BY number");
                     ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        long counterId = rs.getLong(1);
                        OptionalLong active = activeTicketAt(c, counterId);
                        counters.add(new QueueSnapshot.CounterStatus(counterId, rs.getInt(2),
                                active.isPresent() ? load(c, active.getAsLong()) : null));
                    }
                }
                List<Ticket> recent = new ArrayList<>();
                try (PreparedStatement ps = c.prepareStatement(SELECT
                        + "WHERE t.business_day = ? AND t.called_at IS NOT NULL ORDER BY t.called_at DESC, t.id DESC LIMIT 10")) {
                    ps.setString(1, day.toString());
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            recent.add(row(rs, 0));
                        }
                    }
                }
                return new QueueSnapshot(day, lastEvent, services, counters, recent);
            } finally {
                c.rollback();
                c.setAutoCommit(true);
            }
        });
    }

    // ---- internals ----

    private Ticket simpleMove(Principal who, long ticketId, TicketState to, String eventType) {
        return db.write(tx -> {
            Ticket t = require(tx.connection(), ticketId);
            return move(tx, who, ticketId, to, t.counterId(), eventType);
        });
    }

    private Ticket move(WriteTx tx, Principal who, long ticketId, TicketState to, Long counterId, String eventType)
            throws SQLException {
        Connection c = tx.connection();
        Ticket t = require(c, ticketId);
        if (!t.state().canMoveTo(to)) {
            throw invalidTransition(t.state(), to);
        }
        String timeColumn = switch (to) {
            case CALLED -> "called_at";
            case SERVING -> "serving_at";
            default -> "finished_at";
        };
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE ticket SET state = ?, counter_id = coalesce(?, counter_id), " + timeColumn + " = ? "
                        + "WHERE id = ? AND state = ?")) {
            ps.setString(1, to.name());
            ps.setObject(2, counterId);
            ps.setLong(3, tx.now());
            ps.setLong(4, ticketId);
            ps.setString(5, t.state().name());
            ps.executeUpdate();
        }
        logTransition(tx, who, ticketId, t.state(), to, counterId);
        Ticket updated = load(c, ticketId);
        audit.record(tx, who, "ticket." + to.name().toLowerCase(), "ticket", ticketId, t.state() + "->" + to);
        events.append(tx, eventType, updated, updated.counterId());
        return updated;
    }

    private void logTransition(WriteTx tx, Principal who, long ticketId, TicketState from, TicketState to,
                               Long counterId) throws SQLException {
        try (PreparedStatement ps = tx.connection().prepareStatement(
                "INSERT INTO ticket_transition (ticket_id, from_state, to_state, at, user_id, device_id, counter_id) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            ps.setLong(1, ticketId);
            ps.setString(2, from == null ? null : from.name());
            ps.setString(3, to.name());
            ps.setLong(4, tx.now());
            ps.setObject(5, who.userId());
            ps.setObject(6, who.deviceId());
            ps.setObject(7, counterId);
            ps.executeUpdate();
        }
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

    private static void requireCounter(Connection c, long counterId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM counter WHERE id = ?")) {
            ps.setLong(1, counterId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw ApiException.notFound("unknown_counter", "Quầy không tồn tại.", "No such counter.");
                }
            }
        }
    }

    private static OptionalLong activeTicketAt(Connection c, long counterId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT id FROM ticket WHERE counter_id = ? AND state IN ('CALLED', 'SERVING') ORDER BY id DESC LIMIT 1")) {
            ps.setLong(1, counterId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? OptionalLong.of(rs.getLong(1)) : OptionalLong.empty();
            }
        }
    }

    private Ticket withWaitingAhead(Connection c, Ticket t) throws SQLException {
        if (t.state() != TicketState.WAITING) {
            return t;
        }
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT count(*) FROM ticket WHERE business_day = ? AND state = 'WAITING' AND service_id = ? AND id < ?")) {
            ps.setString(1, t.businessDay().toString());
            ps.setLong(2, t.serviceId());
            ps.setLong(3, t.id());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return copyWithAhead(t, rs.getInt(1));
            }
        }
    }

    private static Ticket copyWithAhead(Ticket t, int ahead) {
        return new Ticket(t.id(), t.serviceId(), t.serviceCode(), t.businessDay(), t.seq(), t.displayNumber(),
                t.state(), t.counterId(), t.counterNumber(), t.issuedAt(), t.calledAt(), t.servingAt(),
                t.finishedAt(), ahead);
    }

    private Ticket load(Connection c, long id) throws SQLException {
        return withWaitingAhead(c, require(c, id));
    }

    private static Ticket require(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(SELECT + "WHERE t.id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw ApiException.notFound("unknown_ticket", "Không tìm thấy số thứ tự này.",
                            "No such ticket.");
                }
                return row(rs, 0);
            }
        }
    }

    private static Ticket row(ResultSet rs, int ahead) throws SQLException {
        return new Ticket(rs.getLong(1), rs.getLong(2), rs.getString(3), LocalDate.parse(rs.getString(4)),
                rs.getInt(5), rs.getString(6), TicketState.valueOf(rs.getString(7)),
                nullableLong(rs, 8), nullableInt(rs, 9), instant(rs, 10),
                instant(rs, 11), instant(rs, 12), instant(rs, 13), ahead);
    }

    private static Long nullableLong(ResultSet rs, int col) throws SQLException {
        long v = rs.getLong(col);
        return rs.wasNull() ? null : v;
    }

    private static Integer nullableInt(ResultSet rs, int col) throws SQLException {
        int v = rs.getInt(col);
        return rs.wasNull() ? null : v;
    }

    private static Instant instant(ResultSet rs, int col) throws SQLException {
        long v = rs.getLong(col);
        return rs.wasNull() ? null : Instant.ofEpochMilli(v);
    }

    private static ApiException invalidTransition(TicketState from, TicketState to) {
        return ApiException.conflict("invalid_transition",
                "Không thể chuyển số từ trạng thái " + from + " sang " + to + ". Hãy tải lại màn hình.",
                "A ticket cannot go from " + from + " to " + to + ". Refresh the screen.");
    }
}
