package vn.hanoi.branch.agent.rating;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.hanoi.branch.agent.testing.ApiErrors.assertError;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.hanoi.branch.agent.testing.TestAgent;
import vn.hanoi.branch.api.DeviceKind;
import vn.hanoi.branch.api.Json;
import vn.hanoi.branch.api.Ratings;
import vn.hanoi.branch.api.Ratings.Level;
import vn.hanoi.branch.api.Ratings.Reason;
import vn.hanoi.branch.api.Ratings.RatingRequest;
import vn.hanoi.branch.api.Role;
import vn.hanoi.branch.api.Ticket;
import vn.hanoi.branch.client.CounterClient;
import vn.hanoi.branch.client.CustomerWindowClient;
import vn.hanoi.branch.client.DeskClient;
import vn.hanoi.branch.client.KioskClient;
import vn.hanoi.branch.client.SupervisorClient;
import vn.hanoi.branch.client.AgentException;

/** Satisfaction ratings over HTTP against a real agent: who may rate what, once, and the supervisor's figures. */
class RatingApiTest {
    private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");

    private final OkHttpClient http = new OkHttpClient();
    private TestAgent agent;
    private String kioskToken;
    private KioskClient kiosk;
    private DeskClient clerk;
    /** The counter PC's customer-facing window: the same device as the clerk's, no staff session. */
    private CustomerWindowClient window;
    private String windowToken;

    @BeforeEach
    void start() {
        agent = TestAgent.start();
        pairDevices();
    }

    private void pairDevices() {
        kioskToken = agent.pair(DeviceKind.KIOSK).token();
        kiosk = agent.link().kiosk(kioskToken);
        windowToken = agent.pair(DeviceKind.COUNTER).token();
        CounterClient counterPc = agent.link().counter(windowToken);
        clerk = counterPc.login(TestAgent.CLERK, TestAgent.CLERK_PASSWORD).desk();
        window = counterPc.customerWindow();
    }

    @AfterEach
    void stop() {
        agent.close();
    }

    /** A ticket of {@code serviceId} issued, called at {@code counterId}, served and finished. */
    private Ticket served(long serviceId, long counterId) {
        Ticket t = kiosk.issueTicket(serviceId, UUID.randomUUID().toString());
        Ticket called = clerk.callNumber(counterId, t.displayNumber());
        assertThat(called.id()).isEqualTo(t.id());
        clerk.serve(t.id());
        return clerk.finish(t.id());
    }

    @Test
    void theCustomerWindowRatesAServedTicketWithCounterAndServiceCopiedAndAnAuditRow() throws Exception {
        Ticket t = served(2, 3);

        Ratings.Rating r = window.rate(t.id(), RatingRequest.of(Level.VERY_SATISFIED));

        assertThat(r.ticketId()).isEqualTo(t.id());
        assertThat(r.displayNumber()).isEqualTo(t.displayNumber());
        assertThat(r.level()).isEqualTo(Level.VERY_SATISFIED);
        assertThat(r.reason()).isNull();
        assertThat(r.counterId()).isEqualTo(3L);
        assertThat(r.counterNumber()).isEqualTo(3);
        assertThat(r.serviceId()).isEqualTo(2L);
        assertThat(r.serviceCode()).isEqualTo("CT");
        assertThat(r.deviceKind()).isEqualTo(DeviceKind.COUNTER);
        assertThat(r.businessDay()).isEqualTo(t.businessDay());
        assertThat(kiosk.rating(t.id())).isEqualTo(r);
        try (Connection c = db(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT device_id, user_id, detail FROM audit_log "
                     + "WHERE action = 'rating.create' AND entity_id = '" + t.id() + "'")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getLong(1)).isEqualTo(r.deviceId());
            rs.getLong(2);
            assertThat(rs.wasNull()).as("a citizen's answer, not the clerk's").isTrue();
            assertThat(rs.getString(3)).isEqualTo("VERY_SATISFIED");
        }
    }

    @Test
    void aKioskMayRateByTheTicketsQrWithAReasonInCodeAndWords() {
        Ticket t = served(1, 1);

        Ratings.Rating r = kiosk.rate(t.id(), new RatingRequest(Level.NOT_SATISFIED, Reason.UNCLEAR_GUIDANCE,
                "  Không biết\tphải nộp bản sao nào  "));

        assertThat(r.deviceKind()).isEqualTo(DeviceKind.KIOSK);
        assertThat(r.reason()).isEqualTo(Reason.UNCLEAR_GUIDANCE);
        assertThat(r.reasonText()).isEqualTo("Không biết phải nộp bản sao nào");
    }

    @Test
    void aSecondDifferentRatingIsRefusedAndARetryOfTheSameIsAnsweredWithTheStoredOne() throws Exception {
        Ticket t = served(1, 1);
        String body = "{\"level\":\"NOT_SATISFIED\",\"reason\":\"WAITED_TOO_LONG\"}";

        Ratings.Rating first;
        try (Response resp = post("/api/v1/tickets/" + t.id() + "/rating", body, windowToken)) {
            assertThat(resp.code()).isEqualTo(201);
            first = Json.mapper().readValue(resp.body().bytes(), Ratings.Rating.class);
        }
        try (Response resp = post("/api/v1/tickets/" + t.id() + "/rating", body, windowToken)) {
            assertThat(resp.code()).as("a retry after a lost answer").isEqualTo(200);
            assertThat(Json.mapper().readValue(resp.body().bytes(), Ratings.Rating.class)).isEqualTo(first);
        }
        assertThat(window.rate(t.id(), new RatingRequest(Level.NOT_SATISFIED, Reason.WAITED_TOO_LONG, null)))
                .isEqualTo(first);

        assertError(post("/api/v1/tickets/" + t.id() + "/rating", "{\"level\":\"VERY_SATISFIED\"}", windowToken),
                409, "already_rated");
        assertError(post("/api/v1/tickets/" + t.id() + "/rating", "{\"level\":\"NOT_SATISFIED\"}", windowToken),
                409, "already_rated"); // the same level without the reason is another answer
        assertError(post("/api/v1/tickets/" + t.id() + "/rating", "{\"level\":\"SATISFIED\"}", kioskToken),
                409, "already_rated"); // the kiosk after the window: still one rating per visit
        assertThat(kiosk.rating(t.id())).isEqualTo(first);
        assertThat(count("SELECT count(*) FROM rating")).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM audit_log WHERE action = 'rating.create'")).isEqualTo(1);
    }

    @Test
    void aTicketNotServedOrNotServedTodayIsRefusedInBothLanguages() throws Exception {
        Ticket waiting = kiosk.issueTicket(1, UUID.randomUUID().toString());
        assertError(rate(waiting.id(), "{\"level\":\"SATISFIED\"}"), 409, "ticket_not_served");

        clerk.callNumber(1, waiting.displayNumber());
        assertError(rate(waiting.id(), "{\"level\":\"SATISFIED\"}"), 409, "ticket_not_served");
        clerk.serve(waiting.id());
        assertError(rate(waiting.id(), "{\"level\":\"SATISFIED\"}"), 409, "ticket_not_served");

        Ticket noShow = kiosk.issueTicket(1, UUID.randomUUID().toString());
        clerk.callNumber(2, noShow.displayNumber());
        clerk.noShow(noShow.id());
        assertError(rate(noShow.id(), "{\"level\":\"SATISFIED\"}"), 409, "ticket_not_served");

        Ticket yesterday = served(1, 3);
        agent.agent().database().write(tx -> {
            try (Statement st = tx.connection().createStatement()) {
                st.executeUpdate("UPDATE ticket SET business_day = date(business_day, '-1 day') WHERE id = " + yesterday.id());
            }
            return null;
        });
        assertError(rate(yesterday.id(), "{\"level\":\"SATISFIED\"}"), 409, "rating_closed");

        assertError(rate(999_999, "{\"level\":\"SATISFIED\"}"), 404, "unknown_ticket");
        assertThat(count("SELECT count(*) FROM rating")).isZero();
    }

    @Test
    void badAnswersAreRefusedAndNothingIsStored() throws Exception {
        Ticket t = served(1, 1);
        assertError(rate(t.id(), "{}"), 400, "missing_level");
        assertError(rate(t.id(), "{\"level\":\"DELIGHTED\"}"), 400, "malformed_json");
        assertError(rate(t.id(), "{\"level\":\"SATISFIED\",\"reason\":\"BAD_WEATHER\"}"), 400, "malformed_json");
        assertError(rate(t.id(), "{\"level\":\"NOT_SATISFIED\",\"reasonText\":\"" + "x".repeat(201) + "\"}"), 400,
                "reason_too_long");
        assertError(rate(t.id(), ""), 400, "missing_body");
        assertThat(count("SELECT count(*) FROM rating")).isZero();

        // Exactly the limit is fine.
        assertThat(window.rate(t.id(), new RatingRequest(Level.NOT_SATISFIED, null, "y".repeat(200))).reasonText())
                .hasSize(200);
    }

    @Test
    void onlyTheScreensCitizensTouchMayRate() throws Exception {
        Ticket t = served(1, 1);
        String path = "/api/v1/tickets/" + t.id() + "/rating";
        String body = "{\"level\":\"VERY_SATISFIED\"}";

        assertError(post(path, body, null), 401, "unauthorized");
        assertError(post(path, body, "not-a-token"), 401, "unauthorized");
        // The clerk's own session on the same PC: a clerk does not rate their own service.
        assertError(post(path, body, agent.sessionToken(Role.CLERK)), 403, "forbidden");
        assertError(post(path, body, agent.pair(DeviceKind.SCREEN).token()), 403, "forbidden");
        assertError(post(path, body, agent.sessionToken(Role.SUPERVISOR)), 403, "forbidden");
        assertThat(count("SELECT count(*) FROM rating")).isZero();

        assertThat(window.rate(t.id(), RatingRequest.of(Level.VERY_SATISFIED)).level()).isEqualTo(Level.VERY_SATISFIED);
    }

    @Test
    void summaryCountsLevelsCountersServicesAndReasonsAgainstTheTarget() {
        // Counter 1 serves HT: 6 very satisfied, 3 satisfied, 1 not (waited too long, with words).
        for (int i = 0; i < 6; i++) {
            window.rate(served(1, 1).id(), RatingRequest.of(Level.VERY_SATISFIED));
        }
        for (int i = 0; i < 3; i++) {
            window.rate(served(1, 1).id(), RatingRequest.of(Level.SATISFIED));
        }
        window.rate(served(1, 1).id(), new RatingRequest(Level.NOT_SATISFIED, Reason.WAITED_TOO_LONG, "Chờ 2 tiếng"));
        // Counter 2: 8 very satisfied of CT (some from the kiosk), 2 satisfied of HT.
        for (int i = 0; i < 8; i++) {
            long ticketId = served(2, 2).id();
            if (i % 2 == 0) {
                window.rate(ticketId, RatingRequest.of(Level.VERY_SATISFIED));
            } else {
                kiosk.rate(ticketId, RatingRequest.of(Level.VERY_SATISFIED));
            }
        }
        for (int i = 0; i < 2; i++) {
            window.rate(served(1, 2).id(), RatingRequest.of(Level.SATISFIED));
        }
        // Served and not rated: does not count.
        served(2, 2);
        SupervisorClient supervisor = agent.supervisorClient();

        Ratings.Summary today = supervisor.ratingSummary(null, null);

        LocalDate day = kiosk.queue().businessDay();
        assertThat(today.from()).isEqualTo(day);
        assertThat(today.to()).isEqualTo(day);
        assertThat(today.targetPercent()).isEqualTo(95);
        // 19 of 20 satisfied: exactly the target.
        assertThat(today.overall()).isEqualTo(new Ratings.Counts(14, 5, 1, 20, 95.0, true));
        assertThat(today.byCounter()).extracting(Ratings.ByCounter::counterNumber, Ratings.ByCounter::counts)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(1, new Ratings.Counts(6, 3, 1, 10, 90.0, false)),
                        org.assertj.core.groups.Tuple.tuple(2, new Ratings.Counts(8, 2, 0, 10, 100.0, true)));
        // HT: 11 of 12 = 91.66…% shown rounded down, below the target.
        assertThat(today.byService()).extracting(Ratings.ByService::serviceCode, Ratings.ByService::counts)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("HT", new Ratings.Counts(6, 5, 1, 12, 91.6, false)),
                        org.assertj.core.groups.Tuple.tuple("CT", new Ratings.Counts(8, 0, 0, 8, 100.0, true)));
        assertThat(today.reasons()).containsExactly(new Ratings.ReasonCount(Reason.WAITED_TOO_LONG,
                Reason.WAITED_TOO_LONG.textVi, Reason.WAITED_TOO_LONG.textEn, 1));
        assertThat(today.comments()).extracting(Ratings.Comment::text, Ratings.Comment::counterNumber)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Chờ 2 tiếng", 1));

        // One more not satisfied, moved to yesterday: outside today, inside a two-day period.
        Ticket old = served(2, 3);
        window.rate(old.id(), new RatingRequest(Level.NOT_SATISFIED, Reason.STAFF_ATTITUDE, null));
        agent.agent().database().write(tx -> {
            try (Statement st = tx.connection().createStatement()) {
                st.executeUpdate("UPDATE rating SET business_day = date(business_day, '-1 day') WHERE ticket_id = " + old.id());
            }
            return null;
        });
        assertThat(supervisor.ratingSummary(day, day).overall()).isEqualTo(today.overall());
        assertThat(supervisor.ratingSummary(day.minusDays(1), day.minusDays(1)).overall())
                .isEqualTo(new Ratings.Counts(0, 0, 1, 1, 0.0, false));
        Ratings.Summary twoDays = supervisor.ratingSummary(day.minusDays(1), null);
        assertThat(twoDays.to()).isEqualTo(day);
        // 19 of 21 = 90.47…%
        assertThat(twoDays.overall()).isEqualTo(new Ratings.Counts(14, 5, 2, 21, 90.4, false));
        assertThat(twoDays.byCounter()).extracting(Ratings.ByCounter::counterNumber).containsExactly(1, 2, 3);
        assertThat(twoDays.reasons()).extracting(Ratings.ReasonCount::reason, Ratings.ReasonCount::count)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(Reason.WAITED_TOO_LONG, 1),
                        org.assertj.core.groups.Tuple.tuple(Reason.STAFF_ATTITUDE, 1));
        Ratings.Summary empty = supervisor.ratingSummary(day.minusDays(30), day.minusDays(2));
        assertThat(empty.overall()).isEqualTo(new Ratings.Counts(0, 0, 0, 0, null, null));
        assertThat(empty.byCounter()).isEmpty();
        assertThat(empty.byService()).isEmpty();
    }

    @Test
    void summaryIsForSupervisorsWithAValidPeriod() throws Exception {
        SupervisorClient clerkAsSupervisor = agent.staffSession(Role.CLERK).supervisor();
        assertThatThrownBy(() -> clerkAsSupervisor.ratingSummary(null, null)).isInstanceOfSatisfying(AgentException.class,
                e -> assertThat(e.status()).isEqualTo(403));
        assertError(get("/api/v1/ratings/summary", kioskToken), 403, "forbidden");
        String token = agent.sessionToken(Role.SUPERVISOR);
        assertError(get("/api/v1/ratings/summary?from=2025-02-30", token), 400, "bad_date");
        assertError(get("/api/v1/ratings/summary?from=2025-03-02&to=2025-03-01", token), 400, "bad_period");
        assertError(get("/api/v1/ratings/summary?from=2023-01-01&to=2025-03-01", token), 400, "period_too_long");
        try (Response r = get("/api/v1/ratings/summary?from=2025-01-01&to=2025-12-31", token)) {
            assertThat(r.code()).isEqualTo(200);
        }
    }

    @Test
    void theTargetIsASetting() {
        agent.close();
        agent = TestAgent.start(java.util.Map.of("rating.target.percent", "90"));
        pairDevices();
        for (Level l : List.of(Level.VERY_SATISFIED, Level.SATISFIED, Level.SATISFIED, Level.SATISFIED, Level.SATISFIED,
                Level.SATISFIED, Level.SATISFIED, Level.SATISFIED, Level.SATISFIED, Level.NOT_SATISFIED)) {
            window.rate(served(1, 1).id(), RatingRequest.of(l));
        }
        Ratings.Summary s = agent.supervisorClient().ratingSummary(null, null);
        assertThat(s.targetPercent()).isEqualTo(90);
        assertThat(s.overall()).isEqualTo(new Ratings.Counts(1, 8, 1, 10, 90.0, true));
    }

    // ---- helpers ----

    private Response rate(long ticketId, String body) throws IOException {
        return post("/api/v1/tickets/" + ticketId + "/rating", body, windowToken);
    }

    private Response post(String path, String body, String token) throws IOException {
        Request.Builder r = new Request.Builder().url(agent.baseUrl() + path).post(RequestBody.create(body, JSON));
        if (token != null) {
            r.header("Authorization", "Bearer " + token);
        }
        return http.newCall(r.build()).execute();
    }

    private Response get(String path, String token) throws IOException {
        return http.newCall(new Request.Builder().url(agent.baseUrl() + path)
                .header("Authorization", "Bearer " + token).build()).execute();
    }


    private long count(String sql) throws Exception {
        try (Connection c = db(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private Connection db() throws Exception {
        return DriverManager.getConnection("jdbc:sqlite:" + agent.databaseFile());
    }
}
