package vn.hanoi.branch.counter.rating;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.hanoi.branch.counter.desk.DeskModel;
import vn.hanoi.branch.api.CounterInfo;
import vn.hanoi.branch.api.Ratings;
import vn.hanoi.branch.api.Ratings.Level;
import vn.hanoi.branch.api.Ratings.Reason;
import vn.hanoi.branch.api.Ticket;
import vn.hanoi.branch.client.AgentClient;
import vn.hanoi.branch.client.AgentException;
import vn.hanoi.branch.retry.Backoff;

/**
 * What the customer-facing window shows, without UI: the number being served at this counter, and
 * after the clerk finishes a ticket the satisfaction question for <em>that</em> ticket for a limited
 * time, the reason choice after "not satisfied", thanks, and back to idle.
 *
 * <p>The question keeps the finished ticket's id, so the answer is sent for it even when the clerk has
 * already called the next number. Answers are sent with the counter PC's device token only (never the
 * clerk's session), in the background; an answer lost on the way is sent again (the agent treats the
 * same answer as a retry). Nothing here waits for the agent: the clerk's desk never blocks on it.
 *
 * <p>Threads: every property changes on {@code ui}; agent calls run on {@code background}.
 */
public final class CustomerModel implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(CustomerModel.class);
    /** Tries of an answer while the agent is unreachable: waits of 2, 4, 8, … 60 s (about 7 minutes in all). */
    private static final int SEND_ATTEMPTS = 12;
    private static final int REMEMBERED = 20;

    /** What the window shows. */
    public enum Phase { IDLE, ASK, REASON, THANKS }

    /** How long each step waits for the citizen. */
    public record Timing(Duration ask, Duration reason, Duration thanks) {
        public Timing {
            Objects.requireNonNull(ask);
            Objects.requireNonNull(reason);
            Objects.requireNonNull(thanks);
        }

        /** The question for {@code askSeconds} (60 by default), the reasons for 30 s, thanks for 4 s. */
        public static Timing ofSeconds(int askSeconds) {
            return new Timing(Duration.ofSeconds(askSeconds), Duration.ofSeconds(30), Duration.ofSeconds(4));
        }
    }

    private final AgentClient device;
    private final Executor background;
    private final Executor ui;
    private final Timing timing;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "customer-window-timer");
        t.setDaemon(true);
        return t;
    });

    private final ReadOnlyObjectWrapper<Phase> phase = new ReadOnlyObjectWrapper<>(Phase.IDLE);
    private final ReadOnlyObjectWrapper<Ticket> serving = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<CounterInfo> counter = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Ticket> asked = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyIntegerWrapper secondsLeft = new ReadOnlyIntegerWrapper();
    private final ReadOnlyObjectWrapper<Ratings.Rating> lastSent = new ReadOnlyObjectWrapper<>();
    /** Tickets already asked about (answer and stream event both report a finish). */
    private final Deque<Long> offered = new ArrayDeque<>();
    /** Bumped on every phase change: a timer tick of an earlier phase does nothing. */
    private long generation;
    private long deadlineNanos;

    /**
     * @param device a client of this counter PC holding its device token only ({@link AgentClient#deviceOnly()})
     */
    public CustomerModel(AgentClient device, Executor background, Executor ui, Timing timing) {
        this.device = Objects.requireNonNull(device);
        this.background = background;
        this.ui = ui;
        this.timing = timing;
    }

    /** Follows a clerk's desk: its counter, its current number, and each ticket it finishes. Call on the UI thread. */
    public CustomerModel follow(DeskModel desk) {
        serving.bind(desk.currentProperty());
        counter.bind(desk.counterProperty());
        desk.lastFinishedProperty().addListener((o, was, now) -> finished(now));
        finished(desk.lastFinishedProperty().get());
        return this;
    }

    public ReadOnlyObjectProperty<Phase> phaseProperty() {
        return phase.getReadOnlyProperty();
    }

    /** The ticket at the counter now (called or being served), or null. */
    public ReadOnlyObjectProperty<Ticket> servingProperty() {
        return serving.getReadOnlyProperty();
    }

    /** The clerk's counter, or null before one is chosen. */
    public ReadOnlyObjectProperty<CounterInfo> counterProperty() {
        return counter.getReadOnlyProperty();
    }

    /** The finished ticket the question is about (during ASK, REASON and THANKS), or null. */
    public ReadOnlyObjectProperty<Ticket> askedProperty() {
        return asked.getReadOnlyProperty();
    }

    /** Seconds until the question or the reason choice goes away. */
    public ReadOnlyIntegerProperty secondsLeftProperty() {
        return secondsLeft.getReadOnlyProperty();
    }

    /** The last rating the agent stored from this window (for diagnostics and tests). */
    public ReadOnlyObjectProperty<Ratings.Rating> lastSentProperty() {
        return lastSent.getReadOnlyProperty();
    }

    public Timing timing() {
        return timing;
    }

    /** A ticket of this counter was finished: ask its citizen (once per ticket). */
    public void finished(Ticket t) {
        if (t == null || offered.contains(t.id())) {
            return;
        }
        offered.addLast(t.id());
        if (offered.size() > REMEMBERED) {
            offered.removeFirst();
        }
        if (phase.get() == Phase.REASON) {
            // The previous citizen said "not satisfied" and left before picking a reason: keep the answer.
            send(asked.get(), Level.NOT_SATISFIED, null);
        }
        asked.set(t);
        enter(Phase.ASK, timing.ask());
    }

    /** The citizen tapped one of the three faces. */
    public void choose(Level level) {
        if (phase.get() != Phase.ASK || level == null) {
            return;
        }
        if (level == Level.NOT_SATISFIED) {
            enter(Phase.REASON, timing.reason());
        } else {
            send(asked.get(), level, null);
            enter(Phase.THANKS, timing.thanks());
        }
    }

    /** After "not satisfied": the citizen picked a reason. */
    public void chooseReason(Reason reason) {
        if (phase.get() != Phase.REASON) {
            return;
        }
        send(asked.get(), Level.NOT_SATISFIED, reason);
        enter(Phase.THANKS, timing.thanks());
    }

    /** After "not satisfied": the citizen would rather not say why. */
    public void skipReason() {
        chooseReason(null);
    }

    private void enter(Phase p, Duration limit) {
        long gen = ++generation;
        phase.set(p);
        if (p == Phase.IDLE) {
            asked.set(null);
            secondsLeft.set(0);
            return;
        }
        deadlineNanos = System.nanoTime() + limit.toNanos();
        secondsLeft.set((int) Math.ceil(limit.toMillis() / 1000.0));
        tick(gen);
    }

    /** Counts the seconds down on the whole seconds of the deadline, and ends the step at the deadline. */
    private void tick(long gen) {
        long left = Math.max(0, deadlineNanos - System.nanoTime());
        long toNextSecond = left % 1_000_000_000L;
        long next = left == 0 ? 0 : toNextSecond == 0 ? 1_000_000_000L : toNextSecond;
        later(() -> ui.execute(() -> {
            if (gen != generation) {
                return; // the citizen answered, or another ticket came
            }
            long remaining = deadlineNanos - System.nanoTime();
            if (remaining > 0) {
                secondsLeft.set((int) Math.ceil(remaining / 1e9));
                tick(gen);
            } else {
                timedOut();
            }
        }), next, TimeUnit.NANOSECONDS);
    }

    private void later(Runnable r, long delay, TimeUnit unit) {
        try {
            timer.schedule(r, delay, unit);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // closed: the window is gone
        }
    }

    private void timedOut() {
        switch (phase.get()) {
            // Chose "not satisfied" and walked away: the answer counts, without a reason.
            case REASON -> {
                send(asked.get(), Level.NOT_SATISFIED, null);
                enter(Phase.IDLE, Duration.ZERO);
            }
            // No answer: no rating. Thanks shown long enough: back to the number.
            case ASK, THANKS -> enter(Phase.IDLE, Duration.ZERO);
            case IDLE -> {
                // nothing to end
            }
        }
    }

    private void send(Ticket t, Level level, Reason reason) {
        if (t == null) {
            return;
        }
        Ratings.RatingRequest request = new Ratings.RatingRequest(level, reason, null);
        Backoff backoff = Backoff.doubling(Duration.ofSeconds(2), Duration.ofSeconds(60));
        background.execute(() -> sendWithRetries(t, request, backoff));
    }

    private void sendWithRetries(Ticket t, Ratings.RatingRequest request, Backoff backoff) {
        try {
            Ratings.Rating r = device.rate(t.id(), request);
            ui.execute(() -> lastSent.set(r));
        } catch (AgentException e) {
            if (e.isUnreachable() && backoff.failures() + 1 < SEND_ATTEMPTS) {
                long delay = backoff.next().toMillis();
                later(() -> background.execute(() -> sendWithRetries(t, request, backoff)), delay, TimeUnit.MILLISECONDS);
            } else {
                // 409: rated already (e.g. at the kiosk) or not rateable; the citizen is thanked anyway.
                LOG.warn("rating of ticket {} not stored: {}", t.id(), e.error().code());
            }
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
