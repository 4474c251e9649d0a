package vn.hanoi.branch.kiosk.ticket;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.hanoi.branch.api.Dossiers;
import vn.hanoi.branch.api.PriorityClass;
import vn.hanoi.branch.api.QueueEvent;
import vn.hanoi.branch.api.ServiceInfo;
import vn.hanoi.branch.client.KioskClient;
import vn.hanoi.branch.client.AgentException;
import vn.hanoi.branch.client.EventStream;
import vn.hanoi.branch.kiosk.dossier.DeclarationModel;
import vn.hanoi.branch.kiosk.identity.Citizen;
import vn.hanoi.branch.kiosk.identity.CitizenSession;
import vn.hanoi.branch.kiosk.lookup.LookupModel;
import vn.hanoi.branch.printer.TicketPrinter;

import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * The "take a number" flow of the kiosk, without any UI: which step the citizen is at, their choices on
 * the way, and what went wrong. The screens' own view models hang off it: the {@link #session() session}
 * of the citizen, the branch's {@link #offer() offer}, the {@link #declaration() form}, the
 * {@link #booking() booking code}, the {@link #lookup() lookup} and the {@link #ticket() ticket}.
 * Agent calls and printing run on {@code background}; property changes are made on {@code ui} (the FX
 * thread in the app). The number itself is asked for by {@link Issuing}.
 */
public final class TakeNumberModel implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TakeNumberModel.class);

    /**
     * PRIORITY: asked after the service (not when the card shows the citizen's age gives priority);
     * PROCEDURE: which procedure, to self-declare (optional); DECLARE: the form; BOOKING: typing an
     * online booking code; LOOKUP: a dossier or ticket looked up.
     */
    public enum Step { STARTING, CHOOSE, PRIORITY, PROCEDURE, DECLARE, BOOKING, LOOKUP, ISSUING, TICKET, PROBLEM }

    private final Executor background;
    private final Executor ui;
    private final KioskClient agent;
    private final BranchOffer offer;
    private final CitizenSession session;
    private final TicketPrinting printing;
    private final TicketModel ticket;
    private final ProblemModel problem = new ProblemModel();
    private final Issuing issuing;
    private final BookingModel booking = new BookingModel(this::checkIn);
    private final DeclarationModel declaration = new DeclarationModel();
    private final LookupModel lookup;

    private final ReadOnlyObjectWrapper<Step> step = new ReadOnlyObjectWrapper<>(Step.STARTING);
    private final ObservableList<Dossiers.Procedure> proceduresOfChosen = FXCollections.observableArrayList();
    private final ObservableList<Dossiers.Procedure> proceduresOfChosenView = FXCollections.unmodifiableObservableList(proceduresOfChosen);
    private ServiceInfo chosen;
    private PriorityClass declared;
    /** The agent's events, followed for configuration changes once the offer is first loaded. */
    private EventStream configChanges;
    private boolean closed;

    public TakeNumberModel(KioskClient agent, TicketPrinter printer, Executor background, Executor ui) {
        this(agent, printer, background, ui, Clock.systemDefaultZone());
    }

    public TakeNumberModel(KioskClient agent, TicketPrinter printer, Executor background, Executor ui, Clock clock) {
        Objects.requireNonNull(agent);
        this.background = background;
        this.ui = ui;
        this.agent = agent;
        this.offer = new BranchOffer(agent);
        this.session = new CitizenSession(offer.priorityClasses(), clock);
        this.printing = new TicketPrinting(agent, Objects.requireNonNull(printer), offer);
        this.ticket = new TicketModel(offer);
        this.issuing = new Issuing(new TicketIssuer(agent, offer, printing), ticket, problem, this::runInBackground, ui,
                step::set);
        this.lookup = new LookupModel(agent, this::runInBackground, ui);
        step.addListener((o, was, now) -> {
            if (now == Step.CHOOSE) {
                booking.clear(); // never show the previous citizen's code
            }
        });
    }

    /** The lookup site printed in ticket QR codes (the kiosk's {@code --qr-base}). */
    public void setLookupBase(String base) {
        printing.setLookupBase(base);
    }

    public CitizenSession session() {
        return session;
    }

    public BranchOffer offer() {
        return offer;
    }

    public TicketModel ticket() {
        return ticket;
    }

    public BookingModel booking() {
        return booking;
    }

    public DeclarationModel declaration() {
        return declaration;
    }

    public LookupModel lookup() {
        return lookup;
    }

    public ReadOnlyObjectProperty<Step> stepProperty() {
        return step.getReadOnlyProperty();
    }

    /** Procedures of the chosen service, for the optional self-declaration. */
    public ObservableList<Dossiers.Procedure> proceduresOfChosen() {
        return proceduresOfChosenView;
    }

    public ProblemModel problem() {
        return problem;
    }

    /** Loads the branch and its open services; on failure shows the problem with a retry. */
    public void start() {
        step.set(Step.STARTING);
        runInBackground(() -> {
            try {
                Runnable show = offer.fetch();
                ui.execute(() -> {
                    show.run();
                    step.set(Step.CHOOSE);
                    followConfigChanges();
                });
            } catch (AgentException e) {
                ui.execute(() -> issuing.fail(e.error(), this::start));
            }
        });
    }

    /**
     * The ID card was read (chip or QR): greet the citizen and use the data for this session only.
     * Ignored while a ticket is being issued or shown, so a card left on the reader does not mix sessions.
     */
    public void identified(Citizen c) {
        Step now = step.get();
        if (now == Step.ISSUING || now == Step.TICKET || now == Step.STARTING) {
            return;
        }
        session.identify(c);
        if (now == Step.PROBLEM || now == Step.LOOKUP || now == Step.BOOKING) {
            step.set(Step.CHOOSE);
        }
    }

    /**
     * The citizen touched a service tile; next they say whether they belong to a priority group.
     * Ignored unless the kiosk is waiting for a choice.
     */
    public void choose(ServiceInfo service) {
        if (step.get() != Step.CHOOSE) {
            return;
        }
        chosen = service;
        session.clearNotice();
        if (offer.priorityClasses().isEmpty() || session.elderlyByAge()) {
            // The agent sets the elderly priority from the date of birth sent with the ticket.
            declared = null;
            afterPriority();
        } else {
            step.set(Step.PRIORITY);
        }
    }

    /** The citizen's answer to "are you in a priority group?": a group, or null for no. */
    public void declare(PriorityClass group) {
        if (step.get() != Step.PRIORITY && step.get() != Step.CHOOSE) {
            return;
        }
        declared = group;
        afterPriority();
    }

    /** The procedure choice when the service has procedures to declare, else the number straight away. */
    private void afterPriority() {
        List<Dossiers.Procedure> ofService = offer.proceduresOf(chosen);
        proceduresOfChosen.setAll(ofService);
        if (ofService.isEmpty()) {
            startIssue();
        } else {
            step.set(Step.PROCEDURE);
        }
    }

    /** The citizen chose a procedure to declare, or null to take a number without declaring. */
    public void chooseProcedure(Dossiers.Procedure p) {
        if (step.get() != Step.PROCEDURE) {
            return;
        }
        if (p == null) {
            startIssue();
        } else {
            declaration.start(p, session.citizenProperty().get());
            step.set(Step.DECLARE);
        }
    }

    /** Sends the form with the number: checked here first so the citizen fixes fields before waiting. */
    public void submitDeclaration() {
        if (step.get() == Step.DECLARE && declaration.check()) {
            startIssue();
        }
    }

    /** Back one screen: from the form to the procedure choice (the typed values are dropped), else to the services. */
    public void back() {
        switch (step.get()) {
            case DECLARE -> {
                declaration.clear();
                step.set(Step.PROCEDURE);
            }
            case PROCEDURE, PRIORITY, LOOKUP, BOOKING -> {
                lookup.clear();
                chosen = null;
                declared = null;
                step.set(Step.CHOOSE);
            }
            default -> {
            }
        }
    }

    /** The citizen has an online booking: show the code entry. */
    public void startBooking() {
        if (step.get() == Step.CHOOSE) {
            step.set(Step.BOOKING);
        }
    }

    /** A booking confirmation's QR was scanned: check in as if the code had been typed. */
    public void scannedBooking(String code) {
        if (step.get() == Step.CHOOSE || step.get() == Step.BOOKING) {
            step.set(Step.BOOKING);
            checkIn(code);
        }
    }

    /** Check-in with the typed code; safe to retry, the agent keeps one ticket per booking. */
    public void checkIn(String code) {
        if ((step.get() != Step.BOOKING && step.get() != Step.PROBLEM) || code == null || code.isBlank()) {
            return;
        }
        issuing.checkIn(code);
    }

    /** The citizen asked to look a dossier up: show the code entry. */
    public void startLookup() {
        if (step.get() == Step.CHOOSE || step.get() == Step.LOOKUP) {
            lookup.clear();
            step.set(Step.LOOKUP);
        }
    }

    /** A dossier code from a scanned appointment slip. */
    public void showDossier(String code) {
        if (step.get() == Step.CHOOSE || step.get() == Step.LOOKUP) {
            step.set(Step.LOOKUP);
            lookup.lookupDossier(code);
        }
    }

    /** A ticket number from a scanned ticket: where to go. */
    public void showTicket(String displayNumber) {
        if (step.get() == Step.CHOOSE || step.get() == Step.LOOKUP) {
            lookup.clear();
            step.set(Step.LOOKUP);
            lookup.lookupTicket(displayNumber);
        }
    }

    private void startIssue() {
        Dossiers.DeclarationRequest form = declaration.procedureProperty().get() != null ? declaration.request() : null;
        issuing.walkIn(chosen, declared, session.citizenProperty().get(), form);
    }

    /** The problem screen's "try again". */
    public void retry() {
        if (step.get() == Step.PROBLEM) {
            problem.retry();
        }
    }

    /** True when something of a citizen's session is on the kiosk: a screen past the first, a language, card data. */
    public boolean inSession() {
        return step.get() != Step.CHOOSE || session.active();
    }

    /** Back to the first screen, in Vietnamese, forgetting this citizen's choice. */
    public void home() {
        if (step.get() == Step.ISSUING) {
            return; // the answer is on its way; the ticket screen follows
        }
        ticket.clear();
        chosen = null;
        declared = null;
        // End of the citizen's session: card data and the declaration are dropped here.
        session.end();
        declaration.clear();
        lookup.clear();
        proceduresOfChosen.clear();
        problem.clear();
        if (!offer.loaded()) {
            start();
        } else {
            step.set(Step.CHOOSE);
            // The next citizen sees current waits.
            refreshAvailability();
        }
    }

    /**
     * Asks the agent again for the waits and which services give numbers now: hours open and close and the
     * day's numbers run out while the kiosk stands idle (the shell asks every minute, and after each number).
     */
    public void refreshAvailability() {
        if (offer.loaded()) {
            runInBackground(() -> offer.refreshEstimates(ui));
        }
    }

    /**
     * IT or a supervisor changed services or their hours: the offer is read again and the tiles follow,
     * without a restart. A citizen in the middle of taking a number keeps the service they chose.
     */
    private synchronized void followConfigChanges() {
        if (configChanges != null || closed) {
            return;
        }
        configChanges = agent.events(offer.readAtEventId(), e -> {
            if (QueueEvent.CONFIG_CHANGED.equals(e.type())) {
                reloadOffer();
            } else if (QueueEvent.TICKET_ISSUED.equals(e.type())) {
                refreshAvailability(); // another kiosk may have taken the day's last number
            }
        }, s -> { });
    }

    private void reloadOffer() {
        runInBackground(() -> {
            try {
                Runnable show = offer.fetch();
                ui.execute(show);
            } catch (AgentException e) {
                LOG.warn("branch offer not reloaded after a configuration change: {}", e.error().code());
            }
        });
    }

    /** Stops following the agent's events (the kiosk's screens are closed or restarted). */
    @Override
    public synchronized void close() {
        closed = true;
        if (configChanges != null) {
            configChanges.close();
            configChanges = null;
        }
    }

    private void runInBackground(Runnable work) {
        try {
            background.execute(work);
        } catch (RejectedExecutionException e) {
            LOG.debug("kiosk is stopping; background work dropped");
        }
    }
}
