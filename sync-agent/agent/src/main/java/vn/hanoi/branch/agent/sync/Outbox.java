package vn.hanoi.branch.agent.sync;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import vn.hanoi.branch.agent.db.Database;
import vn.hanoi.branch.agent.db.WriteTx;
import vn.hanoi.branch.api.Json;

/**
 * The transactional outbox: what the city must see, appended in the transaction of the change itself
 * (a ticket event, a dossier move, a rating, an audit row), then sent by {@link CitySync} in id order.
 * Written whether or not a city link is configured, so a branch that gets one later sends its history.
 */
public final class Outbox {
    /** Topics the city receives (the contract's {@code OutboxEvent.topic}). */
    public static final String QUEUE = "queue";
    public static final String DOSSIER = "dossier";
    public static final String RATING = "rating";
    public static final String AUDIT = "audit";
    /** The day's figures per service, sent with the end of the business day. */
    public static final String STATS = "stats";

    private Outbox() {
    }

    /** One row to send. */
    public record Entry(long id, String topic, String key, String payload, long createdAt, int attempts) {
    }

    /** Appends in the caller's transaction; {@code payload} is serialised to JSON. */
    public static void append(WriteTx tx, String topic, String key, Object payload) throws SQLException {
        String json;
        try {
            json = payload instanceof String s ? s : Json.mapper().writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        try (PreparedStatement ps = tx.connection().prepareStatement(
                "INSERT INTO outbox (topic, key, payload, created_at) VALUES (?, ?, ?, ?)")) {
            ps.setString(1, topic);
            ps.setString(2, key);
            ps.setString(3, json);
            ps.setLong(4, tx.now());
            ps.executeUpdate();
        }
    }

    /** The oldest unsent rows, in send order. */
    public static List<Entry> unsent(Database db, int limit) {
        return db.read(c -> unsent(c, limit));
    }

    static List<Entry> unsent(Connection c, int limit) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT id, topic, key, payload, created_at, attempts FROM outbox "
                + "WHERE sent_at IS NULL AND parked_at IS NULL ORDER BY id LIMIT ?")) {
            ps.setInt(1, limit);
            List<Entry> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Entry(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getLong(5),
                            rs.getInt(6)));
                }
            }
            return out;
        }
    }

    /**
     * Marks the acknowledged rows sent. A dossier row acknowledged also starts that dossier's retention
     * clock (the city holds its reception data from now on).
     */
    static void markSent(WriteTx tx, List<Long> ids) throws SQLException {
        try (PreparedStatement ps = tx.connection().prepareStatement(
                "UPDATE outbox SET sent_at = ?, last_error = NULL WHERE id = ? AND sent_at IS NULL");
             PreparedStatement dossier = tx.connection().prepareStatement(
                     "UPDATE dossier SET city_confirmed_at = ? WHERE city_confirmed_at IS NULL AND state <> 'DRAFT' "
                             + "AND code = (SELECT key FROM outbox WHERE id = ? AND topic = 'dossier')")) {
            for (long id : ids) {
                ps.setLong(1, tx.now());
                ps.setLong(2, id);
                ps.addBatch();
                dossier.setLong(1, tx.now());
                dossier.setLong(2, id);
                dossier.addBatch();
            }
            ps.executeBatch();
            dossier.executeBatch();
        }
    }

    /** Records a failed attempt on the rows of a batch (for IT: attempts and the last error). */
    static void markFailed(WriteTx tx, List<Long> ids, String error) throws SQLException {
        try (PreparedStatement ps = tx.connection().prepareStatement(
                "UPDATE outbox SET attempts = attempts + 1, last_error = ? WHERE id = ?")) {
            for (long id : ids) {
                ps.setString(1, error);
                ps.setLong(2, id);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** Backlog figures: unsent rows and the creation time of the oldest (null when none). */
    public record Backlog(long size, Long oldestCreatedAt) {
    }

    public static Backlog backlog(Database db) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT count(*), min(created_at) FROM outbox WHERE sent_at IS NULL AND parked_at IS NULL");
                 ResultSet rs = ps.executeQuery()) {
                rs.next();
                long size = rs.getLong(1);
                long oldest = rs.getLong(2);
                return new Backlog(size, rs.wasNull() ? null : oldest);
            }
        });
    }
}
