package vn.hanoi.branch.agent.ticket;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import vn.hanoi.branch.agent.effects.Effects;
import vn.hanoi.branch.agent.auth.Principal;
import vn.hanoi.branch.agent.branch.BranchDirectory;
import vn.hanoi.branch.agent.db.Database;
import vn.hanoi.branch.agent.http.ApiException;
import vn.hanoi.branch.agent.queue.QueueOrder;
import vn.hanoi.branch.agent.queue.QueuePolicy;
import vn.hanoi.branch.api.CounterRequests;
import vn.hanoi.branch.api.PriorityState;
import vn.hanoi.branch.api.QueueEvent;
import vn.hanoi.branch.api.ServiceInfo;
import vn.hanoi.branch.api.Ticket;
import vn.hanoi.branch.api.TicketState;
import vn.hanoi.branch.api.TransferRequest;

/**
 * Moving issued tickets: calling (next in order or one number), recalling, serving, finishing,
 * no-show and return, cancelling, transferring, and the clerk's priority decision. Each is one write
 * unit with its transition log, audit row and queue event.
 */
public final class TicketMoves {
    private final Database db;
    private final BranchDirectory directory;
    private final Effects effects;
    private final QueuePolicy policy;
    private final TicketTransitions transitions;
    private final QueueFigures figures;
    private final CounterDesk counters;
    private final ZoneId zone;
    private final Duration noShowReturnWindow;

    TicketMoves(Database db, BranchDirectory directory, Effects effects, QueuePolicy policy,
                TicketTransitions transitions, QueueFigures figures, CounterDesk counters, ZoneId zone,
                Duration noShowReturnWindow) {
        this.db = db;
        this.directory = directory;
        this.effects = effects;
        this.policy = policy;
        this.transitions = transitions;
        this.figures = figures;
        this.counters = counters;
        this.zone = zone;
        this.noShowReturnWindow = noShowReturnWindow;
    }

    /** Calls the next waiting ticket to a counter, as the queue policy orders them. */
    public Optional<Ticket> callNext(Principal staff, long counterId) {
        return db.write(tx -> {
            Connection c = tx.connection();
            counters.requireReadyToCall(c, counterId);
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
            return Optional.of(transitions.move(tx, staff, next.get().ticketId(), TicketState.CALLED, counterId,
                    QueueEvent.TICKET_CALLED));
        });
    }

    /** Calls one number out of turn (the citizen is at the desk, or a supervisor asked for it). */
    public Ticket callNumber(Principal staff, long counterId, String displayNumber) {
        return db.write(tx -> {
            Connection c = tx.connection();
            counters.requireReadyToCall(c, counterId);
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
            return transitions.move(tx, staff, id, TicketState.CALLED, counterId, QueueEvent.TICKET_CALLED);
        });
    }

    /** Repeats the call on the hall screen; the ticket stays called. */
    public Ticket recall(Principal staff, long ticketId) {
        return db.write(tx -> {
            Ticket t = TicketRows.require(tx.connection(), ticketId);
            if (t.state() != TicketState.CALLED) {
                throw TicketRows.invalidTransition(t.state(), TicketState.CALLED);
            }
            transitions.log(tx, staff, ticketId, TicketState.CALLED, TicketState.CALLED, t.counterId());
            effects.audit(tx, staff, "ticket.recall", "ticket", ticketId, t.displayNumber());
            effects.queueEvent(tx, QueueEvent.TICKET_RECALLED, t, t.counterId());
            return t;
        });
    }

    public Ticket serve(Principal staff, long ticketId) {
        return moveAtItsCounter(staff, ticketId, TicketState.SERVING, QueueEvent.TICKET_SERVING);
    }

    public Ticket finish(Principal staff, long ticketId) {
        return moveAtItsCounter(staff, ticketId, TicketState.DONE, QueueEvent.TICKET_DONE);
    }

    public Ticket noShow(Principal staff, long ticketId) {
        return moveAtItsCounter(staff, ticketId, TicketState.NO_SHOW, QueueEvent.TICKET_NO_SHOW);
    }

    public Ticket cancel(Principal who, long ticketId) {
        return moveAtItsCounter(who, ticketId, TicketState.CANCELLED, QueueEvent.TICKET_CANCELLED);
    }

    private Ticket moveAtItsCounter(Principal who, long ticketId, TicketState to, String eventType) {
        return db.write(tx -> {
            Ticket t = TicketRows.require(tx.connection(), ticketId);
            return transitions.move(tx, who, ticketId, to, t.counterId(), eventType);
        });
    }

    /**
     * Sends a ticket to another service and/or one counter. The old ticket ends as TRANSFERRED and a
     * new waiting ticket with the same number joins the target (linked to the original), at its
     * original place in line when {@code keepPosition}, else at the end.
     */
    public Ticket transfer(Principal staff, long ticketId, TransferRequest req) {
        return db.write(tx -> {
            Connection c = tx.connection();
            Ticket old = TicketRows.require(c, ticketId);
            long serviceId = req.serviceId() == null ? old.serviceId() : req.serviceId();
            directory.service(c, serviceId).filter(ServiceInfo::active)
                    .orElseThrow(() -> ApiException.badRequest("unknown_service",
                            "Dịch vụ chuyển đến không tồn tại.", "The target service does not exist."));
            if (req.counterId() != null) {
                CounterDesk.requireCounter(c, req.counterId());
            }
            if (req.serviceId() == null && req.counterId() == null) {
                throw ApiException.badRequest("transfer_target_missing", "Hãy chọn dịch vụ hoặc quầy để chuyển đến.",
                        "Choose a service or a counter to transfer to.");
            }
            transitions.move(tx, staff, ticketId, TicketState.TRANSFERRED, null, QueueEvent.TICKET_TRANSFERRED);
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
            transitions.log(tx, staff, id, null, TicketState.WAITING, null);
            Ticket moved = figures.load(c, id);
            effects.audit(tx, staff, "ticket.transfer", "ticket", ticketId, "to ticket " + id + " service " + serviceId
                    + (req.counterId() == null ? "" : " counter " + req.counterId()) + (req.keepPosition() ? " keeping position" : ""));
            effects.queueEvent(tx, QueueEvent.TICKET_ISSUED, moved, null);
            return moved;
        });
    }

    /**
     * A citizen marked no-show comes back within the return window: the ticket waits again at its old
     * place in line. After the window the citizen takes a new number.
     */
    public Ticket returnFromNoShow(Principal staff, long ticketId) {
        return db.write(tx -> {
            Connection c = tx.connection();
            Ticket t = TicketRows.require(c, ticketId);
            if (t.state() != TicketState.NO_SHOW) {
                throw TicketRows.invalidTransition(t.state(), TicketState.WAITING);
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
            transitions.log(tx, staff, ticketId, TicketState.NO_SHOW, TicketState.WAITING, null);
            Ticket back = figures.load(c, ticketId);
            effects.audit(tx, staff, "ticket.return", "ticket", ticketId, t.displayNumber());
            effects.queueEvent(tx, QueueEvent.TICKET_RETURNED, back, null);
            return back;
        });
    }

    /** A clerk confirms or revokes a ticket's priority, or gives one after seeing the proof. */
    public Ticket setPriority(Principal staff, long ticketId, CounterRequests.PriorityChange change) {
        return db.write(tx -> {
            Connection c = tx.connection();
            Ticket t = TicketRows.require(c, ticketId);
            if (!t.state().isActive() && t.state() != TicketState.WAITING) {
                throw TicketRows.invalidTransition(t.state(), t.state());
            }
            if (change.state() == null || change.state() == PriorityState.DECLARED || change.state() == PriorityState.CARD) {
                throw ApiException.badRequest("invalid_priority_state", "Chỉ có thể xác nhận hoặc thu hồi ưu tiên.",
                        "Priority can only be CONFIRMED or REVOKED by staff.");
            }
            String cls = change.priorityClass() != null ? change.priorityClass() : t.priorityClass();
            if (cls == null || TicketRows.priorityClasses(c).stream().noneMatch(p -> p.code().equals(cls))) {
                throw TicketRows.unknownPriorityClass();
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE ticket SET priority_class = ?, priority_state = ? WHERE id = ?")) {
                ps.setString(1, cls);
                ps.setString(2, change.state().name());
                ps.setLong(3, ticketId);
                ps.executeUpdate();
            }
            Ticket updated = figures.load(c, ticketId);
            effects.audit(tx, staff, "ticket.priority", "ticket", ticketId, cls + " " + change.state());
            effects.queueEvent(tx, QueueEvent.TICKET_UPDATED, updated, updated.counterId());
            return updated;
        });
    }
}
