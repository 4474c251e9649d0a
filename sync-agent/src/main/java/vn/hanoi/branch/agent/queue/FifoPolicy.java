package vn.hanoi.branch.agent.queue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.OptionalLong;

/** First come, first served across all services the counter serves. */
public final class FifoPolicy implements QueuePolicy {
    @Override
    public OptionalLong next(Connection c, long counterId, LocalDate businessDay) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT t.id FROM ticket t JOIN counter_service cs ON cs.service_id = t.service_id "
                        + "WHERE cs.counter_id = ? AND t.business_day = ? AND t.state = 'WAITING' "
                        + "ORDER BY t.issued_at, t.id LIMIT 1")) {
            ps.setLong(1, counterId);
            ps.setString(2, businessDay.toString());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? OptionalLong.of(rs.getLong(1)) : OptionalLong.empty();
            }
        }
    }
}
