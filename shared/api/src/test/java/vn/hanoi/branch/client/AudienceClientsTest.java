package vn.hanoi.branch.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.hanoi.branch.api.Ratings;

/**
 * What the clients put on the wire, against a scripted server: whose credential each call carries,
 * the idempotency key, the query, and how the agent's answers become results or {@link AgentException}s.
 * (Against the real agent: the agent module's API tests and {@code AudienceCredentialsTest}.)
 */
class AudienceClientsTest {
    private static final String PAIRED =
            "{\"deviceId\":7,\"kind\":\"COUNTER\",\"name\":\"Quầy 3\",\"token\":\"device-token\"}";
    private static final String SIGNED_IN = "{\"token\":\"session-token\",\"user\":{\"id\":4,\"username\":\"clerk1\","
            + "\"displayName\":\"Cán bộ\",\"role\":\"CLERK\"}}";

    private final MockWebServer server = new MockWebServer();
    private AgentLink link;

    @BeforeEach
    void start() throws IOException {
        server.start();
        link = AgentLink.builder(server.url("/").toString()).readTimeout(Duration.ofSeconds(2)).build();
    }

    @AfterEach
    void stop() throws IOException {
        server.shutdown();
    }

    @Test
    void eachClientCarriesItsOwnCredentialWhateverIsSignedInBesideIt() throws Exception {
        server.enqueue(json(201, PAIRED));
        String token = link.pair("ABC123", "Quầy 3").token();
        assertThat(next().getHeader("Authorization")).as("pairing has no credential yet").isNull();

        CounterClient counter = link.counter(token);
        server.enqueue(json(201, SIGNED_IN));
        StaffSession session = counter.login("clerk1", "secret");
        assertThat(next().getHeader("Authorization")).isEqualTo("Bearer device-token");
        assertThat(session.user().username()).isEqualTo("clerk1");

        server.enqueue(new MockResponse().setResponseCode(204));
        session.desk().callNext(2);
        RecordedRequest call = next();
        assertThat(call.getPath()).isEqualTo("/api/v1/counters/2/call-next");
        assertThat(call.getHeader("Authorization")).isEqualTo("Bearer session-token");

        server.enqueue(json(201, "{\"ticketId\":9,\"level\":\"SATISFIED\"}"));
        counter.customerWindow().rate(9, Ratings.RatingRequest.of(Ratings.Level.SATISFIED));
        assertThat(next().getHeader("Authorization")).as("the citizens' window is the device")
                .isEqualTo("Bearer device-token");

        server.enqueue(new MockResponse().setResponseCode(204));
        session.logout();
        RecordedRequest logout = next();
        assertThat(logout.getMethod() + " " + logout.getPath()).isEqualTo("DELETE /api/v1/sessions/current");
        assertThat(logout.getHeader("Authorization")).isEqualTo("Bearer session-token");

        server.enqueue(new MockResponse().setResponseCode(204));
        counter.queue();
        assertThat(next().getHeader("Authorization")).isEqualTo("Bearer device-token");
    }

    @Test
    void aTicketIsIssuedWithTheKiosksIdempotencyKey() throws Exception {
        server.enqueue(new MockResponse().setResponseCode(204));
        link.kiosk("kiosk-token").issueTicket(3, "key-1");
        RecordedRequest issue = next();
        assertThat(issue.getMethod() + " " + issue.getPath()).isEqualTo("POST /api/v1/tickets");
        assertThat(issue.getHeader("Idempotency-Key")).isEqualTo("key-1");
        assertThat(issue.getHeader("Authorization")).isEqualTo("Bearer kiosk-token");
        assertThat(issue.getBody().readUtf8()).contains("\"serviceId\":3");
    }

    @Test
    void aMissingEndOfThePeriodIsLeftOutOfTheQuery() throws Exception {
        SupervisorClient supervisor = signedIn().supervisor();
        server.enqueue(new MockResponse().setResponseCode(204));
        supervisor.ratingSummary(null, LocalDate.of(2025, 3, 1));
        RecordedRequest summary = next();
        assertThat(summary.getRequestUrl().queryParameterNames()).containsExactly("to");
        assertThat(summary.getRequestUrl().queryParameter("to")).isEqualTo("2025-03-01");
    }

    @Test
    void theAgentsBilingualRefusalBecomesAnAgentException() {
        server.enqueue(json(409, "{\"status\":409,\"code\":\"already_rated\",\"messageVi\":\"Vé này đã được đánh giá.\","
                + "\"messageEn\":\"This ticket was already rated.\"}"));
        assertThatThrownBy(() -> link.kiosk("k").rate(1, Ratings.RatingRequest.of(Ratings.Level.SATISFIED)))
                .isInstanceOfSatisfying(AgentException.class, e -> {
                    assertThat(e.status()).isEqualTo(409);
                    assertThat(e.error().code()).isEqualTo("already_rated");
                    assertThat(e.error().messageVi()).isEqualTo("Vé này đã được đánh giá.");
                    assertThat(e.isUnreachable()).isFalse();
                });
    }

    @Test
    void aPageThatIsNotTheAgentsGetsAGenericMessageInBothLanguages() {
        server.enqueue(new MockResponse().setResponseCode(502).setBody("<html>Bad gateway</html>"));
        assertThatThrownBy(() -> link.hall("h").queue()).isInstanceOfSatisfying(AgentException.class, e -> {
            assertThat(e.error().code()).isEqualTo("http_502");
            assertThat(e.error().messageVi()).contains("502").isNotEqualTo(e.error().messageEn());
            assertThat(e.error().messageEn()).contains("502");
        });
    }

    @Test
    void anAgentThatDoesNotAnswerIsToldApartFromARefusal() throws IOException {
        server.shutdown();
        assertThatThrownBy(() -> link.health()).isInstanceOfSatisfying(AgentException.class,
                e -> assertThat(e.isUnreachable()).isTrue());
    }

    @Test
    void theFormerClientCallsWithTheSessionWhileSignedInAndWithTheDeviceOtherwise() throws Exception {
        AgentClient former = AgentClient.builder(server.url("/").toString()).deviceToken("device-token").build();
        server.enqueue(json(201, SIGNED_IN));
        former.login("clerk1", "secret");
        assertThat(next().getHeader("Authorization")).isEqualTo("Bearer device-token");

        server.enqueue(new MockResponse().setResponseCode(204));
        former.callNext(1);
        assertThat(next().getHeader("Authorization")).isEqualTo("Bearer session-token");
        server.enqueue(json(201, "{\"ticketId\":9,\"level\":\"SATISFIED\"}"));
        former.deviceOnly().rate(9, Ratings.RatingRequest.of(Ratings.Level.SATISFIED));
        assertThat(next().getHeader("Authorization")).isEqualTo("Bearer device-token");

        server.enqueue(new MockResponse().setResponseCode(204));
        former.logout();
        assertThat(next().getHeader("Authorization")).isEqualTo("Bearer session-token");
        assertThat(former.hasSession()).isFalse();
        server.enqueue(new MockResponse().setResponseCode(204));
        former.queue();
        assertThat(next().getHeader("Authorization")).isEqualTo("Bearer device-token");
    }

    private StaffSession signedIn() throws InterruptedException {
        server.enqueue(json(201, SIGNED_IN));
        StaffSession s = link.counter("device-token").login("clerk1", "secret");
        next();
        return s;
    }

    private RecordedRequest next() throws InterruptedException {
        RecordedRequest r = server.takeRequest(5, TimeUnit.SECONDS);
        assertThat(r).as("a request reached the server").isNotNull();
        return r;
    }

    private static MockResponse json(int status, String body) {
        return new MockResponse().setResponseCode(status).setHeader("Content-Type", "application/json").setBody(body);
    }
}
