package vn.hanoi.branch.agent.db;

import vn.hanoi.branch.files.DurableFiles;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
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
 */
public final class Database implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Database.class);
    private static final int MAX_BATCH = 256;
    private static final int READERS = 4;

    private final Path file;
    private final Clock clock;
    private final Path preMigrationBackups;
    private final Connection writer;
    private final BlockingQueue<Connection> readers = new ArrayBlockingQueue<>(READERS);
    private final BlockingQueue<Pending<?>> queue = new LinkedBlockingQueue<>();
    private final Thread writerThread;
    private volatile boolean closing;

    private Database(Path file, Clock clock, Path preMigrationBackups) throws SQLException {
        this.file = file;
        this.clock = clock;
        this.preMigrationBackups = preMigrationBackups;
        this.writer = open(false);
        migrate();
        for (int i = 0; i < READERS; i++) {
            readers.add(open(true));
        }
        this.writerThread = new Thread(this::writerLoop, "db-writer");
        this.writerThread.setDaemon(true);
        this.writerThread.start();
    }

    /** Opens (creating if needed) the database file and applies pending schema migrations. */
    public static Database open(Path file, Clock clock) {
        return open(file, clock, null);
    }

    /**
     * As {@link #open(Path, Clock)}; before migrating an existing database to a newer schema (an update),
     * a copy of it is written to {@code preMigrationBackups} so the update can be rolled back.
     */
    public static Database open(Path file, Clock clock, Path preMigrationBackups) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            return new Database(file, clock, preMigrationBackups);
        } catch (SQLException | java.io.IOException e) {
            throw new IllegalStateException("cannot open database " + file + ": " + e.getMessage(), e);
        }
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
    static final int SCHEMA_VERSION = 11;

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
     * work is kept.
     */
    public <T> T write(WriteWork<T> work) {
        if (closing) {
            throw new DatabaseException(new SQLException("database is shutting down"));
        }
        Pending<T> p = new Pending<>(work);
        queue.add(p);
        try {
            return p.result.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted waiting for a write", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            if (cause instanceof SQLException se) {
                throw new DatabaseException(se);
            }
            throw new IllegalStateException(cause);
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
                runBatch(batch);
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                LOG.error("writer loop failure", e);
            } finally {
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
            for (Pending<?> p : batch) {
                p.result.completeExceptionally(e);
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

    private static final class Pending<T> {
        final WriteWork<T> work;
        final CompletableFuture<T> result = new CompletableFuture<>();

        Pending(WriteWork<T> work) {
            this.work = work;
        }

        @SuppressWarnings("unchecked")
        void complete(Object r) {
            result.complete((T) r);
        }
    }
}
