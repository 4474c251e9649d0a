package vn.hanoi.branch.agent.db;

import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;

/**
 * How long callers wait for their writes (queue plus commit), as a cumulative histogram: what the metrics
 * endpoint exposes, and cheap enough to record on every write.
 */
public final class WriteStats {
    /** Upper bounds of the buckets, seconds (the last bucket, +Inf, is the count). */
    public static final double[] BOUNDS = {0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10};

    private final AtomicLongArray buckets = new AtomicLongArray(BOUNDS.length);
    private final LongAdder count = new LongAdder();
    private final LongAdder sumNanos = new LongAdder();
    private final java.util.EnumMap<WriteRefused.Reason, LongAdder> refused = new java.util.EnumMap<>(WriteRefused.Reason.class);

    WriteStats() {
        for (WriteRefused.Reason r : WriteRefused.Reason.values()) {
            refused.put(r, new LongAdder());
        }
    }

    void record(long nanos) {
        double s = nanos / 1e9;
        for (int i = 0; i < BOUNDS.length; i++) {
            if (s <= BOUNDS[i]) {
                buckets.incrementAndGet(i);
            }
        }
        count.increment();
        sumNanos.add(nanos);
    }

    void refused(WriteRefused.Reason reason) {
        refused.get(reason).increment();
    }

    /** Writes that finished within {@code BOUNDS[i]} seconds (cumulative). */
    public long bucket(int i) {
        return buckets.get(i);
    }

    public long count() {
        return count.sum();
    }

    public double sumSeconds() {
        return sumNanos.sum() / 1e9;
    }

    public long refusedCount(WriteRefused.Reason reason) {
        return refused.get(reason).sum();
    }
}
