package vn.hanoi.branch.agent.queue;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.OptionalLong;

/**
 * Decides which waiting ticket a counter gets next. The one place where queue ordering rules live:
 * the apps never choose, they ask the agent to call next.
 */
public interface QueuePolicy {

    /** Id of the ticket {@code counterId} should call next on {@code businessDay}, if any is waiting. */
    OptionalLong next(Connection c, long counterId, LocalDate businessDay) throws SQLException;
}
