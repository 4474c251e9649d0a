package vn.hanoi.branch.agent.sync;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Exponential backoff with full jitter: after the n-th failure in a row wait a random time in
 * [0, min(max, base·2ⁿ)], so thirty branches whose link came back at once do not knock on the city together.
 */
final class Backoff {
    private final long baseMs;
    private final long maxMs;
    private int failures;

    Backoff(Duration base, Duration max) {
        this.baseMs = Math.max(1, base.toMillis());
        this.maxMs = Math.max(baseMs, max.toMillis());
    }

    /** The wait after one more failure. */
    Duration next() {
        long cap = Math.min(maxMs, baseMs << Math.min(failures, 30));
        failures++;
        return Duration.ofMillis(ThreadLocalRandom.current().nextLong(cap + 1));
    }

    void reset() {
        failures = 0;
    }

    int failures() {
        return failures;
    }
}
