package vn.hanoi.branch.counter.dossier;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.value.ObservableValue;
import vn.hanoi.branch.api.Dossiers;
import vn.hanoi.branch.api.Ticket;
import vn.hanoi.branch.client.AgentClient;
import vn.hanoi.branch.client.AgentException;
import vn.hanoi.branch.client.DeviceState;
import vn.hanoi.branch.counter.AgentTasks;
import vn.hanoi.branch.counter.scan.ScanModel;
import vn.hanoi.branch.counter.slip.CounterPrinting;
import vn.hanoi.branch.i18n.I18n;
import vn.hanoi.branch.scan.ScanSource;
import vn.hanoi.branch.scan.ScanSources;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * The dossier work at a desk, without UI: what the citizen at the counter declared at the kiosk, the
 * reception form, dossier tracking and scanning, and the branch's procedure catalog they share.
 *
 * <p>Threads: agent calls on {@code background}; properties change on {@code ui}.
 */
public final class DeskDossiers implements AutoCloseable {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(DeskDossiers.class);

    private final AgentClient agent;
    private final Executor background;
    private final Executor ui;
    private final AgentTasks tasks;
    private final ObservableValue<Ticket> current;
    private final Supplier<String> username;
    private final ReadOnlyObjectWrapper<Dossiers.Declaration> declaration = new ReadOnlyObjectWrapper<>();
    private final Map<String, Dossiers.Procedure> procedures = new ConcurrentHashMap<>();
    private final ReceptionModel reception;
    private final TrackingModel tracking;
    private ScanModel scan;
    private ExecutorService scanWorker;

    /**
     * @param current  the ticket at the counter, or null: its declaration is loaded when it comes
     * @param username the signed-in clerk's user name, for the scans' audit ("" when none)
     */
    public DeskDossiers(AgentClient agent, AgentTasks tasks, CounterPrinting printing, ObservableValue<Ticket> current,
                        Supplier<String> username, Executor background, Executor ui) {
        this.agent = agent;
        this.background = background;
        this.ui = ui;
        this.tasks = tasks;
        this.current = current;
        this.username = username;
        this.reception = new ReceptionModel(agent, background, ui);
        this.tracking = new TrackingModel(agent, background, ui);
        reception.configureSlips(printing::slipIssuer, printing::printSlip, null);
        tracking.configureSlips(printing::slipIssuer, printing::printSlip, null);
        configureScanning(ScanSources.unconfigured(), DeviceState.defaultDir("counter").resolve("scan-spool"), 300);
        current.addListener((o, was, now) -> loadDeclaration(was, now));
    }

    /**
     * Scanning at this counter: where pages come from (SANE, a scan folder, the simulated scanner) and the
     * local folder where they wait until the agent has them. Called before the desk's scene is built.
     */
    public void configureScanning(ScanSource source, Path spoolRoot, int dpi) {
        if (scanWorker != null) {
            scanWorker.shutdownNow();
        }
        scanWorker = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "scan-worker");
            t.setDaemon(true);
            return t;
        });
        this.scan = new ScanModel(agent, source, spoolRoot, scanWorker, ui, username, Clock.systemUTC(), dpi, 0.6f);
    }

    /** Digitizing the dossier's papers. */
    public ScanModel scan() {
        return scan;
    }

    /** The dossier tracking view of the desk. */
    public TrackingModel tracking() {
        return tracking;
    }

    /** The reception form of the current ticket's dossier. */
    public ReceptionModel reception() {
        return reception;
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

    /**
     * Opens the scan screen for the dossier in front of the clerk: the one just received, else the one
     * open in tracking (F12).
     */
    public void openScan() {
        Dossiers.Dossier received = reception.receivedProperty().get();
        Dossiers.Dossier d = received != null && reception.openProperty().get() ? received
                : tracking.openProperty().get() ? tracking.selectedProperty().get() : received;
        if (d == null) {
            tasks.say(I18n.both("counter", "scan.noDossier"));
            return;
        }
        tasks.run(() -> {
            loadProceduresOnce();
            Dossiers.Procedure p = procedures.get(d.procedureCode());
            return () -> scan.open(d, p);
        });
    }

    /** Opens the reception form for the citizen at the counter, prefilled from the kiosk declaration. */
    public void openReception() {
        Ticket t = current.getValue();
        if (t == null || reception.openProperty().get()) {
            return;
        }
        background.execute(() -> {
            try {
                loadProceduresOnce();
                List<Dossiers.Procedure> catalog = procedures.values().stream()
                        .sorted(Comparator.comparing(Dossiers.Procedure::serviceCode)
                                .thenComparing(Dossiers.Procedure::nameVi)).toList();
                ui.execute(() -> {
                    if (isCurrent(t.id())) {
                        reception.start(t, declaration.get(), catalog);
                    }
                });
            } catch (AgentException e) {
                ui.execute(() -> tasks.say(e.error().messageVi() + "\n" + e.error().messageEn()));
            }
        });
    }

    private boolean isCurrent(long ticketId) {
        Ticket now = current.getValue();
        return now != null && now.id() == ticketId;
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
                if (isCurrent(id)) {
                    declaration.set(found);
                }
            });
        });
    }

    @Override
    public void close() {
        scan.cancel();
        scanWorker.shutdownNow();
    }
}
