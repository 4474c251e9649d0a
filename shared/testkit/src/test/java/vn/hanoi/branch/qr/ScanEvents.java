package vn.hanoi.branch.qr;

import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** Records what a scanner reports, in order, for tests to wait on. */
final class ScanEvents implements ScannerListener {
    sealed interface Event permits Code, Dropped, State {
    }

    record Code(String text) implements Event {
    }

    record Dropped(DropReason reason, int bytes) implements Event {
    }

    record State(ScannerState state) implements Event {
    }

    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();

    @Override
    public void onCode(String code) {
        events.add(new Code(code));
    }

    @Override
    public void onDropped(DropReason reason, int bytes) {
        events.add(new Dropped(reason, bytes));
    }

    @Override
    public void onState(ScannerState state) {
        events.add(new State(state));
    }

    /** The next event, or null after the timeout. */
    Event next(Duration timeout) throws InterruptedException {
        return events.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    Event next() throws InterruptedException {
        return next(Duration.ofSeconds(3));
    }

    boolean isEmpty() {
        return events.isEmpty();
    }
}
