package vn.hanoi.branch.counter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import vn.hanoi.branch.agent.testing.FlakyLink;
import vn.hanoi.branch.agent.testing.TestAgent;
import vn.hanoi.branch.counter.rating.CustomerModel;
import vn.hanoi.branch.counter.rating.CustomerModel.Phase;
import vn.hanoi.branch.api.DeviceKind;
import vn.hanoi.branch.api.Ratings;
import vn.hanoi.branch.api.Ticket;
import vn.hanoi.branch.client.AgentClient;
import vn.hanoi.branch.client.AgentException;

/** The customer window's flow without UI, against a real agent: timeouts, overlaps, lost answers. */
class RatingCustomerModelTest {
    private final ExecutorService ui = Executors.newSingleThreadExecutor();
    private final ExecutorService background = Executors.newVirtualThreadPerTaskExecutor();
    private TestAgent agent;
    private AgentClient kiosk;
    private AgentClient clerk;
    private CustomerModel model;

    @BeforeEach
    void start() {
        agent = TestAgent.start();
        kiosk = agent.pairedClient(DeviceKind.KIOSK);
        clerk = agent.clerkClient();
    }

    @AfterEach
    void stop() {
        if (model != null) {
            model.close();
        }
        ui.shutdownNow();
        background.shutdownNow();
        agent.close();
    }

    private void model(AgentClient device, Duration ask, Duration reason) {
        model = new CustomerModel(device, background, ui, new CustomerModel.Timing(ask, reason, Duration.ofMillis(500)));
    }

    private Ticket served() {
        Ticket t = kiosk.issueTicket(1, UUID.randomUUID().toString());
        clerk.callNumber(1, t.displayNumber());
        clerk.serve(t.id());
        return clerk.finish(t.id());
    }

    private <T> T onUi(Callable<T> c) throws Exception {
        return ui.submit(c).get(5, TimeUnit.SECONDS);
    }

    private void run(Runnable r) throws Exception {
        onUi(() -> {
            r.run();
            return null;
        });
    }

    private static void waitFor(Callable<Boolean> c) {
        Awaitility.await().atMost(Duration.ofSeconds(15)).until(c);
    }

    private Ratings.Rating stored(Ticket t) {
        return kiosk.rating(t.id());
    }

    @Test
    void theSameFinishReportedTwiceIsAskedOnce() throws Exception {
        model(clerk.deviceOnly(), Duration.ofSeconds(30), Duration.ofSeconds(30));
        Ticket t = served();
        run(() -> model.finished(t));
        run(() -> model.choose(Ratings.Level.SATISFIED));
        assertThat(onUi(() -> model.phaseProperty().get())).isEqualTo(Phase.THANKS);
        // The desk's answer and the agent's event both report the finish.
        run(() -> model.finished(t));
        assertThat(onUi(() -> model.phaseProperty().get())).isEqualTo(Phase.THANKS);
        waitFor(() -> onUi(() -> model.phaseProperty().get()) == Phase.IDLE);
        assertThat(stored(t).level()).isEqualTo(Ratings.Level.SATISFIED);
    }

    @Test
    void notSatisfiedWithoutAReasonInTimeIsStoredWithoutOne() throws Exception {
        model(clerk.deviceOnly(), Duration.ofSeconds(30), Duration.ofSeconds(1));
        Ticket t = served();
        run(() -> model.finished(t));
        run(() -> model.choose(Ratings.Level.NOT_SATISFIED));
        assertThat(onUi(() -> model.phaseProperty().get())).isEqualTo(Phase.REASON);

        waitFor(() -> onUi(() -> model.phaseProperty().get()) == Phase.IDLE);
        waitFor(() -> onUi(() -> model.lastSentProperty().get()) != null);
        assertThat(stored(t).level()).isEqualTo(Ratings.Level.NOT_SATISFIED);
        assertThat(stored(t).reason()).isNull();
    }

    @Test
    void theNextFinishedTicketTakesOverAndThePreviousAnswerIsKept() throws Exception {
        model(clerk.deviceOnly(), Duration.ofSeconds(30), Duration.ofSeconds(30));
        Ticket first = served();
        Ticket second = served();
        run(() -> model.finished(first));
        run(() -> model.choose(Ratings.Level.NOT_SATISFIED));
        run(() -> model.finished(second));

        assertThat(onUi(() -> model.phaseProperty().get())).isEqualTo(Phase.ASK);
        assertThat(onUi(() -> model.askedProperty().get().id())).isEqualTo(second.id());
        waitFor(() -> onUi(() -> model.lastSentProperty().get()) != null);
        assertThat(stored(first).level()).isEqualTo(Ratings.Level.NOT_SATISFIED);
        run(() -> model.choose(Ratings.Level.VERY_SATISFIED));
        waitFor(() -> onUi(() -> model.lastSentProperty().get().ticketId()) == second.id());
        assertThat(stored(second).level()).isEqualTo(Ratings.Level.VERY_SATISFIED);
    }

    @Test
    void anAnswerLostOnTheWayIsSentAgainAndStoredOnce() throws Exception {
        try (FlakyLink link = new FlakyLink(agent.agent().port())) {
            AgentClient viaLink = AgentClient.builder(link.url()).deviceToken(clerk.deviceToken()).build();
            model(viaLink, Duration.ofSeconds(30), Duration.ofSeconds(30));
            Ticket t = served();
            link.mode(FlakyLink.Mode.LOSE_RESPONSES);
            run(() -> model.finished(t));
            run(() -> model.choose(Ratings.Level.VERY_SATISFIED));

            // The agent stored it, the window did not hear back.
            waitFor(() -> {
                try {
                    return stored(t) != null;
                } catch (AgentException e) {
                    return false;
                }
            });
            assertThat(onUi(() -> model.lastSentProperty().get())).isNull();
            link.mode(FlakyLink.Mode.PASS);

            waitFor(() -> onUi(() -> model.lastSentProperty().get()) != null);
            assertThat(onUi(() -> model.lastSentProperty().get())).isEqualTo(stored(t));
        }
    }

    @Test
    void noAnswerNoRating() throws Exception {
        model(clerk.deviceOnly(), Duration.ofMillis(800), Duration.ofSeconds(30));
        Ticket t = served();
        run(() -> model.finished(t));
        waitFor(() -> onUi(() -> model.phaseProperty().get()) == Phase.IDLE);
        run(() -> model.choose(Ratings.Level.SATISFIED)); // too late: ignored
        assertThat(onUi(() -> model.phaseProperty().get())).isEqualTo(Phase.IDLE);
        Awaitility.await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2)).untilAsserted(() ->
                assertThatThrownBy(() -> stored(t)).isInstanceOfSatisfying(AgentException.class,
                        e -> assertThat(e.status()).isEqualTo(404)));
    }
}
