package vn.hanoi.branch.agent.ticket;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
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
import vn.hanoi.branch.agent.queue.QueueOrder;
import vn.hanoi.branch.agent.queue.QueuePolicy;
import vn.hanoi.branch.agent.queue.WaitEstimator;
import vn.hanoi.branch.ticket.PriorityByAge;
import vn.hanoi.branch.api.CounterRequests;
import vn.hanoi.branch.api.CounterState;
import vn.hanoi.branch.api.IssueTicketRequest;
import vn.hanoi.branch.api.PriorityClass;
import vn.hanoi.branch.api.PriorityState;
import vn.hanoi.branch.api.TransferRequest;
import vn.hanoi.branch.api.QueueEvent;
import vn.hanoi.branch.api.QueueSnapshot;
import vn.hanoi.branch.api.ServiceInfo;
import vn.hanoi.branch.api.Ticket;
import vn.hanoi.branch.api.TicketState;

/**
 * Tickets: issuing numbers and moving tickets through their states. Every change is one write unit
 * that updates the ticket, logs the transition with who did it, appends to the audit log and emits
 * the queue event, all in one transaction.
 */
public final class TicketService {
    private static final String SELECT = "SELECT t.id, t.service_id, s.code, t.business_day, t.seq, "
            + "t.display_number, t.state, t.counter_id, c.number, t.issued_at, t.called_at, t.serving_at, "
            + "t.finished_at, t.priority_class, t.priority_state FROM ticket t JOIN service s ON s.id = t.service_id "
            + "LEFT JOIN counter c ON c.id = t.counter_id ";

    /** Until a service has finished a few tickets today, a typical counter visit is assumed to take this long. */
    private static final double DEFAULT_SERVICE_MINUTES = 6;

    private final Database db;
    private final BranchDirectory directory;
    private final EventHub events;
    private final AuditLog audit;
    private final QueuePolicy policy;
    private final WaitEstimator estimator;
    private final Clock clock;
    private final ZoneId zone;
    private final Duration noShowReturnWindow;

    public TicketService(Database db, BranchDirectory directory, EventHub events, AuditLog audit,
                         QueuePolicy policy, Clock clock, ZoneId zone, Duration noShowReturnWindow) {
        this.estimator = new WaitEstimator(zone, clock, DEFAULT_SERVICE_MINUTES);
        this.noShowReturnWindow = noShowReturnWindow;
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
        return issue(kiosk, new IssueTicketRequest(serviceId), idempotencyKey);
    }

    /**
     * Issues with the citizen's priority: declared at the kiosk, or derived from the date of birth on
     * the ID card (which is used here and not stored).
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
        return db.read(c -> withWaitingAhead(c, t));
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
            return new Issued(require(c, existing.get()), false);
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
        logTransition(tx, kiosk, id, null, TicketState.WAITING, null);
        Ticket t = require(c, id);
        audit.record(tx, kiosk, "ticket.issue", "ticket", id, t.displayNumber());
        events.append(tx, QueueEvent.TICKET_ISSUED, t, null);
        return new Issued(t, true);
    }

    /** Calls the next waiting ticket to a counter, as the queue policy orders them. */
    public Optional<Ticket> callNext(Principal staff, long counterId) {
        return db.write(tx -> {
            Connection c = tx.connection();
            requireReadyToCall(c, counterId);
            LocalDate day = LocalDate.ofInstant(Instant.ofEpochMilli(tx.now()), zone);
            Optional<QueueOrder.Decision> next = policy.next(c, counterId, day);
            if (next.isEmpty()) {
                return Optional.empty();
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE ticket SET overtaken = overtaken + 1 WHERE id = ?")) {
                for (long passed : next.get().overtakes()) {
                    ps.setLong(1, passed);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return Optional.of(move(tx, staff, next.get().ticketId(), TicketState.CALLED, counterId,
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
     * Sends a ticket to another service and/or one counter. The old ticket ends as TRANSFERRED and a
     * new waiting ticket with the same number joins the target (linked to the original), at its
     * original place in line when {@code keepPosition}, else at the end.
     */
    public Ticket transfer(Principal staff, long ticketId, TransferRequest req) {
        return db.write(tx -> {
            Connection c = tx.connection();
            Ticket old = require(c, ticketId);
            long serviceId = req.serviceId() == null ? old.serviceId() : req.serviceId();
            directory.service(c, serviceId).filter(ServiceInfo::active)
                    .orElseThrow(() -> ApiException.badRequest("unknown_service",
                            "Dịch vụ chuyển đến không tồn tại.", "The target service does not exist."));
            if (req.counterId() != null) {
                requireCounter(c, req.counterId());
            }
            if (req.serviceId() == null && req.counterId() == null) {
                throw ApiException.badRequest("transfer_target_missing", "Hãy chọn dịch vụ hoặc quầy để chuyển đến.",
                        "Choose a service or a counter to transfer to.");
            }
            move(tx, staff, ticketId, TicketState.TRANSFERRED, null, QueueEvent.TICKET_TRANSFERRED);
            long id;
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO ticket (service_id, business_day, seq, display_number, state, issued_at, "
                            + "transferred_from, position_at, priority_class, priority_state, target_counter_id) "
                            // seq -id: a transferred ticket keeps its number but takes no place in the
                            // target service's numbering (1..N stays gapless and unique there).
                            + "SELECT ?, business_day, -id, display_number, 'WAITING', ?, id, "
                            + "CASE WHEN ? THEN position_at ELSE ? END, priority_class, priority_state, ? "
                            + "FROM ticket WHERE id = ? RETURNING id")) {
                ps.setLong(1, serviceId);
                ps.setLong(2, tx.now());
                ps.setBoolean(3, req.keepPosition());
                ps.setLong(4, tx.now());
                ps.setObject(5, req.counterId());
                ps.setLong(6, ticketId);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    id = rs.getLong(1);
                }
            }
            logTransition(tx, staff, id, null, TicketState.WAITING, null);
            Ticket moved = load(c, id);
            audit.record(tx, staff, "ticket.transfer", "ticket", ticketId, "to ticket " + id + " service " + serviceId
                    + (req.counterId() == null ? "" : " counter " + req.counterId()) + (req.keepPosition() ? " keeping position" : ""));
            events.append(tx, QueueEvent.TICKET_ISSUED, moved, null);
            return moved;
        });
    }

    /** Calls one number out of turn (the citizen is at the desk, or a supervisor asked for it). */
    public Ticket callNumber(Principal staff, long counterId, String displayNumber) {
        return db.write(tx -> {
            Connection c = tx.connection();
            requireReadyToCall(c, counterId);
            LocalDate day = LocalDate.ofInstant(Instant.ofEpochMilli(tx.now()), zone);
            long id;
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT id FROM ticket WHERE business_day = ? AND display_number = ? AND state = 'WAITING' "
                            + "ORDER BY id DESC LIMIT 1")) {
                ps.setString(1, day.toString());
                ps.setString(2, displayNumber == null ? "" : displayNumber.trim());
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        throw ApiException.notFound("number_not_waiting",
                                "Số " + displayNumber + " không có trong hàng chờ hôm nay.",
                                "Number " + displayNumber + " is not waiting today.");
                    }
                    id = rs.getLong(1);
                }
            }
            return move(tx, staff, id, TicketState.CALLED, counterId, QueueEvent.TICKET_CALLED);
        });
    }

    /**
     * A citizen marked no-show comes back within the return window: the ticket waits again at its old
     * place in line. After the window the citizen takes a new number.
     */
    public Ticket returnFromNoShow(Principal staff, long ticketId) {
        return db.write(tx -> {
            Connection c = tx.connection();
            Ticket t = require(c, ticketId);
            if (t.state() != TicketState.NO_SHOW) {
                throw invalidTransition(t.state(), TicketState.WAITING);
            }
            if (t.finishedAt().plus(noShowReturnWindow).isBefore(Instant.ofEpochMilli(tx.now()))) {
                throw ApiException.conflict("return_window_passed",
                        "Đã quá " + noShowReturnWindow.toMinutes() + " phút kể từ khi gọi vắng mặt: hãy lấy số mới.",
                        "More than " + noShowReturnWindow.toMinutes() + " minutes since the no-show: take a new number.");
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE ticket SET state = 'WAITING', counter_id = NULL, called_at = NULL, finished_at = NULL "
                            + "WHERE id = ? AND state = 'NO_SHOW'")) {
                ps.setLong(1, ticketId);
                ps.executeUpdate();
            }
            logTransition(tx, staff, ticketId, TicketState.NO_SHOW, TicketState.WAITING, null);
            Ticket back = load(c, ticketId);
            audit.record(tx, staff, "ticket.return", "ticket", ticketId, t.displayNumber());
            events.append(tx, QueueEvent.TICKET_RETURNED, back, null);
            return back;
        });
    }

    /** A clerk confirms or revokes a ticket's priority, or gives one after seeing the proof. */
    public Ticket setPriority(Principal staff, long ticketId, CounterRequests.PriorityChange change) {
        return db.write(tx -> {
            Connection c = tx.connection();
            Ticket t = require(c, ticketId);
            if (!t.state().isActive() && t.state() != TicketState.WAITING) {
                throw invalidTransition(t.state(), t.state());
            }
            if (change.state() == null || change.state() == PriorityState.DECLARED || change.state() == PriorityState.CARD) {
                throw ApiException.badRequest("invalid_priority_state", "Chỉ có thể xác nhận hoặc thu hồi ưu tiên.",
                        "Priority can only be CONFIRMED or REVOKED by staff.");
            }
            String cls = change.priorityClass() != null ? change.priorityClass() : t.priorityClass();
            if (cls == null || priorityClasses(c).stream().noneMatch(p -> p.code().equals(cls))) {
                throw ApiException.badRequest("unknown_priority_class", "Nhóm ưu tiên không tồn tại.",
                        "No such priority group.");
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE ticket SET priority_class = ?, priority_state = ? WHERE id = ?")) {
                ps.setString(1, cls);
                ps.setString(2, change.state().name());
                ps.setLong(3, ticketId);
                ps.executeUpdate();
            }
            Ticket updated = load(c, ticketId);
            audit.record(tx, staff, "ticket.priority", "ticket", ticketId, cls + " " + change.state());
            events.append(tx, QueueEvent.TICKET_UPDATED, updated, updated.counterId());
            return updated;
        });
    }

    /**
     * Opens, pauses or closes a counter. A closed counter hands the tickets sent to it back to their
     * service's line (keeping their place), so nobody waits for a desk that will not call.
     */
    public QueueSnapshot.CounterStatus setCounterState(Principal staff, long counterId, CounterRequests.StateChange change) {
        return db.write(tx -> {
            Connection c = tx.connection();
            requireCounter(c, counterId);
            if (change.state() == null) {
                throw ApiException.badRequest("missing_state", "Thiếu trạng thái quầy.", "The counter state is missing.");
            }
            if (change.state() != CounterState.OPEN && activeTicketAt(c, counterId).isPresent()) {
                throw ApiException.conflict("counter_busy",
                        "Hãy hoàn thành số đang phục vụ trước khi tạm dừng hoặc đóng quầy.",
                        "Finish the current ticket before pausing or closing the counter.");
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO counter_state (counter_id, state, reason, since, user_id) VALUES (?, ?, ?, ?, ?) "
                            + "ON CONFLICT (counter_id) DO UPDATE SET state = excluded.state, reason = excluded.reason, "
                            + "since = excluded.since, user_id = excluded.user_id")) {
                ps.setLong(1, counterId);
                ps.setString(2, change.state().name());
                ps.setString(3, change.reason());
                ps.setLong(4, tx.now());
                ps.setObject(5, staff.userId());
                ps.executeUpdate();
            }
            if (change.state() == CounterState.CLOSED) {
                try (PreparedStatement ps = c.prepareStatement(
                        "UPDATE ticket SET target_counter_id = NULL WHERE target_counter_id = ? AND state = 'WAITING'")) {
                    ps.setLong(1, counterId);
                    ps.executeUpdate();
                }
            }
            audit.record(tx, staff, "counter." + change.state().name().toLowerCase(), "counter", counterId,
                    change.reason() == null ? "" : change.reason());
            events.append(tx, QueueEvent.COUNTER_STATE, null, counterId);
            tx.afterCommit(estimator::invalidate);
            return counterStatus(c, counterId);
        });
    }

    /**
     * End of the business day: tickets still waiting or called are cancelled, unused bookings of the
     * day released, counters closed. Returns how many tickets were cancelled.
     */
    public int endOfDay(Principal staff) {
        return db.write(tx -> {
            Connection c = tx.connection();
            LocalDate day = LocalDate.ofInstant(Instant.ofEpochMilli(tx.now()), zone);
            List<Long> open = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT id FROM ticket WHERE business_day <= ? AND state IN ('WAITING', 'CALLED', 'SERVING')")) {
                ps.setString(1, day.toString());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        open.add(rs.getLong(1));
                    }
                }
            }
            for (long id : open) {
                Ticket t = require(c, id);
                // A ticket being served is finished, not cancelled: the citizen was served.
                TicketState to = t.state() == TicketState.SERVING ? TicketState.DONE : TicketState.CANCELLED;
                move(tx, staff, id, to, null, to == TicketState.DONE ? QueueEvent.TICKET_DONE : QueueEvent.TICKET_CANCELLED);
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE booking SET state = 'RELEASED' WHERE state = 'BOOKED' AND slot_start < ?")) {
                ps.setLong(1, day.plusDays(1).atStartOfDay(zone).toInstant().toEpochMilli());
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO counter_state (counter_id, state, reason, since, user_id) "
                            + "SELECT id, 'CLOSED', 'end of day', ?, ? FROM counter WHERE true "
                            + "ON CONFLICT (counter_id) DO UPDATE SET state = 'CLOSED', reason = 'end of day', "
                            + "since = excluded.since, user_id = excluded.user_id")) {
                ps.setLong(1, tx.now());
                ps.setObject(2, staff.userId());
                ps.executeUpdate();
            }
            audit.record(tx, staff, "branch.end_of_day", "branch", 0, open.size() + " tickets closed");
            events.append(tx, QueueEvent.COUNTER_STATE, null, null);
            dayStatisticsToCity(tx, day);
            return open.size();
        });
    }

    /**
     * The day's figures per service for the city, with the day's close: numbers taken (a transfer's copy not
     * counted), served, no-shows, cancelled, mean wait issue → call in minutes. Counts only, no personal data.
     */
    private static void dayStatisticsToCity(WriteTx tx, LocalDate day) throws SQLException {
        List<java.util.Map<String, Object>> services = new ArrayList<>();
        try (PreparedStatement ps = tx.connection().prepareStatement("SELECT s.code, "
                + "sum(t.transferred_from IS NULL), sum(t.state = 'DONE'), sum(t.state = 'NO_SHOW'), sum(t.state = 'CANCELLED'), "
                + "avg(CASE WHEN t.called_at IS NOT NULL THEN (t.called_at - t.issued_at) / 60000.0 END) "
                + "FROM ticket t JOIN service s ON s.id = t.service_id WHERE t.business_day = ? GROUP BY s.code ORDER BY s.code")) {
            ps.setString(1, day.toString());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
                    m.put("serviceCode", rs.getString(1));
                    m.put("issued", rs.getInt(2));
                    m.put("served", rs.getInt(3));
                    m.put("noShow", rs.getInt(4));
                    m.put("cancelled", rs.getInt(5));
                    double wait = rs.getDouble(6);
                    m.put("meanWaitMinutes", rs.wasNull() ? null : Math.round(wait * 10) / 10.0);
                    services.add(m);
                }
            }
        }
        vn.hanoi.branch.agent.sync.Outbox.append(tx, vn.hanoi.branch.agent.sync.Outbox.STATS, day.toString(),
                java.util.Map.of("businessDay", day.toString(), "services", services));
    }

    public List<PriorityClass> priorityClasses() {
        return db.read(TicketService::priorityClasses);
    }

    public Ticket get(long ticketId) {
        return db.read(c -> {
            Ticket t = require(c, ticketId);
            return withWaitingAhead(c, t);
        });
    }

    /**
     * Today's ticket with this number (the latest, should a number repeat after a range wrapped), so a
     * citizen who scans a ticket at the kiosk learns its state and, once called, the counter.
     */
    public Ticket findToday(String displayNumber) {
        String number = displayNumber == null ? "" : displayNumber.strip().toUpperCase();
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT id FROM ticket WHERE business_day = ? AND display_number = ? ORDER BY id DESC LIMIT 1")) {
                ps.setString(1, businessDay().toString());
                ps.setString(2, number);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        throw ApiException.notFound("unknown_number", "Không có số " + number + " trong ngày hôm nay.",
                                "There is no number " + number + " today.");
                    }
                    return load(c, rs.getLong(1));
                }
            }
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
                                    rs.getString(3), rs.getString(4), rs.getInt(5),
                                    estimator.minutesFor(c, rs.getLong(1), day, rs.getInt(5))));
                        }
                    }
                }
                List<QueueSnapshot.CounterStatus> counters = new ArrayList<>();
                try (PreparedStatement ps = c.prepareStatement("SELECT id, number FROM counter ORDER BY number");
                     ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        counters.add(counterStatus(c, rs.getLong(1)));
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

    private record Priority(String code, PriorityState state) {
    }

    /** Age from the card wins over a declaration; a declared class must exist. */
    private static Priority priorityOf(Connection c, IssueTicketRequest r, LocalDate day) throws SQLException {
        List<PriorityClass> classes = priorityClasses(c);
        Optional<PriorityClass> byAge = PriorityByAge.of(classes, r.birthDate(), day);
        if (byAge.isPresent()) {
            return new Priority(byAge.get().code(), PriorityState.CARD);
        }
        if (r.priorityClass() == null || r.priorityClass().isBlank()) {
            return null;
        }
        if (classes.stream().noneMatch(p -> p.code().equals(r.priorityClass()))) {
            throw ApiException.badRequest("unknown_priority_class", "Nhóm ưu tiên không tồn tại.",
                    "No such priority group.");
        }
        return new Priority(r.priorityClass(), PriorityState.DECLARED);
    }

    private static List<PriorityClass> priorityClasses(Connection c) throws SQLException {
        List<PriorityClass> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT code, name_vi, name_en, min_age FROM priority_class WHERE active = 1 ORDER BY sort, code");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new PriorityClass(rs.getString(1), rs.getString(2), rs.getString(3), nullableInt(rs, 4)));
            }
        }
        return out;
    }

    /** The counter's state today: a pause or closure of an earlier day does not carry over. */
    private QueueSnapshot.CounterStatus counterStatus(Connection c, long counterId) throws SQLException {
        int number;
        try (PreparedStatement ps = c.prepareStatement("SELECT number FROM counter WHERE id = ?")) {
            ps.setLong(1, counterId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                number = rs.getInt(1);
            }
        }
        CounterState state = CounterState.OPEN;
        String reason = null;
        try (PreparedStatement ps = c.prepareStatement("SELECT state, reason, since FROM counter_state WHERE counter_id = ?")) {
            ps.setLong(1, counterId);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next() && LocalDate.ofInstant(Instant.ofEpochMilli(rs.getLong(3)), zone)
                        .equals(LocalDate.now(clock.withZone(zone)))) {
                    state = CounterState.valueOf(rs.getString(1));
                    reason = rs.getString(2);
                }
            }
        }
        OptionalLong active = activeTicketAt(c, counterId);
        return new QueueSnapshot.CounterStatus(counterId, number, active.isPresent() ? load(c, active.getAsLong()) : null,
                state, reason);
    }

    private void requireReadyToCall(Connection c, long counterId) throws SQLException {
        requireCounter(c, counterId);
        if (activeTicketAt(c, counterId).isPresent()) {
            throw ApiException.conflict("counter_busy",
                    "Quầy đang phục vụ một số khác. Hãy hoàn thành hoặc đánh dấu vắng mặt trước khi gọi số mới.",
                    "This counter still has a ticket in progress. Finish it or mark it as no-show first.");
        }
        CounterState state = counterStatus(c, counterId).state();
        if (state != CounterState.OPEN) {
            throw ApiException.conflict("counter_not_open",
                    "Quầy đang " + (state == CounterState.PAUSED ? "tạm dừng" : "đóng") + ": hãy mở lại quầy trước khi gọi số.",
                    "The counter is " + state.name().toLowerCase() + ": reopen it before calling.");
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

    /** Adds how many wait ahead in the same service's line (by position) and the waiting estimate. */
    private Ticket withWaitingAhead(Connection c, Ticket t) throws SQLException {
        if (t.state() != TicketState.WAITING) {
            return t;
        }
        int ahead;
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT count(*) FROM ticket o, ticket t WHERE t.id = ? AND o.business_day = t.business_day "
                        + "AND o.state = 'WAITING' AND o.service_id = t.service_id "
                        + "AND (o.position_at < t.position_at OR (o.position_at = t.position_at AND o.id < t.id))")) {
            ps.setLong(1, t.id());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                ahead = rs.getInt(1);
            }
        }
        int minutes = estimator.minutesFor(c, t.serviceId(), t.businessDay(), ahead);
        return new Ticket(t.id(), t.serviceId(), t.serviceCode(), t.businessDay(), t.seq(), t.displayNumber(),
                t.state(), t.counterId(), t.counterNumber(), t.issuedAt(), t.calledAt(), t.servingAt(),
                t.finishedAt(), ahead, t.priorityClass(), t.priorityState(), minutes);
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
        String priorityState = rs.getString(15);
        return new Ticket(rs.getLong(1), rs.getLong(2), rs.getString(3), LocalDate.parse(rs.getString(4)),
                rs.getInt(5), rs.getString(6), TicketState.valueOf(rs.getString(7)),
                nullableLong(rs, 8), nullableInt(rs, 9), instant(rs, 10),
                instant(rs, 11), instant(rs, 12), instant(rs, 13), ahead, rs.getString(14),
                priorityState == null ? null : PriorityState.valueOf(priorityState), null);
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
