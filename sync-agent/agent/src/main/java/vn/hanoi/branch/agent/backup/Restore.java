package vn.hanoi.branch.agent.backup;

import vn.hanoi.branch.files.DurableFiles;
import vn.hanoi.branch.agent.db.Database;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.stream.Stream;

/**
 * Puts a backup back: the agent must be stopped (its lock is checked). The current database is kept
 * aside, never deleted, so a restore can itself be undone; content files missing from the store are
 * copied back from the backup's mirror. The next start opens a new epoch ({@link RestoreEpoch}), so ids,
 * ticket numbers and dossier codes given out after the backup are never given again.
 */
public final class Restore {
    private Restore() {
    }

    /** What the restore did. */
    public record Result(Path restoredFrom, Path previousKeptAs, int contentRestored, LostWork lost) {
    }

    public static Result run(Path backupDb, Path dbFile, Path contentDir, Path contentMirror, Instant now)
            throws IOException {
        if (!Files.isRegularFile(backupDb)) {
            throw new IOException("Không thấy tệp sao lưu / no backup file: " + backupDb);
        }
        try {
            Database.checkIntegrity(backupDb);
        } catch (SQLException e) {
            throw new IOException("Tệp sao lưu bị hỏng, không khôi phục / the backup is damaged, nothing restored: "
                    + e.getMessage(), e);
        }
        try (AgentLock lock = AgentLock.tryAcquire(dbFile)) {
            if (lock == null) {
                throw new IOException("Dịch vụ agent đang chạy: hãy dừng trước (systemctl stop branch-agent) / "
                        + "the agent is running: stop it first (systemctl stop branch-agent)");
            }
            Path previous = null;
            if (Files.exists(dbFile)) {
                // fold the WAL into the file so the copy kept aside is complete on its own
                Database.checkpoint(dbFile);
                previous = dbFile.resolveSibling(dbFile.getFileName() + ".before-restore-"
                        + DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC).format(now));
                Files.move(dbFile, previous, StandardCopyOption.ATOMIC_MOVE);
            }
            // before the file goes back: an agent that starts on the restored file must open a new epoch
            RestoreEpoch.Pending pending = RestoreEpoch.prepare(backupDb, previous, now);
            RestoreEpoch.writePending(dbFile, pending);
            for (String suffix : new String[] {"-wal", "-shm"}) {
                Files.deleteIfExists(dbFile.resolveSibling(dbFile.getFileName() + suffix));
            }
            try (InputStream in = Files.newInputStream(backupDb)) {
                DurableFiles.write(dbFile, in);
            }
            int restored = 0;
            if (Files.isDirectory(contentMirror)) {
                try (Stream<Path> s = Files.walk(contentMirror)) {
                    for (Path f : (Iterable<Path>) s.filter(Files::isRegularFile).filter(Backups::isContentFile)::iterator) {
                        Path target = contentDir.resolve(contentMirror.relativize(f).toString());
                        if (!Files.exists(target)) {
                            try (InputStream in = Files.newInputStream(f)) {
                                DurableFiles.write(target, in);
                            }
                            restored++;
                        }
                    }
                }
            }
            return new Result(backupDb, previous, restored, pending.lost());
        }
    }
}
