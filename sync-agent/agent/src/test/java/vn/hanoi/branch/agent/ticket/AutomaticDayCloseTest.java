package vn.hanoi.branch.agent.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
import org.junit.jupiter.api.io.TempDir;
import vn.hanoi.branch.agent.AgentMain;
import vn.hanoi.branch.agent.config.AgentConfig;
import vn.hanoi.branch.agent.testing.DemoBranch;
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
    @TempDir
    Path dir;
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
        officeHours(agent);
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

    /** The demo branch's services with office hours, 07:30–17:00 every day, applied by {@code branch-agent setup}. */
    private void officeHours(TestAgent agent) throws Exception {
        String demo;
        try (var in = DemoBranch.class.getResourceAsStream("demo-branch.yaml")) {
            demo = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Path file = dir.resolve("branch.yaml");
        Files.writeString(file, demo.replace("00:00-23:59", "07:30-17:00"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exit = AgentMain.execute(AgentConfig.defaults().with("db.path", agent.databaseFile().toString()),
                new PrintStream(out, true, StandardCharsets.UTF_8), "setup", "--file", file.toString());
        assertThat(exit).as(out.toString(StandardCharsets.UTF_8)).isZero();
    }

    private Map<String, CitySimulator.ReceivedEvent> stats() {
        Map<String, CitySimulator.ReceivedEvent> out = new HashMap<>();
        List<CitySimulator.ReceivedEvent> got = city.sim().events(TestCity.BRANCH);
        got.stream().filter(e -> e.topic().equals("stats")).forEach(e -> out.put(e.key(), e));
        return out;
    }
}
