package vn.hanoi.branch.agent.backup;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.hanoi.branch.agent.db.Database;
import vn.hanoi.branch.agent.db.SqlWork;
import vn.hanoi.branch.agent.db.WriteTx;
import vn.hanoi.branch.api.Json;
import vn.hanoi.branch.api.QueueEvent;
import vn.hanoi.branch.files.DurableFiles;

/**
 * The new epoch a restore opens, so the branch stays one consistent story after going back in time.
 * The restore command (agent stopped) writes what it learned into {@code <db>.restored.json}; the next
 * start applies it in one transaction, before anything else writes:
 * <ul>
 * <li>outbox and queue event ids jump to a base above anything any earlier timeline can have used (the
 *     restore's second × 1000, or above every id known), so the city's idempotency keys never repeat
 *     and a screen's {@code Last-Event-ID} is always below the new events;</li>
 * <li>a {@link QueueEvent#RELOAD} event at the base tells every connected screen and counter to reload;</li>
 * <li>ticket numbering and dossier codes continue above what the replaced database gave out; the city's
 *     copy of the lost events is asked for by the sync thread before it sends anything new
 *     ({@link #awaitingCity}, {@link #recordCity}).</li>
 * </ul>
 */
public final class RestoreEpoch {
    private static final Logger LOG = LoggerFactory.getLogger(RestoreEpoch.class);
    /** Ids per second of wall time between two restores: far above what a branch produces. */
    static final long IDS_PER_SECOND = 1_000;

    private RestoreEpoch() {
    }

    /** What the restore command hands to the next start. */
    public record Pending(long restoredAt, String backupFile, long backupOutboxMax, long knownMax, LostWork lost) {
    }

    /** The restore the sync thread still has to ask the city about. */
    public record CityCheck(long restoreId, long afterSequence, long beforeSequence) {
    }

    public static Path pendingFile(Path dbFile) {
        return dbFile.toAbsolutePath().resolveSibling(dbFile.getFileName() + ".restored.json");
    }

    /**
     * Reads the backup's highest outbox id and, from the database the restore replaces (null when there
     * is none or it cannot be read), every event it made after that.
     */
    public static Pending prepare(Path backupDb, Path replacedDb, Instant now) throws IOException {
        long backupMax = readOr(backupDb, c -> maxId(c, "outbox"), 0L);
        List<LostWork.Event> lost = replacedDb == null ? List.of() : readOr(replacedDb, c -> eventsAfter(c, backupMax), List.of());
        long knownMax = replacedDb == null ? backupMax
                : Math.max(backupMax, readOr(replacedDb, c -> Math.max(maxId(c, "outbox"), maxId(c, "queue_event")), 0L));
        return new Pending(now.toEpochMilli(), backupDb.getFileName().toString(), backupMax, knownMax, LostWork.of(lost));
    }

    public static void writePending(Path dbFile, Pending p) throws IOException {
        DurableFiles.write(pendingFile(dbFile), Json.mapper().writeValueAsBytes(p));
    }

    /** At start, before anything writes: opens the epoch a restore left pending; empty when there is none. */
    public static Optional<Pending> applyPending(Database db, Path dbFile) {
        Path file = pendingFile(dbFile);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        Pending p;
        try {
            p = Json.mapper().readValue(file.toFile(), Pending.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + " (left by the restore command)", e);
        }
        long base = db.write(tx -> open(tx, p));
        try {
            Files.delete(file); // after the commit; a crash before this re-reads it and finds the epoch applied
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        LOG.warn("RESTORED from {}: new epoch from id {}; between the backup and the restore the branch {}", p.backupFile(),
                base, p.lost().describe());
        return Optional.of(p);
    }

    private static long open(WriteTx tx, Pending p) throws SQLException {
        Connection c = tx.connection();
        try (PreparedStatement ps = c.prepareStatement("SELECT epoch_base FROM restore_log WHERE restored_at = ?")) {
            ps.setLong(1, p.restoredAt());
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    return rs.getLong(1); // applied before a crash that kept the file
                }
            }
        }
        long base = Math.max(p.restoredAt() / 1000 * IDS_PER_SECOND,
                Math.max(p.knownMax(), Math.max(maxId(c, "outbox"), maxId(c, "queue_event"))) + 1);
        try (Statement st = c.createStatement()) {
            st.executeUpdate("DELETE FROM sqlite_sequence WHERE name = 'outbox'");
            st.executeUpdate("INSERT INTO sqlite_sequence (name, seq) VALUES ('outbox', " + (base - 1) + ")");
        }
        QueueEvent reload = new QueueEvent(base, QueueEvent.RELOAD, Instant.ofEpochMilli(tx.now()), null, null);
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO queue_event (id, type, at, payload) VALUES (?, ?, ?, ?)")) {
            ps.setLong(1, base);
            ps.setString(2, reload.type());
            ps.setLong(3, tx.now());
            ps.setString(4, Json.mapper().writeValueAsString(reload));
            ps.executeUpdate();
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        raiseFloors(c, p.lost());
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO restore_log (restored_at, backup_file, backup_outbox_max, "
                + "epoch_base, lost_local) VALUES (?, ?, ?, ?, ?)")) {
            ps.setLong(1, p.restoredAt());
            ps.setString(2, p.backupFile());
            ps.setLong(3, p.backupOutboxMax());
            ps.setLong(4, base);
            ps.setString(5, Json.mapper().writeValueAsString(p.lost()));
            ps.executeUpdate();
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return base;
    }

    /** Numbering continues above every lost ticket; lost dossier codes are never given again. */
    static void raiseFloors(Connection c, LostWork lost) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO ticket_sequence (service_id, business_day, last_seq) "
                + "VALUES (?, ?, ?) ON CONFLICT (service_id, business_day) DO UPDATE SET last_seq = max(last_seq, excluded.last_seq)")) {
            for (LostWork.TicketFloor f : lost.tickets()) {
                ps.setLong(1, f.serviceId());
                ps.setString(2, f.day().toString());
                ps.setInt(3, f.seq());
                ps.executeUpdate();
            }
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT OR IGNORE INTO dossier_code_used (code) VALUES (?)")) {
            for (String code : lost.dossierCodes()) {
                ps.setString(1, code);
                ps.executeUpdate();
            }
        }
    }

    /** The newest restore whose lost events the city was not yet asked about. */
    public static Optional<CityCheck> awaitingCity(Database db) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT id, backup_outbox_max, epoch_base FROM restore_log "
                    + "WHERE city_checked_at IS NULL ORDER BY id DESC LIMIT 1");
                 ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new CityCheck(rs.getLong(1), rs.getLong(2), rs.getLong(3))) : Optional.empty();
            }
        });
    }

    /** What the city acknowledged beyond the backup: floors raised, kept for the operator, logged. */
    public static void recordCity(Database db, CityCheck check, LostWork fromCity) {
        db.write(tx -> {
            raiseFloors(tx.connection(), fromCity);
            try (PreparedStatement ps = tx.connection().prepareStatement(
                    "UPDATE restore_log SET lost_city = ?, city_checked_at = ? WHERE id = ?")) {
                ps.setString(1, Json.mapper().writeValueAsString(fromCity));
                ps.setLong(2, tx.now());
                ps.setLong(3, check.restoreId());
                ps.executeUpdate();
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
            return null;
        });
        LOG.warn("RESTORE: the city holds what the branch lost between the backup and the restore: {}", fromCity.describe());
    }

    /** The last restore, for IT's backup view: when, from what, and what was lost (null when never restored). */
    public static JsonNode lastRestore(Database db) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT restored_at, backup_file, epoch_base, lost_local, lost_city, "
                    + "city_checked_at FROM restore_log ORDER BY id DESC LIMIT 1");
                 ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                var out = Json.mapper().createObjectNode();
                out.put("restoredAt", Instant.ofEpochMilli(rs.getLong(1)).toString());
                out.put("backupFile", rs.getString(2));
                out.put("epochBase", rs.getLong(3));
                out.set("lostPerBranch", Json.mapper().readTree(rs.getString(4)));
                out.set("lostPerCity", rs.getString(5) == null ? null : Json.mapper().readTree(rs.getString(5)));
                out.put("cityAsked", rs.getObject(6) != null);
                return out;
            } catch (IOException e) {
                throw new SQLException(e);
            }
        });
    }

    /** The highest id the table ever gave (retention deletes old rows; AUTOINCREMENT remembers). */
    private static long maxId(Connection c, String table) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT max(coalesce((SELECT max(id) FROM "
                + table + "), 0), coalesce((SELECT seq FROM sqlite_sequence WHERE name = '" + table + "'), 0))")) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }

    private static List<LostWork.Event> eventsAfter(Connection c, long after) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT id, topic, key, payload FROM outbox WHERE id > ? ORDER BY id")) {
            ps.setLong(1, after);
            List<LostWork.Event> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new LostWork.Event(rs.getLong(1), rs.getString(2), rs.getString(3), Json.mapper().readTree(rs.getString(4))));
                }
            } catch (IOException e) {
                throw new SQLException(e);
            }
            return out;
        }
    }

    private static <T> T readOr(Path file, SqlWork<T> work, T fallback) {
        try {
            return Database.readFile(file, work);
        } catch (SQLException e) {
            LOG.warn("cannot read {} ({}): what it holds is not counted", file, e.getMessage());
            return fallback;
        }
    }
}
