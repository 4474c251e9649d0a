package vn.hanoi.branch.agent.sync;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.hanoi.branch.agent.auth.Principal;
import vn.hanoi.branch.agent.db.Database;
import vn.hanoi.branch.agent.db.WriteTx;
import vn.hanoi.branch.agent.effects.Effects;
import vn.hanoi.branch.agent.http.ApiException;
import vn.hanoi.branch.api.DeadLetter;
import vn.hanoi.branch.retry.Backoff;

/**
 * Sync items that must not stop the rest (table {@code sync_failure}). An outbox event the city refuses
 * for good is parked at once with the city's reason; an item from the city that fails to apply is retried
 * with doubling waits and parked after {@link #INBOUND_ATTEMPTS} attempts. Nothing is dropped: parked
 * items wait for IT, who retries them once the cause is fixed.
 */
public final class DeadLetters {
    private static final Logger LOG = LoggerFactory.getLogger(DeadLetters.class);
    static final int INBOUND_ATTEMPTS = 6;
    static final Backoff INBOUND_WAITS = Backoff.doubling(Duration.ofMinutes(1), Duration.ofHours(1));

    private final Database db;
    private final Effects effects;

    public DeadLetters(Database db, Effects effects) {
        this.db = db;
        this.effects = effects;
    }

    /** An inbound item to apply again. */
    record Due(long id, String stream, String itemId, String payload, int attempts) {
    }

    /** The city refused this event for good: it leaves the send line, with the reason, for IT. */
    static void parkOutbound(WriteTx tx, Outbox.Entry e, String reason) throws SQLException {
        try (PreparedStatement ps = tx.connection().prepareStatement(
                "UPDATE outbox SET parked_at = ?, last_error = ? WHERE id = ?")) {
            ps.setLong(1, tx.now());
            ps.setString(2, reason);
            ps.setLong(3, e.id());
            ps.executeUpdate();
        }
        try (PreparedStatement ps = tx.connection().prepareStatement("INSERT INTO sync_failure (direction, stream, item_key, "
                + "payload, reason, parked_at, failed_at) VALUES ('OUT', ?, ?, ?, ?, ?, ?) "
                + "ON CONFLICT (direction, stream, item_key) DO UPDATE SET reason = excluded.reason, "
                + "attempts = attempts + 1, parked_at = excluded.parked_at")) {
            ps.setString(1, e.topic());
            ps.setString(2, Long.toString(e.id()));
            ps.setString(3, e.payload());
            ps.setString(4, reason);
            ps.setLong(5, tx.now());
            ps.setLong(6, tx.now());
            ps.executeUpdate();
        }
        LOG.error("city refused outbox event {} ({}) for good: parked as a dead letter for IT, sync goes on: {}", e.id(),
                e.topic(), reason);
    }

    /** An inbound item failed to apply (its first attempt, or a retry): next try later, or parked. */
    static void inboundFailed(WriteTx tx, String stream, String itemId, String payload, int attempts, String reason)
            throws SQLException {
        boolean park = attempts >= INBOUND_ATTEMPTS;
        Long next = park ? null : tx.now() + INBOUND_WAITS.afterFailures(attempts).toMillis();
        try (PreparedStatement ps = tx.connection().prepareStatement("INSERT INTO sync_failure (direction, stream, item_key, "
                + "payload, reason, attempts, next_at, parked_at, failed_at) VALUES ('IN', ?, ?, ?, ?, ?, ?, ?, ?) "
                + "ON CONFLICT (direction, stream, item_key) DO UPDATE SET reason = excluded.reason, "
                + "attempts = excluded.attempts, next_at = excluded.next_at, parked_at = excluded.parked_at")) {
            ps.setString(1, stream);
            ps.setString(2, itemId);
            ps.setString(3, payload);
            ps.setString(4, reason);
            ps.setInt(5, attempts);
            ps.setObject(6, next);
            ps.setObject(7, park ? tx.now() : null);
            ps.setLong(8, tx.now());
            ps.executeUpdate();
        }
        if (park) {
            LOG.error("city {} item {} failed {} times: parked as a dead letter for IT: {}", stream, itemId, attempts, reason);
        } else {
            LOG.warn("city {} item {} failed (attempt {}), retried later: {}", stream, itemId, attempts, reason);
        }
    }

    static void inboundApplied(WriteTx tx, long id) throws SQLException {
        try (PreparedStatement ps = tx.connection().prepareStatement("DELETE FROM sync_failure WHERE id = ?")) {
            ps.setLong(1, id);
            ps.executeUpdate();
        }
    }

    /** Inbound items whose next try is due. */
    static List<Due> due(Database db, long now) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT id, stream, item_key, payload, attempts FROM sync_failure "
                    + "WHERE direction = 'IN' AND parked_at IS NULL AND next_at <= ? ORDER BY id LIMIT 100")) {
                ps.setLong(1, now);
                List<Due> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new Due(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getInt(5)));
                    }
                }
                return out;
            }
        });
    }

    /** The dead letters, oldest first. */
    public List<DeadLetter> list() {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT id, direction, stream, item_key, reason, attempts, failed_at, "
                    + "parked_at FROM sync_failure WHERE parked_at IS NOT NULL ORDER BY id");
                 ResultSet rs = ps.executeQuery()) {
                List<DeadLetter> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(new DeadLetter(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                            rs.getInt(6), Instant.ofEpochMilli(rs.getLong(7)), Instant.ofEpochMilli(rs.getLong(8))));
                }
                return out;
            }
        });
    }

    public long count() {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM sync_failure WHERE parked_at IS NOT NULL");
                 ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0L;
            }
        });
    }

    /**
     * Puts a dead letter back in line: an outbox event into the send line (in its id order), an inbound item
     * into the retry line with its attempts counted from zero. 404 when there is no such dead letter.
     */
    public void retry(Principal staff, long id) {
        db.write(tx -> {
            putBack(tx, id);
            effects.audit(tx, staff, "sync.dead_letter.retried", "sync_failure", id, null);
            return null;
        });
    }

    private static void putBack(WriteTx tx, long id) throws SQLException {
        String direction;
        String key;
        try (PreparedStatement ps = tx.connection().prepareStatement(
                "SELECT direction, item_key FROM sync_failure WHERE id = ? AND parked_at IS NOT NULL")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw ApiException.notFound("unknown_dead_letter", "Không có mục đồng bộ lỗi này.", "No such dead letter.");
                }
                direction = rs.getString(1);
                key = rs.getString(2);
            }
        }
        if ("OUT".equals(direction)) {
            try (PreparedStatement ps = tx.connection().prepareStatement("UPDATE outbox SET parked_at = NULL WHERE id = ?");
                 PreparedStatement del = tx.connection().prepareStatement("DELETE FROM sync_failure WHERE id = ?")) {
                ps.setLong(1, Long.parseLong(key));
                ps.executeUpdate();
                del.setLong(1, id);
                del.executeUpdate();
            }
        } else {
            try (PreparedStatement ps = tx.connection().prepareStatement(
                    "UPDATE sync_failure SET parked_at = NULL, attempts = 0, next_at = ? WHERE id = ?")) {
                ps.setLong(1, tx.now());
                ps.setLong(2, id);
                ps.executeUpdate();
            }
        }
    }
}
