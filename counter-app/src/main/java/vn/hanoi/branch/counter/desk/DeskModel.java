package vn.hanoi.branch.counter.desk;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.collections.ObservableList;
import vn.hanoi.branch.api.CounterInfo;
import vn.hanoi.branch.api.CounterRequests;
import vn.hanoi.branch.api.PriorityState;
import vn.hanoi.branch.api.QueueEvent;
import vn.hanoi.branch.api.QueueSnapshot;
import vn.hanoi.branch.api.QueueSnapshot.ServiceWaiting;
import vn.hanoi.branch.api.ServiceInfo;
import vn.hanoi.branch.api.Sessions;
import vn.hanoi.branch.api.Ticket;
import vn.hanoi.branch.api.TicketState;
import vn.hanoi.branch.api.TransferRequest;
import vn.hanoi.branch.client.CounterClient;
import vn.hanoi.branch.client.DeskClient;
import vn.hanoi.branch.counter.AgentTasks;
import vn.hanoi.branch.counter.dossier.DeskDossiers;
import vn.hanoi.branch.counter.login.SignInModel;
import vn.hanoi.branch.counter.slip.CounterPrinting;
import vn.hanoi.branch.i18n.I18n;
import vn.hanoi.branch.printer.TicketPrinter;

import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The clerk's desk, without UI: the chosen counter, its current ticket and the moves a clerk asks for
 * (call, recall, serve, no-show, finish, transfer, a no-show's return, priority, pause), the counter's
 * state, the waiting line from the agent, and the dossier work of the desk. The queue rules are the
 * agent's; this model only asks for moves and shows what the agent answers and pushes.
 *
 * <p>Threads: agent calls run on {@code background}; every property changes on {@code ui}.
 */
public final class DeskModel implements AutoCloseable {
    private final Supplier<DeskClient> agent;
    private final SignInModel signIn;
    private final AgentTasks tasks;
    private final Executor ui;
    private final CounterPrinting printing;
    private final LiveQueue queue;
    private final DeskDossiers dossiers;
    private final CounterStateModel counterState;

    private final ReadOnlyObjectWrapper<CounterInfo> counter = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Ticket> current = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Ticket> lastFinished = new ReadOnlyObjectWrapper<>();
    private final RecentNoShows noShows = new RecentNoShows();

    /**
     * @param counterPc   this PC as a device: it follows the queue whoever is signed in
     * @param signIn      the signed-in clerk, whose session makes the desk's calls
     * @param slipPrinter the counter's thermal printer for slips and reprints, or null when it has none
     */
    public DeskModel(CounterClient counterPc, SignInModel signIn, AgentTasks tasks, TicketPrinter slipPrinter,
                     Executor background, Executor ui) {
        this.agent = signIn::desk;
        this.signIn = signIn;
        this.tasks = tasks;
        this.ui = ui;
        this.printing = new CounterPrinting(agent, slipPrinter, this::issuingDesk);
        this.queue = new LiveQueue(counterPc, background, ui, this::applySnapshot, this::apply);
        this.counterState = new CounterStateModel(agent, tasks, counter);
        this.dossiers = new DeskDossiers(agent, tasks, printing, current, this::username, background, ui);
        // This desk's counter as the catalog now has it (renamed by a supervisor while the desk works).
        signIn.counters().addListener((javafx.collections.ListChangeListener<CounterInfo>) ch -> {
            CounterInfo mine = counter.get();
            if (mine != null) {
                signIn.counters().stream().filter(x -> x.id() == mine.id()).findFirst().ifPresent(counter::set);
            }
        });
        // Leaving the desk (overview, counter choice, sign-out) stops following its counter.
        signIn.stepProperty().addListener((o, was, now) -> {
            if (now != SignInModel.Step.DESK) {
                leave();
            }
        });
    }

    private CounterPrinting.Desk issuingDesk() {
        Sessions.User u = signIn.userProperty().get();
        CounterInfo c = counter.get();
        return new CounterPrinting.Desk(u == null ? "" : u.displayName(), c == null ? "" : "Quầy " + c.number());
    }

    private String username() {
        Sessions.User u = signIn.userProperty().get();
        return u == null ? "" : u.username();
    }

    /** Who is signed in, the way out and the supervisor's overview (the desk's header). */
    public SignInModel signIn() {
        return signIn;
    }

    /** Whether this counter calls numbers now (open), is paused or closed; pausing and closing it. */
    public CounterStateModel counterState() {
        return counterState;
    }

    /** Declaration, reception, tracking and scanning at this desk. */
    public DeskDossiers dossiers() {
        return dossiers;
    }

    public ReadOnlyObjectProperty<CounterInfo> counterProperty() {
        return counter.getReadOnlyProperty();
    }

    /** The ticket at this counter (called or being served), or null. */
    public ReadOnlyObjectProperty<Ticket> currentProperty() {
        return current.getReadOnlyProperty();
    }

    /**
     * The last ticket this counter finished (DONE), from this desk's answer or the agent's stream (also
     * when finished elsewhere, e.g. by the API); the customer window asks that citizen for a rating. The
     * same ticket may be set twice (answer and event): listeners go by its id.
     */
    public ReadOnlyObjectProperty<Ticket> lastFinishedProperty() {
        return lastFinished.getReadOnlyProperty();
    }

    /** Waiting citizens per service as the agent counts them, all services of the branch, this counter's first. */
    public ObservableList<ServiceWaiting> waiting() {
        return queue.waiting();
    }

    /** True while the event stream is connected: the numbers on screen are current. */
    public ReadOnlyBooleanProperty liveProperty() {
        return queue.liveProperty();
    }

    /** True while a request is on its way: buttons wait for it. */
    public ReadOnlyBooleanProperty busyProperty() {
        return tasks.busyProperty();
    }

    /** The last problem or notice, Vietnamese then English; empty when all is well. */
    public ReadOnlyStringProperty messageProperty() {
        return tasks.messageProperty();
    }

    /** This counter's no-shows of today that have not come back, newest first. */
    public ObservableList<Ticket> recentNoShows() {
        return noShows.view();
    }

    /** The ticket's priority group as staff read it; empty for a normal ticket. */
    public String priorityText(Ticket t) {
        return PriorityText.of(t, signIn.priorityClasses());
    }

    /** True while the current ticket may move to {@code target}, by the agent's rule ({@link TicketState#canMoveTo}). */
    public BooleanBinding canMoveTo(TicketState target) {
        return Bindings.createBooleanBinding(() -> current.get() != null && current.get().state().canMoveTo(target),
                current);
    }

    /** True while the current ticket is called: a recall repeats the call and moves nothing. */
    public BooleanBinding canRecall() {
        return Bindings.createBooleanBinding(() -> current.get() != null && current.get().state() == TicketState.CALLED,
                current);
    }

    public boolean serves(long serviceId) {
        CounterInfo c = counter.get();
        return c != null && c.serviceIds().contains(serviceId);
    }

    public boolean canReprint() {
        return printing.canReprint();
    }

    // ---- opening and leaving the counter ----

    /** Loads the counter's queue (background thread); the result opens the desk on it (UI thread). */
    public Runnable load(CounterInfo c) {
        QueueSnapshot q = agent.get().queue();
        return () -> {
            counter.set(c);
            queue.follow(q, this::serves);
        };
    }

    private void leave() {
        queue.leave();
        counter.set(null);
        current.set(null);
        noShows.clear();
    }

    // ---- desk actions ----

    public void callNext() {
        CounterInfo c = counter.get();
        tasks.run(() -> {
            Ticket t = agent.get().callNext(c.id());
            return () -> {
                if (t == null) {
                    tasks.say(I18n.both("counter", "desk.nobody"));
                } else {
                    current.set(t);
                }
            };
        });
    }

    /** Calls one number out of turn: the citizen stands at the desk, or a supervisor asked for it. */
    public void callNumber(String displayNumber) {
        CounterInfo c = counter.get();
        String number = displayNumber == null ? "" : displayNumber.trim();
        if (c == null || number.isEmpty()) {
            return;
        }
        tasks.run(() -> {
            Ticket t = agent.get().callNumber(c.id(), number);
            return () -> current.set(t);
        });
    }

    /**
     * Sends the current ticket to another service and/or one counter (null: the same service, any
     * counter); {@code keepPosition}: it keeps its original place in the target's line.
     */
    public void transfer(ServiceInfo service, CounterInfo counter, boolean keepPosition) {
        Long serviceId = service == null ? null : service.id();
        Long counterId = counter == null ? null : counter.id();
        act(id -> agent.get().transfer(id, new TransferRequest(serviceId, counterId, keepPosition)));
    }

    /** A no-show of this counter is back: by the number the clerk typed or picked. */
    public void returnNoShow(String displayNumber) {
        String number = displayNumber == null ? "" : displayNumber.trim();
        Ticket t = noShows.byNumber(number).orElse(null);
        if (t == null) {
            tasks.say(I18n.both("counter", "desk.noShowUnknown", number));
            return;
        }
        tasks.run(() -> {
            Ticket back = agent.get().returnFromNoShow(t.id());
            return () -> noShows.returned(back.id());
        });
    }

    /** A clerk saw the proof (CONFIRMED) or found none (REVOKED); the agent reorders accordingly. */
    public void setPriority(PriorityState state) {
        Ticket t = current.get();
        if (t == null || t.priorityClass() == null) {
            return;
        }
        act(id -> agent.get().setPriority(id, new CounterRequests.PriorityChange(null, state)));
    }

    public void recall() {
        act(id -> agent.get().recall(id));
    }

    public void serve() {
        act(id -> agent.get().serve(id));
    }

    public void noShow() {
        act(id -> {
            Ticket t = agent.get().noShow(id);
            ui.execute(() -> noShows.remember(t));
            return t;
        });
    }

    /** Finishes the current ticket, called or being served: one call to the agent. */
    public void finish() {
        act(id -> agent.get().finish(id));
    }

    /** Prints the current ticket again on this counter's printer, marked as a reprint. */
    public void reprint() {
        Ticket t = current.get();
        if (t == null || !printing.canReprint()) {
            return;
        }
        ServiceInfo s = signIn.services().stream().filter(x -> x.id() == t.serviceId()).findFirst().orElse(null);
        tasks.run(() -> {
            String said = printing.reprint(t, s);
            return () -> tasks.say(said);
        });
    }

    private void act(Function<Long, Ticket> call) {
        Ticket t = current.get();
        if (t == null) {
            return;
        }
        tasks.run(() -> {
            Ticket after = call.apply(t.id());
            return () -> showMine(after);
        });
    }

    // ---- what the agent says ----

    private void applySnapshot(QueueSnapshot q) {
        CounterInfo c = counter.get();
        if (c == null) {
            return;
        }
        QueueSnapshot.CounterStatus mine = q.counters().stream().filter(s -> s.counterId() == c.id()).findFirst()
                .orElse(null);
        current.set(mine == null ? null : mine.current());
        counterState.show(mine);
    }

    private void apply(QueueEvent e) {
        if (QueueEvent.CONFIG_CHANGED.equals(e.type())) {
            signIn.reloadCatalog(); // a renamed counter or changed services: the lists and this desk's header follow
            return;
        }
        Ticket t = e.ticket();
        CounterInfo c = counter.get();
        if (c == null || t == null) {
            return; // a counter's state: the queue reloads the snapshot, which carries it
        }
        if (Objects.equals(t.counterId(), c.id())) {
            showMine(t);
            noShows.remember(t);
        }
        if (QueueEvent.TICKET_RETURNED.equals(e.type())) {
            noShows.returned(t.id());
        }
    }

    /** A ticket of this counter as the agent answered or pushed it. */
    private void showMine(Ticket t) {
        current.set(t.state().isActive() ? t : null);
        CounterInfo c = counter.get();
        if (t.state() == TicketState.DONE && c != null && Objects.equals(t.counterId(), c.id())) {
            lastFinished.set(t);
        }
    }

    @Override
    public void close() {
        queue.close();
        dossiers.close();
    }
}
