package vn.hanoi.branch.client;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import vn.hanoi.branch.api.Bookings;
import vn.hanoi.branch.api.BranchInfo;
import vn.hanoi.branch.api.CounterInfo;
import vn.hanoi.branch.api.CounterRequests;
import vn.hanoi.branch.api.CounterState;
import vn.hanoi.branch.api.DayStats;
import vn.hanoi.branch.api.DeviceHealth;
import vn.hanoi.branch.api.Dossiers;
import vn.hanoi.branch.api.Health;
import vn.hanoi.branch.api.IssueTicketRequest;
import vn.hanoi.branch.api.Pairing;
import vn.hanoi.branch.api.PriorityClass;
import vn.hanoi.branch.api.QueueEvent;
import vn.hanoi.branch.api.QueueSnapshot;
import vn.hanoi.branch.api.Ratings;
import vn.hanoi.branch.api.Reports;
import vn.hanoi.branch.api.Scans;
import vn.hanoi.branch.api.ServiceInfo;
import vn.hanoi.branch.api.Sessions;
import vn.hanoi.branch.api.SyncStatus;
import vn.hanoi.branch.api.Ticket;
import vn.hanoi.branch.api.TransferRequest;

/**
 * The former all-in-one client, kept only until the kiosk and counter apps use the audience clients
 * ({@link AgentLink}, {@link KioskClient}, {@link CounterClient}, {@link StaffSession} with
 * {@link DeskClient}, {@link SupervisorClient}, {@link ItClient}, {@link CustomerWindowClient}); then it
 * goes (the mapping of each call is in the client change's notes). Every call delegates to them with
 * the credential of the moment: the staff session after {@link #login}, else the device token.
 */
public final class AgentClient {
    private final Transport link;
    private volatile String deviceToken;
    private volatile StaffSession session;

    private AgentClient(Transport link, String deviceToken) {
        this.link = link;
        this.deviceToken = deviceToken;
    }

    /** A second client of the same device that never holds a staff session ({@link CounterClient#customerWindow}). */
    public AgentClient deviceOnly() {
        return new AgentClient(link, deviceToken);
    }

    public static Builder builder(String baseUrl) {
        return new Builder(baseUrl);
    }

    public String baseUrl() {
        return link.baseUrl();
    }

    public void setDeviceToken(String token) {
        this.deviceToken = token;
    }

    public String deviceToken() {
        return deviceToken;
    }

    public boolean hasSession() {
        return session != null;
    }

    private Transport current() {
        StaffSession s = session;
        return link.as(s != null ? s.token() : deviceToken);
    }

    private KioskClient kiosk() {
        return new KioskClient(current());
    }

    private DeskClient desk() {
        return new DeskClient(current());
    }

    private SupervisorClient supervisor() {
        return new SupervisorClient(current());
    }

    private ItClient it() {
        return new ItClient(current());
    }

    // ---- public calls ----

    public Health health() {
        return new AgentLink(current()).health();
    }

    public SyncStatus syncStatus() {
        return supervisor().syncStatus();
    }

    /** Trades a pairing code for a device token, and keeps the token for later calls. */
    public Pairing.Result pair(String code, String deviceName) {
        Pairing.Result r = new AgentLink(current()).pair(code, deviceName);
        this.deviceToken = r.token();
        return r;
    }

    // ---- device calls ----

    public BranchInfo branch() {
        return kiosk().branch();
    }

    public List<ServiceInfo> services() {
        return kiosk().services();
    }

    public List<CounterInfo> counters() {
        return kiosk().counters();
    }

    public QueueSnapshot queue() {
        return kiosk().queue();
    }

    public Ticket ticket(long id) {
        return kiosk().ticket(id);
    }

    public Ticket ticketToday(String displayNumber) {
        return kiosk().ticketToday(displayNumber);
    }

    public Ticket issueTicket(long serviceId, String idempotencyKey) {
        return kiosk().issueTicket(serviceId, idempotencyKey);
    }

    public Ticket issueTicket(IssueTicketRequest request, String idempotencyKey) {
        return kiosk().issueTicket(request, idempotencyKey);
    }

    public Bookings.CheckIn checkIn(String bookingCode) {
        return kiosk().checkIn(bookingCode);
    }

    public DeviceHealth.PrintJob recordPrint(long ticketId, DeviceHealth.PrintReport report) {
        return kiosk().recordPrint(ticketId, report);
    }

    public List<DeviceHealth.PrintJob> printJobs(long ticketId) {
        return kiosk().printJobs(ticketId);
    }

    public void reportStatus(DeviceHealth.ComponentStatus status) {
        kiosk().reportStatus(status);
    }

    public List<DeviceHealth.Alert> alerts() {
        return supervisor().alerts();
    }

    public Bookings.Booking booking(String code) {
        return kiosk().booking(code);
    }

    public Bookings.Booking createBooking(Bookings.NewBooking booking) {
        return supervisor().createBooking(booking);
    }

    public List<PriorityClass> priorityClasses() {
        return kiosk().priorityClasses();
    }

    public Ratings.Rating rate(long ticketId, Ratings.RatingRequest rating) {
        return kiosk().rate(ticketId, rating);
    }

    public Ratings.Rating rating(long ticketId) {
        return kiosk().rating(ticketId);
    }

    /** Follows the queue events; every reconnect uses the credential of the moment. */
    public EventStream events(long afterId, Consumer<QueueEvent> onEvent, Consumer<EventStream.Status> onStatus) {
        return link.events(() -> current().token(), afterId, onEvent, onStatus);
    }

    // ---- staff calls ----

    public Sessions.Session login(String username, String password) {
        StaffSession s = StaffSession.open(current(), username, password);
        this.session = s;
        return new Sessions.Session(s.token(), s.user());
    }

    public void logout() {
        StaffSession s = session;
        if (s != null) {
            try {
                s.logout();
            } finally {
                session = null;
            }
        }
    }

    public Ticket callNext(long counterId) {
        return desk().callNext(counterId);
    }

    public Ticket recall(long ticketId) {
        return desk().recall(ticketId);
    }

    public Ticket serve(long ticketId) {
        return desk().serve(ticketId);
    }

    public Ticket finish(long ticketId) {
        return desk().finish(ticketId);
    }

    public Ticket noShow(long ticketId) {
        return desk().noShow(ticketId);
    }

    public Ticket cancel(long ticketId) {
        return desk().cancel(ticketId);
    }

    public Ticket transfer(long ticketId, long serviceId) {
        return desk().transfer(ticketId, serviceId);
    }

    public Ticket transfer(long ticketId, TransferRequest request) {
        return desk().transfer(ticketId, request);
    }

    public Ticket callNumber(long counterId, String displayNumber) {
        return desk().callNumber(counterId, displayNumber);
    }

    public Ticket returnFromNoShow(long ticketId) {
        return desk().returnFromNoShow(ticketId);
    }

    public Ticket setPriority(long ticketId, CounterRequests.PriorityChange change) {
        return desk().setPriority(ticketId, change);
    }

    public int endOfDay() {
        return supervisor().endOfDay();
    }

    public DayStats statsToday() {
        return supervisor().statsToday();
    }

    public Ratings.Summary ratingSummary(LocalDate from, LocalDate to) {
        return supervisor().ratingSummary(from, to);
    }

    public Reports.Report report(LocalDate from, LocalDate to, Reports.Period period, Reports.GroupBy by) {
        return supervisor().report(from, to, period, by);
    }

    public byte[] reportCsv(LocalDate from, LocalDate to, Reports.Period period, Reports.GroupBy by) {
        return supervisor().reportCsv(from, to, period, by);
    }

    public byte[] reportPdf(LocalDate from, LocalDate to, Reports.Period period, Reports.GroupBy by) {
        return supervisor().reportPdf(from, to, period, by);
    }

    public QueueSnapshot.CounterStatus setCounterState(long counterId, CounterState state, String reason) {
        return desk().setCounterState(counterId, state, reason);
    }

    // ---- IT calls ----

    public Pairing.Code createPairingCode(Pairing.CodeRequest request) {
        return it().createPairingCode(request);
    }

    public Sessions.User createUser(Sessions.NewUser user) {
        return it().createUser(user);
    }

    public List<Dossiers.Procedure> procedures() {
        return kiosk().procedures();
    }

    public Dossiers.Declaration declare(long ticketId, Dossiers.DeclarationRequest declaration) {
        return kiosk().declare(ticketId, declaration);
    }

    public Dossiers.Declaration declaration(long ticketId) {
        return desk().declaration(ticketId);
    }

    public Dossiers.Dossier receiveDossier(Dossiers.Reception reception) {
        return desk().receiveDossier(reception);
    }

    public Dossiers.Dossier dossier(long dossierId) {
        return desk().dossier(dossierId);
    }

    public Dossiers.Dossier handOver(long dossierId, Dossiers.HandOver handOver) {
        return desk().handOver(dossierId, handOver);
    }

    public Map<String, Object> certifyCopy(long dossierId, byte[] resultPdf) {
        return desk().certifyCopy(dossierId, resultPdf);
    }

    public byte[] certifiedCopy(long dossierId) {
        return desk().certifiedCopy(dossierId);
    }

    public Scans.StoredDocument storeScan(long dossierId, String documentType, byte[] pdf, String sha256) {
        return desk().storeScan(dossierId, documentType, pdf, sha256);
    }

    public List<Scans.StoredDocument> scans(long dossierId) {
        return desk().scans(dossierId);
    }

    public byte[] scan(long dossierId, long documentId) {
        return desk().scan(dossierId, documentId);
    }

    public List<Dossiers.Summary> dossiers(Dossiers.State state, boolean overdueOnly) {
        return desk().dossiers(state, overdueOnly);
    }

    public Dossiers.Lookup changeDossierState(long dossierId, Dossiers.State state, String noteVi, String noteEn) {
        return desk().changeDossierState(dossierId, state, noteVi, noteEn);
    }

    public Dossiers.Lookup lookupDossier(String code) {
        return kiosk().lookupDossier(code);
    }

    /** The builder of {@link AgentLink}, plus the device token saved at pairing. */
    public static final class Builder {
        private final AgentLink.Builder link;
        private String deviceToken;

        private Builder(String baseUrl) {
            this.link = AgentLink.builder(baseUrl);
        }

        public Builder deviceToken(String token) {
            this.deviceToken = token;
            return this;
        }

        public Builder connectTimeout(Duration d) {
            link.connectTimeout(d);
            return this;
        }

        public Builder readTimeout(Duration d) {
            link.readTimeout(d);
            return this;
        }

        public AgentClient build() {
            return new AgentClient(link.build().transport(), deviceToken);
        }
    }
}
