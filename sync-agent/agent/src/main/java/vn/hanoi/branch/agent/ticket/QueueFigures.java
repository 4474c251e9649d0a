package vn.hanoi.branch.agent.ticket;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import vn.hanoi.branch.agent.queue.WaitEstimator;
import vn.hanoi.branch.api.Ticket;
import vn.hanoi.branch.api.TicketState;

/** A waiting ticket's place in its line: how many are ahead and the waiting estimate. */
final class QueueFigures {
    /** Until a service has finished a few tickets today, a typical counter visit is assumed to take this long. */
    private static final double DEFAULT_SERVICE_MINUTES = 6;

    private final WaitEstimator estimator;

    QueueFigures(ZoneId zone, Clock clock) {
        this.estimator = new WaitEstimator(zone, clock, DEFAULT_SERVICE_MINUTES);
    }

    /** The ticket with its figures. */
    Ticket load(Connection c, long id) throws SQLException {
        return withWaitingAhead(c, TicketRows.require(c, id));
    }

    /** Adds how many wait ahead in the same service's line (by position) and the waiting estimate. */
    Ticket withWaitingAhead(Connection c, Ticket t) throws SQLException {
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
        int minutes = minutesFor(c, t.serviceId(), t.businessDay(), ahead);
        return new Ticket(t.id(), t.serviceId(), t.serviceCode(), t.businessDay(), t.seq(), t.displayNumber(),
                t.state(), t.counterId(), t.counterNumber(), t.issuedAt(), t.calledAt(), t.servingAt(),
                t.finishedAt(), ahead, t.priorityClass(), t.priorityState(), minutes);
    }

    int minutesFor(Connection c, long serviceId, LocalDate day, int ahead) throws SQLException {
        return estimator.minutesFor(c, serviceId, day, ahead);
    }

    /** Counter capacity changed (opened, paused, closed): the cached estimate inputs are stale. */
    void invalidate() {
        estimator.invalidate();
    }
}
