package vn.hanoi.branch.counter.desk;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import vn.hanoi.branch.api.QueueEvent;
import vn.hanoi.branch.api.QueueSnapshot;
import vn.hanoi.branch.api.QueueSnapshot.ServiceWaiting;
import vn.hanoi.branch.client.DeviceClient;
import vn.hanoi.branch.client.AgentException;
import vn.hanoi.branch.client.EventStream;

import java.util.Comparator;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.LongPredicate;

/**
 * The queue as the agent sees it, for one desk: the waiting counts and estimates per service from the
 * agent's snapshot ({@code GET /api/v1/queue}), reloaded whenever a pushed event may have changed them,
 * and the pushed events themselves for the desk's own ticket. The counts are never computed here.
 *
 * <p>Threads: agent calls on {@code background}; lists, flags and callbacks on {@code ui}.
 */
final class LiveQueue implements AutoCloseable {
    private final DeviceClient agent;
    private final Executor background;
    private final Executor ui;
    private final Consumer<QueueSnapshot> onSnapshot;
    private final Consumer<QueueEvent> onEvent;
    private final ObservableList<ServiceWaiting> waiting = FXCollections.observableArrayList();
    private final ObservableList<ServiceWaiting> waitingView = FXCollections.unmodifiableObservableList(waiting);
    private final ReadOnlyBooleanWrapper live = new ReadOnlyBooleanWrapper();
    private volatile EventStream stream;
    private LongPredicate mine = id -> false;
    private long lastEventId;
    // One reload at a time (UI thread only); events arriving meanwhile ask for one more, not one each.
    private boolean loading;
    private boolean again;

    /**
     * @param onSnapshot gets each snapshot that is not older than the last event applied (the desk's counter status)
     * @param onEvent    gets each pushed event, in order
     */
    LiveQueue(DeviceClient agent, Executor background, Executor ui, Consumer<QueueSnapshot> onSnapshot,
              Consumer<QueueEvent> onEvent) {
        this.agent = agent;
        this.background = background;
        this.ui = ui;
        this.onSnapshot = onSnapshot;
        this.onEvent = onEvent;
    }

    /** Waiting citizens per service, all services of the branch, the desk's own first. */
    ObservableList<ServiceWaiting> waiting() {
        return waitingView;
    }

    /** True while the event stream is connected: the numbers on screen are current. */
    ReadOnlyBooleanProperty liveProperty() {
        return live.getReadOnlyProperty();
    }

    /** Shows the snapshot and follows the events after it; {@code mine} tells the desk's services (UI thread). */
    void follow(QueueSnapshot first, LongPredicate mine) {
        leave();
        this.mine = mine;
        lastEventId = first.lastEventId();
        apply(first);
        stream = agent.events(first.lastEventId(), e -> ui.execute(() -> pushed(e)),
                s -> ui.execute(() -> live.set(s == EventStream.Status.CONNECTED)));
    }

    private void pushed(QueueEvent e) {
        if (stream == null) {
            return; // the desk was left while the event was on its way
        }
        // a reload may go back (the agent was restored from a backup): its numbering counts from there
        lastEventId = QueueEvent.RELOAD.equals(e.type()) ? e.id() : Math.max(lastEventId, e.id());
        onEvent.accept(e);
        if (!QueueEvent.DEVICE_ALERT.equals(e.type())) {
            reload();
        }
    }

    private void reload() {
        if (loading) {
            again = true;
            return;
        }
        loading = true;
        background.execute(() -> {
            QueueSnapshot q;
            try {
                q = agent.queue();
            } catch (AgentException e) {
                q = null; // the status line already shows the agent is away; the counts catch up with the next event
            }
            QueueSnapshot loaded = q;
            ui.execute(() -> {
                loading = false;
                if (loaded != null && stream != null) {
                    apply(loaded);
                }
                if (again) {
                    again = false;
                    reload();
                }
            });
        });
    }

    private void apply(QueueSnapshot q) {
        waiting.setAll(q.services().stream()
                .sorted(Comparator.comparing((ServiceWaiting w) -> !mine.test(w.serviceId())))
                .toList());
        // An older snapshot would undo what a later event already showed of the desk's own ticket.
        if (q.lastEventId() >= lastEventId) {
            onSnapshot.accept(q);
        }
    }

    /** Stops following and drops the counts (UI thread). */
    void leave() {
        close();
        waiting.clear();
        again = false;
    }

    /** Stops following (any thread). */
    @Override
    public void close() {
        EventStream s = stream;
        if (s != null) {
            stream = null; // its CLOSED status turns the live flag off, on the UI thread
            s.close();
        }
    }
}
