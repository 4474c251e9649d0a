package vn.hanoi.branch.agent.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.hanoi.branch.agent.testing.ApiErrors.assertError;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
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
import vn.hanoi.branch.api.Ticket;
import vn.hanoi.branch.api.TicketState;
import vn.hanoi.branch.client.DeskClient;
import vn.hanoi.branch.client.KioskClient;
import vn.hanoi.branch.client.AgentException;

/** The queue API over real HTTP: the happy path, and bad input answered with 4xx and no change. */
class TicketApiTest {
    private static final MediaType JSON = MediaType.get("application/json");
    private final OkHttpClient http = new OkHttpClient();
    private TestAgent agent;
    private String kioskToken;
    private KioskClient kiosk;

    @BeforeEach
    void start() {
        agent = TestAgent.start();
        kioskToken = agent.pair(DeviceKind.KIOSK).token();
        kiosk = agent.link().kiosk(kioskToken);
    }

    @AfterEach
    void stop() {
        agent.close();
    }

    @Test
    void ticketGoesThroughCallServeFinishAndEveryStepIsRecorded() throws Exception {
        Ticket t = kiosk.issueTicket(1, "k-1");
        assertThat(t.displayNumber()).isEqualTo("1001");
        assertThat(t.state()).isEqualTo(TicketState.WAITING);
        assertThat(kiosk.issueTicket(1, "k-2").waitingAhead()).isEqualTo(1);

        DeskClient clerk = agent.deskClient();
        Ticket called = clerk.callNext(1);
        assertThat(called.id()).isEqualTo(t.id());
        assertThat(called.state()).isEqualTo(TicketState.CALLED);
        assertThat(called.counterNumber()).isEqualTo(1);
        assertThat(clerk.recall(t.id()).state()).isEqualTo(TicketState.CALLED);
        assertThat(clerk.serve(t.id()).state()).isEqualTo(TicketState.SERVING);
        Ticket done = clerk.finish(t.id());
        assertThat(done.state()).isEqualTo(TicketState.DONE);
        assertThat(done.calledAt()).isNotNull();
        assertThat(done.finishedAt()).isAfterOrEqualTo(done.servingAt());

        try (Connection c = db(); Statement st = c.createStatement()) {
            ResultSet rs = st.executeQuery("SELECT from_state, to_state, user_id IS NOT NULL, device_id IS NOT NULL "
                    + "FROM ticket_transition WHERE ticket_id = " + t.id() + " ORDER BY id");
            StringBuilder path = new StringBuilder();
            while (rs.next()) {
                path.append(rs.getString(1)).append("->").append(rs.getString(2)).append(' ');
                boolean staffStep = rs.getString(1) != null;
                assertThat(rs.getBoolean(3)).as("who (user) recorded").isEqualTo(staffStep);
                assertThat(rs.getBoolean(4)).as("device recorded").isTrue();
            }
            assertThat(path.toString().trim())
                    .isEqualTo("null->WAITING WAITING->CALLED CALLED->CALLED CALLED->SERVING SERVING->DONE");
            ResultSet audit = st.executeQuery("SELECT count(*) FROM audit_log WHERE entity = 'ticket' AND entity_id = '"
                    + t.id() + "'");
            audit.next();
            assertThat(audit.getInt(1)).isEqualTo(5);
        }
    }

    @Test
    void aCalledTicketIsFinishedInOneCallAndItsServiceTimeCountsFromTheCall() throws Exception {
        Ticket t = kiosk.issueTicket(1, "k-one-call");
        DeskClient clerk = agent.deskClient();
        clerk.callNext(1);
        Ticket done = clerk.finish(t.id());
        assertThat(done.state()).isEqualTo(TicketState.DONE);
        assertThat(done.servingAt()).as("no start of service was marked").isNull();
        assertThat(done.finishedAt()).isAfterOrEqualTo(done.calledAt());
        try (Connection c = db(); Statement st = c.createStatement()) {
            ResultSet rs = st.executeQuery("SELECT from_state || '->' || to_state FROM ticket_transition WHERE ticket_id = "
                    + t.id() + " ORDER BY id DESC LIMIT 1");
            rs.next();
            assertThat(rs.getString(1)).isEqualTo("CALLED->DONE");
        }
    }

    @Test
    void noShowAndInvalidTransitionsAreRefused() {
        Ticket t = kiosk.issueTicket(1, "k-1");
        DeskClient clerk = agent.deskClient();
        assertThatThrownBy(() -> clerk.finish(t.id())).isInstanceOfSatisfying(AgentException.class,
                e -> assertThat(e.error().code()).isEqualTo("invalid_transition"));
        clerk.callNext(1);
        assertThatThrownBy(() -> clerk.callNext(1)).isInstanceOfSatisfying(AgentException.class,
                e -> assertThat(e.status()).isEqualTo(409));
        assertThat(clerk.noShow(t.id()).state()).isEqualTo(TicketState.NO_SHOW);
        assertThat(clerk.callNext(1)).as("nobody else waiting").isNull();
    }

    @Test
    void sameIdempotencyKeyNeverIssuesTwice() {
        Ticket a = kiosk.issueTicket(2, "same-key");
        Ticket b = kiosk.issueTicket(2, "same-key");
        assertThat(b.id()).isEqualTo(a.id());
        assertThat(kiosk.issueTicket(2, "other-key").seq()).isEqualTo(2);
    }

    @Test
    void badInputGets4xxWithBilingualMessageAndChangesNothing() throws Exception {
        kiosk.issueTicket(1, "before");
        String before = stateFingerprint();
        String token = kioskToken;

        assertError(post("/api/v1/tickets", "{\"serviceId\": ", token, "k1"), 400, "malformed_json");
        assertError(post("/api/v1/tickets", "[1,2,3]", token, "k2"), 400, "malformed_json");
        assertError(post("/api/v1/tickets", "{\"serviceId\": 999}", token, "k3"), 400, "unknown_service");
        assertError(post("/api/v1/tickets", "{\"serviceId\": 1}", token, null), 400, "missing_idempotency_key");
        assertError(post("/api/v1/tickets", "{\"serviceId\": 1}", null, "k4"), 401, "unauthorized");
        assertError(post("/api/v1/tickets", "{\"serviceId\": 1}", "not-a-token", "k5"), 401, "unauthorized");
        String counterToken = agent.pair(DeviceKind.COUNTER).token();
        assertError(post("/api/v1/tickets", "{\"serviceId\": 1}", counterToken, "k6"), 403, "forbidden");
        assertError(post("/api/v1/counters/1/call-next", "", token, null), 403, "forbidden");
        assertError(post("/api/v1/tickets", "{\"serviceId\": 1, \"pad\": \"" + "x".repeat(70_000) + "\"}",
                token, "k7"), 413, "body_too_large");
        assertError(post("/api/v1/tickets/1/finish", "", counterToken, null), 403,
                "forbidden"); // a counter device without a staff login cannot act on tickets
        assertError(post("/api/v1/users", "{}", token, null), 403, "forbidden");
        assertError(get("/api/v1/nothing-here", token), 404, "not_found");

        assertThat(stateFingerprint()).isEqualTo(before);
    }

    @Test
    void revokedDeviceIsLockedOut() {
        kiosk.issueTicket(1, "ok");
        long deviceId;
        try (Connection c = db(); Statement st = c.createStatement()) {
            ResultSet rs = st.executeQuery("SELECT max(id) FROM device WHERE kind = 'KIOSK'");
            rs.next();
            deviceId = rs.getLong(1);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        agent.agent().devices().revoke(vn.hanoi.branch.agent.auth.Principal.SYSTEM, deviceId);
        assertThatThrownBy(() -> kiosk.issueTicket(1, "after")).isInstanceOfSatisfying(AgentException.class,
                e -> assertThat(e.status()).isEqualTo(401));
    }

    private Response post(String path, String body, String token, String key) throws IOException {
        Request.Builder r = new Request.Builder().url(agent.baseUrl() + path).post(RequestBody.create(body, JSON));
        if (token != null) {
            r.header("Authorization", "Bearer " + token);
        }
        if (key != null) {
            r.header("Idempotency-Key", key);
        }
        return http.newCall(r.build()).execute();
    }

    private Response get(String path, String token) throws IOException {
        return http.newCall(new Request.Builder().url(agent.baseUrl() + path)
                .header("Authorization", "Bearer " + token).build()).execute();
    }


    private Connection db() {
        try {
            return DriverManager.getConnection("jdbc:sqlite:" + agent.databaseFile());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Tickets, sequences and events: what a bad request must not change. */
    private String stateFingerprint() throws Exception {
        try (Connection c = db(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT (SELECT group_concat(id || state, ',') FROM ticket), "
                     + "(SELECT group_concat(service_id || ':' || last_seq, ',') FROM ticket_sequence), "
                     + "(SELECT max(id) FROM queue_event)")) {
            rs.next();
            return rs.getString(1) + "|" + rs.getString(2) + "|" + rs.getString(3);
        }
    }
}
