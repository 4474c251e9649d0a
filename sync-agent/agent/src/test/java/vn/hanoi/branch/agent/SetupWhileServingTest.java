package vn.hanoi.branch.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.hanoi.branch.agent.config.AgentConfig;
import vn.hanoi.branch.agent.testing.DemoBranch;
import vn.hanoi.branch.agent.testing.TestAgent;
import vn.hanoi.branch.api.CounterInfo;
import vn.hanoi.branch.api.QueueEvent;
import vn.hanoi.branch.client.EventStream;
import vn.hanoi.branch.client.HallClient;

/**
 * IT changes the configuration with {@code branch-agent setup} while the agent serves: what would strand
 * waiting citizens is refused with the reason; the rest is applied and reaches the screens live.
 */
class SetupWhileServingTest {
    @TempDir
    Path dir;

    private Path demoFile(String name, String from, String to) throws Exception {
        String text;
        try (var in = DemoBranch.class.getResourceAsStream("demo-branch.yaml")) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(text).contains(from);
        Path file = dir.resolve(name);
        Files.writeString(file, text.replace(from, to));
        return file;
    }

    @Test
    void strandingWaitingTicketsIsRefusedAndARenameReachesTheHallLive() throws Exception {
        try (TestAgent agent = TestAgent.start()) {
            AgentConfig cli = AgentConfig.defaults().with("db.path", agent.databaseFile().toString());
            HallClient hall = agent.hallClient();
            List<QueueEvent> events = new CopyOnWriteArrayList<>();
            try (EventStream stream = hall.events(hall.queue().lastEventId(), events::add, s -> { })) {
                agent.kioskClient().issueTicket(2, "waits-for-CT"); // service 2 is CT (Cư trú)

                Path withoutCt = demoFile("without-ct.yaml",
                        "  - {code: CT,", "  - {active: false, code: CT,");
                Files.writeString(withoutCt, Files.readString(withoutCt).replace("[HT, CT]", "[HT]").replace("[CT, DD]", "[DD]"));
                String refused = SetupCommandTest.run(cli, 1, "setup", "--file", withoutCt.toString());
                assertThat(refused).contains("refused, nothing was applied",
                        "Không thể ngừng dịch vụ CT: còn 1 số đang chờ",
                        "Service CT cannot be deactivated: 1 tickets are waiting");

                // taking CT off its counters, or closing for good the last counter that serves it
                Path ctServedNowhere = demoFile("ct-nowhere.yaml", "[HT, CT]", "[HT]");
                Files.writeString(ctServedNowhere, Files.readString(ctServedNowhere).replace("[CT, DD]", "[DD]"));
                Path lastCounterGoes = demoFile("last-counter.yaml", "[HT, CT]", "[HT]");
                Files.writeString(lastCounterGoes, Files.readString(lastCounterGoes).replace(
                        "services: [CT, DD]}", "services: [CT, DD], active: false}"));
                for (Path file : List.of(ctServedNowhere, lastCounterGoes)) {
                    assertThat(SetupCommandTest.run(cli, 1, "setup", "--file", file.toString()))
                            .contains("nothing was applied", "No active counter serves service CT: its tickets would never be called");
                }
                assertThat(hall.counters()).extracting(CounterInfo::number).contains(3);

                Path renamed = demoFile("renamed.yaml", "{number: 1, nameVi: Quầy 1, nameEn: Counter 1,",
                        "{number: 1, nameVi: Quầy 1 – Hộ tịch, nameEn: Counter 1 – Civil status,");
                assertThat(SetupCommandTest.run(cli, 0, "setup", "--file", renamed.toString()))
                        .contains("change counter 1: nameVi: Quầy 1 → Quầy 1 – Hộ tịch");
                await().atMost(Duration.ofSeconds(15)).until(() -> events.stream()
                        .anyMatch(e -> e.type().equals(QueueEvent.CONFIG_CHANGED)));
                assertThat(hall.counters()).filteredOn(c -> c.number() == 1).extracting(CounterInfo::nameVi)
                        .containsExactly("Quầy 1 – Hộ tịch");
                // the stream goes on in order after the event another process wrote
                agent.kioskClient().issueTicket(1, "after-the-change");
                await().atMost(Duration.ofSeconds(15)).until(() -> events.getLast().type().equals(QueueEvent.TICKET_ISSUED));
                assertThat(events).extracting(QueueEvent::id).isSorted().doesNotHaveDuplicates();
            }
        }
    }
}
