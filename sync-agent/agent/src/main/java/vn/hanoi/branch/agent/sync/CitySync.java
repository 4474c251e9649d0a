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
import vn.hanoi.branch.agent.backup.LostWork;
import vn.hanoi.branch.agent.backup.RestoreEpoch;
import vn.hanoi.branch.agent.db.Database;
import vn.hanoi.branch.api.SyncStatus;
import vn.hanoi.branch.retry.Backoff;

/**
 * The sync worker: one thread that, round after round, sends the outbox in id order (one batch at a time,
 * the next only after the city acknowledged the last, so the city receives in order), uploads queued
 * documents and pulls the city's streams from their cursors (retention runs on its own schedule). A failure anywhere ends the
 * round and the worker waits with exponential backoff and jitter; nothing is marked sent until the city
 * said so, and nothing is applied twice (see {@link Inbox}), so a kill at any point loses and duplicates
 * nothing.
 */
public final class CitySync implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(CitySync.class);

    /** Settings (config keys {@code city.*}, {@code sync.*}). */
    public record Settings(int batchSize, Duration interval, Duration backoffBase, Duration backoffMax, int pullLimit,
                           int alertAfterMinutes) {
    }

    private final Database db;
    private final CityClient city;
    private final Inbox inbox;
    private final DocumentUploader uploader;
    private final Settings settings;
    private final Clock clock;
    private final Backoff backoff;
    /** Events still to send one at a time, after the city refused a batch for good: finds the one it refuses. */
    private int isolating;
    private final Semaphore wake = new Semaphore(0);
    private final Thread thread;
    private volatile boolean closed;
    private boolean alerting;

    public CitySync(Database db, CityClient city, Inbox inbox, DocumentUploader uploader, Settings settings, Clock clock) {
        this.db = db;
        this.city = city;
        this.inbox = inbox;
        this.uploader = uploader;
        this.settings = settings;
        this.clock = clock;
        this.backoff = Backoff.doublingWithFullJitter(settings.backoffBase(), settings.backoffMax());
        this.thread = new Thread(this::loop, "city-sync");
        this.thread.setDaemon(true);
    }

    public static CitySync create(Database db, CityClient city, Inbox inbox, vn.hanoi.branch.agent.content.ContentStore store,
                                  int chunkBytes, int maxKbps, Settings settings, Clock clock) {
        return new CitySync(db, city, inbox, new DocumentUploader(db, store, city, chunkBytes, new BandwidthCap(maxKbps)),
                settings, clock);
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
        askCityAfterRestore();
        boolean more = sendBatch();
        if (more) {
            return true;
        }
        // Pulls before documents: a document that cannot go (a file lost from disk) must not keep the city's
        // status updates and bookings from the branch.
        for (String stream : List.of("catalog", "bookings", "dossier-status", "holidays", "branch-config")) {
            pull(stream);
        }
        inbox.retryDue(clock.millis());
        return uploader.uploadNext();
    }

    /**
     * Sends the next batch. The city acknowledges through a sequence: only what it acknowledged is marked
     * sent. A batch refused for good is sent again one event at a time, so the one event the city refuses
     * is parked as a dead letter (with the city's reason) and the others go on.
     */
    private boolean sendBatch() throws IOException {
        List<Outbox.Entry> batch = Outbox.unsent(db, isolating > 0 ? 1 : settings.batchSize());
        if (batch.isEmpty()) {
            isolating = 0;
            return false;
        }
        List<Long> ids = batch.stream().map(Outbox.Entry::id).toList();
        CityClient.EventAck ack;
        try {
            ack = city.postEvents(batch);
        } catch (CityException e) {
            if (!e.permanent()) {
                failed(ids, e);
                throw e;
            }
            if (batch.size() == 1) {
                db.write(tx -> {
                    DeadLetters.parkOutbound(tx, batch.get(0), describe(e));
                    return null;
                });
                isolating = Math.max(0, isolating - 1);
            } else {
                failed(ids, e);
                isolating = batch.size();
            }
            return true;
        } catch (IOException e) {
            failed(ids, e);
            throw e;
        }
        List<Long> acked = ids.stream().filter(id -> id <= ack.ackedThrough()).toList();
        db.write(tx -> {
            Outbox.markSent(tx, acked);
            return null;
        });
        if (acked.size() < ids.size()) {
            throw new IOException("the city acknowledged only through " + ack.ackedThrough() + " of a batch up to "
                    + ids.get(ids.size() - 1));
        }
        isolating = Math.max(0, isolating - batch.size());
        return isolating > 0 || batch.size() == settings.batchSize();
    }

    private void failed(List<Long> ids, Exception e) {
        db.write(tx -> {
            Outbox.markFailed(tx, ids, describe(e));
            return null;
        });
    }

    /**
     * After a restore, before anything new goes: asks the city what it holds beyond the backup (the events
     * the branch lost), so numbering continues above it and the operator learns what was lost.
     */
    private void askCityAfterRestore() throws IOException {
        var check = RestoreEpoch.awaitingCity(db);
        if (check.isEmpty()) {
            return;
        }
        List<LostWork.Event> held = new java.util.ArrayList<>();
        long after = check.get().afterSequence();
        while (!closed) {
            List<LostWork.Event> page = city.eventsAfter(after, 500);
            page.stream().filter(e -> e.sequence() < check.get().beforeSequence()).forEach(held::add);
            if (page.size() < 500 || page.get(page.size() - 1).sequence() >= check.get().beforeSequence()) {
                break;
            }
            after = page.get(page.size() - 1).sequence();
        }
        RestoreEpoch.recordCity(db, check.get(), LostWork.of(held));
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
            long deadLetters;
            try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM sync_failure WHERE parked_at IS NOT NULL");
                 ResultSet rs = ps.executeQuery()) {
                rs.next();
                deadLetters = rs.getLong(1);
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
                        alertAfterMinutes, deadLetters);
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
