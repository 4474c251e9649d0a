package vn.hanoi.branch.agent.sync;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.hanoi.branch.agent.content.ContentStore;
import vn.hanoi.branch.agent.db.Database;

/**
 * Personal data leaves the branch once the city holds it: {@code retention.days.after.confirmed} days after
 * the city confirmed a dossier's reception its applicant, declaration and delivery address are cleared,
 * and the same after the city confirmed a scan its bytes are deleted (the row stays, with deleted_at, for
 * the audit trail and reports). Outbox rows the city acknowledged that long ago are pruned. Time is the
 * agent's clock.
 */
public final class Retention {
    private static final Logger LOG = LoggerFactory.getLogger(Retention.class);

    private final Database db;
    private final ContentStore store;
    private final Duration keep;

    public Retention(Database db, ContentStore store, Duration keep) {
        this.db = db;
        this.store = store;
        this.keep = keep;
    }

    /** What one run removed. */
    public record Result(int dossiersCleared, int scansDeleted) {
    }

    public Result run() {
        record Removed(int dossiers, List<String> paths) {
        }
        Removed r = db.write(tx -> {
            long cutoff = tx.now() - keep.toMillis();
            int dossiers;
            try (PreparedStatement ps = tx.connection().prepareStatement("UPDATE dossier SET applicant = NULL, declaration = NULL, "
                    + "delivery_address = NULL, personal_data_cleared_at = ? "
                    + "WHERE personal_data_cleared_at IS NULL AND city_confirmed_at IS NOT NULL AND city_confirmed_at <= ?")) {
                ps.setLong(1, tx.now());
                ps.setLong(2, cutoff);
                dossiers = ps.executeUpdate();
            }
            List<String> paths = new ArrayList<>();
            try (PreparedStatement ps = tx.connection().prepareStatement("UPDATE content_file SET deleted_at = ? "
                    + "WHERE kind = 'SCAN' AND deleted_at IS NULL AND city_confirmed_at IS NOT NULL AND city_confirmed_at <= ? "
                    + "RETURNING path")) {
                ps.setLong(1, tx.now());
                ps.setLong(2, cutoff);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        paths.add(rs.getString(1));
                    }
                }
            }
            // Content-addressed: a file another live row still points to stays.
            try (PreparedStatement ps = tx.connection().prepareStatement(
                    "SELECT 1 FROM content_file WHERE path = ? AND deleted_at IS NULL")) {
                paths.removeIf(p -> {
                    try {
                        ps.setString(1, p);
                        try (ResultSet rs = ps.executeQuery()) {
                            return rs.next();
                        }
                    } catch (java.sql.SQLException e) {
                        throw new IllegalStateException(e);
                    }
                });
            }
            // Sent outbox rows are the city's now; ids stay unique for ever (AUTOINCREMENT), so pruning cannot
            // make an idempotency key repeat.
            try (PreparedStatement ps = tx.connection().prepareStatement(
                    "DELETE FROM outbox WHERE sent_at IS NOT NULL AND sent_at <= ?")) {
                ps.setLong(1, cutoff);
                ps.executeUpdate();
            }
            return new Removed(dossiers, paths);
        });
        int deleted = 0;
        for (String p : r.paths()) {
            try {
                Path f = store.dir().resolve(p);
                if (Files.deleteIfExists(f)) {
                    deleted++;
                }
            } catch (IOException e) {
                LOG.warn("retention: cannot delete a scan file: {}", e.getMessage()); // the next start's sweep retries
            }
        }
        if (r.dossiers() > 0 || deleted > 0) {
            LOG.info("retention: personal data cleared from {} dossiers, {} scan files deleted", r.dossiers(), deleted);
        }
        return new Result(r.dossiers(), r.paths().size());
    }
}
