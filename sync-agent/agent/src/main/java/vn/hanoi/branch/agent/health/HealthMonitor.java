package vn.hanoi.branch.agent.health;

import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.hanoi.branch.agent.db.Database;
import vn.hanoi.branch.api.Health;

/**
 * What the health endpoint reports about the write path and the disk, checked on a period
 * ({@code health.probe.seconds}) rather than per request, so the public endpoint stays a memory read: a write
 * probe (one small upsert through the single writer, committed and fsynced like every write) and the free
 * space of the data folders. A writer the watchdog declared lost counts at once.
 */
public final class HealthMonitor implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(HealthMonitor.class);

    /** The last check: probe outcome and time, free space. */
    public record Snapshot(boolean writeOk, double writeSeconds, String writeError, long diskFreeBytes, long checkedAt) {
    }

    private final Database db;
    private final DiskSpace disk;
    private final ScheduledExecutorService timer;
    private volatile Snapshot last;
    private volatile boolean diskWasLow;

    public HealthMonitor(Database db, DiskSpace disk, Duration period) {
        this.db = db;
        this.disk = disk;
        this.last = new Snapshot(true, 0, null, disk.freeBytes(), System.currentTimeMillis());
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "health-probe");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleWithFixedDelay(this::check, 0, period.toMillis(), TimeUnit.MILLISECONDS);
    }

    public Snapshot last() {
        return last;
    }

    public DiskSpace disk() {
        return disk;
    }

    /** Runs the checks now (the timer does this on its period). */
    public Snapshot check() {
        long t0 = System.nanoTime();
        boolean ok = true;
        String error = null;
        try {
            db.write(tx -> {
                try (PreparedStatement ps = tx.connection().prepareStatement("INSERT INTO setting (key, value) "
                        + "VALUES ('health.write.probe', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value")) {
                    ps.setString(1, Long.toString(tx.now()));
                    ps.executeUpdate();
                }
                return null;
            });
        } catch (RuntimeException e) {
            ok = false;
            error = e.getMessage();
        }
        long free = disk.freeBytes();
        Snapshot s = new Snapshot(ok, (System.nanoTime() - t0) / 1e9, error, free, System.currentTimeMillis());
        logChanges(s);
        last = s;
        return s;
    }

    private void logChanges(Snapshot s) {
        if (!s.writeOk() && last.writeOk()) {
            LOG.error("health: the write probe failed: {}", s.writeError());
        } else if (s.writeOk() && !last.writeOk()) {
            LOG.info("health: the write probe succeeds again");
        }
        boolean low = disk.belowFloor(s.diskFreeBytes());
        if (low && !diskWasLow) {
            LOG.warn("health: {} MB free on the data disk, below the floor of {} MB (disk.free.floor.mb): new documents are"
                    + " refused, tickets go on; free space or add a disk", s.diskFreeBytes() >> 20, disk.floorBytes() >> 20);
        } else if (!low && diskWasLow) {
            LOG.info("health: {} MB free on the data disk again: documents are accepted", s.diskFreeBytes() >> 20);
        }
        diskWasLow = low;
    }

    /** What IT must know now; empty when all is well. The first three make health red (503). */
    public List<Health.Problem> problems() {
        List<Health.Problem> out = new ArrayList<>();
        String lost = db.writerLost();
        if (lost != null) {
            out.add(new Health.Problem("writer_lost", "Bộ ghi cơ sở dữ liệu đã dừng; dịch vụ sẽ tự khởi động lại.",
                    lost + "; the service restarts itself"));
        }
        Snapshot s = last;
        if (!s.writeOk()) {
            out.add(new Health.Problem("write_probe_failed", "Không ghi được vào cơ sở dữ liệu chi nhánh.",
                    "The database write probe failed: " + s.writeError()));
        }
        if (disk.belowFloor(s.diskFreeBytes())) {
            out.add(new Health.Problem("disk_low", "Ổ đĩa dữ liệu còn " + (s.diskFreeBytes() >> 20)
                    + " MB, dưới mức tối thiểu " + (disk.floorBytes() >> 20) + " MB: tạm ngừng nhận tài liệu quét, vẫn cấp số.",
                    (s.diskFreeBytes() >> 20) + " MB free on the data disk, below the floor of " + (disk.floorBytes() >> 20)
                            + " MB: scanned documents are refused, tickets go on. Free space or add a disk."));
        }
        return out;
    }

    /** Red: writes do not work (writer lost or the probe failed). */
    public boolean red() {
        return db.writerLost() != null || !last.writeOk();
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
