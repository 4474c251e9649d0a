package vn.hanoi.branch.agent.testing;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A clock that only moves when the simulator moves it. Handed to {@code Agent.start}, it makes every
 * timestamp the agent writes (issued, called, serving, finished) the simulated time of the step that
 * caused it, so a whole day runs in seconds and its waits are exact.
 *
 * <p>Views made by {@link #withZone} share the same time: the agent derives zoned clocks from the one it
 * is given, and they must all see the simulator's moves.
 */
public final class SimulatedClock extends Clock {
    private final AtomicLong millis;
    private final ZoneId zone;

    public SimulatedClock(Instant start, ZoneId zone) {
        this(new AtomicLong(start.toEpochMilli()), zone);
    }

    private SimulatedClock(AtomicLong millis, ZoneId zone) {
        this.millis = millis;
        this.zone = zone;
    }

    /**
     * A Monday at {@code time} in {@code zone}, in the coming week: a working day at a chosen hour, so a test
     * of opening hours passes whenever it runs, and later than the wall clock, so the agent's data (written
     * partly on the wall clock) never goes back in time.
     */
    public static ZonedDateTime nextMondayAt(LocalTime time, ZoneId zone) {
        return ZonedDateTime.now(zone).plusWeeks(1).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))
                .with(time).truncatedTo(ChronoUnit.SECONDS);
    }

    /** Moves the time to {@code t}. Time never runs backwards: the agent's data would stop making sense. */
    public void set(Instant t) {
        long target = t.toEpochMilli();
        long prev = millis.getAndUpdate(old -> Math.max(old, target));
        if (target < prev) {
            throw new IllegalStateException("simulated time cannot go back from " + Instant.ofEpochMilli(prev) + " to " + t);
        }
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId z) {
        return z.equals(zone) ? this : new SimulatedClock(millis, z);
    }

    @Override
    public long millis() {
        return millis.get();
    }

    @Override
    public Instant instant() {
        return Instant.ofEpochMilli(millis.get());
    }
}
