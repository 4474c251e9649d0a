package vn.hanoi.branch.agent.db;

import java.time.Duration;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches the single writer thread: once it has died (an {@code Error} such as OutOfMemoryError ends it) or
 * has been inside one batch longer than {@code stuckAfter} (a hung disk), the writer is declared lost: the
 * health turns red, queued and new writes are refused at once, and the listener (the service's entry point:
 * exit for the service manager to restart the agent) is told. Checks four times a second.
 */
final class WriterWatchdog {
    private static final Logger LOG = LoggerFactory.getLogger(WriterWatchdog.class);
    private static final long TICK_MS = 250;

    private final Thread writer;
    private final LongSupplier batchStartedNanos;
    private final Duration stuckAfter;
    private final Runnable failQueued;
    private final Thread thread;
    private volatile String lost;
    private volatile Consumer<String> listener = reason -> { };
    private volatile boolean stopped;

    /** @param batchStartedNanos {@link System#nanoTime} when the running batch began, 0 while idle */
    WriterWatchdog(Thread writer, LongSupplier batchStartedNanos, Duration stuckAfter, Runnable failQueued) {
        this.writer = writer;
        this.batchStartedNanos = batchStartedNanos;
        this.stuckAfter = stuckAfter;
        this.failQueued = failQueued;
        this.thread = new Thread(this::run, "db-watchdog");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    /** Why the writer is lost, or null while it works. */
    String lost() {
        return lost;
    }

    /** Seconds the running batch has taken so far (0 while idle): the "stuck" figure for health and metrics. */
    double busySeconds() {
        long started = batchStartedNanos.getAsLong();
        return started == 0 ? 0 : (System.nanoTime() - started) / 1e9;
    }

    void onLost(Consumer<String> l) {
        this.listener = l;
        if (lost != null) {
            l.accept(lost);
        }
    }

    void stop() {
        stopped = true;
        thread.interrupt();
    }

    private void run() {
        while (!stopped && lost == null) {
            try {
                Thread.sleep(TICK_MS);
            } catch (InterruptedException e) {
                return;
            }
            if (stopped) {
                return;
            }
            if (!writer.isAlive()) {
                declareLost("the database writer thread died");
            } else if (busySeconds() > stuckAfter.toSeconds()) {
                declareLost("the database writer has been stuck in one commit for over " + stuckAfter.toSeconds() + " s");
            }
        }
    }

    private void declareLost(String reason) {
        lost = reason;
        LOG.error("{}: writes are refused until the agent restarts", reason);
        failQueued.run();
        listener.accept(reason);
    }
}
