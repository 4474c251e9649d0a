package vn.hanoi.branch.client;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import vn.hanoi.branch.api.ApiError;
import vn.hanoi.branch.api.Bookings;
import vn.hanoi.branch.api.BranchInfo;
import vn.hanoi.branch.api.CounterInfo;
import vn.hanoi.branch.api.CounterRequests;
import vn.hanoi.branch.api.CounterState;
import vn.hanoi.branch.api.DeviceHealth;
import vn.hanoi.branch.api.Dossiers;
import vn.hanoi.branch.api.Scans;
import vn.hanoi.branch.api.DayStats;
import vn.hanoi.branch.api.Health;
import vn.hanoi.branch.api.SyncStatus;
import vn.hanoi.branch.api.IssueTicketRequest;
import vn.hanoi.branch.api.Json;
import vn.hanoi.branch.api.Pairing;
import vn.hanoi.branch.api.PriorityClass;
import vn.hanoi.branch.api.QueueEvent;
import vn.hanoi.branch.api.QueueSnapshot;
import vn.hanoi.branch.api.Ratings;
import vn.hanoi.branch.api.Reports;
import vn.hanoi.branch.api.ServiceInfo;
import vn.hanoi.branch.api.Sessions;
import vn.hanoi.branch.api.Ticket;
import vn.hanoi.branch.api.TransferRequest;

/**
 * Typed client of the agent's LAN API (v1), shared by the kiosk and counter apps.
 *
 * <p>Calls block; apps run them off the UI thread. Every failure is an {@link AgentException} with a
 * bilingual message. The client holds the device token and, after {@link #login}, the staff session.
 */
public final class AgentClient {
    private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");

    private final HttpUrl base;
    private final OkHttpClient http;
    private final ObjectMapper mapper = Json.mapper();
    private volatile String deviceToken;
    private volatile String sessionToken;

    private AgentClient(Builder b) {
        this.base = Objects.requireNonNull(HttpUrl.parse(b.baseUrl), "bad agent URL: " + b.baseUrl);
        this.http = new OkHttpClient.Builder()
                .connectTimeout(b.connectTimeout)
                .readTimeout(b.readTimeout)
                .callTimeout(b.readTimeout.plus(b.connectTimeout))
                .retryOnConnectionFailure(false) // retries are ours to decide: writes carry idempotency keys
                // Idle connections are dropped before the agent's server closes them (Jetty: 30 s), so the
                // first tap after a quiet minute never lands on a dead socket and reports the agent as gone.
                .connectionPool(new okhttp3.ConnectionPool(5, 10, java.util.concurrent.TimeUnit.SECONDS))
                .build();
        this.deviceToken = b.deviceToken;
    }

    private AgentClient(HttpUrl base, OkHttpClient http, String deviceToken) {
        this.base = base;
        this.http = http;
        this.deviceToken = deviceToken;
    }

    /**
     * A second client of the same device that never holds a staff session: for a window the citizen
     * touches on a counter PC (its calls act as the device, not as the clerk signed in beside it).
     * It shares the connection pool; its device token is the current one of this client.
     */
    public AgentClient deviceOnly() {
        return new AgentClient(base, http, deviceToken);
    }

    public static Builder builder(String baseUrl) {
        return new Builder(baseUrl);
    }

    public String baseUrl() {
        return base.toString();
    }

    public void setDeviceToken(String token) {
        this.deviceToken = token;
    }

    public String deviceToken() {
        return deviceToken;
    }

    public boolean hasSession() {
        return sessionToken != null;
    }

    // ---- public calls ----

    public Health health() {
        return get("health", Health.class);
    }

    /** The city sync's figures: backlog, oldest unsent, last success and error (supervisor or IT). */
    public SyncStatus syncStatus() {
        return get("sync/status", SyncStatus.class);
    }

    /** Trades a pairing code for a device token, and keeps the token for later calls. */
    public Pairing.Result pair(String code, String deviceName) {
        Pairing.Result r = post("devices/pair", new Pairing.Request(code, deviceName), null, Pairing.Result.class);
        this.deviceToken = r.token();
        return r;
    }

    // ---- device calls ----

    public BranchInfo branch() {
        return get("branch", BranchInfo.class);
    }

    public List<ServiceInfo> services() {
        return get("services", new TypeReference<List<ServiceInfo>>() { });
    }

    public List<CounterInfo> counters() {
        return get("counters", new TypeReference<List<CounterInfo>>() { });
    }

    public QueueSnapshot queue() {
        return get("queue", QueueSnapshot.class);
    }

    public Ticket ticket(long id) {
        return get("tickets/" + id, Ticket.class);
    }

    /**
     * Issues a ticket. The same {@code idempotencyKey} always yields the same ticket, so a kiosk that
     * lost the answer retries with the key it used and never prints a second number.
     */
    /** Today's ticket with this display number: its state and, once called, its counter. */
    public Ticket ticketToday(String displayNumber) {
        return get("tickets/today/" + displayNumber.strip(), Ticket.class);
    }

    public Ticket issueTicket(long serviceId, String idempotencyKey) {
        return issueTicket(new IssueTicketRequest(serviceId), idempotencyKey);
    }

    /** Issues with the citizen's declared priority or date of birth from the ID card. */
    public Ticket issueTicket(IssueTicketRequest request, String idempotencyKey) {
        return post("tickets", request, idempotencyKey, Ticket.class);
    }

    /** Check-in of an online booking at the kiosk; safe to retry after a lost answer. */
    public Bookings.CheckIn checkIn(String bookingCode) {
        return post("bookings/check-in", new Bookings.CheckInRequest(bookingCode), null, Bookings.CheckIn.class);
    }

    /** Kiosk: keeps the print job with its ticket (and raises or clears the printer alert). */
    public DeviceHealth.PrintJob recordPrint(long ticketId, DeviceHealth.PrintReport report) {
        return post("tickets/" + ticketId + "/print-jobs", report, null, DeviceHealth.PrintJob.class);
    }

    public List<DeviceHealth.PrintJob> printJobs(long ticketId) {
        return get("tickets/" + ticketId + "/print-jobs", new TypeReference<List<DeviceHealth.PrintJob>>() { });
    }

    /** A device reports one of its parts: a fault raises an alert for IT, ok clears it. */
    public void reportStatus(DeviceHealth.ComponentStatus status) {
        post("devices/self/status", status, null, Void.class);
    }

    /** Supervisor or IT: open device alerts. */
    public List<DeviceHealth.Alert> alerts() {
        return get("alerts", new TypeReference<List<DeviceHealth.Alert>>() { });
    }

    public Bookings.Booking booking(String code) {
        return get("bookings/" + code, new TypeReference<Bookings.Booking>() { });
    }

    public Bookings.Booking createBooking(Bookings.NewBooking booking) {
        return post("bookings", booking, null, Bookings.Booking.class);
    }

    public List<PriorityClass> priorityClasses() {
        return get("priority-classes", new TypeReference<List<PriorityClass>>() { });
    }

    /**
     * A citizen's rating of a ticket served today, from a kiosk or a counter's customer window (device
     * token, no staff session). Safe to retry with the same answer; a different second answer is a 409.
     */
    public Ratings.Rating rate(long ticketId, Ratings.RatingRequest rating) {
        return post("tickets/" + ticketId + "/rating", rating, null, Ratings.Rating.class);
    }

    /** The rating of a ticket; a 404 {@link AgentException} when it has none. */
    public Ratings.Rating rating(long ticketId) {
        return get("tickets/" + ticketId + "/rating", Ratings.Rating.class);
    }

    /** Follows the queue events from {@code afterId} on, reconnecting by itself. Close to stop. */
    public EventStream events(long afterId, Consumer<QueueEvent> onEvent, Consumer<EventStream.Status> onStatus) {
        return new EventStream(http, base.newBuilder().addPathSegments("api/v1/events").build(),
                this::bearer, afterId, onEvent, onStatus);
    }

    // ---- staff calls ----

    public Sessions.Session login(String username, String password) {
        Sessions.Session s = post("sessions", new Sessions.Login(username, password), null, Sessions.Session.class);
        this.sessionToken = s.token();
        return s;
    }

    public void logout() {
        if (sessionToken != null) {
            try {
                send(new Request.Builder().url(url("sessions/current")).delete(), null);
            } finally {
                sessionToken = null;
            }
        }
    }

    /** Calls the next waiting ticket to the counter; {@code null} when nobody is waiting for it. */
    public Ticket callNext(long counterId) {
        return post("counters/" + counterId + "/call-next", null, null, Ticket.class);
    }

    public Ticket recall(long ticketId) {
        return post("tickets/" + ticketId + "/recall", null, null, Ticket.class);
    }

    public Ticket serve(long ticketId) {
        return post("tickets/" + ticketId + "/serve", null, null, Ticket.class);
    }

    public Ticket finish(long ticketId) {
        return post("tickets/" + ticketId + "/finish", null, null, Ticket.class);
    }

    public Ticket noShow(long ticketId) {
        return post("tickets/" + ticketId + "/no-show", null, null, Ticket.class);
    }

    public Ticket cancel(long ticketId) {
        return post("tickets/" + ticketId + "/cancel", null, null, Ticket.class);
    }

    public Ticket transfer(long ticketId, long serviceId) {
        return transfer(ticketId, new TransferRequest(serviceId, null, false));
    }

    public Ticket transfer(long ticketId, TransferRequest request) {
        return post("tickets/" + ticketId + "/transfer", request, null, Ticket.class);
    }

    /** Calls one number out of turn at this counter. */
    public Ticket callNumber(long counterId, String displayNumber) {
        return post("counters/" + counterId + "/call", new CounterRequests.CallNumber(displayNumber), null, Ticket.class);
    }

    /** A no-show is back within the return window: the ticket waits again at its old place. */
    public Ticket returnFromNoShow(long ticketId) {
        return post("tickets/" + ticketId + "/return", null, null, Ticket.class);
    }

    public Ticket setPriority(long ticketId, CounterRequests.PriorityChange change) {
        return post("tickets/" + ticketId + "/priority", change, null, Ticket.class);
    }

    /** Supervisor: closes the business day (waiting tickets cancelled, bookings released, counters closed). */
    public int endOfDay() {
        return post("branch/end-of-day", null, null, com.fasterxml.jackson.databind.JsonNode.class).get("closedTickets").asInt();
    }

    /** Supervisor: the figures of the business day so far (waiting, times, counters, hourly). */
    public DayStats statsToday() {
        return get("stats/today", DayStats.class);
    }

    /**
     * Supervisor: satisfaction of the business days {@code from}..{@code to} (both included); null
     * {@code from} is today, null {@code to} is up to today.
     */
    public Ratings.Summary ratingSummary(java.time.LocalDate from, java.time.LocalDate to) {
        HttpUrl.Builder url = url("ratings/summary").newBuilder();
        if (from != null) {
            url.addQueryParameter("from", from.toString());
        }
        if (to != null) {
            url.addQueryParameter("to", to.toString());
        }
        return send(new Request.Builder().url(url.build()).get(), mapper.constructType(Ratings.Summary.class));
    }

    /**
     * Supervisor: the report of the business days {@code from}..{@code to} (both included) per
     * {@code period} and {@code by} group.
     */
    public Reports.Report report(java.time.LocalDate from, java.time.LocalDate to, Reports.Period period,
                                 Reports.GroupBy by) {
        return send(new Request.Builder().url(reportUrl("reports", from, to, period, by)).get(),
                mapper.constructType(Reports.Report.class));
    }

    /** Supervisor: the same report as CSV for Excel (UTF-8 with BOM, ';' separated). */
    public byte[] reportCsv(java.time.LocalDate from, java.time.LocalDate to, Reports.Period period, Reports.GroupBy by) {
        return send(new Request.Builder().url(reportUrl("reports.csv", from, to, period, by)).get(),
                mapper.constructType(byte[].class));
    }

    /** Supervisor: the same report as PDF (table and chart). */
    public byte[] reportPdf(java.time.LocalDate from, java.time.LocalDate to, Reports.Period period, Reports.GroupBy by) {
        return send(new Request.Builder().url(reportUrl("reports.pdf", from, to, period, by)).get(),
                mapper.constructType(byte[].class));
    }

    private HttpUrl reportUrl(String path, java.time.LocalDate from, java.time.LocalDate to, Reports.Period period,
                              Reports.GroupBy by) {
        return url(path).newBuilder().addQueryParameter("from", from.toString()).addQueryParameter("to", to.toString())
                .addQueryParameter("period", period.name()).addQueryParameter("by", by.name()).build();
    }

    public QueueSnapshot.CounterStatus setCounterState(long counterId, CounterState state, String reason) {
        return post("counters/" + counterId + "/state", new CounterRequests.StateChange(state, reason), null,
                QueueSnapshot.CounterStatus.class);
    }

    // ---- IT calls ----

    public Pairing.Code createPairingCode(Pairing.CodeRequest request) {
        return post("devices/pairing-codes", request, null, Pairing.Code.class);
    }

    public Sessions.User createUser(Sessions.NewUser user) {
        return post("users", user, null, Sessions.User.class);
    }

    public List<Dossiers.Procedure> procedures() {
        return get("procedures", new TypeReference<List<Dossiers.Procedure>>() { });
    }

    /** Kiosk: the self-declaration for a ticket; sending it again replaces the draft. */
    public Dossiers.Declaration declare(long ticketId, Dossiers.DeclarationRequest declaration) {
        return put("tickets/" + ticketId + "/declaration", declaration, Dossiers.Declaration.class);
    }

    /** Staff: what the citizen declared for the ticket (recorded in the audit log by the agent). */
    public Dossiers.Declaration declaration(long ticketId) {
        return get("tickets/" + ticketId + "/declaration", Dossiers.Declaration.class);
    }

    /** Staff: reception at the counter (the ticket's draft becomes the dossier, or a new one is made). */
    public Dossiers.Dossier receiveDossier(Dossiers.Reception reception) {
        return post("dossiers", reception, null, Dossiers.Dossier.class);
    }

    /** Staff: a dossier with its personal data (the agent records the read in the audit log). */
    public Dossiers.Dossier dossier(long dossierId) {
        return get("dossiers/" + dossierId, Dossiers.Dossier.class);
    }

    /** Staff: the result handed over at the counter or sent home. */
    public Dossiers.Dossier handOver(long dossierId, Dossiers.HandOver handOver) {
        return post("dossiers/" + dossierId + "/hand-over", handOver, null, Dossiers.Dossier.class);
    }

    /**
     * Staff: has the agent sign the result document as the certified electronic copy and keep it;
     * returns its SHA-256 and size.
     */
    public java.util.Map<String, Object> certifyCopy(long dossierId, byte[] resultPdf) {
        return send(new Request.Builder().url(url("dossiers/" + dossierId + "/certified-copy"))
                        .put(RequestBody.create(resultPdf, MediaType.get("application/pdf"))),
                mapper.getTypeFactory().constructMapType(java.util.Map.class, String.class, Object.class));
    }

    /** Staff: the certified electronic copy (signed PDF) of a dossier's result. */
    public byte[] certifiedCopy(long dossierId) {
        return send(new Request.Builder().url(url("dossiers/" + dossierId + "/certified-copy")).get(),
                mapper.constructType(byte[].class));
    }

    /**
     * Staff: stores one digitized document (a PDF/A) of a dossier's checklist; the agent checks the bytes
     * against {@code sha256} and answers with the stored document, the same one again on a retry.
     */
    public Scans.StoredDocument storeScan(long dossierId, String documentType, byte[] pdf, String sha256) {
        return send(new Request.Builder().url(url("dossiers/" + dossierId + "/scans"))
                        .header(Scans.DOCUMENT_TYPE_HEADER, documentType).header(Scans.SHA256_HEADER, sha256)
                        .post(RequestBody.create(pdf, MediaType.get("application/pdf"))),
                mapper.constructType(Scans.StoredDocument.class));
    }

    /** Staff: the digitized documents of a dossier. */
    public List<Scans.StoredDocument> scans(long dossierId) {
        return send(new Request.Builder().url(url("dossiers/" + dossierId + "/scans")).get(),
                mapper.getTypeFactory().constructCollectionType(List.class, Scans.StoredDocument.class));
    }

    /** Staff: one digitized document (PDF); the agent records the read. */
    public byte[] scan(long dossierId, long documentId) {
        return send(new Request.Builder().url(url("dossiers/" + dossierId + "/scans/" + documentId)).get(),
                mapper.constructType(byte[].class));
    }

    /** Staff: the tracking list, newest first; {@code state} null for all, or only the overdue ones. */
    public List<Dossiers.Summary> dossiers(Dossiers.State state, boolean overdueOnly) {
        HttpUrl.Builder url = url("dossiers").newBuilder().addQueryParameter("limit", "500");
        if (state != null) {
            url.addQueryParameter("state", state.name());
        }
        if (overdueOnly) {
            url.addQueryParameter("overdue", "true");
        }
        return send(new Request.Builder().url(url.build()).get(),
                mapper.getTypeFactory().constructCollectionType(List.class, Dossiers.Summary.class));
    }

    public Dossiers.Lookup changeDossierState(long dossierId, Dossiers.State state, String noteVi, String noteEn) {
        return post("dossiers/" + dossierId + "/state", new Dossiers.StateChange(state, noteVi, noteEn), null,
                Dossiers.Lookup.class);
    }

    /** Status and history of a dossier by the code on its appointment slip. */
    public Dossiers.Lookup lookupDossier(String code) {
        // Codes are letters, digits and dashes; anything else typed makes an unknown path, answered 404.
        return get("dossiers/lookup/" + code.strip(), Dossiers.Lookup.class);
    }

    // ---- plumbing ----

    private String bearer() {
        return sessionToken != null ? sessionToken : deviceToken;
    }

    private HttpUrl url(String path) {
        return base.newBuilder().addPathSegments("api/v1/" + path).build();
    }

    private <T> T get(String path, Class<T> type) {
        return send(new Request.Builder().url(url(path)).get(), mapper.constructType(type));
    }

    private <T> T get(String path, TypeReference<T> type) {
        return send(new Request.Builder().url(url(path)).get(), mapper.constructType(type));
    }

    private <T> T post(String path, Object body, String idempotencyKey, Class<T> type) {
        RequestBody rb;
        try {
            rb = RequestBody.create(body == null ? new byte[0] : mapper.writeValueAsBytes(body), JSON);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot encode request", e);
        }
        Request.Builder req = new Request.Builder().url(url(path)).post(rb);
        if (idempotencyKey != null) {
            req.header("Idempotency-Key", idempotencyKey);
        }
        return send(req, mapper.constructType(type));
    }

    private <T> T put(String path, Object body, Class<T> type) {
        try {
            return send(new Request.Builder().url(url(path)).put(RequestBody.create(mapper.writeValueAsBytes(body), JSON)),
                    mapper.constructType(type));
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot encode request", e);
        }
    }

    private <T> T send(Request.Builder req, JavaType type) {
        String token = bearer();
        if (token != null) {
            req.header("Authorization", "Bearer " + token);
        }
        try (Response resp = http.newCall(req.build()).execute()) {
            ResponseBody body = resp.body();
            byte[] bytes = body == null ? new byte[0] : body.bytes();
            if (!resp.isSuccessful()) {
                throw new AgentException(parseError(resp.code(), bytes), null);
            }
            if (type == null || resp.code() == 204 || bytes.length == 0) {
                return null;
            }
            if (type.getRawClass() == byte[].class) {
                @SuppressWarnings("unchecked")
                T raw = (T) bytes; // a document (PDF), not JSON
                return raw;
            }
            return mapper.readValue(bytes, type);
        } catch (IOException e) {
            throw AgentException.unreachable(e);
        }
    }

    private ApiError parseError(int status, byte[] bytes) {
        try {
            ApiError e = mapper.readValue(bytes, ApiError.class);
            if (e.code() != null) {
                return e;
            }
        } catch (IOException ignored) {
            // not one of our error bodies (a proxy, a crash page): fall through to a generic message
        }
        return new ApiError(status, "http_" + status,
                "Máy chủ chi nhánh trả lỗi " + status + ". Vui lòng thử lại hoặc báo cán bộ hỗ trợ.",
                "The branch server answered " + status + ". Please try again or ask staff for help.");
    }

    /** Builder with defaults suited to a branch LAN. */
    public static final class Builder {
        private final String baseUrl;
        private Duration connectTimeout = Duration.ofSeconds(3);
        private Duration readTimeout = Duration.ofSeconds(10);
        private String deviceToken;

        private Builder(String baseUrl) {
            this.baseUrl = baseUrl;
        }

        public Builder deviceToken(String token) {
            this.deviceToken = token;
            return this;
        }

        public Builder connectTimeout(Duration d) {
            this.connectTimeout = d;
            return this;
        }

        public Builder readTimeout(Duration d) {
            this.readTimeout = d;
            return this;
        }

        public AgentClient build() {
            return new AgentClient(this);
        }
    }
}
