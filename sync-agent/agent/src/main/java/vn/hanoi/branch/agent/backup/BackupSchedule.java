package vn.hanoi.branch.agent.backup;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.hanoi.branch.api.BackupHealth;

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
    private volatile TestRestore.Result lastTestRestore;

    public BackupSchedule(Backups backups, Duration interval, Clock clock) {
        this.backups = backups;
        this.interval = interval;
        this.clock = clock;
    }

    public void start() {
        if (backups.onDataDisk()) {
            LOG.warn("backups in {} are on the same disk as the database: one disk failure loses both; set backup.dir "
                    + "to another disk", backups.dir().toAbsolutePath());
        }
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
            lastTestRestore = TestRestore.run(r.database(), backups.contentMirror(), clock);
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

    /** Backups for the health page, with what IT should do when they are not a safe second copy. */
    public BackupHealth health() {
        TestRestore.Result t = lastTestRestore;
        boolean sameDisk = backups.onDataDisk();
        String vi = null;
        String en = null;
        if (lastError != null) {
            vi = "Sao lưu không thành công: " + lastError + ". Kiểm tra ổ đĩa sao lưu.";
            en = "The last backup failed: " + lastError + ". Check the backup disk.";
        } else if (t != null && !t.ok()) {
            vi = "Thử khôi phục bản sao lưu không thành công: " + t.detail() + ". Sao lưu ngay và kiểm tra ổ đĩa.";
            en = "The trial restore of the newest backup failed: " + t.detail() + ". Back up now and check the disk.";
        } else if (sameDisk) {
            vi = "Bản sao lưu nằm trên cùng ổ đĩa với dữ liệu: hỏng ổ là mất cả hai. Đặt backup.dir sang ổ khác.";
            en = "Backups are on the same disk as the data: one disk failure loses both. Set backup.dir to another disk.";
        }
        return new BackupHealth(newest().orElse(null), lastError, sameDisk, t == null ? null : t.at(), t != null && t.ok(),
                t == null ? null : t.detail(), vi, en);
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
