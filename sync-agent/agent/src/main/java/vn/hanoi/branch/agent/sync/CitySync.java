package vn.hanoi.branch.agent.sync;

import java.io.IOException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.hanoi.branch.agent.db.Database;
import vn.hanoi.branch.api.SyncStatus;
import vn.hanoi.branch.retry.Backoff;

/**
 * The sync worker: one thread that, round after round, sends the outbox in id order (one batch at a time,
 * the next only after the city acknowledged the last, so the city receives in order), uploads queued
 * documents, pulls the city's streams from their cursors, and runs retention. A failure anywhere ends the
 * round and the worker waits with exponential backoff and jitter; nothing is marked sent until the city
 * said so, and nothing is applied twice (see {@link Inbox}), so a kill at any point loses and duplicates
 * nothing.
 */
public final class CitySync implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(CitySync.class);

    /** Settings (config keys {@code city.*}, {@code sync.*}). */
    public record Settings(int batchSize, Duration interval, Duration backoffBase, Duration backoffMax, int pullLimit,
                           Duration retentionEvery, int alertAfterMinutes) {
    }

    private final Database db;
    private final CityClient city;
    private final Inbox inbox;
    private final DocumentUploader uploader;
    private final Retention retention;
    private final Settings settings;
    private final Clock clock;
    private final Backoff backoff;
    private final Semaphore wake = new Semaphore(0);
    private final Thread thread;
    private volatile boolean closed;
    private long lastRetention = Long.MIN_VALUE;
    private boolean alerting;

    public CitySync(Database db, CityClient city, Inbox inbox, DocumentUploader uploader, Retention retention,
                    Settings settings, Clock clock) {
        this.db = db;
        this.city = city;
        this.inbox = inbox;
        this.uploader = uploader;
        this.retention = retention;
        this.settings = settings;
        this.clock = clock;
        this.backoff = Backoff.doublingWithFullJitter(settings.backoffBase(), settings.backoffMax());
        this.thread = new Thread(this::loop, "city-sync");
        this.thread.setDaemon(true);
    }

    public static CitySync create(Database db, CityClient city, Inbox inbox, vn.hanoi.branch.agent.content.ContentStore store,
                                  int chunkBytes, int maxKbps, Retention retention, Settings settings, Clock clock) {
        return new CitySync(db, city, inbox, new DocumentUploader(db, store, city, chunkBytes, new BandwidthCap(maxKbps)),
                retention, settings, clock);
    }

    public CitySync start() {
        thread.start();
        return this;
    }

    /** Ends the current wait (a change was queued); the worker picks it up at once. */
    public void nudge() {
        wake.release();
    }

    private void loop() {
        while (!closed) {
            try {
                watchBacklog();
                boolean more = round();
                recordSuccess();
                backoff.reset();
                if (!more) {
                    wake.tryAcquire(settings.interval().toMillis(), TimeUnit.MILLISECONDS);
                    wake.drainPermits();
                }
            } catch (InterruptedException e) {
                return;
            } catch (Exception e) {
                if (closed) {
                    return;
                }
                recordError(e);
                if (e instanceof CityException ce && ce.permanent()) {
                    // Sending the same again will not help; it stays queued (nothing is dropped) until IT looks.
                    LOG.error("city sync: the city refuses what is next in line ({}); it stays queued, see the contract",
                            describe(e));
                }
                Duration wait = backoff.next();
                LOG.warn("city sync: {} (failure {} in a row, next try in {} ms)", describe(e), backoff.failures(), wait.toMillis());
                try {
                    Thread.sleep(wait.toMillis());
                } catch (InterruptedException ie) {
                    return;
                }
            }
        }
    }

    /** One round; true when work is left (a full batch went, so more may wait). */
    boolean round() throws IOException, InterruptedException {
        retentionIfDue();
        boolean more = sendBatch();
        if (more) {
            return true;
        }
        // Pulls before documents: a document that cannot go (a file lost from disk) must not keep the city's
        // status updates and bookings from the branch.
        for (String stream : List.of("catalog", "bookings", "dossier-status", "holidays", "branch-config")) {
            pull(stream);
        }
        return uploader.uploadNext();
    }

    private boolean sendBatch() throws IOException {
        List<Outbox.Entry> batch = Outbox.unsent(db, settings.batchSize());
        if (batch.isEmpty()) {
            return false;
        }
        List<Long> ids = batch.stream().map(Outbox.Entry::id).toList();
        try {
            city.postEvents(batch);
        } catch (IOException e) {
            db.write(tx -> {
                Outbox.markFailed(tx, ids, describe(e));
                return null;
            });
            throw e;
        }
        db.write(tx -> {
            Outbox.markSent(tx, ids);
            return null;
        });
        return batch.size() == settings.batchSize();
    }

    private void pull(String stream) throws IOException {
        String cursor = inbox.cursor(stream).orElse(null);
        while (!closed) {
            CityClient.Page page = city.pull(stream, cursor, settings.pullLimit());
            if (page.items().isEmpty() && java.util.Objects.equals(page.nextCursor(), cursor)) {
                return;
            }
            inbox.apply(stream, page.items(), page.nextCursor());
            if (page.items().isEmpty() || java.util.Objects.equals(page.nextCursor(), cursor)) {
                return;
            }
            cursor = page.nextCursor();
        }
    }

    /** One warning in the log when unsent data gets older than the alert threshold, one when it is sent. */
    private void watchBacklog() {
        try {
            SyncStatus s = status(db, true, clock.instant(), settings.alertAfterMinutes());
            if (s.alert() && !alerting) {
                LOG.warn("city sync ALERT: {} entries waiting, the oldest for {} min (threshold {} min); last error: {}",
                        s.backlog(), s.oldestUnsentAgeSeconds() / 60, settings.alertAfterMinutes(), s.lastError());
            } else if (!s.alert() && alerting) {
                LOG.info("city sync alert cleared: {} entries waiting", s.backlog());
            }
            alerting = s.alert();
        } catch (RuntimeException e) {
            LOG.warn("city sync: cannot read the backlog: {}", e.getMessage());
        }
    }

    private void retentionIfDue() {
        long now = clock.millis();
        if (retention != null && now - lastRetention >= settings.retentionEvery().toMillis()) {
            lastRetention = now;
            retention.run();
        }
    }

    private void recordSuccess() {
        db.write(tx -> {
            try (PreparedStatement ps = tx.connection().prepareStatement("UPDATE sync_health SET last_success_at = ? WHERE id = 1")) {
                ps.setLong(1, tx.now());
                ps.executeUpdate();
            }
            return null;
        });
    }

    private void recordError(Exception e) {
        try {
            db.write(tx -> {
                try (PreparedStatement ps = tx.connection().prepareStatement(
                        "UPDATE sync_health SET last_error_at = ?, last_error = ? WHERE id = 1")) {
                    ps.setLong(1, tx.now());
                    ps.setString(2, describe(e));
                    ps.executeUpdate();
                }
                return null;
            });
        } catch (RuntimeException dbDown) {
            LOG.error("city sync: cannot record an error: {}", dbDown.getMessage());
        }
    }

    /** An error for IT: its kind and message, which never hold personal data (ids and codes only). */
    static String describe(Exception e) {
        String m = e.getMessage();
        String s = e.getClass().getSimpleName() + (m == null ? "" : ": " + m);
        return s.length() > 300 ? s.substring(0, 300) : s;
    }

    /** The figures IT and the supervisor see. */
    public static SyncStatus status(Database db, boolean configured, Instant now, int alertAfterMinutes) {
        Outbox.Backlog b = Outbox.backlog(db);
        return db.read(c -> {
            long docs;
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT count(*) FROM content_file WHERE city_confirmed_at IS NULL AND deleted_at IS NULL");
                 ResultSet rs = ps.executeQuery()) {
                rs.next();
                docs = rs.getLong(1);
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT last_success_at, last_error_at, last_error FROM sync_health");
                 ResultSet rs = ps.executeQuery()) {
                rs.next();
                Instant ok = instant(rs, 1);
                Instant errAt = instant(rs, 2);
                Instant oldest = b.oldestCreatedAt() == null ? null : Instant.ofEpochMilli(b.oldestCreatedAt());
                Long age = oldest == null ? null : Math.max(0, Duration.between(oldest, now).toSeconds());
                boolean alert = configured && age != null && age > alertAfterMinutes * 60L;
                return new SyncStatus(configured, b.size(), oldest, age, docs, ok, errAt, rs.getString(3), alert,
                        alertAfterMinutes);
            }
        });
    }

    private static Instant instant(ResultSet rs, int col) throws java.sql.SQLException {
        long v = rs.getLong(col);
        return rs.wasNull() ? null : Instant.ofEpochMilli(v);
    }

    @Override
    public void close() {
        closed = true;
        thread.interrupt();
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
