package vn.hanoi.branch.agent.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import vn.hanoi.branch.agent.testing.SimulatedClock;
import vn.hanoi.branch.agent.testing.TestAgent;
import vn.hanoi.branch.agent.testing.TestCity;
import vn.hanoi.branch.api.DeadLetter;
import vn.hanoi.branch.api.Role;
import vn.hanoi.branch.client.ItClient;
import vn.hanoi.branch.client.KioskClient;
import vn.hanoi.branch.testkit.city.CitySimulator;

/**
 * A poison event (the city refuses it for good) and a poison inbox item (it never applies): sync goes on
 * around both, both wait for IT as dead letters with the reason, and IT can put them back in line.
 */
@Timeout(120)
class DeadLetterTest {
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
    void aPoisonEventAndAPoisonInboxItemWaitForItWhileSyncGoesOn() throws Exception {
        SimulatedClock clock = new SimulatedClock(Instant.now(), ZoneId.of("Asia/Ho_Chi_Minh"));
        city = TestCity.start();
        Map<String, String> config = new java.util.HashMap<>(city.agentConfig());
        config.put("city.batch.size", "5");
        agent = TestAgent.start(config, clock);
        KioskClient kiosk = agent.kioskClient();
        for (int i = 0; i < 3; i++) {
            kiosk.issueTicket(1, UUID.randomUUID().toString());
        }
        // a bug wrote an event the city's contract refuses (the payload must be an object)
        agent.agent().database().write(tx -> {
            Outbox.append(tx, Outbox.QUEUE, "poison", "[\"not an object\"]");
            return null;
        });
        for (int i = 0; i < 6; i++) {
            kiosk.issueTicket(1, UUID.randomUUID().toString());
        }
        city.sim().push(TestCity.BRANCH, "dossier-status", Map.of("id", "bad-1", "dossierCode", "NO-SUCH",
                "state", "NOT_A_STATE", "version", 1));
        city.sim().push(TestCity.BRANCH, "holidays", Map.of("id", "h-after", "date", "2031-01-02", "kind", "OFF",
                "nameVi", "Nghỉ", "nameEn", "Off"));

        await("everything but the poison event to reach the city").atMost(Duration.ofSeconds(60))
                .until(() -> Outbox.backlog(agent.agent().database()).size() == 0);
        List<CitySimulator.ReceivedEvent> got = city.sim().events(TestCity.BRANCH);
        assertThat(got).extracting(CitySimulator.ReceivedEvent::key).doesNotContain("poison");
        assertThat(got.stream().filter(e -> e.topic().equals("queue")).count()).isGreaterThanOrEqualTo(9);
        await("the item after the poison one to apply").atMost(Duration.ofSeconds(30))
                .until(() -> CityHolidays.load(agent.agent().database()).all().size() == 1);

        ItClient it = agent.itClient();
        List<DeadLetter> parked = it.deadLetters();
        assertThat(parked).singleElement().satisfies(d -> {
            assertThat(d.direction()).isEqualTo("OUT");
            assertThat(d.reason()).contains("400", "bad_event");
        });
        // the inbound item is retried with growing waits, then parked
        await("the poison inbox item to be parked after its retries").atMost(Duration.ofSeconds(60)).until(() -> {
            clock.set(clock.instant().plus(Duration.ofMinutes(20)));
            return it.deadLetters().size() == 2;
        });
        DeadLetter inbound = it.deadLetters().stream().filter(d -> d.direction().equals("IN")).findFirst().orElseThrow();
        assertThat(inbound.stream()).isEqualTo("dossier-status");
        assertThat(inbound.itemKey()).isEqualTo("bad-1");
        assertThat(inbound.attempts()).isEqualTo(DeadLetters.INBOUND_ATTEMPTS);
        assertThat(inbound.reason()).contains("NOT_A_STATE");
        assertThat(agent.supervisorClient().syncStatus().deadLetters()).isEqualTo(2);
        // and monitoring sees them (the metrics endpoint answers a scraper on the agent's machine)
        try (okhttp3.Response r = new okhttp3.OkHttpClient().newCall(new okhttp3.Request.Builder()
                .url(agent.baseUrl() + "/api/v1/metrics").build()).execute()) {
            assertThat(r.body().string()).containsPattern("(?m)^branch_agent_sync_dead_letters 2$");
        }

        // IT fixes the cause and retries: the event goes, in its place in the city's history
        long poisonId = Long.parseLong(parked.get(0).itemKey());
        agent.agent().database().write(tx -> {
            try (PreparedStatement ps = tx.connection().prepareStatement("UPDATE outbox SET payload = '{}' WHERE id = ?")) {
                ps.setLong(1, poisonId);
                ps.executeUpdate();
            }
            return null;
        });
        // IT's command line shows the same and retries too (the agent keeps running)
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        assertThat(vn.hanoi.branch.agent.AgentMain.execute(agent.config(), new java.io.PrintStream(out, true,
                java.nio.charset.StandardCharsets.UTF_8), "dead-letters")).isZero();
        assertThat(out.toString(java.nio.charset.StandardCharsets.UTF_8)).contains("bad_event", "bad-1", "NOT_A_STATE");
        it.retryDeadLetter(parked.get(0).id());
        assertThat(vn.hanoi.branch.agent.AgentMain.execute(agent.config(), new java.io.PrintStream(out, true,
                java.nio.charset.StandardCharsets.UTF_8), "dead-letters", "--retry", Long.toString(inbound.id()))).isZero();
        await("the repaired event to reach the city").atMost(Duration.ofSeconds(30))
                .until(() -> city.sim().events(TestCity.BRANCH).stream().anyMatch(e -> e.sequence() == poisonId));
        assertThat(it.deadLetters()).isEmpty(); // the inbound item is back in its retry line
        assertThat(agent.status("GET", "/api/v1/dead-letters", agent.sessionToken(Role.CLERK))).isEqualTo(403);
    }
}
