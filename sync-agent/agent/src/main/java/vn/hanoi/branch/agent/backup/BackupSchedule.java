package vn.hanoi.branch.agent.backup;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Takes a backup when the newest one is older than the interval. Checked every few minutes rather than
 * at a fixed hour: branch PCs are often switched off at night, and a missed night is caught up soon
 * after the next start.
 */
public final class BackupSchedule implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(BackupSchedule.class);
    static final Duration FIRST_CHECK = Duration.ofMinutes(5);
    static final Duration CHECK_EVERY = Duration.ofMinutes(10);

    private final Backups backups;
    private final Duration interval;
    private final Clock clock;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "backup");
        t.setDaemon(true);
        return t;
    });
    private volatile String lastError;

    public BackupSchedule(Backups backups, Duration interval, Clock clock) {
        this.backups = backups;
        this.interval = interval;
        this.clock = clock;
    }

    public void start() {
        if (interval.isZero() || interval.isNegative()) {
            LOG.info("scheduled backups are off (backup.interval.hours = 0)");
            return;
        }
        timer.scheduleWithFixedDelay(this::runIfDue, FIRST_CHECK.toSeconds(), CHECK_EVERY.toSeconds(), TimeUnit.SECONDS);
    }

    /** Runs a backup when none is recent enough; returns it when one was taken. */
    public synchronized Optional<Backups.Result> runIfDue() {
        Instant now = clock.instant();
        try {
            Optional<Instant> newest = backups.newest();
            if (newest.isPresent() && newest.get().plus(interval).isAfter(now)) {
                return Optional.empty();
            }
            Backups.Result r = backups.run(now);
            lastError = null;
            return Optional.of(r);
        } catch (RuntimeException e) {
            // a full disk must not stop the branch: the health page shows it and the next check retries
            lastError = e.getMessage();
            LOG.error("backup failed: {}", e.getMessage());
            return Optional.empty();
        }
    }

    public Backups backups() {
        return backups;
    }

    /** The newest backup on disk, for the health page. */
    public Optional<Instant> newest() {
        return backups.newest();
    }

    public Optional<String> lastError() {
        return Optional.ofNullable(lastError);
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
