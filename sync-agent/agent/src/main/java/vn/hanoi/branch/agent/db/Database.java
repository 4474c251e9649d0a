package vn.hanoi.branch.agent.db;

import vn.hanoi.branch.files.DurableFiles;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * The branch database: one SQLite file in WAL mode with {@code synchronous=FULL}.
 *
 * <p>Writes go through a single writer thread (one writer discipline): concurrent requests queue up
 * instead of racing for SQLite's write lock, so no caller ever sees SQLITE_BUSY. The writer commits
 * whatever has queued up in one transaction (group commit), each unit inside its own savepoint so a
 * failing unit does not take the others down; this is what makes hundreds of durable (fsynced)
 * writes per second possible on ordinary disks. Reads use a small pool of read-only connections,
 * which WAL lets run beside the writer.
 *
 * <p>Fail loud, never hang: the write queue is bounded (a full queue refuses at once, "busy"), every write
 * has a deadline, a full disk is a clear refusal ({@link WriteRefused}), and a {@link WriterWatchdog} notices
 * a writer thread that died or hangs.
 */
public final class Database implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Database.class);
    private static final int MAX_BATCH = 256;
    private static final int READERS = 4;
    private static final int WAL_SIZE_LIMIT = 32 * 1024 * 1024;

    private final Path file;
    private final Clock clock;
    private final Path preMigrationBackups;
    private final Connection writer;
    private final BlockingQueue<Connection> readers = new ArrayBlockingQueue<>(READERS);
    private final BlockingQueue<Pending<?>> queue;
    private final Limits limits;
    private final Thread writerThread;
    private final WriterWatchdog watchdog;
    private final WriteStats stats = new WriteStats();
    private volatile long batchStartedNanos;
    private volatile boolean closing;

    /**
     * @param queue      writes that may wait for the writer; one more is refused as busy
     * @param deadline   how long a caller waits for its write
     * @param stuckAfter one batch running longer than this means the writer hangs (the watchdog gives up on it)
     */
    public record Limits(int queue, Duration deadline, Duration stuckAfter) {
        public static final Limits DEFAULT = new Limits(2_000, Duration.ofSeconds(10), Duration.ofSeconds(60));
    }

    private Database(Path file, Clock clock, Path preMigrationBackups, Limits limits) throws SQLException {
        this.file = file;
        this.clock = clock;
        this.preMigrationBackups = preMigrationBackups;
        this.limits = limits;
        this.queue = new ArrayBlockingQueue<>(limits.queue());
        this.writer = open(false);
        migrate();
        for (int i = 0; i < READERS; i++) {
            readers.add(open(true));
        }
        this.writerThread = new Thread(this::writerLoop, "db-writer");
        this.writerThread.setDaemon(true);
        this.writerThread.start();
        this.watchdog = new WriterWatchdog(writerThread, () -> batchStartedNanos, limits.stuckAfter(), this::failQueued);
    }

    /** Opens (creating if needed) the database file and applies pending schema migrations. */
    public static Database open(Path file, Clock clock) {
        return open(file, clock, null);
    }

    /** As {@link #open(Path, Clock, Path)} with the writer's limits (queue, deadline, stuck) from the settings. */
    public static Database open(Path file, Clock clock, Path preMigrationBackups, Limits limits) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            return new Database(file, clock, preMigrationBackups, limits);
        } catch (SQLException | java.io.IOException e) {
            throw new IllegalStateException("cannot open database " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * As {@link #open(Path, Clock)}; before migrating an existing database to a newer schema (an update),
     * a copy of it is written to {@code preMigrationBackups} so the update can be rolled back.
     */
    public static Database open(Path file, Clock clock, Path preMigrationBackups) {
        return open(file, clock, preMigrationBackups, Limits.DEFAULT);
    }

    public Path file() {
        return file;
    }

    private Connection open(boolean readOnly) throws SQLException {
        SQLiteConfig cfg = new SQLiteConfig();
        cfg.setJournalMode(SQLiteConfig.JournalMode.WAL);
        cfg.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        cfg.enforceForeignKeys(true);
        cfg.setBusyTimeout(10_000);
        cfg.setReadOnly(readOnly);
        if (!readOnly) {
            cfg.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
            // After a checkpoint the WAL is cut back to this size: a busy day (or a backlog being pruned) must not
            // leave a WAL of hundreds of MB on the data disk for good (the month benchmark saw 127 MB).
            cfg.setJournalSizeLimit(WAL_SIZE_LIMIT);
        }
        SQLiteDataSource ds = new SQLiteDataSource(cfg);
        ds.setUrl("jdbc:sqlite:" + file.toAbsolutePath());
        return ds.getConnection();
    }

    /**
     * Highest migration shipped in {@code db/migration}. A test keeps it equal to the files, so that
     * a database already at this version skips Flyway: loading Flyway and scanning for migrations is
     * most of the agent's start-up time (about 0.6 s of 1.5 s here).
     */
    static final int SCHEMA_VERSION = 14;

    private void migrate() {
        if (schemaIsCurrent()) {
            return;
        }
        int from = schemaVersion();
        if (from > SCHEMA_VERSION) {
            // a rollback to an older agent without restoring the pre-update backup: refuse rather than guess
            throw new IllegalStateException("the database " + file + " is at schema version " + from
                    + ", newer than this agent knows (" + SCHEMA_VERSION + "): install the newer agent again, or restore the"
                    + " backup taken before the update (backups/pre-migration-v" + SCHEMA_VERSION + "-*.db)");
        }
        if (from > 0 && preMigrationBackups != null) {
            Path copy = preMigrationBackups.resolve("pre-migration-v" + from + "-"
                    + java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(java.time.ZoneOffset.UTC)
                    .format(clock.instant()) + ".db");
            backupTo(writer, copy);
            LOG.info("database at schema version {} backed up to {} before migrating", from, copy);
        }
        SQLiteDataSource ds = new SQLiteDataSource();
        ds.setUrl("jdbc:sqlite:" + file.toAbsolutePath());
        var result = Flyway.configure()
                .dataSource(ds)
                .locations("classpath:db/migration")
                .load()
                .migrate();
        if (result.migrationsExecuted > 0) {
            LOG.info("database migrated to version {} ({} migrations)", result.targetSchemaVersion,
                    result.migrationsExecuted);
        }
    }

    /** The schema version Flyway recorded, 0 for a new file. */
    private int schemaVersion() {
        try (Statement st = writer.createStatement();
             ResultSet rs = st.executeQuery("SELECT max(CAST(version AS INTEGER)) FROM flyway_schema_history "
                     + "WHERE version IS NOT NULL AND success = 1")) {
            return rs.next() ? rs.getInt(1) : 0;
        } catch (SQLException e) {
            return 0;
        }
    }

    /**
     * A consistent copy through SQLite's online backup API, while others keep writing: written beside the
     * target, checked with {@code PRAGMA integrity_check}, forced to disk and renamed into place, so a
     * backup file that exists is whole.
     */
    private static void backupTo(Connection source, Path target) {
        try {
            Path dir = target.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path tmp = dir.resolve(".part-" + target.getFileName() + ".tmp");
            Files.deleteIfExists(tmp);
            try (Statement st = source.createStatement()) {
                st.executeUpdate("backup to \"" + tmp.toAbsolutePath() + "\"");
            }
            checkIntegrity(tmp);
            try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(tmp,
                    java.nio.file.StandardOpenOption.WRITE)) {
                ch.force(true);
            }
            vn.hanoi.branch.files.DurableFiles.moveIntoPlace(tmp, target);
        } catch (SQLException | java.io.IOException e) {
            throw new IllegalStateException("backup to " + target + " failed: " + e.getMessage(), e);
        }
    }

    /**
     * Online backup of a database file another process may be serving (the {@code backup} command, the
     * scheduled backup): SQLite coordinates the two through its locks.
     */
    public static void backupFile(Path dbFile, Path target) {
        if (!Files.isRegularFile(dbFile)) {
            throw new IllegalStateException("no database at " + dbFile.toAbsolutePath());
        }
        try (Connection c = plainConnection(dbFile)) {
            backupTo(c, target);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot open " + dbFile + ": " + e.getMessage(), e);
        }
    }

    /** Folds the WAL into the main file (nobody else may be writing), so the file alone is complete. */
    public static void checkpoint(Path dbFile) {
        try (Connection c = plainConnection(dbFile); Statement st = c.createStatement()) {
            st.execute("PRAGMA wal_checkpoint(TRUNCATE)");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot checkpoint " + dbFile + ": " + e.getMessage(), e);
        }
    }

    private static Connection plainConnection(Path dbFile) throws SQLException {
        SQLiteConfig cfg = new SQLiteConfig();
        cfg.setBusyTimeout(10_000);
        SQLiteDataSource ds = new SQLiteDataSource(cfg);
        ds.setUrl("jdbc:sqlite:" + dbFile.toAbsolutePath());
        return ds.getConnection();
    }

    /** Reads another database file (a backup, the copy a restore kept aside), read-only. */
    public static <T> T readFile(Path dbFile, SqlWork<T> work) throws SQLException {
        SQLiteConfig cfg = new SQLiteConfig();
        cfg.setReadOnly(true);
        SQLiteDataSource ds = new SQLiteDataSource(cfg);
        ds.setUrl("jdbc:sqlite:" + dbFile.toAbsolutePath());
        try (Connection c = ds.getConnection()) {
            return work.run(c);
        }
    }

    /** Opens a database file read-only and runs SQLite's integrity check; throws when it is not "ok". */
    public static void checkIntegrity(Path dbFile) throws SQLException {
        SQLiteConfig cfg = new SQLiteConfig();
        cfg.setReadOnly(true);
        SQLiteDataSource ds = new SQLiteDataSource(cfg);
        ds.setUrl("jdbc:sqlite:" + dbFile.toAbsolutePath());
        try (Connection c = ds.getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("PRAGMA integrity_check")) {
            String verdict = rs.next() ? rs.getString(1) : "no answer";
            if (!"ok".equals(verdict)) {
                throw new SQLException("integrity check of " + dbFile + " failed: " + verdict);
            }
        }
    }

    /** True when Flyway's history says every shipped migration ran and none failed. */
    private boolean schemaIsCurrent() {
        try (Connection c = open(true);
             Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT max(CAST(version AS INTEGER)), min(success) "
                     + "FROM flyway_schema_history WHERE version IS NOT NULL")) {
            return rs.next() && rs.getInt(1) == SCHEMA_VERSION && rs.getInt(2) == 1;
        } catch (SQLException e) {
            return false; // a new file, or no history table yet: let Flyway decide
        }
    }

    /** Runs read-only work on a pooled connection. */
    public <T> T read(SqlWork<T> work) {
        Connection c;
        try {
            c = readers.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted waiting for a database connection", e);
        }
        try {
            return work.run(c);
        } catch (SQLException e) {
            throw new DatabaseException(e);
        } finally {
            readers.add(c);
        }
    }

    /**
     * Runs write work on the writer thread and waits until it is committed (durable on disk). An
     * exception thrown by the work is rethrown here unchanged (when unchecked) and nothing of the
     * work is kept. The wait is bounded: a full queue, a passed deadline, a lost writer or a full disk
     * throw {@link WriteRefused}, each saying whether anything may have been saved.
     */
    public <T> T write(WriteWork<T> work) {
        if (closing) {
            throw new DatabaseException(new SQLException("database is shutting down"));
        }
        if (watchdog.lost() != null) {
            throw refused(WriteRefused.Reason.WRITER_DOWN, null);
        }
        long started = System.nanoTime();
        Pending<T> p = new Pending<>(work);
        if (!queue.offer(p)) {
            throw refused(WriteRefused.Reason.BUSY, null);
        }
        try {
            T result = await(p);
            stats.record(System.nanoTime() - started);
            return result;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted waiting for a write", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof WriteRefused wr) {
                stats.refused(wr.reason());
                throw wr;
            }
            if (WriteRefused.isDiskFull(cause)) {
                throw refused(WriteRefused.Reason.DISK_FULL, cause);
            }
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            if (cause instanceof SQLException se) {
                throw new DatabaseException(se);
            }
            throw new IllegalStateException(cause);
        }
    }

    /** The result within the deadline; a unit not started by then is withdrawn (so surely not saved). */
    private <T> T await(Pending<T> p) throws InterruptedException, ExecutionException {
        try {
            return p.result.get(limits.deadline().toNanos(), TimeUnit.NANOSECONDS);
        } catch (java.util.concurrent.TimeoutException notYet) {
            if (p.withdraw()) {
                queue.remove(p); // its place is free for the next caller
                throw refused(WriteRefused.Reason.TIMEOUT, null);
            }
        }
        try {
            // running: its commit is under way, give it one more deadline
            return p.result.get(limits.deadline().toNanos(), TimeUnit.NANOSECONDS);
        } catch (java.util.concurrent.TimeoutException stillNot) {
            throw refused(WriteRefused.Reason.UNCERTAIN, null);
        }
    }

    private WriteRefused refused(WriteRefused.Reason reason, Throwable cause) {
        stats.refused(reason);
        return new WriteRefused(reason, cause);
    }

    /** Writes waiting for the writer now. */
    public int queueDepth() {
        return queue.size();
    }

    public WriteStats stats() {
        return stats;
    }

    /** Why the writer is lost (died or stuck), or null while it works: health is red while this is set. */
    public String writerLost() {
        return watchdog.lost();
    }

    /** Seconds the running batch has taken so far, 0 while the writer is idle. */
    public double writerBusySeconds() {
        return watchdog.busySeconds();
    }

    /**
     * Called once, from the watchdog's thread, when the writer is lost. The service exits then so that its
     * manager starts a fresh agent (see AgentMain); the database stays whole (WAL, synchronous=FULL).
     */
    public void onWriterLost(java.util.function.Consumer<String> listener) {
        watchdog.onLost(listener);
    }

    private void failQueued() {
        Pending<?> p;
        while ((p = queue.poll()) != null) {
            p.result.completeExceptionally(new WriteRefused(WriteRefused.Reason.WRITER_DOWN, null));
        }
    }

    private void writerLoop() {
        List<Pending<?>> batch = new ArrayList<>(MAX_BATCH);
        while (true) {
            try {
                Pending<?> first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    if (closing && queue.isEmpty()) {
                        return;
                    }
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, MAX_BATCH - 1);
                batch.removeIf(p -> !p.start()); // withdrawn by callers whose deadline passed
                if (!batch.isEmpty()) {
                    batchStartedNanos = System.nanoTime();
                    runBatch(batch);
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                LOG.error("writer loop failure", e);
            } catch (Error e) {
                // The thread ends here (the watchdog reports it); the batch's callers get an answer first.
                rollbackQuietly();
                for (Pending<?> p : batch) {
                    p.result.completeExceptionally(new WriteRefused(WriteRefused.Reason.WRITER_DOWN, e));
                }
                LOG.error("the database writer thread stops on an error", e);
                throw e;
            } finally {
                batchStartedNanos = 0;
                batch.clear();
            }
        }
    }

    private void runBatch(List<Pending<?>> batch) {
        List<Object> results = new ArrayList<>(batch.size());
        List<WriteTx> txs = new ArrayList<>(batch.size());
        try (Statement st = writer.createStatement()) {
            st.execute("BEGIN IMMEDIATE");
            for (Pending<?> p : batch) {
                WriteTx tx = new WriteTx(writer, clock.millis());
                st.execute("SAVEPOINT unit");
                try {
                    Object r = p.work.run(tx);
                    st.execute("RELEASE unit");
                    results.add(r);
                    txs.add(tx);
                } catch (Exception | LinkageError | StackOverflowError e) {
                    // Also errors of the work's own code: the waiting caller must get an answer, and the
                    // writer thread must live on for everyone else.
                    st.execute("ROLLBACK TO unit");
                    st.execute("RELEASE unit");
                    results.add(new Failed(e));
                    txs.add(null);
                }
            }
            st.execute("COMMIT");
        } catch (SQLException e) {
            rollbackQuietly();
            Throwable answer = WriteRefused.isDiskFull(e) ? new WriteRefused(WriteRefused.Reason.DISK_FULL, e) : e;
            if (answer instanceof WriteRefused) {
                LOG.error("database write refused, the disk is full: {}", e.getMessage());
            }
            for (Pending<?> p : batch) {
                p.result.completeExceptionally(answer);
            }
            return;
        }
        for (int i = 0; i < batch.size(); i++) {
            Object r = results.get(i);
            if (r instanceof Failed f) {
                batch.get(i).result.completeExceptionally(f.error);
            } else {
                for (Runnable action : txs.get(i).afterCommitActions()) {
                    try {
                        action.run();
                    } catch (RuntimeException e) {
                        LOG.error("after-commit action failed", e);
                    }
                }
                batch.get(i).complete(r);
            }
        }
    }

    private void rollbackQuietly() {
        try (Statement st = writer.createStatement()) {
            st.execute("ROLLBACK");
        } catch (SQLException ignored) {
            // no transaction open: nothing to undo
        }
    }

    /** Is the database answering? Used by the health endpoint. */
    public boolean healthy() {
        try {
            return read(c -> {
                try (Statement st = c.createStatement()) {
                    return st.executeQuery("SELECT 1").next();
                }
            });
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** Finishes queued writes, checkpoints the WAL and closes every connection. */
    @Override
    public void close() {
        closing = true;
        watchdog.stop();
        try {
            writerThread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try (Statement st = writer.createStatement()) {
            st.execute("PRAGMA wal_checkpoint(TRUNCATE)");
        } catch (SQLException e) {
            LOG.warn("WAL checkpoint at shutdown failed: {}", e.getMessage());
        }
        closeQuietly(writer);
        Connection c;
        while ((c = readers.poll()) != null) {
            closeQuietly(c);
        }
    }

    private static void closeQuietly(Connection c) {
        try {
            c.close();
        } catch (SQLException ignored) {
            // closing anyway
        }
    }

    private record Failed(Throwable error) {
    }
}
