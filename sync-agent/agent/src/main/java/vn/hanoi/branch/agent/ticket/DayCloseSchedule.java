package vn.hanoi.branch.agent.ticket;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ends the business day when nobody did: a while after the services' latest closing time, and at start for
 * a day the agent was off at closing time, so the open tickets are closed and the day's figures reach the
 * city every day, pressed or not ({@link BusinessDayClose#closeMissed}).
 */
public final class DayCloseSchedule implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DayCloseSchedule.class);
    static final Duration CHECK_EVERY = Duration.ofMinutes(1);

    private final BusinessDayClose close;
    private final Supplier<LocalTime> closingTime;
    private final Duration after;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "day-close");
        t.setDaemon(true);
        return t;
    });

    /** @param closingTime the latest closing time of the branch's services (read at each check: they change) */
    public DayCloseSchedule(BusinessDayClose close, Supplier<LocalTime> closingTime, Duration after) {
        this.close = close;
        this.closingTime = closingTime;
        this.after = after;
    }

    public void start() {
        if (after.isNegative()) {
            LOG.info("automatic end of day is off (day.close.auto.after.minutes < 0)");
            return;
        }
        timer.scheduleWithFixedDelay(this::check, 0, CHECK_EVERY.toSeconds(), TimeUnit.SECONDS);
    }

    /** Closes what is due; the days closed. */
    public List<LocalDate> check() {
        try {
            LocalTime at = closingTime.get().plus(after);
            List<LocalDate> closed = close.closeMissed(at.isBefore(closingTime.get()) ? LocalTime.MAX : at);
            if (!closed.isEmpty()) {
                LOG.info("end of day done by the agent (nobody pressed it) for {}; the figures go to the city", closed);
            }
            return closed;
        } catch (RuntimeException e) {
            LOG.error("automatic end of day failed, retried in a minute: {}", e.getMessage());
            return List.of();
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
