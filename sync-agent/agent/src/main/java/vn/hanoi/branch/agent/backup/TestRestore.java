package vn.hanoi.branch.agent.backup;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.hanoi.branch.agent.db.Database;
import vn.hanoi.branch.files.DurableFiles;

/**
 * Proves a backup can be put back, without touching the branch: the database copy is restored into a
 * temporary folder on the backup disk and opened as the agent would (integrity check, migrations), and
 * every content file it points to must be in the mirror with its size; a sample is read back and its
 * hash compared with its name. Run after each scheduled backup; the result goes to health and the log.
 */
public final class TestRestore {
    private static final Logger LOG = LoggerFactory.getLogger(TestRestore.class);
    public static final int HASH_SAMPLE = 20;

    private TestRestore() {
    }

    /** The outcome: when, whether the backup is good, and what was checked or what is wrong. */
    public record Result(Instant at, Path backup, boolean ok, String detail) {
    }

    public static Result run(Path backupDb, Path contentMirror, Clock clock) {
        Instant at = clock.instant();
        Path temp = null;
        try {
            temp = Files.createTempDirectory(backupDb.toAbsolutePath().getParent(), ".test-restore-");
            Path db = temp.resolve("branch.db");
            try (InputStream in = Files.newInputStream(backupDb)) {
                DurableFiles.write(db, in);
            }
            Database.checkIntegrity(db);
            record Row(String path, long bytes) {
            }
            List<Row> files = new ArrayList<>();
            long tickets;
            Database restored = Database.open(db, clock);
            try {
                tickets = restored.read(c -> {
                    try (Statement st = c.createStatement()) {
                        try (ResultSet rs = st.executeQuery("SELECT path, bytes FROM content_file WHERE deleted_at IS NULL")) {
                            while (rs.next()) {
                                files.add(new Row(rs.getString(1), rs.getLong(2)));
                            }
                        }
                        try (ResultSet rs = st.executeQuery("SELECT count(*) FROM ticket")) {
                            return rs.next() ? rs.getLong(1) : 0L;
                        }
                    }
                });
            } finally {
                restored.close();
            }
            List<String> missing = new ArrayList<>();
            for (Row r : files) {
                Path f = contentMirror.resolve(r.path());
                if (!Files.isRegularFile(f) || Files.size(f) != r.bytes()) {
                    missing.add(r.path());
                }
            }
            List<Row> sample = new ArrayList<>(files);
            Collections.shuffle(sample);
            List<String> damaged = new ArrayList<>();
            for (Row r : sample.subList(0, Math.min(HASH_SAMPLE, sample.size()))) {
                Path f = contentMirror.resolve(r.path());
                if (Files.isRegularFile(f) && !r.path().contains(DurableFiles.sha256Hex(f))) {
                    damaged.add(r.path());
                }
            }
            boolean ok = missing.isEmpty() && damaged.isEmpty();
            String detail = ok
                    ? "database opened (" + tickets + " tickets), " + files.size() + " content files present, "
                            + Math.min(HASH_SAMPLE, files.size()) + " hashes checked"
                    : "content files missing from the mirror: " + missing.size() + " " + head(missing) + "; damaged: "
                            + damaged.size() + " " + head(damaged);
            return log(new Result(at, backupDb, ok, detail));
        } catch (Exception e) {
            return log(new Result(at, backupDb, false, "cannot restore: " + e.getMessage()));
        } finally {
            deleteTree(temp);
        }
    }

    private static Result log(Result r) {
        if (r.ok()) {
            LOG.info("test restore of {} passed: {}", r.backup().getFileName(), r.detail());
        } else {
            LOG.error("TEST RESTORE of {} FAILED: {}", r.backup().getFileName(), r.detail());
        }
        return r;
    }

    private static String head(List<String> paths) {
        return paths.size() <= 5 ? paths.toString() : paths.subList(0, 5) + "...";
    }

    private static void deleteTree(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) s.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            LOG.warn("cannot remove the test restore folder {}: {}", dir, e.getMessage());
        }
    }
}
