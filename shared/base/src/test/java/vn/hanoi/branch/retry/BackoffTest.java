package vn.hanoi.branch.retry;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BackoffTest {

    @Test
    void doublesFromFirstUpToMax() {
        Backoff b = Backoff.doubling(Duration.ofMillis(200), Duration.ofSeconds(5));
        List<Long> waits = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            waits.add(b.next().toMillis());
        }
        assertThat(waits).containsExactly(200L, 400L, 800L, 1600L, 3200L, 5000L, 5000L, 5000L);
        assertThat(b.failures()).isEqualTo(8);
    }

    @Test
    void resetStartsOverAtFirst() {
        Backoff b = Backoff.doubling(Duration.ofSeconds(2), Duration.ofSeconds(60));
        b.next();
        b.next();
        b.reset();
        assertThat(b.failures()).isZero();
        assertThat(b.next()).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void fullJitterStaysWithinTheDoubledWait() {
        Backoff b = Backoff.doublingWithFullJitter(Duration.ofMillis(500), Duration.ofSeconds(60));
        for (int n = 0; n < 40; n++) {
            long cap = Math.min(60_000, 500L << Math.min(n, 30));
            assertThat(b.next().toMillis()).isBetween(0L, cap);
        }
    }

    @Test
    void manyFailuresDoNotOverflow() {
        Backoff b = Backoff.doubling(Duration.ofMillis(1), Duration.ofHours(1));
        for (int n = 0; n < 100; n++) {
            assertThat(b.next()).isPositive().isLessThanOrEqualTo(Duration.ofHours(1));
        }
    }

    @Test
    void aZeroFirstWaitStillWaitsAMillisecond() {
        assertThat(Backoff.doubling(Duration.ZERO, Duration.ZERO).next()).isEqualTo(Duration.ofMillis(1));
    }
}
