package vn.hanoi.branch.agent.sync;

/**
 * A token bucket on upload bytes ({@code city.upload.max.kbps}), so a large scan going to the city leaves
 * the branch's uplink to the counters' and kiosks' own traffic. Holds at most one second of credit, so a
 * quiet minute does not turn into a burst. 0 = no cap.
 */
public final class BandwidthCap {
    private final long bytesPerSecond;
    private double tokens;
    private long last = System.nanoTime();

    public BandwidthCap(int kbps) {
        this.bytesPerSecond = kbps <= 0 ? 0 : kbps * 1000L / 8;
        this.tokens = bytesPerSecond;
    }

    /** Blocks until {@code bytes} may be sent. */
    public synchronized void acquire(long bytes) throws InterruptedException {
        if (bytesPerSecond == 0) {
            return;
        }
        refill();
        tokens -= bytes; // may go negative: a chunk larger than the bucket waits for its full share
        if (tokens < 0) {
            long waitNanos = (long) (-tokens * 1e9 / bytesPerSecond);
            Thread.sleep(waitNanos / 1_000_000, (int) (waitNanos % 1_000_000));
            refill();
        }
    }

    private void refill() {
        long now = System.nanoTime();
        tokens = Math.min(bytesPerSecond, tokens + (now - last) * bytesPerSecond / 1e9);
        last = now;
    }
}
