package vn.hanoi.branch.agent.retention;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.hanoi.branch.agent.sync.Retention;

/**
 * Runs personal-data retention and pruning every {@code retention.check.minutes}, first a minute after start,
 * on its own thread: a branch without a city link (or with a link that is down for weeks) is kept within its
 * horizons all the same.
 */
public final class RetentionSchedule implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RetentionSchedule.class);

    private final Retention retention;
    private final Pruning pruning;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "retention");
        t.setDaemon(true);
        return t;
    });

    public RetentionSchedule(Retention retention, Pruning pruning) {
        this.retention = retention;
        this.pruning = pruning;
    }

    public RetentionSchedule start(Duration every) {
        timer.scheduleWithFixedDelay(this::runQuietly, Math.min(60_000, every.toMillis()), every.toMillis(),
                TimeUnit.MILLISECONDS);
        return this;
    }

    /** One run now: retention, then pruning (tests and the benchmark call it with a simulated clock). */
    public void run() {
        retention.run();
        pruning.run();
    }

    private void runQuietly() {
        try {
            run();
        } catch (RuntimeException e) {
            // a busy or full disk: the next period tries again
            LOG.warn("retention run failed, retried in the next period: {}", e.getMessage());
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
