package vn.hanoi.branch.testkit.city;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the simulated city received and what it offers for pulls, in its own SQLite file, so tests and
 * IT can compare it with a branch's database. One connection, one caller at a time: the simulator's
 * load is a few branches, not the city's.
 */
final class SimStore implements AutoCloseable {
    private final Connection c;

    SimStore(Path file) throws SQLException {
        c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
        try (Statement st = c.createStatement()) {
            st.execute("PRAGMA journal_mode=WAL");
            st.execute("PRAGMA synchronous=NORMAL");
            st.execute("""
                    CREATE TABLE IF NOT EXISTS received_event (
                        arrival INTEGER PRIMARY KEY AUTOINCREMENT,
                        idempotency_key TEXT NOT NULL UNIQUE,
                        branch TEXT NOT NULL, sequence INTEGER NOT NULL, topic TEXT NOT NULL, key TEXT NOT NULL,
                        created_at INTEGER NOT NULL, payload TEXT NOT NULL, received_at INTEGER NOT NULL)""");
            st.execute("""
                    CREATE TABLE IF NOT EXISTS upload (
                        upload_id TEXT PRIMARY KEY, branch TEXT NOT NULL, content_id INTEGER NOT NULL, sha256 TEXT NOT NULL,
                        size INTEGER NOT NULL, acked_offset INTEGER NOT NULL DEFAULT 0, complete INTEGER NOT NULL DEFAULT 0,
                        kind TEXT, media_type TEXT, dossier_code TEXT, document_type TEXT, chunks INTEGER NOT NULL DEFAULT 0,
                        UNIQUE (branch, content_id, sha256))""");
            st.execute("""
                    CREATE TABLE IF NOT EXISTS pull_item (
                        cursor INTEGER PRIMARY KEY AUTOINCREMENT, branch TEXT NOT NULL, stream TEXT NOT NULL,
                        payload TEXT NOT NULL)""");
            st.execute("CREATE INDEX IF NOT EXISTS pull_item_by_stream ON pull_item (branch, stream, cursor)");
        }
    }

    record Event(String idempotencyKey, String branch, long sequence, String topic, String key, long createdAt,
                 String payload) {
    }

    /** Stores the events not stored before; returns how many were new. */
    synchronized int storeEvents(List<Event> events, long now) throws SQLException {
        c.setAutoCommit(false);
        try (PreparedStatement ps = c.prepareStatement("INSERT OR IGNORE INTO received_event (idempotency_key, branch, "
                + "sequence, topic, key, created_at, payload, received_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            int stored = 0;
            for (Event e : events) {
                ps.setString(1, e.idempotencyKey());
                ps.setString(2, e.branch());
                ps.setLong(3, e.sequence());
                ps.setString(4, e.topic());
                ps.setString(5, e.key());
                ps.setLong(6, e.createdAt());
                ps.setString(7, e.payload());
                ps.setLong(8, now);
                stored += ps.executeUpdate();
            }
            c.commit();
            return stored;
        } catch (SQLException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(true);
        }
    }

    /** Events of a branch in the order they arrived. */
    synchronized List<Event> events(String branch) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(SELECT_EVENTS + "WHERE branch = ? ORDER BY arrival")) {
            ps.setString(1, branch);
            return events(ps);
        }
    }

    /** Events of a branch above a sequence, in sequence order. */
    synchronized List<Event> eventsAfter(String branch, long after, int limit) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(SELECT_EVENTS + "WHERE branch = ? AND sequence > ? ORDER BY sequence LIMIT ?")) {
            ps.setString(1, branch);
            ps.setLong(2, after);
            ps.setInt(3, limit);
            return events(ps);
        }
    }

    private static final String SELECT_EVENTS = "SELECT idempotency_key, branch, sequence, topic, key, created_at, payload "
            + "FROM received_event ";

    private static List<Event> events(PreparedStatement ps) throws SQLException {
        List<Event> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new Event(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getString(4), rs.getString(5),
                        rs.getLong(6), rs.getString(7)));
            }
        }
        return out;
    }

    synchronized long eventCount() throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT count(*) FROM received_event")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    record Upload(String uploadId, String branch, long contentId, String sha256, long size, long ackedOffset,
                  boolean complete, int chunks) {
    }

    synchronized Upload createUpload(String branch, long contentId, String sha256, long size, String kind, String mediaType,
                                     String dossierCode, String documentType, String newId) throws SQLException {
        Optional<Upload> existing = findUpload(branch, contentId, sha256);
        if (existing.isPresent()) {
            return existing.get();
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO upload (upload_id, branch, content_id, sha256, size, kind, "
                + "media_type, dossier_code, document_type) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, newId);
            ps.setString(2, branch);
            ps.setLong(3, contentId);
            ps.setString(4, sha256);
            ps.setLong(5, size);
            ps.setString(6, kind);
            ps.setString(7, mediaType);
            ps.setString(8, dossierCode);
            ps.setString(9, documentType);
            ps.executeUpdate();
        }
        return upload(newId).orElseThrow();
    }

    private Optional<Upload> findUpload(String branch, long contentId, String sha256) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(UPLOAD + " WHERE branch = ? AND content_id = ? AND sha256 = ?")) {
            ps.setString(1, branch);
            ps.setLong(2, contentId);
            ps.setString(3, sha256);
            return one(ps);
        }
    }

    synchronized Optional<Upload> upload(String uploadId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(UPLOAD + " WHERE upload_id = ?")) {
            ps.setString(1, uploadId);
            return one(ps);
        }
    }

    synchronized List<Upload> uploads(String branch) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(UPLOAD + " WHERE branch = ? ORDER BY content_id")) {
            ps.setString(1, branch);
            List<Upload> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(upload(rs));
                }
            }
            return out;
        }
    }

    synchronized void ack(String uploadId, long offset, boolean chunk) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE upload SET acked_offset = ?, chunks = chunks + ? WHERE upload_id = ?")) {
            ps.setLong(1, offset);
            ps.setInt(2, chunk ? 1 : 0);
            ps.setString(3, uploadId);
            ps.executeUpdate();
        }
    }

    synchronized void complete(String uploadId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE upload SET complete = 1 WHERE upload_id = ?")) {
            ps.setString(1, uploadId);
            ps.executeUpdate();
        }
    }

    synchronized long addPullItem(String branch, String stream, String payload) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO pull_item (branch, stream, payload) VALUES (?, ?, ?) RETURNING cursor")) {
            ps.setString(1, branch);
            ps.setString(2, stream);
            ps.setString(3, payload);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    record PullItem(long cursor, String payload) {
    }

    synchronized List<PullItem> pull(String branch, String stream, long after, int limit) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT cursor, payload FROM pull_item WHERE branch = ? AND stream = ? "
                + "AND cursor > ? ORDER BY cursor LIMIT ?")) {
            ps.setString(1, branch);
            ps.setString(2, stream);
            ps.setLong(3, after);
            ps.setInt(4, limit);
            List<PullItem> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new PullItem(rs.getLong(1), rs.getString(2)));
                }
            }
            return out;
        }
    }

    private static final String UPLOAD = "SELECT upload_id, branch, content_id, sha256, size, acked_offset, complete, chunks "
            + "FROM upload";

    private static Optional<Upload> one(PreparedStatement ps) throws SQLException {
        try (ResultSet rs = ps.executeQuery()) {
            return rs.next() ? Optional.of(upload(rs)) : Optional.empty();
        }
    }

    private static Upload upload(ResultSet rs) throws SQLException {
        return new Upload(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getString(4), rs.getLong(5), rs.getLong(6),
                rs.getInt(7) == 1, rs.getInt(8));
    }

    @Override
    public synchronized void close() throws SQLException {
        c.close();
    }
}
