package vn.hanoi.branch.agent.retention;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.hanoi.branch.agent.db.Database;

/**
 * Keeps the tables that grow with every ticket within their horizons ({@code retention.*} settings), whether
 * or not a city link is configured: the screens' event log; without a city link, the outbox older than the
 * unlinked horizon (what the city acknowledged goes with {@code sync.Retention}); the city items already
 * applied; ticket histories, print jobs, cleared alerts, old sessions and pairing codes; whole old business
 * days (tickets with their ratings and sequences) once reports no longer reach back that far; audit rows past
 * the audit horizon (the table refuses other deletes, V12). Dossier records stay (their personal data and
 * scans go with {@code sync.Retention} once the city holds them).
 *
 * <p>Deletes go in small chunks, each its own write, so the single writer is never held for long and kiosks
 * keep issuing while a big backlog is pruned. Time is the agent's clock (the writer's {@code tx.now()}).
 */
public final class Pruning {
    private static final Logger LOG = LoggerFactory.getLogger(Pruning.class);
    private static final int CHUNK = 5_000;
    private static final long DAY = Duration.ofDays(1).toMillis();

    /** Horizons in days; see AgentConfig for what each keeps. */
    public record Horizons(int queueEvents, int outboxUnlinked, int inboxSeen, int history, int tickets, int audit) {
    }

    private final Database db;
    private final Horizons keep;
    private final boolean cityLinked;
    private final java.time.Clock clock;

    /** @param clock the agent's clock in the branch's time zone (business days are dates there) */
    public Pruning(Database db, Horizons keep, boolean cityLinked, java.time.Clock clock) {
        this.db = db;
        this.keep = keep;
        this.cityLinked = cityLinked;
        this.clock = clock;
    }

    /** Rows removed per table by one run. */
    public Map<String, Integer> run() {
        Map<String, Integer> removed = new LinkedHashMap<>();
        // the newest event stays: its id is where the screens' numbering goes on after an idle spell
        removed.put("queue_event", prune("queue_event", "at < ? AND id < (SELECT max(id) FROM queue_event)", keep.queueEvents()));
        // (what the city acknowledged goes with personal-data retention, sync.Retention)
        if (!cityLinked) {
            int dropped = prune("outbox", "created_at < ?", keep.outboxUnlinked());
            if (dropped > 0) {
                LOG.warn("retention: no city link is configured; {} outbox events older than {} days were dropped unsent "
                        + "(retention.outbox.unlinked.days)", dropped, keep.outboxUnlinked());
            }
            removed.put("outbox", dropped);
        }
        removed.put("inbox_seen", prune("inbox_seen", "applied_at < ?", keep.inboxSeen()));
        removed.put("ticket_transition", prune("ticket_transition", "at < ?", keep.history()));
        removed.put("print_job", prune("print_job", "at < ?", keep.history()));
        removed.put("device_alert", prune("device_alert", "cleared_at IS NOT NULL AND cleared_at < ?", keep.history()));
        removed.put("user_session", prune("user_session", "expires_at < ?", keep.history()));
        removed.put("pairing_code", prune("pairing_code", "expires_at < ?", keep.history()));
        removed.put("ticket", pruneBusinessDays());
        removed.put("audit_log", prune("audit_log", "at < ?", keep.audit()));
        removed.values().removeIf(n -> n == 0);
        if (!removed.isEmpty()) {
            LOG.info("retention: pruned {}", removed);
        }
        return removed;
    }

    /** Deletes rows matching {@code olderThan} (its one parameter: now minus the horizon), chunk by chunk. */
    private int prune(String table, String olderThan, int days) {
        if (days <= 0) {
            return 0; // 0: keep for ever
        }
        int total = 0;
        while (true) {
            int n = db.write(tx -> {
                boolean audit = table.equals("audit_log");
                if (audit) {
                    auditPruning(tx.connection(), "1");
                }
                try (PreparedStatement ps = tx.connection().prepareStatement("DELETE FROM " + table + " WHERE rowid IN "
                        + "(SELECT rowid FROM " + table + " WHERE " + olderThan + " ORDER BY rowid LIMIT " + CHUNK + ")")) {
                    ps.setLong(1, tx.now() - days * DAY);
                    return ps.executeUpdate();
                } finally {
                    if (audit) {
                        auditPruning(tx.connection(), "0");
                    }
                }
            });
            total += n;
            if (n < CHUNK) {
                return total;
            }
        }
    }

    /** The marker the audit table's delete trigger asks for (V12); set only inside this unit of work. */
    private static void auditPruning(Connection c, String on) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO setting (key, value) VALUES ('audit.pruning', ?) "
                + "ON CONFLICT (key) DO UPDATE SET value = excluded.value")) {
            ps.setString(1, on);
            ps.executeUpdate();
        }
    }

    /**
     * Whole business days older than {@code retention.tickets.days}, one day per write: the tickets and what
     * hangs on them (transitions, print jobs, ratings, the day's numbering); bookings and dossiers keep their
     * rows and lose the link to the ticket.
     */
    private int pruneBusinessDays() {
        if (keep.tickets() <= 0) {
            return 0;
        }
        int total = 0;
        while (true) {
            List<String> days = db.read(c -> oldDays(c));
            if (days.isEmpty()) {
                return total;
            }
            for (String day : days) {
                total += db.write(tx -> {
                    Connection c = tx.connection();
                    String ofDay = " IN (SELECT id FROM ticket WHERE business_day = ?)";
                    for (String sql : List.of("DELETE FROM ticket_transition WHERE ticket_id" + ofDay,
                            "DELETE FROM print_job WHERE ticket_id" + ofDay,
                            "DELETE FROM rating WHERE ticket_id" + ofDay,
                            "UPDATE booking SET ticket_id = NULL WHERE ticket_id" + ofDay,
                            "UPDATE dossier SET ticket_id = NULL WHERE ticket_id" + ofDay,
                            "DELETE FROM ticket_sequence WHERE business_day = ?")) {
                        update(c, sql, day);
                    }
                    return update(c, "DELETE FROM ticket WHERE business_day = ?", day);
                });
            }
        }
    }

    private List<String> oldDays(Connection c) throws SQLException {
        String cutoff = LocalDate.now(clock).minusDays(keep.tickets()).toString();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT DISTINCT business_day FROM ticket WHERE business_day < ? ORDER BY business_day LIMIT 30")) {
            ps.setString(1, cutoff);
            List<String> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
            return out;
        }
    }

    private static int update(Connection c, String sql, String day) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, day);
            return ps.executeUpdate();
        }
    }
}
