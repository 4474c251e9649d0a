package vn.hanoi.branch.agent.ticket;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import vn.hanoi.branch.agent.effects.Effects;
import vn.hanoi.branch.agent.branch.BranchDirectory;
import vn.hanoi.branch.agent.db.Database;
import vn.hanoi.branch.agent.queue.QueuePolicy;

/** The queue's command handlers and queries, wired to one shared waiting estimate. */
public record TicketHandlers(TicketIssuing issuing, TicketMoves moves, CounterDesk counters,
                             BusinessDayClose dayClose, QueueQueries queries) {

    /** @param noShowReturnWindow how long after a no-show the citizen may come back to the same ticket */
    public static TicketHandlers create(Database db, BranchDirectory directory, Effects effects,
                                        QueuePolicy policy, Clock clock, ZoneId zone, Duration noShowReturnWindow) {
        QueueFigures figures = new QueueFigures(zone, clock);
        TicketTransitions transitions = new TicketTransitions(effects, figures);
        CounterDesk counters = new CounterDesk(db, effects, figures, clock, zone);
        return new TicketHandlers(
                new TicketIssuing(db, directory, effects, transitions, figures, zone),
                new TicketMoves(db, directory, effects, policy, transitions, figures, counters, zone,
                        noShowReturnWindow),
                counters,
                new BusinessDayClose(db, effects, transitions, zone),
                new QueueQueries(db, figures, counters, clock, zone));
    }
}
