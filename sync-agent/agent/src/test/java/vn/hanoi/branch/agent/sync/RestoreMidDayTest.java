package vn.hanoi.branch.agent.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import vn.hanoi.branch.agent.backup.Backups;
import vn.hanoi.branch.agent.backup.Restore;
import vn.hanoi.branch.agent.backup.RestoreEpoch;
import vn.hanoi.branch.agent.testing.TestAgent;
import vn.hanoi.branch.agent.testing.TestCity;
import vn.hanoi.branch.api.QueueEvent;
import vn.hanoi.branch.api.Ticket;
import vn.hanoi.branch.client.CounterClient;
import vn.hanoi.branch.client.DeskClient;
import vn.hanoi.branch.client.EventStream;
import vn.hanoi.branch.client.KioskClient;
import vn.hanoi.branch.testkit.city.CitySimulator;

/**
 * A backup restored in the middle of a day, after the disk with the live database died: the branch goes on
 * as one story. The city's idempotency keys never repeat (every new event arrives once), ticket numbers and
 * dossier codes given out after the backup (known only to the city now) are not given again, a connected
 * counter's event stream reloads by itself, and the operator learns exactly what was lost.
 */
@Timeout(180)
class RestoreMidDayTest {
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
    void afterARestoreEveryNewEventArrivesOnceAndNoNumberOrCodeRepeats() throws Exception {
        city = TestCity.start();
        agent = TestAgent.start(city.agentConfig());
        KioskClient kiosk = agent.kioskClient();
        DeskClient clerk = agent.deskClient();
        CounterClient counterPc = agent.counterClient();
        List<String> numbers = new ArrayList<>();
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            dossierVisit(kiosk, clerk, numbers, codes);
        }
        drained();
        Backups backups = new Backups(agent.databaseFile(), agent.agent().content().dir(),
                agent.databaseFile().resolveSibling("backups"), 3);
        Backups.Result backup = backups.run(Instant.now());

        // after the backup: known to the city, about to be lost with the disk
        List<String> lostNumbers = new ArrayList<>();
        List<String> lostCodes = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            dossierVisit(kiosk, clerk, lostNumbers, lostCodes);
        }
        for (int i = 0; i < 3; i++) {
            lostNumbers.add(kiosk.issueTicket(1, UUID.randomUUID().toString()).displayNumber());
        }
        drained();
        long cityBefore = city.sim().events(TestCity.BRANCH).size();

        List<QueueEvent> seen = new CopyOnWriteArrayList<>();
        try (EventStream stream = counterPc.events(agent.agent().events().lastId(), seen::add, s -> { })) {
            agent.restart(() -> {
                for (String suffix : new String[] {"", "-wal", "-shm"}) {
                    Files.deleteIfExists(Path.of(agent.databaseFile() + suffix)); // the data disk died
                }
                Restore.run(backup.database(), agent.databaseFile(), agent.agent().content().dir(), backups.contentMirror(),
                        Instant.now());
            });
            await("the counter's stream to be told to reload").atMost(Duration.ofSeconds(30))
                    .until(() -> seen.stream().anyMatch(e -> QueueEvent.RELOAD.equals(e.type())));
            await("the city to be asked what it holds beyond the backup").atMost(Duration.ofSeconds(30))
                    .until(() -> RestoreEpoch.awaitingCity(agent.agent().database()).isEmpty());

            // the branch works on: kiosk, clerk and counter were paired and signed in before the backup
            List<String> newNumbers = new ArrayList<>();
            List<String> newCodes = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                dossierVisit(kiosk, clerk, newNumbers, newCodes);
            }
            for (int i = 0; i < 3; i++) {
                newNumbers.add(kiosk.issueTicket(1, UUID.randomUUID().toString()).displayNumber());
            }
            await("the counter's stream to follow the new events").atMost(Duration.ofSeconds(30))
                    .until(() -> seen.stream().filter(e -> QueueEvent.TICKET_ISSUED.equals(e.type()))
                            .map(e -> e.ticket().displayNumber()).toList().containsAll(newNumbers));
            drained();

            Set<String> allNumbers = new HashSet<>(numbers);
            allNumbers.addAll(lostNumbers);
            assertThat(newNumbers).doesNotContainAnyElementsOf(allNumbers).doesNotHaveDuplicates();
            Set<String> allCodes = new HashSet<>(codes);
            allCodes.addAll(lostCodes);
            assertThat(newCodes).doesNotContainAnyElementsOf(allCodes).doesNotHaveDuplicates();

            // every event of the new epoch reached the city exactly once: none was taken for a duplicate
            JsonNode last = RestoreEpoch.lastRestore(agent.agent().database());
            long epochBase = last.path("epochBase").asLong();
            List<CitySimulator.ReceivedEvent> got = city.sim().events(TestCity.BRANCH);
            List<Long> newOutbox = outboxIds().stream().filter(id -> id >= epochBase).toList();
            assertThat(newOutbox).isNotEmpty();
            assertThat(got.subList((int) cityBefore, got.size())).extracting(CitySimulator.ReceivedEvent::sequence)
                    .containsExactlyElementsOf(newOutbox);
            assertThat(got.subList(0, (int) cityBefore)).allMatch(e -> e.sequence() < epochBase);

            // the operator is told what was lost: the numbers and codes the city holds beyond the backup
            assertThat(last.path("lostPerBranch").path("events").asLong()).isZero(); // the disk was gone
            List<String> toldNumbers = new ArrayList<>();
            last.path("lostPerCity").path("numbers").forEach(n -> toldNumbers.add(n.asText().split(" ")[1]));
            assertThat(toldNumbers).containsExactlyInAnyOrderElementsOf(lostNumbers);
            List<String> toldCodes = new ArrayList<>();
            last.path("lostPerCity").path("dossierCodes").forEach(n -> toldCodes.add(n.asText()));
            assertThat(toldCodes).containsExactlyInAnyOrderElementsOf(lostCodes);
        }
    }

    private static void dossierVisit(KioskClient kiosk, DeskClient clerk, List<String> numbers, List<String> codes) {
        Ticket t = kiosk.issueTicket(2, UUID.randomUUID().toString());
        numbers.add(t.displayNumber());
        clerk.callNext(3);
        codes.add(clerk.receiveDossier(CitySyncTest.reception(t.id())).code());
        clerk.serve(t.id());
        clerk.finish(t.id());
    }

    private void drained() {
        await("the city to hold everything").atMost(Duration.ofSeconds(60))
                .until(() -> Outbox.backlog(agent.agent().database()).size() == 0);
    }

    private List<Long> outboxIds() {
        return agent.agent().database().read(c -> {
            List<Long> ids = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT id FROM outbox ORDER BY id"); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
            return ids;
        });
    }
}
