package vn.hanoi.branch.agent.ticket;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import vn.hanoi.branch.agent.effects.Effects;
import vn.hanoi.branch.agent.auth.Principal;
import vn.hanoi.branch.agent.db.WriteTx;
import vn.hanoi.branch.api.Ticket;
import vn.hanoi.branch.api.TicketState;

/**
 * One ticket move inside the caller's write unit: the state change, the transition log with who did
 * it, the audit row and the queue event, committed together.
 */
final class TicketTransitions {
    private final Effects effects;
    private final QueueFigures figures;

    TicketTransitions(Effects effects, QueueFigures figures) {
        this.effects = effects;
        this.figures = figures;
    }

    /** Moves the ticket to {@code to} (at {@code counterId} when given) and returns it with its figures. */
    Ticket move(WriteTx tx, Principal who, long ticketId, TicketState to, Long counterId, String eventType)
            throws SQLException {
        Connection c = tx.connection();
        Ticket t = TicketRows.require(c, ticketId);
        if (!t.state().canMoveTo(to)) {
            throw TicketRows.invalidTransition(t.state(), to);
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
        log(tx, who, ticketId, t.state(), to, counterId);
        Ticket updated = figures.load(c, ticketId);
        effects.audit(tx, who, "ticket." + to.name().toLowerCase(), "ticket", ticketId, t.state() + "->" + to);
        effects.queueEvent(tx, eventType, updated, updated.counterId());
        return updated;
    }

    /** Logs a transition ({@code from} null for a new ticket) in the ticket's history. */
    void log(WriteTx tx, Principal who, long ticketId, TicketState from, TicketState to, Long counterId)
            throws SQLException {
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
}
