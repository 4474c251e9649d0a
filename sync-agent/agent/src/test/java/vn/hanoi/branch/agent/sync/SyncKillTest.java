package vn.hanoi.branch.agent.sync;

import static org.awaitility.Awaitility.await;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import vn.hanoi.branch.testkit.city.CitySimulator;
import vn.hanoi.branch.agent.content.ContentStore;
import vn.hanoi.branch.agent.db.Database;
import vn.hanoi.branch.agent.testing.AgentProcess;
import vn.hanoi.branch.agent.testing.TestCity;
import vn.hanoi.branch.api.DeviceKind;
import vn.hanoi.branch.client.AgentLink;
import vn.hanoi.branch.client.KioskClient;

/**
 * The agent, a real process, is SIGKILLed 20 times at random moments while it sends its outbox and uploads a
 * document (and while kiosks keep issuing numbers); at the end the city holds every outbox entry exactly once,
 * in order, and the document with its hash.
 */
// Twenty-one or more cold starts of a JVM: about 2-3 minutes on the 2-core CI machine.
@Timeout(480)
class SyncKillTest {
    @Test
    void killedTwentyTimesDuringSyncLosesNothingAndDuplicatesNothing() throws Exception {
        Random random = new Random(9);
        try (TestCity city = TestCity.start()) {
            city.sim().faults().set(Map.of("latencyMs", 20)); // a real link's latency: a round takes several calls
            Path dir = Files.createTempDirectory("sync-kill");
            AgentProcess agent = AgentProcess.prepare(dir);
            city.agentConfig().forEach(agent::with);
            agent.with("city.batch.size", "3").with("city.upload.chunk.bytes", "262144");
            String code = agent.pairingCode(DeviceKind.KIOSK);
            ContentStore.Item doc;
            try (Database db = Database.open(agent.dbFile(), Clock.systemUTC())) {
                ContentStore store = new ContentStore(db, agent.dbFile().toAbsolutePath().getParent().resolve("documents/store"));
                doc = store.put(new vn.hanoi.branch.agent.testing.RandomBytes(8L * 1024 * 1024, 5),
                        new ContentStore.Meta(null, "SCAN", "CT01", "application/pdf", null), null);
            }
            int[] issuedTotal = {0};
            try {
                agent.start();
                AgentLink link = AgentLink.to(agent.baseUrl());
                KioskClient kiosk = link.kiosk(link.pair(code, "kiosk").token());
                int issued = 0;
                int kills = 0;
                int killedWithWorkLeft = 0;
                // Kill at a random moment once this round's sending has begun, until 20 kills have landed with
                // work left (how fast the agent drains depends on the machine: count, do not assume).
                while (killedWithWorkLeft < 20 && kills < 40) {
                    int before = city.sim().events(TestCity.BRANCH).size();
                    for (int i = 0; i < 10; i++) {
                        issue(kiosk, 1 + random.nextInt(3));
                        issued++;
                    }
                    await("the agent to be sending").atMost(Duration.ofMinutes(1))
                            .until(() -> city.sim().events(TestCity.BRANCH).size() > before);
                    Thread.sleep(random.nextInt(40));
                    agent.kill();
                    kills++;
                    if (backlog(agent) > 0 || !confirmed(agent, doc.id())) {
                        killedWithWorkLeft++;
                    }
                    agent.start();
                }
                issuedTotal[0] = issued;
                System.out.printf("SyncKillTest: %d kills, %d of them with work left, %d tickets issued%n", kills,
                        killedWithWorkLeft, issued);
                assertThat(killedWithWorkLeft).as("kills that hit the agent in the middle of syncing (of " + kills + ")")
                        .isGreaterThanOrEqualTo(20);
                await("the agent to finish syncing").atMost(Duration.ofMinutes(1))
                        .until(() -> backlog(agent) == 0 && confirmed(agent, doc.id()));
            } finally {
                agent.stop();
            }
            assertThat(Files.readString(dir.resolve("agent.log"))).as("no write lost to a locked database")
                    .doesNotContain("database is locked");
            List<Long> outbox = new ArrayList<>();
            try (Database db = Database.open(agent.dbFile(), Clock.systemUTC())) {
                db.read(c -> {
                    try (PreparedStatement ps = c.prepareStatement("SELECT id FROM outbox WHERE topic = 'queue' OR topic = 'audit' "
                            + "OR topic = 'dossier' OR topic = 'rating' ORDER BY id"); ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            outbox.add(rs.getLong(1));
                        }
                    }
                    return null;
                });
            }
            List<CitySimulator.ReceivedEvent> got = city.sim().events(TestCity.BRANCH);
            assertThat(got).extracting(CitySimulator.ReceivedEvent::sequence).containsExactlyElementsOf(outbox);
            assertThat(got.stream().filter(e -> e.topic().equals("queue")).count()).isEqualTo(issuedTotal[0]);
            CitySimulator.ReceivedUpload u = city.sim().uploads(TestCity.BRANCH).get(0);
            assertThat(u.complete()).isTrue();
            assertThat(u.sha256()).isEqualTo(doc.sha256());
            // Resumed after each kill, never restarted: the city keeps what arrived (contract 1.1), so at most the
            // bytes on their way when the agent died go twice, a 256 kB chunk's worth per kill (at most 40) at the very most.
            assertThat(city.sim().bytesReceived()).isBetween(8L * 1024 * 1024, 8L * 1024 * 1024 + 40L * 262_144);
            try (var walk = Files.walk(dir)) {
                walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** As the kiosk does: the same key again after a lost answer (here: a pooled connection to the killed process). */
    private static void issue(KioskClient kiosk, long serviceId) throws InterruptedException {
        String key = UUID.randomUUID().toString();
        for (int attempt = 0; ; attempt++) {
            try {
                kiosk.issueTicket(serviceId, key);
                return;
            } catch (vn.hanoi.branch.client.AgentException e) {
                if (attempt == 5) {
                    throw e;
                }
                Thread.sleep(50);
            }
        }
    }

    private static long backlog(AgentProcess agent) {
        try (Database db = Database.open(agent.dbFile(), Clock.systemUTC())) {
            return Outbox.backlog(db).size();
        }
    }

    private static boolean confirmed(AgentProcess agent, long contentId) {
        try (Database db = Database.open(agent.dbFile(), Clock.systemUTC())) {
            return db.read(c -> {
                try (PreparedStatement ps = c.prepareStatement("SELECT city_confirmed_at FROM content_file WHERE id = ?")) {
                    ps.setLong(1, contentId);
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        rs.getLong(1);
                        return !rs.wasNull();
                    }
                }
            });
        }
    }
}
