package vn.hanoi.branch.counter.supervisor;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import vn.hanoi.branch.api.DayStats;
import vn.hanoi.branch.api.DeviceHealth;
import vn.hanoi.branch.client.DeviceClient;
import vn.hanoi.branch.client.SupervisorClient;
import vn.hanoi.branch.client.AgentException;
import vn.hanoi.branch.client.EventStream;
import vn.hanoi.branch.i18n.I18n;

import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * The supervisor's overview, without UI: the day's figures from the agent, reloaded whenever the
 * queue changes (pushed events) and every {@value #TICK_SECONDS} s, since waits grow while nothing
 * happens. The figures are the agent's; nothing is computed here.
 *
 * <p>Threads: agent calls on {@code background}; properties change on {@code ui}.
 */
public final class SupervisorModel implements AutoCloseable {
    static final int TICK_SECONDS = 15;

    private final DeviceClient counterPc;
    private final Supplier<SupervisorClient> agent;
    private final Executor background;
    private final Executor ui;
    private final ReadOnlyObjectWrapper<DayStats> stats = new ReadOnlyObjectWrapper<>();
    private final javafx.collections.ObservableList<DeviceHealth.Alert> alerts = javafx.collections.FXCollections.observableArrayList();
    private final javafx.collections.ObservableList<DeviceHealth.Alert> alertsView =
            javafx.collections.FXCollections.unmodifiableObservableList(alerts);
    private final ReadOnlyObjectWrapper<vn.hanoi.branch.api.SyncStatus> sync = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<vn.hanoi.branch.api.BackupHealth> backups = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper live = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    // One load at a time; events arriving meanwhile ask for one more load, not one each.
    private final AtomicBoolean loading = new AtomicBoolean();
    private final AtomicBoolean again = new AtomicBoolean();
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "supervisor-tick");
        t.setDaemon(true);
        return t;
    });

    private final ReportModel reports;
    private EventStream stream;
    private ScheduledFuture<?> tick;
    private volatile boolean active;

    /**
     * @param counterPc this PC as a device: it follows the queue whoever is signed in
     * @param agent     the signed-in supervisor's calls
     */
    public SupervisorModel(DeviceClient counterPc, Supplier<SupervisorClient> agent, Executor background, Executor ui) {
        this.counterPc = counterPc;
        this.agent = agent;
        this.background = background;
        this.ui = ui;
        this.reports = new ReportModel(agent, background, ui);
    }

    /** The reports over a range of days (the "Báo cáo / Reports" tab). */
    public ReportModel reports() {
        return reports;
    }

    public ReadOnlyObjectProperty<DayStats> statsProperty() {
        return stats.getReadOnlyProperty();
    }

    /** The city sync's figures (backlog, last success, last error, alert); null until loaded. */
    public ReadOnlyObjectProperty<vn.hanoi.branch.api.SyncStatus> syncProperty() {
        return sync.getReadOnlyProperty();
    }

    /** The backups (newest, trial restore, IT's warning); null until loaded or when health fails. */
    public ReadOnlyObjectProperty<vn.hanoi.branch.api.BackupHealth> backupsProperty() {
        return backups.getReadOnlyProperty();
    }

    /** Open device alerts (printer out of paper, reader missing), oldest first. */
    public javafx.collections.ObservableList<DeviceHealth.Alert> alerts() {
        return alertsView;
    }

    public ReadOnlyBooleanProperty liveProperty() {
        return live.getReadOnlyProperty();
    }

    /** The last problem or result, Vietnamese then English. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** Starts following the branch (called on the UI thread when the screen is shown). */
    public void start() {
        if (active) {
            return;
        }
        active = true;
        message.set("");
        background.execute(() -> {
            try {
                long from = counterPc.queue().lastEventId();
                ui.execute(() -> {
                    if (active) {
                        stream = counterPc.events(from, e -> refresh(),
                                s -> ui.execute(() -> live.set(s == EventStream.Status.CONNECTED)));
                    }
                });
            } catch (AgentException e) {
                showError(e);
            }
        });
        refresh();
        tick = ticker.scheduleWithFixedDelay(this::refresh, TICK_SECONDS, TICK_SECONDS, TimeUnit.SECONDS);
    }

    /** Stops following (the screen is left); the last figures stay until the next start. */
    public void stop() {
        active = false;
        if (tick != null) {
            tick.cancel(false);
            tick = null;
        }
        if (stream != null) {
            stream.close();
            stream = null; // its CLOSED status turns the live flag off, on the UI thread
        }
    }

    /** Reloads the figures now (also on each event); safe from any thread. */
    public void refresh() {
        if (!active) {
            return;
        }
        if (!loading.compareAndSet(false, true)) {
            again.set(true);
            return;
        }
        background.execute(this::load);
    }

    private void load() {
        try {
            do {
                again.set(false);
                DayStats s = agent.get().statsToday();
                java.util.List<DeviceHealth.Alert> open = agent.get().alerts();
                vn.hanoi.branch.api.SyncStatus st = agent.get().syncStatus();
                vn.hanoi.branch.api.BackupHealth b = agent.get().backups();
                ui.execute(() -> {
                    stats.set(s);
                    alerts.setAll(open);
                    sync.set(st);
                    backups.set(b);
                });
            } while (again.get() && active);
        } catch (AgentException e) {
            showError(e);
        } finally {
            loading.set(false);
        }
        if (again.get()) {
            refresh(); // an event came in after the last check: do not leave it for the next tick
        }
    }

    /** Closes the business day at the agent; the confirmation is the screen's. */
    public void endOfDay() {
        background.execute(() -> {
            try {
                int closed = agent.get().endOfDay();
                ui.execute(() -> message.set(I18n.both("counter", "supervisor.endOfDay.done", closed)));
                refresh();
            } catch (AgentException e) {
                showError(e);
            }
        });
    }

    private void showError(AgentException e) {
        ui.execute(() -> message.set(e.error().messageVi() + "\n" + e.error().messageEn()));
    }

    @Override
    public void close() {
        stop();
        ticker.shutdownNow();
    }
}
