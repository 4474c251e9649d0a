package vn.hanoi.branch.agent.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import vn.hanoi.branch.agent.testing.SimulatedClock;
import vn.hanoi.branch.agent.testing.TestAgent;
import vn.hanoi.branch.agent.testing.TestCity;
import vn.hanoi.branch.api.TicketState;
import vn.hanoi.branch.client.KioskClient;
import vn.hanoi.branch.testkit.city.CitySimulator;

/**
 * Nobody presses "end of day": the agent, off at closing time, closes the missed day at its next start and
 * sends that day's figures; the next day it closes by itself after closing time. The city gets both days.
 */
@Timeout(120)
class AutomaticDayCloseTest {
    private static final ZoneId HANOI = ZoneId.of("Asia/Ho_Chi_Minh");
    private TestCity city;
    private TestAgent agent;

    @AfterEach
    void stop() {
        if (agent != null) {
            agent.close();
        }
        if (city != null) {
            city.close();
        }
    }

    @Test
    void aMissedDayIsClosedAtTheNextStartAndTheNextDayAtClosingTime() throws Exception {
        LocalDate day = LocalDate.now(HANOI).minusDays(2);
        SimulatedClock clock = new SimulatedClock(day.atTime(10, 0).atZone(HANOI).toInstant(), HANOI);
        city = TestCity.start();
        Map<String, String> config = new HashMap<>(city.agentConfig());
        config.put("day.close.auto.after.minutes", "30");
        agent = TestAgent.start(config, clock);
        KioskClient kiosk = agent.kioskClient();
        long waiting = kiosk.issueTicket(1, UUID.randomUUID().toString()).id();
        kiosk.issueTicket(1, UUID.randomUUID().toString());
        kiosk.issueTicket(1, UUID.randomUUID().toString());
        assertThat(agent.agent().dayClose().check()).as("before closing time").isEmpty();

        // the branch PC was switched off at 17:00 and on again the next morning
        LocalDate next = day.plusDays(1);
        agent.restart(() -> clock.set(next.atTime(7, 45).atZone(HANOI).toInstant()));
        await("the missed day's figures to reach the city").atMost(Duration.ofSeconds(30))
                .until(() -> stats().containsKey(day.toString()));
        assertThat(agent.agent().tickets().queries().get(waiting).state()).isEqualTo(TicketState.CANCELLED);
        CitySimulator.ReceivedEvent missed = stats().get(day.toString());
        var service = StreamSupport.stream(missed.payload().path("services").spliterator(), false).findFirst().orElseThrow();
        assertThat(service.path("issued").asInt()).isEqualTo(3);
        assertThat(service.path("cancelled").asInt()).isEqualTo(3);

        KioskClient morningKiosk = agent.kioskClient();
        morningKiosk.issueTicket(1, UUID.randomUUID().toString());
        clock.set(next.atTime(17, 10).atZone(HANOI).toInstant());
        assertThat(agent.agent().dayClose().check()).as("closing time, but not 30 minutes after").isEmpty();
        clock.set(next.atTime(LocalTime.of(17, 31)).atZone(HANOI).toInstant());
        assertThat(agent.agent().dayClose().check()).containsExactly(next);
        assertThat(agent.agent().dayClose().check()).as("once a day").isEmpty();
        await("the day's figures to reach the city").atMost(Duration.ofSeconds(30))
                .until(() -> stats().containsKey(next.toString()));
        assertThat(stats()).hasSize(2);
    }

    private Map<String, CitySimulator.ReceivedEvent> stats() {
        Map<String, CitySimulator.ReceivedEvent> out = new HashMap<>();
        List<CitySimulator.ReceivedEvent> got = city.sim().events(TestCity.BRANCH);
        got.stream().filter(e -> e.topic().equals("stats")).forEach(e -> out.put(e.key(), e));
        return out;
    }
}
