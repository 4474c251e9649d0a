package vn.hanoi.branch.agent.queue;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Optional;

/**
 * Decides which waiting ticket a counter gets next. The apps never choose, they ask the agent to
 * call next; the rules themselves are in {@link QueueOrder}.
 */
public interface QueuePolicy {

    /** What {@code counterId} should call next on {@code businessDay}, if anything waits for it. */
    Optional<QueueOrder.Decision> next(Connection c, long counterId, LocalDate businessDay) throws SQLException;
}
