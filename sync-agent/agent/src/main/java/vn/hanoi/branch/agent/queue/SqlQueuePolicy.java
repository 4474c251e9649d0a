package vn.hanoi.branch.agent.queue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads what {@link QueueOrder} needs from the database, inside the caller's write transaction so
 * that two counters calling at once never get the same ticket.
 */
public final class SqlQueuePolicy implements QueuePolicy {
    private final QueueOrder.Rules rules;

    public SqlQueuePolicy(QueueOrder.Rules rules) {
        this.rules = rules;
    }

    public QueueOrder.Rules rules() {
        return rules;
    }

    @Override
    public Optional<QueueOrder.Decision> next(Connection c, long counterId, LocalDate day) throws SQLException {
        Map<Long, Integer> ranks = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT service_id, rank FROM counter_service WHERE counter_id = ?")) {
            ps.setLong(1, counterId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ranks.put(rs.getLong(1), rs.getInt(2));
                }
            }
        }
        // Only what this counter may call: its services and tickets sent to it; the green channel
        // only when that is empty. A long line of other services is never read.
        List<QueueOrder.Waiting> waiting = waiting(c, day,
                "(service_id IN (SELECT service_id FROM counter_service WHERE counter_id = ?) OR target_counter_id = ?)",
                counterId, counterId);
        Set<Long> green = Set.of();
        if (waiting.isEmpty()) {
            waiting = waiting(c, day, "service_id IN (SELECT id FROM service WHERE green_channel = 1 AND active = 1)");
            green = waiting.stream().map(QueueOrder.Waiting::serviceId).collect(Collectors.toSet());
        }
        return QueueOrder.next(rules, new QueueOrder.Counter(counterId, ranks, normalsSinceLastPriority(c, counterId, day)),
                waiting, green);
    }

    private static List<QueueOrder.Waiting> waiting(Connection c, LocalDate day, String filter, Object... args)
            throws SQLException {
        List<QueueOrder.Waiting> waiting = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT id, service_id, priority_class IS NOT NULL AND coalesce(priority_state, '') <> 'REVOKED', "
                        + "position_at, overtaken, target_counter_id FROM ticket "
                        + "WHERE business_day = ? AND state = 'WAITING' AND " + filter + " ORDER BY position_at, id")) {
            ps.setString(1, day.toString());
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 2, args[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long target = rs.getLong(6);
                    Long targetCounter = rs.wasNull() ? null : target; // before any other column is read
                    waiting.add(new QueueOrder.Waiting(rs.getLong(1), rs.getLong(2), rs.getBoolean(3), rs.getLong(4),
                            rs.getInt(5), targetCounter));
                }
            }
        }
        return waiting;
    }

    private static int normalsSinceLastPriority(Connection c, long counterId, LocalDate day) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT priority_class IS NOT NULL AND coalesce(priority_state, '') <> 'REVOKED' FROM ticket "
                        + "WHERE counter_id = ? AND business_day = ? AND called_at IS NOT NULL "
                        + "ORDER BY called_at DESC, id DESC LIMIT 50")) {
            ps.setLong(1, counterId);
            ps.setString(2, day.toString());
            int n = 0;
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (rs.getBoolean(1)) {
                        return n;
                    }
                    n++;
                }
            }
            // No priority call yet today (in the last 50): it is priority's turn.
            return Integer.MAX_VALUE;
        }
    }
}
