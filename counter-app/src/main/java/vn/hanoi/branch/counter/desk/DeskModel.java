package vn.hanoi.branch.counter.desk;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableMap;
import vn.hanoi.branch.counter.supervisor.SupervisorModel;
import vn.hanoi.branch.printer.PrintOutcome;
import vn.hanoi.branch.printer.TicketPrint;
import vn.hanoi.branch.printer.TicketPrinter;
import vn.hanoi.branch.api.CounterInfo;
import vn.hanoi.branch.api.DeviceHealth;
import vn.hanoi.branch.api.CounterRequests;
import vn.hanoi.branch.api.CounterState;
import vn.hanoi.branch.api.Dossiers;
import vn.hanoi.branch.slip.Slip;
import vn.hanoi.branch.slip.SlipPdf;
import vn.hanoi.branch.slip.SlipPrinting;
import vn.hanoi.branch.counter.slip.SlipThermal;
import vn.hanoi.branch.counter.AgentTasks;
import vn.hanoi.branch.counter.dossier.ReceptionModel;
import vn.hanoi.branch.counter.dossier.TrackingModel;
import vn.hanoi.branch.counter.scan.ScanModel;
import vn.hanoi.branch.scan.ScanSource;
import vn.hanoi.branch.scan.ScanSources;
import vn.hanoi.branch.api.PriorityClass;
import vn.hanoi.branch.api.PriorityState;
import vn.hanoi.branch.api.Role;
import vn.hanoi.branch.api.ServiceInfo;
import vn.hanoi.branch.api.TransferRequest;
import vn.hanoi.branch.api.QueueEvent;
import vn.hanoi.branch.api.QueueSnapshot;
import vn.hanoi.branch.api.QueueSnapshot.ServiceWaiting;
import vn.hanoi.branch.api.Sessions;
import vn.hanoi.branch.api.Ticket;
import vn.hanoi.branch.api.TicketState;
import vn.hanoi.branch.client.AgentClient;
import vn.hanoi.branch.client.AgentException;
import vn.hanoi.branch.client.EventStream;
import vn.hanoi.branch.i18n.I18n;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.function.Function;

/**
 * A clerk's session at the counter app, without UI: sign-in, the chosen counter, its current ticket,
 * the waiting counts, and the connection to the agent. The queue rules are the agent's; this model
 * only asks for moves and shows what the agent answers and pushes.
 *
 * <p>Threads: agent calls run on {@code background}; every property changes on {@code ui}.
 */
public final class DeskModel implements AutoCloseable {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(DeskModel.class);
    public enum Step { LOGIN, CHOOSE_COUNTER, DESK, SUPERVISOR }

    /** Why a clerk pauses; OTHER comes with the clerk's own words. */
    public enum PauseReason {
        BREAK("Nghỉ giải lao / Break"), MEETING("Họp / Meeting"), TECHNICAL("Sự cố kỹ thuật / Technical problem"),
        OTHER("Khác / Other");

        /** What the agent stores and supervisors read: both languages, no code to look up. */
        public final String text;

        PauseReason(String text) {
            this.text = text;
        }
    }

    /** How many of this counter's no-shows the desk keeps at hand for a return. */
    static final int RECENT_NO_SHOWS = 10;

    private final AgentClient agent;
    private final TicketPrinter slipPrinter;
    private final Executor background;
    private final Executor ui;

    private final ReadOnlyObjectWrapper<Step> step = new ReadOnlyObjectWrapper<>(Step.LOGIN);
    private final ReadOnlyObjectWrapper<Sessions.User> user = new ReadOnlyObjectWrapper<>();
    private final ObservableList<CounterInfo> counters = FXCollections.observableArrayList();
    // Views made once: a fresh unmodifiable wrapper per call would drop listeners when collected.
    private final ObservableList<CounterInfo> countersView = FXCollections.unmodifiableObservableList(counters);
    private final ReadOnlyObjectWrapper<CounterInfo> counter = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Ticket> current = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Ticket> lastFinished = new ReadOnlyObjectWrapper<>();
    private final ObservableList<ServiceWaiting> waiting = FXCollections.observableArrayList();
    private final ObservableList<ServiceWaiting> waitingView = FXCollections.unmodifiableObservableList(waiting);
    private final ReadOnlyBooleanWrapper live = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<CounterState> counterState = new ReadOnlyObjectWrapper<>(CounterState.OPEN);
    private final ReadOnlyStringWrapper counterReason = new ReadOnlyStringWrapper();
    private final ObservableList<Ticket> noShows = FXCollections.observableArrayList();
    private final ObservableList<Ticket> noShowsView = FXCollections.unmodifiableObservableList(noShows);
    private final ObservableList<ServiceInfo> services = FXCollections.observableArrayList();
    private final ObservableList<ServiceInfo> servicesView = FXCollections.unmodifiableObservableList(services);
    private final ObservableMap<String, PriorityClass> priorityClasses = FXCollections.observableHashMap();

    private final SupervisorModel supervisor;
    private EventStream stream;
    private final ReadOnlyObjectWrapper<Dossiers.Declaration> declaration = new ReadOnlyObjectWrapper<>();
    private final ReceptionModel reception;
    private final TrackingModel tracking;
    private ScanModel scan;
    private java.util.concurrent.ExecutorService scanWorker;
    private final AgentTasks tasks;
    private final Map<String, Dossiers.Procedure> procedures = new java.util.concurrent.ConcurrentHashMap<>();

    public DeskModel(AgentClient agent, Executor background, Executor ui) {
        this(agent, null, background, ui);
    }

    /** @param slipPrinter the counter's thermal printer for reprints, or null when it has none */
    public DeskModel(AgentClient agent, TicketPrinter slipPrinter, Executor background, Executor ui) {
        this.slipPrinter = slipPrinter;
        this.agent = Objects.requireNonNull(agent);
        this.background = background;
        this.ui = ui;
        this.supervisor = new SupervisorModel(agent, background, ui);
        this.reception = new ReceptionModel(agent, background, ui);
        this.tracking = new TrackingModel(agent, background, ui);
        this.tasks = new AgentTasks(background, ui, busy, message);
        reception.configureSlips(this::slipIssuer, this::printSlip, null);
        tracking.configureSlips(this::slipIssuer, this::printSlip, null);
        configureScanning(ScanSources.unconfigured(), vn.hanoi.branch.client.DeviceState.defaultDir("counter")
                .resolve("scan-spool"), 300);
        current.addListener((o, was, now) -> loadDeclaration(was, now));
        // The overview follows the branch only while it is shown.
        step.addListener((o, was, now) -> {
            if (now == Step.SUPERVISOR) {
                supervisor.start();
            } else {
                supervisor.stop();
            }
        });
    }

    /**
     * What the citizen of the current ticket declared at the kiosk, or null. Fetched when a ticket
     * comes to the counter (the agent records the read in the audit log), dropped when it leaves.
     */
    public ReadOnlyObjectProperty<Dossiers.Declaration> declarationProperty() {
        return declaration.getReadOnlyProperty();
    }

    /** A procedure of the branch's catalog by code, or null (labels and documents of a declaration). */
    public Dossiers.Procedure procedure(String code) {
        return procedures.get(code);
    }

    private volatile String branchName;

    private Slip.Issuer slipIssuer() {
        if (branchName == null) {
            branchName = agent.branch().nameVi();
        }
        Sessions.User u = user.get();
        CounterInfo c = counter.get();
        return new Slip.Issuer(branchName, "", u == null ? "" : u.displayName(),
                c == null ? "" : "Quầy " + c.number());
    }

    /**
     * The counter's thermal printer when it has one; otherwise an A5 PDF, sent to the PC's default
     * printer when there is one and kept in the slips folder either way (so nothing is lost).
     */
    private String[] printSlip(Slip slip) throws Exception {
        if (slipPrinter != null) {
            PrintOutcome out = SlipThermal.print(slip, slipPrinter);
            String what = switch (slip.kind()) {
                case RECEIPT -> "phiếu hẹn";
                case ADDITIONAL_DOCUMENTS -> "phiếu yêu cầu bổ sung";
                case REFUSAL -> "phiếu từ chối";
            };
            return out.printed() ? new String[] {"Đã in " + what + " " + slip.dossierCode() + ".", "Slip printed."}
                    : new String[] {"Máy in phiếu: " + out.statusAfter().textVi(), "Slip printer: " + out.statusAfter().textEn()};
        }
        byte[] pdf = SlipPdf.render(slip, SlipPdf.Paper.A5);
        Path dir = Path.of(System.getProperty("user.home"), "phieu-hen");
        Files.createDirectories(dir);
        Path file = dir.resolve(slip.dossierCode() + ".pdf");
        Files.write(file, pdf);
        if (SlipPrinting.printers().isEmpty()) {
            return new String[] {"Chưa có máy in; phiếu hẹn đã lưu tại " + file, "No printer; the slip was saved as " + file};
        }
        SlipPrinting.print(pdf, null, slip.dossierCode(), 1, SlipPdf.Paper.A5);
        return new String[] {"Đã gửi phiếu hẹn tới máy in (bản lưu: " + file + ").", "Slip sent to the printer (saved as " + file + ")."};
    }

    /**
     * Scanning at this counter: where pages come from (SANE, a scan folder, the simulated scanner) and the
     * local folder where they wait until the agent has them. Called before the desk's scene is built.
     */
    public void configureScanning(ScanSource source, Path spoolRoot, int dpi) {
        if (scanWorker != null) {
            scanWorker.shutdownNow();
        }
        scanWorker = java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "scan-worker");
            t.setDaemon(true);
            return t;
        });
        this.scan = new ScanModel(agent, source, spoolRoot, scanWorker, ui, () -> user.get() == null ? "" : user.get().username(),
                java.time.Clock.systemUTC(), dpi, 0.6f);
    }

    /** Digitizing the dossier's papers. */
    public ScanModel scan() {
        return scan;
    }

    /**
     * Opens the scan screen for the dossier in front of the clerk: the one just received, else the one
     * open in tracking (F12).
     */
    public void openScan() {
        Dossiers.Dossier received = reception.receivedProperty().get();
        Dossiers.Dossier d = received != null && reception.openProperty().get() ? received
                : tracking.openProperty().get() ? tracking.selectedProperty().get() : received;
        if (d == null) {
            message.set(I18n.both("counter", "scan.noDossier"));
            return;
        }
        tasks.run(() -> {
            loadProceduresOnce();
            Dossiers.Procedure p = procedures.get(d.procedureCode());
            return () -> scan.open(d, p);
        });
    }

    /** The dossier tracking view of the desk. */
    public TrackingModel tracking() {
        return tracking;
    }

    /** The reception form of the current ticket's dossier. */
    public ReceptionModel reception() {
        return reception;
    }

    /** Opens the reception form for the citizen at the counter, prefilled from the kiosk declaration. */
    public void openReception() {
        Ticket t = current.get();
        if (t == null || reception.openProperty().get()) {
            return;
        }
        background.execute(() -> {
            try {
                loadProceduresOnce();
                List<Dossiers.Procedure> catalog = procedures.values().stream()
                        .sorted(java.util.Comparator.comparing(Dossiers.Procedure::serviceCode)
                                .thenComparing(Dossiers.Procedure::nameVi)).toList();
                ui.execute(() -> {
                    if (current.get() != null && current.get().id() == t.id()) {
                        reception.start(t, declaration.get(), catalog);
                    }
                });
            } catch (AgentException e) {
                ui.execute(() -> message.set(e.error().messageVi() + "\n" + e.error().messageEn()));
            }
        });
    }

    /** The branch's catalog, fetched the first time a desk needs it (background thread). */
    private void loadProceduresOnce() {
        if (procedures.isEmpty()) {
            agent.procedures().forEach(p -> procedures.put(p.code(), p));
        }
    }

    private void loadDeclaration(Ticket was, Ticket now) {
        if (now == null) {
            declaration.set(null);
            reception.close();
            return;
        }
        if (was != null && was.id() == now.id()) {
            return; // the same citizen, a new state
        }
        reception.close(); // another citizen: the previous one's form never stays on screen
        declaration.set(null);
        long id = now.id();
        background.execute(() -> {
            Dossiers.Declaration d;
            try {
                loadProceduresOnce();
                d = agent.declaration(id);
            } catch (AgentException e) {
                d = null; // 404: nothing declared; anything else: the clerk takes the dossier in person
                if (e.status() != 404) {
                    LOG.warn("declaration of ticket {} not loaded: {}", id, e.error().code());
                }
            }
            Dossiers.Declaration found = d;
            ui.execute(() -> {
                Ticket still = current.get();
                if (still != null && still.id() == id) {
                    declaration.set(found);
                }
            });
        });
    }

    /** The supervisor's overview, on the same agent session. */
    public SupervisorModel supervisor() {
        return supervisor;
    }

    public ReadOnlyObjectProperty<Step> stepProperty() {
        return step.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Sessions.User> userProperty() {
        return user.getReadOnlyProperty();
    }

    public ObservableList<CounterInfo> counters() {
        return countersView;
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

    private void noteFinished(Ticket t) {
        CounterInfo c = counter.get();
        if (t != null && t.state() == TicketState.DONE && c != null && Objects.equals(t.counterId(), c.id())) {
            lastFinished.set(t);
        }
    }

    /** Waiting citizens per service, all services of the branch, this counter's first. */
    public ObservableList<ServiceWaiting> waiting() {
        return waitingView;
    }

    /** True while the event stream is connected: the numbers on screen are current. */
    public ReadOnlyBooleanProperty liveProperty() {
        return live.getReadOnlyProperty();
    }

    /** True while a request is on its way: buttons wait for it. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** The last problem or notice, Vietnamese then English; empty when all is well. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** Whether this counter calls numbers now (OPEN), is paused or closed, as the agent says. */
    public ReadOnlyObjectProperty<CounterState> counterStateProperty() {
        return counterState.getReadOnlyProperty();
    }

    /** Why the counter is paused, or null. */
    public ReadOnlyStringProperty counterReasonProperty() {
        return counterReason.getReadOnlyProperty();
    }

    /** This counter's no-shows of today that have not come back, newest first. */
    public ObservableList<Ticket> recentNoShows() {
        return noShowsView;
    }

    /** The branch's active services, for transfers. */
    public ObservableList<ServiceInfo> services() {
        return servicesView;
    }

    public boolean isSupervisor() {
        Sessions.User u = user.get();
        return u != null && u.role() != null && u.role().atLeast(Role.SUPERVISOR);
    }

    /**
     * The ticket's priority group as staff read it, e.g. "ƯU TIÊN – Người cao tuổi / PRIORITY – Elderly",
     * marked when a clerk revoked it; empty for a normal ticket.
     */
    public String priorityText(Ticket t) {
        if (t == null || t.priorityClass() == null) {
            return "";
        }
        PriorityClass pc = priorityClasses.get(t.priorityClass());
        String vi = pc == null ? t.priorityClass() : pc.nameVi();
        String en = pc == null ? t.priorityClass() : pc.nameEn();
        if (t.priorityState() == PriorityState.REVOKED) {
            return "ĐÃ THU HỒI ƯU TIÊN – " + vi + " / PRIORITY REVOKED – " + en;
        }
        String how = switch (t.priorityState() == null ? PriorityState.DECLARED : t.priorityState()) {
            case CARD -> " (CCCD / ID card)";
            case CONFIRMED -> " ✔ (đã xác nhận / confirmed)";
            default -> " (tự khai / declared)";
        };
        return "ƯU TIÊN – " + vi + " / PRIORITY – " + en + how;
    }

    public ObservableMap<String, PriorityClass> priorityClasses() {
        return priorityClasses;
    }

    public boolean serves(long serviceId) {
        CounterInfo c = counter.get();
        return c != null && c.serviceIds().contains(serviceId);
    }

    // ---- sign-in and counter ----

    public void login(String username, String password) {
        run(() -> {
            Sessions.Session s = agent.login(username.trim(), password);
            List<CounterInfo> all = agent.counters();
            List<ServiceInfo> svc = agent.services();
            List<PriorityClass> classes = agent.priorityClasses();
            return () -> {
                user.set(s.user());
                counters.setAll(all);
                services.setAll(svc.stream().filter(ServiceInfo::active).toList());
                priorityClasses.clear();
                classes.forEach(pc -> priorityClasses.put(pc.code(), pc));
                step.set(isSupervisor() ? Step.SUPERVISOR : Step.CHOOSE_COUNTER);
            };
        });
    }

    public void chooseCounter(CounterInfo c) {
        run(() -> {
            QueueSnapshot q = agent.queue();
            return () -> {
                counter.set(c);
                applySnapshot(q);
                step.set(Step.DESK);
                follow(q.lastEventId());
            };
        });
    }

    /** Supervisors switch between their overview and a counter. */
    public void showSupervisor() {
        if (isSupervisor()) {
            closeStream();
            counter.set(null);
            current.set(null);
            noShows.clear();
            step.set(Step.SUPERVISOR);
        }
    }

    public void showCounterChoice() {
        if (user.get() != null) {
            closeStream();
            counter.set(null);
            current.set(null);
            noShows.clear();
            step.set(Step.CHOOSE_COUNTER);
        }
    }

    public void logout() {
        closeStream();
        run(() -> {
            agent.logout();
            return () -> {
                user.set(null);
                counter.set(null);
                current.set(null);
                waiting.clear();
                noShows.clear();
                step.set(Step.LOGIN);
            };
        });
    }

    // ---- desk actions ----

    public void callNext() {
        CounterInfo c = counter.get();
        run(() -> {
            Ticket t = agent.callNext(c.id());
            return () -> {
                if (t == null) {
                    message.set(I18n.both("counter", "desk.nobody"));
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
        run(() -> {
            Ticket t = agent.callNumber(c.id(), number);
            return () -> current.set(t);
        });
    }

    /**
     * Sends the current ticket to another service and/or one counter; {@code keepPosition}: it keeps its
     * original place in the target's line.
     */
    public void transfer(Long serviceId, Long counterId, boolean keepPosition) {
        act(id -> agent.transfer(id, new TransferRequest(serviceId, counterId, keepPosition)));
    }

    /** A no-show of this counter is back: by the number the clerk typed or picked. */
    public void returnNoShow(String displayNumber) {
        String number = displayNumber == null ? "" : displayNumber.trim();
        Ticket t = noShows.stream().filter(n -> n.displayNumber().equalsIgnoreCase(number)).findFirst().orElse(null);
        if (t == null) {
            message.set(I18n.both("counter", "desk.noShowUnknown", number));
            return;
        }
        run(() -> {
            Ticket back = agent.returnFromNoShow(t.id());
            return () -> noShows.removeIf(n -> n.id() == back.id());
        });
    }

    public void pause(PauseReason reason, String otherText) {
        String text = reason == PauseReason.OTHER
                ? (otherText == null || otherText.isBlank() ? reason.text : reason.text + ": " + otherText.trim())
                : reason.text;
        changeState(CounterState.PAUSED, text);
    }

    public void resume() {
        changeState(CounterState.OPEN, null);
    }

    public void closeCounter() {
        changeState(CounterState.CLOSED, null);
    }

    private void changeState(CounterState state, String reason) {
        CounterInfo c = counter.get();
        if (c == null) {
            return;
        }
        run(() -> {
            QueueSnapshot.CounterStatus s = agent.setCounterState(c.id(), state, reason);
            return () -> {
                counterState.set(s.state());
                counterReason.set(s.reason());
            };
        });
    }

    /** A clerk saw the proof (CONFIRMED) or found none (REVOKED); the agent reorders accordingly. */
    public void setPriority(PriorityState state) {
        Ticket t = current.get();
        if (t == null || t.priorityClass() == null) {
            return;
        }
        act(id -> agent.setPriority(id, new CounterRequests.PriorityChange(null, state)));
    }

    public void recall() {
        act(agent::recall);
    }

    public void serve() {
        act(agent::serve);
    }

    public void noShow() {
        act(id -> {
            Ticket t = agent.noShow(id);
            ui.execute(() -> rememberNoShow(t));
            return t;
        });
    }

    /** Finishes the current ticket, called or being served: one call to the agent. */
    public void finish() {
        act(agent::finish);
    }

    public boolean canReprint() {
        return slipPrinter != null;
    }

    /**
     * Prints the current ticket again on this counter's printer, marked as a reprint, and keeps the
     * job with the ticket in the agent (its copy number tells how many paper copies exist).
     */
    public void reprint() {
        Ticket t = current.get();
        if (t == null || slipPrinter == null) {
            return;
        }
        ServiceInfo s = services.stream().filter(x -> x.id() == t.serviceId()).findFirst().orElse(null);
        run(() -> {
            String branch = agent.branch().nameVi();
            PrintOutcome out = slipPrinter.print(new TicketPrint(branch, s == null ? t.serviceCode() : s.nameVi(),
                    s == null ? null : s.nameEn(), t.displayNumber(), null,
                    LocalDateTime.ofInstant(t.issuedAt(), ZoneId.systemDefault()), 0, null, null, null, true));
            DeviceHealth.PrintJob job = agent.recordPrint(t.id(),
                    new DeviceHealth.PrintReport(out.printed(), out.statusAfter().name(), true, out.bytesSent()));
            return () -> message.set(out.printed()
                    ? I18n.both("counter", "desk.reprinted", t.displayNumber(), job.copy())
                    : out.statusAfter().textVi() + "\n" + out.statusAfter().textEn());
        });
    }

    private void act(Function<Long, Ticket> call) {
        Ticket t = current.get();
        if (t == null) {
            return;
        }
        run(() -> {
            Ticket after = call.apply(t.id());
            return () -> {
                current.set(after.state().isActive() ? after : null);
                noteFinished(after);
            };
        });
    }

    /** Runs an agent call off the UI thread; shows its error, bilingual, if it fails. */
    private void run(AgentTasks.Call call) {
        tasks.run(call);
    }


    // ---- live updates ----

    private void follow(long afterEventId) {
        closeStream();
        stream = agent.events(afterEventId, e -> ui.execute(() -> apply(e)),
                s -> ui.execute(() -> live.set(s == EventStream.Status.CONNECTED)));
    }

    private void applySnapshot(QueueSnapshot q) {
        long id = counter.get().id();
        QueueSnapshot.CounterStatus mine = q.counters().stream().filter(c -> c.counterId() == id).findFirst()
                .orElse(null);
        current.set(mine == null ? null : mine.current());
        counterState.set(mine == null || mine.state() == null ? CounterState.OPEN : mine.state());
        counterReason.set(mine == null ? null : mine.reason());
        waiting.setAll(q.services().stream()
                .sorted((a, b) -> Boolean.compare(serves(b.serviceId()), serves(a.serviceId())))
                .toList());
    }

    private void apply(QueueEvent e) {
        Ticket t = e.ticket();
        CounterInfo c = counter.get();
        if (c == null) {
            return;
        }
        if (QueueEvent.COUNTER_STATE.equals(e.type())) {
            // A pause elsewhere changes who calls what; end of day (no counter id) closes all of them.
            refreshCounts();
            return;
        }
        if (t == null) {
            return;
        }
        if (Objects.equals(t.counterId(), c.id())) {
            current.set(t.state().isActive() ? t : null);
            if (t.state() == TicketState.NO_SHOW) {
                rememberNoShow(t);
            }
            noteFinished(t);
        }
        if (QueueEvent.TICKET_RETURNED.equals(e.type())) {
            noShows.removeIf(n -> n.id() == t.id());
        }
        switch (e.type()) {
            case QueueEvent.TICKET_ISSUED, QueueEvent.TICKET_RETURNED -> adjust(t.serviceId(), +1);
            case QueueEvent.TICKET_CALLED -> adjust(t.serviceId(), -1);
            case QueueEvent.TICKET_CANCELLED, QueueEvent.TICKET_TRANSFERRED -> refreshCounts();
            default -> {
                // recall, serving, done, no-show, priority updated: the waiting line is unchanged
            }
        }
    }

    private void rememberNoShow(Ticket t) {
        if (t == null || t.state() != TicketState.NO_SHOW || noShows.stream().anyMatch(n -> n.id() == t.id())) {
            return;
        }
        noShows.add(0, t);
        if (noShows.size() > RECENT_NO_SHOWS) {
            noShows.remove(RECENT_NO_SHOWS, noShows.size());
        }
    }

    private void adjust(long serviceId, int delta) {
        for (int i = 0; i < waiting.size(); i++) {
            ServiceWaiting w = waiting.get(i);
            if (w.serviceId() == serviceId) {
                waiting.set(i, new ServiceWaiting(w.serviceId(), w.code(), w.nameVi(), w.nameEn(),
                        Math.max(0, w.waiting() + delta), w.estimateMinutes()));
            }
        }
    }

    /** A cancelled or transferred ticket may or may not have been waiting: ask the agent. */
    private void refreshCounts() {
        background.execute(() -> {
            try {
                QueueSnapshot q = agent.queue();
                ui.execute(() -> {
                    if (counter.get() != null) {
                        applySnapshot(q);
                    }
                });
            } catch (AgentException ignored) {
                // the stream's status line already shows the agent is away; counts catch up later
            }
        });
    }

    private void closeStream() {
        if (stream != null) {
            stream.close();
            stream = null; // its CLOSED status turns the live flag off, on the UI thread
        }
    }

    @Override
    public void close() {
        closeStream();
        supervisor.close();
        scan.cancel();
        scanWorker.shutdownNow();
    }
}
