package vn.hanoi.branch.retry;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How long to wait before trying again: the wait doubles with every failure in a row, from {@code first}
 * up to {@code max}. The one retry policy of the branch system (city sync, event stream reconnect, the
 * counter's rating resend); each caller picks its own numbers.
 *
 * <p>With full jitter the wait is a random time in [0, that doubled wait], so thirty branches whose link
 * came back at once do not knock on the city together. Not thread-safe: one instance per retry loop.
 */
public final class Backoff {
    private final long firstMs;
    private final long maxMs;
    private final boolean jitter;
    private int failures;

    private Backoff(Duration first, Duration max, boolean jitter) {
        this.firstMs = Math.max(1, Objects.requireNonNull(first).toMillis());
        this.maxMs = Math.max(firstMs, Objects.requireNonNull(max).toMillis());
        this.jitter = jitter;
    }

    /** first, 2·first, 4·first, … capped at max. */
    public static Backoff doubling(Duration first, Duration max) {
        return new Backoff(first, max, false);
    }

    /** A random wait in [0, min(max, first·2ⁿ)] after the n-th failure in a row (n from 0). */
    public static Backoff doublingWithFullJitter(Duration first, Duration max) {
        return new Backoff(first, max, true);
    }

    /** The wait after one more failure. */
    public Duration next() {
        failures++;
        return afterFailures(failures);
    }

    /** The wait after {@code n} failures in a row (n from 1), for retries whose count is kept elsewhere (a table row). */
    public Duration afterFailures(int n) {
        long cap = Math.min(maxMs, firstMs << Math.min(Math.max(0, n - 1), 30));
        return Duration.ofMillis(jitter ? ThreadLocalRandom.current().nextLong(cap + 1) : cap);
    }

    /** After a success: the next failure waits {@code first} again. */
    public void reset() {
        failures = 0;
    }

    /** Failures in a row since the start or the last {@link #reset()}. */
    public int failures() {
        return failures;
    }
}
