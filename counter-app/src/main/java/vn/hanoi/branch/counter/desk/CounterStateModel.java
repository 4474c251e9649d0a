package vn.hanoi.branch.counter.desk;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableValue;
import vn.hanoi.branch.api.CounterInfo;
import vn.hanoi.branch.api.CounterState;
import vn.hanoi.branch.api.QueueSnapshot;
import vn.hanoi.branch.client.AgentClient;
import vn.hanoi.branch.counter.AgentTasks;

/** Whether the desk's counter calls numbers (open), is paused (and why) or closed, as the agent says; UI thread. */
public final class CounterStateModel {
    private final AgentClient agent;
    private final AgentTasks tasks;
    private final ObservableValue<CounterInfo> counter;
    private final ReadOnlyObjectWrapper<CounterState> state = new ReadOnlyObjectWrapper<>(CounterState.OPEN);
    private final ReadOnlyStringWrapper reason = new ReadOnlyStringWrapper();

    CounterStateModel(AgentClient agent, AgentTasks tasks, ObservableValue<CounterInfo> counter) {
        this.agent = agent;
        this.tasks = tasks;
        this.counter = counter;
    }

    public ReadOnlyObjectProperty<CounterState> stateProperty() {
        return state.getReadOnlyProperty();
    }

    /** Why the counter is paused, or null. */
    public ReadOnlyStringProperty reasonProperty() {
        return reason.getReadOnlyProperty();
    }

    public void pause(PauseReason why, String otherText) {
        change(CounterState.PAUSED, why.withWords(otherText));
    }

    public void resume() {
        change(CounterState.OPEN, null);
    }

    public void close() {
        change(CounterState.CLOSED, null);
    }

    /** The counter's line of the agent's snapshot, or null when it has none (an open counter). */
    void show(QueueSnapshot.CounterStatus s) {
        state.set(s == null || s.state() == null ? CounterState.OPEN : s.state());
        reason.set(s == null ? null : s.reason());
    }

    private void change(CounterState to, String why) {
        CounterInfo c = counter.getValue();
        if (c == null) {
            return;
        }
        tasks.run(() -> {
            QueueSnapshot.CounterStatus s = agent.setCounterState(c.id(), to, why);
            return () -> show(s);
        });
    }
}
