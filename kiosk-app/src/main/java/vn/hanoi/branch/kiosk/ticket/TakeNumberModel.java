package vn.hanoi.branch.kiosk.ticket;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.hanoi.branch.printer.PrintOutcome;
import vn.hanoi.branch.code.OurQr;
import vn.hanoi.branch.code.TicketQr;
import vn.hanoi.branch.printer.PrinterStatus;
import vn.hanoi.branch.printer.TicketPrint;
import vn.hanoi.branch.printer.TicketPrinter;
import vn.hanoi.branch.ticket.PriorityByAge;
import vn.hanoi.branch.api.ApiError;
import vn.hanoi.branch.api.Bookings;
import vn.hanoi.branch.api.DeviceHealth;
import vn.hanoi.branch.api.Dossiers;
import vn.hanoi.branch.kiosk.dossier.DeclarationModel;
import vn.hanoi.branch.kiosk.identity.Citizen;
import vn.hanoi.branch.kiosk.lookup.LookupModel;
import vn.hanoi.branch.api.BranchInfo;
import vn.hanoi.branch.api.IssueTicketRequest;
import vn.hanoi.branch.api.PriorityClass;
import vn.hanoi.branch.api.QueueSnapshot;
import vn.hanoi.branch.api.ServiceInfo;
import vn.hanoi.branch.api.Ticket;
import vn.hanoi.branch.client.AgentClient;
import vn.hanoi.branch.client.AgentException;
import vn.hanoi.branch.i18n.I18n;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.Executor;

/**
 * The "take a number" flow of the kiosk, without any UI: which step the citizen is at, the services
 * on offer, the ticket, and what went wrong. Agent calls and printing run on {@code background};
 * property changes are made on {@code ui} (the FX thread in the app).
 *
 * <p>Never twice: a tap creates one idempotency key, and every retry of that tap sends the same key,
 * so a request whose answer was lost returns the ticket already issued instead of a new one.
 */
public final class TakeNumberModel {
    private static final Logger LOG = LoggerFactory.getLogger(TakeNumberModel.class);

    /**
     * PRIORITY: asked after the service (not when the card shows the citizen's age gives priority);
     * PROCEDURE: which procedure, to self-declare (optional); DECLARE: the form; BOOKING: typing an
     * online booking code; LOOKUP: a dossier or ticket looked up.
     */
    public enum Step { STARTING, CHOOSE, PRIORITY, PROCEDURE, DECLARE, BOOKING, LOOKUP, ISSUING, TICKET, PROBLEM }


    private final AgentClient agent;
    private final TicketPrinter printer;
    private final Executor background;
    private final Executor ui;

    private final ReadOnlyObjectWrapper<Step> step = new ReadOnlyObjectWrapper<>(Step.STARTING);
    private final ObservableList<ServiceInfo> services = FXCollections.observableArrayList();
    // One view for all callers: a fresh unmodifiable wrapper per call would drop listeners when collected.
    private final ObservableList<ServiceInfo> servicesView = FXCollections.unmodifiableObservableList(services);
    private final ReadOnlyStringWrapper branchName = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<Ticket> ticket = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<ServiceInfo> chosen = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<PrinterStatus> printerProblem = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<ApiError> problem = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Boolean> canRetry = new ReadOnlyObjectWrapper<>(false);
    private final ObjectProperty<Locale> language = new SimpleObjectProperty<>(I18n.VI);
    private final ObservableList<PriorityClass> priorityClasses = FXCollections.observableArrayList();
    private final ObservableList<PriorityClass> priorityClassesView = FXCollections.unmodifiableObservableList(priorityClasses);
    private final javafx.collections.ObservableMap<Long, Integer> estimates = FXCollections.observableHashMap();
    private final ReadOnlyObjectWrapper<PriorityClass> declared = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Bookings.CheckIn> checkIn = new ReadOnlyObjectWrapper<>();

    private final ReadOnlyObjectWrapper<Citizen> citizen = new ReadOnlyObjectWrapper<>();
    private final ObservableList<Dossiers.Procedure> procedures = FXCollections.observableArrayList();
    private final ObservableList<Dossiers.Procedure> proceduresOfChosen = FXCollections.observableArrayList();
    private final ObservableList<Dossiers.Procedure> proceduresOfChosenView = FXCollections.unmodifiableObservableList(proceduresOfChosen);
    private final ReadOnlyObjectWrapper<Boolean> declarationSent = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<String[]> notice = new ReadOnlyObjectWrapper<>();
    private final DeclarationModel declaration = new DeclarationModel();
    private final LookupModel lookup;
    private final Clock clock;

    private Runnable retry;
    private String issueKey;
    private volatile String branchCode;
    private volatile String lookupBase = OurQr.DEFAULT_BASE;

    public TakeNumberModel(AgentClient agent, TicketPrinter printer, Executor background, Executor ui) {
        this(agent, printer, background, ui, Clock.systemDefaultZone());
    }

    public TakeNumberModel(AgentClient agent, TicketPrinter printer, Executor background, Executor ui, Clock clock) {
        this.agent = Objects.requireNonNull(agent);
        this.printer = Objects.requireNonNull(printer);
        this.background = background;
        this.ui = ui;
        this.clock = clock;
        this.lookup = new LookupModel(agent, this::runInBackground, ui);
    }

    /** The lookup site printed in ticket QR codes (the kiosk's {@code --qr-base}). */
    public void setLookupBase(String base) {
        this.lookupBase = OurQr.normaliseBase(base);
    }

    /** The citizen identified by ID card or its QR in this session, or null. */
    public ReadOnlyObjectProperty<Citizen> citizenProperty() {
        return citizen.getReadOnlyProperty();
    }

    /** Procedures of the chosen service, for the optional self-declaration. */
    public ObservableList<Dossiers.Procedure> proceduresOfChosen() {
        return proceduresOfChosenView;
    }

    public DeclarationModel declaration() {
        return declaration;
    }

    public LookupModel lookup() {
        return lookup;
    }

    /** After a ticket with a declaration: true when the agent has it, false when it could not be sent. */
    public ReadOnlyObjectProperty<Boolean> declarationSentProperty() {
        return declarationSent.getReadOnlyProperty();
    }

    /** A short message for the current screen ({vi, en}), e.g. a QR that could not be read; or null. */
    public ReadOnlyObjectProperty<String[]> noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    /** True when the citizen's age, known from the card, gives the elderly priority by itself. */
    public boolean elderlyByAge() {
        return priorityByAge().isPresent();
    }

    /** The branch's priority group the card's date of birth gives (the agent decides the same way). */
    public Optional<PriorityClass> priorityByAge() {
        Citizen c = citizen.get();
        return c == null ? Optional.empty() : PriorityByAge.of(priorityClasses, c.dateOfBirth(), LocalDate.now(clock));
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
        citizen.set(c);
        notice.set(null);
        if (now == Step.PROBLEM || now == Step.LOOKUP || now == Step.BOOKING) {
            step.set(Step.CHOOSE);
        }
    }

    /** Shows a short message on the current screen, e.g. why a scanned code or a card was not read. */
    public void tell(String vi, String en) {
        notice.set(vi == null ? null : new String[] {vi, en});
    }

    /** The citizen asked to look a dossier up: show the code entry. */
    public void startLookup() {
        if (step.get() == Step.CHOOSE || step.get() == Step.LOOKUP) {
            lookup.clear();
            step.set(Step.LOOKUP);
        }
    }

    /** A dossier code from a scanned appointment slip, or a ticket number from a scanned ticket. */
    public void showDossier(String code) {
        if (step.get() == Step.CHOOSE || step.get() == Step.LOOKUP) {
            step.set(Step.LOOKUP);
            lookup.lookupDossier(code);
        }
    }

    public void showTicket(String displayNumber) {
        if (step.get() == Step.CHOOSE || step.get() == Step.LOOKUP) {
            lookup.clear();
            step.set(Step.LOOKUP);
            lookup.lookupTicket(displayNumber);
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
            declaration.start(p, citizen.get());
            step.set(Step.DECLARE);
        }
    }

    /** Sends the form with the number: checked here first so the citizen fixes fields before waiting. */
    public void submitDeclaration() {
        if (step.get() == Step.DECLARE && declaration.check()) {
            startIssue();
        }
    }

    /** Back from the form to the procedure choice (the typed values are dropped). */
    public void back() {
        switch (step.get()) {
            case DECLARE -> {
                declaration.clear();
                step.set(Step.PROCEDURE);
            }
            case PROCEDURE, PRIORITY, LOOKUP, BOOKING -> {
                lookup.clear();
                chosen.set(null);
                declared.set(null);
                step.set(Step.CHOOSE);
            }
            default -> {
            }
        }
    }

    public ReadOnlyObjectProperty<Step> stepProperty() {
        return step.getReadOnlyProperty();
    }

    public ObservableList<ServiceInfo> services() {
        return servicesView;
    }

    public ReadOnlyStringProperty branchNameProperty() {
        return branchName.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Ticket> ticketProperty() {
        return ticket.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<ServiceInfo> chosenProperty() {
        return chosen.getReadOnlyProperty();
    }

    /** Non-null when the ticket was issued but did not come out of the printer. */
    public ReadOnlyObjectProperty<PrinterStatus> printerProblemProperty() {
        return printerProblem.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<ApiError> problemProperty() {
        return problem.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Boolean> canRetryProperty() {
        return canRetry.getReadOnlyProperty();
    }

    public ObjectProperty<Locale> languageProperty() {
        return language;
    }

    /** Priority groups a citizen may declare (the clerk confirms at the counter). */
    public ObservableList<PriorityClass> priorityClasses() {
        return priorityClassesView;
    }

    /** Expected wait in minutes per service id, for a number taken now. */
    public javafx.collections.ObservableMap<Long, Integer> estimates() {
        return estimates;
    }

    /** The priority group the citizen chose, or null. */
    public ReadOnlyObjectProperty<PriorityClass> declaredProperty() {
        return declared.getReadOnlyProperty();
    }

    /** The booking check-in that produced the ticket on screen, or null for a walk-in number. */
    public ReadOnlyObjectProperty<Bookings.CheckIn> checkInProperty() {
        return checkIn.getReadOnlyProperty();
    }

    public void toggleLanguage() {
        language.set(I18n.VI.equals(language.get()) ? I18n.EN : I18n.VI);
    }

    /** Loads the branch and its open services; on failure shows the problem with a retry. */
    public void start() {
        step.set(Step.STARTING);
        runInBackground(() -> {
            try {
                BranchInfo b = agent.branch();
                List<ServiceInfo> open = agent.services().stream().filter(ServiceInfo::active).toList();
                List<PriorityClass> classes = agent.priorityClasses();
                List<Dossiers.Procedure> offered = agent.procedures();
                Map<Long, Integer> waits = currentEstimates();
                branchCode = b.code();
                ui.execute(() -> {
                    branchName.set(b.nameVi());
                    services.setAll(open);
                    priorityClasses.setAll(classes);
                    procedures.setAll(offered);
                    estimates.putAll(waits);
                    step.set(Step.CHOOSE);
                });
            } catch (AgentException e) {
                ui.execute(() -> fail(e.error(), this::start));
            }
        });
    }

    /**
     * The citizen touched a service tile; next they say whether they belong to a priority group.
     * Ignored unless the kiosk is waiting for a choice.
     */
    public void choose(ServiceInfo service) {
        if (step.get() != Step.CHOOSE) {
            return;
        }
        chosen.set(service);
        notice.set(null);
        if (priorityClasses.isEmpty() || elderlyByAge()) {
            // The agent sets the elderly priority from the date of birth sent with the ticket.
            declared.set(null);
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
        declared.set(group);
        afterPriority();
    }

    /** The procedure choice when the service has procedures to declare, else the number straight away. */
    private void afterPriority() {
        ServiceInfo s = chosen.get();
        List<Dossiers.Procedure> ofService = s == null ? List.of()
                : procedures.stream().filter(p -> p.serviceCode().equals(s.code())).toList();
        proceduresOfChosen.setAll(ofService);
        if (ofService.isEmpty()) {
            startIssue();
        } else {
            step.set(Step.PROCEDURE);
        }
    }

    private void startIssue() {
        issueKey = UUID.randomUUID().toString();
        issue();
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
        step.set(Step.ISSUING);
        problem.set(null);
        runInBackground(() -> {
            Bookings.CheckIn in;
            try {
                in = agent.checkIn(code);
            } catch (AgentException e) {
                boolean retryable = e.isUnreachable() || e.status() >= 500;
                ui.execute(() -> fail(e.error(), retryable ? () -> checkIn(code) : null));
                return;
            }
            ServiceInfo s = services.stream().filter(x -> x.id() == in.ticket().serviceId()).findFirst().orElse(null);
            PrintOutcome printed = print(s, in.ticket(), in.noticeVi());
            ui.execute(() -> {
                chosen.set(s);
                checkIn.set(in);
                ticket.set(in.ticket());
                printerProblem.set(printed.printed() ? null : printed.statusAfter());
                step.set(Step.TICKET);
            });
        });
    }

    private void issue() {
        ServiceInfo s = chosen.get();
        String key = issueKey;
        PriorityClass group = declared.get();
        Citizen who = citizen.get();
        Dossiers.DeclarationRequest form = declaration.procedureProperty().get() != null ? declaration.request() : null;
        step.set(Step.ISSUING);
        problem.set(null);
        runInBackground(() -> {
            Ticket t;
            try {
                // Only the date of birth leaves the kiosk with the ticket (for age priority); the agent does not keep it.
                t = agent.issueTicket(new IssueTicketRequest(s.id(), group == null ? null : group.code(),
                        who == null ? null : who.dateOfBirth()), key);
            } catch (AgentException e) {
                // Unreachable or a server fault: the request may have been carried out, so a retry
                // must reuse the key. A refusal (4xx) is final for this tap.
                boolean retryable = e.isUnreachable() || e.status() >= 500;
                ui.execute(() -> fail(e.error(), retryable ? this::issue : null));
                return;
            }
            Boolean sent = form == null ? null : sendDeclaration(t, form);
            PrintOutcome printed = print(s, t, null);
            ui.execute(() -> {
                declarationSent.set(sent);
                ticket.set(t);
                printerProblem.set(printed.printed() ? null : printed.statusAfter());
                issueKey = null;
                step.set(Step.TICKET);
            });
        });
    }

    /** The ticket stands either way; a declaration the agent refused or did not get is told, not retried. */
    private boolean sendDeclaration(Ticket t, Dossiers.DeclarationRequest form) {
        try {
            agent.declare(t.id(), form);
            return true;
        } catch (AgentException e) {
            LOG.warn("declaration for ticket {} not stored: {}", t.id(), e.error().code());
            return false;
        }
    }

    /** Prints, then keeps the job with the ticket in the agent (which raises a printer alert for IT). */
    private PrintOutcome print(ServiceInfo s, Ticket t, String notice) {
        PrintOutcome outcome = printOnly(s, t, notice);
        try {
            agent.recordPrint(t.id(), new DeviceHealth.PrintReport(outcome.printed(), outcome.statusAfter().name(),
                    false, outcome.bytesSent()));
        } catch (AgentException e) {
            // The ticket is on screen either way; the job record is lost only if the agent went away
            // between issuing and now, and the next job's report raises or clears the alert.
            LOG.warn("print job of ticket {} not recorded: {}", t.id(), e.error().code());
        }
        return outcome;
    }

    private PrintOutcome printOnly(ServiceInfo s, Ticket t, String notice) {
        try {
            String priority = priorityClasses.stream().filter(p -> p.code().equals(t.priorityClass()))
                    .findFirst().map(p -> "ƯU TIÊN – " + p.nameVi()).orElse(null);
            return printer.print(new TicketPrint(branchName.get(), s == null ? "" : s.nameVi(), s == null ? null : s.nameEn(),
                    t.displayNumber(), t.isPriority() ? priority : null,
                    LocalDateTime.ofInstant(t.issuedAt(), ZoneId.systemDefault()), t.waitingAhead(), t.estimateMinutes(),
                    lookupLink(t), notice, false));
        } catch (RuntimeException e) {
            LOG.error("printer failed on ticket {}", t.id(), e);
            return new PrintOutcome(false, PrinterStatus.ERROR, 0);
        }
    }

    /** The ticket's QR: a phone opens the lookup page, the kiosk's scanner shows where to go. */
    private String lookupLink(Ticket t) {
        String code = branchCode;
        try {
            return code == null ? null : new TicketQr(code, t.businessDay(), t.displayNumber()).link(lookupBase);
        } catch (IllegalArgumentException e) {
            LOG.warn("no QR on ticket {}: {}", t.id(), e.getMessage());
            return null;
        }
    }

    private void fail(ApiError error, Runnable retryWith) {
        problem.set(error);
        retry = retryWith;
        canRetry.set(retryWith != null);
        step.set(Step.PROBLEM);
    }

    public void retry() {
        Runnable r = retry;
        if (step.get() == Step.PROBLEM && r != null) {
            r.run();
        }
    }

    /** True when something of a citizen's session is on the kiosk: a screen past the first, a language, card data. */
    public boolean inSession() {
        return step.get() != Step.CHOOSE || !I18n.VI.equals(language.get()) || citizen.get() != null
                || notice.get() != null;
    }

    /** Back to the first screen, in Vietnamese, forgetting this citizen's choice. */
    public void home() {
        if (step.get() == Step.ISSUING) {
            return; // the answer is on its way; the ticket screen follows
        }
        ticket.set(null);
        chosen.set(null);
        declared.set(null);
        // End of the citizen's session: card data and the declaration are dropped here.
        citizen.set(null);
        declaration.clear();
        lookup.clear();
        declarationSent.set(null);
        notice.set(null);
        proceduresOfChosen.clear();
        checkIn.set(null);
        problem.set(null);
        printerProblem.set(null);
        retry = null;
        issueKey = null;
        canRetry.set(false);
        language.set(I18n.VI);
        if (services.isEmpty()) {
            start();
        } else {
            step.set(Step.CHOOSE);
            refreshEstimates();
        }
    }

    private Map<Long, Integer> currentEstimates() {
        Map<Long, Integer> waits = new HashMap<>();
        for (QueueSnapshot.ServiceWaiting w : agent.queue().services()) {
            if (w.estimateMinutes() != null) {
                waits.put(w.serviceId(), w.estimateMinutes());
            }
        }
        return waits;
    }

    /** The next citizen sees current waits; a failure keeps the old figures (the agent may be away). */
    private void refreshEstimates() {
        runInBackground(() -> {
            try {
                Map<Long, Integer> waits = currentEstimates();
                ui.execute(() -> estimates.putAll(waits));
            } catch (AgentException e) {
                LOG.debug("estimates not refreshed: {}", e.error().code());
            }
        });
    }

    private void runInBackground(Runnable work) {
        try {
            background.execute(work);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            LOG.debug("kiosk is stopping; background work dropped");
        }
    }
}
