package vn.hanoi.branch.agent.setup;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.hanoi.branch.agent.testing.AuditTrail;
import vn.hanoi.branch.agent.testing.TestAgent;
import vn.hanoi.branch.api.BranchSettings;
import vn.hanoi.branch.api.DeviceKind;
import vn.hanoi.branch.api.QueueEvent;
import vn.hanoi.branch.api.Role;
import vn.hanoi.branch.api.ServiceInfo;
import vn.hanoi.branch.client.AgentException;
import vn.hanoi.branch.client.KioskClient;
import vn.hanoi.branch.client.SupervisorClient;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The administration screens' routes for services, counters and hall notices: a change goes through the
 * setup rules, is audited, and reaches every device as a config.changed event; clerks cannot call them.
 */
class BranchSettingsApiTest {
    private static TestAgent agent;
    private static SupervisorClient supervisor;

    @BeforeAll
    static void start() {
        agent = TestAgent.start();
        supervisor = agent.supervisorClient();
    }

    @AfterAll
    static void stop() {
        agent.close();
    }

    @Test
    void newHoursAreAuditedAndAnnouncedToTheDevices() {
        KioskClient kiosk = agent.kioskClient();
        List<QueueEvent> seen = new CopyOnWriteArrayList<>();
        try (var stream = kiosk.events(kiosk.queue().lastEventId(), seen::add, s -> { })) {
            BranchSettings.Service ht = service("HT");
            long audited = AuditTrail.count(agent, "branch.setup");

            BranchSettings.Service saved = supervisor.saveService(new BranchSettings.Service(ht.code(), ht.prefix(),
                    ht.nameVi(), ht.nameEn(), weekdays(LocalTime.of(8, 0), LocalTime.of(16, 30)), true));

            assertThat(saved.hours()).containsEntry(DayOfWeek.MONDAY,
                    new BranchSettings.Hours(LocalTime.of(8, 0), LocalTime.of(16, 30)));
            ServiceInfo offered = kiosk.services().stream().filter(s -> s.code().equals("HT")).findFirst().orElseThrow();
            assertThat(offered.opensAt()).isEqualTo(LocalTime.of(8, 0));
            assertThat(offered.closesAt()).isEqualTo(LocalTime.of(16, 30));
            assertThat(AuditTrail.count(agent, "branch.setup")).isEqualTo(audited + 1);
            await().until(() -> seen.stream().anyMatch(e -> QueueEvent.CONFIG_CHANGED.equals(e.type())));
        }
    }

    @Test
    void aRenamedCounterShowsInTheQueueAndNoticesOnTheHallScreen() {
        BranchSettings.Counter one = supervisor.counterSettings().stream().filter(c -> c.number() == 1).findFirst()
                .orElseThrow();
        supervisor.saveCounter(new BranchSettings.Counter(1, "Quầy 1 – Hộ tịch", "Counter 1 – Civil status",
                one.services(), true));
        supervisor.saveHallNotices(new BranchSettings.Notices(List.of(new BranchSettings.Notice("Giữ vé", "Keep your ticket"))));

        var hall = agent.hallClient();
        assertThat(hall.queue().counters()).filteredOn(c -> c.number() == 1).singleElement()
                .satisfies(c -> assertThat(c.nameVi()).isEqualTo("Quầy 1 – Hộ tịch"));
        assertThat(supervisor.hallNotices().notices()).containsExactly(new BranchSettings.Notice("Giữ vé", "Keep your ticket"));
        assertThat(AuditTrail.count(agent, "branch.setup")).isPositive();
    }

    @Test
    void aChangeAgainstTheSetupRulesIsRefusedWithTheReasonAndNothingChanges() {
        BranchSettings.Service ct = service("CT");
        assertThatThrownBy(() -> supervisor.saveService(new BranchSettings.Service("CT", ct.prefix(), ct.nameVi(),
                ct.nameEn(), weekdays(LocalTime.of(17, 0), LocalTime.of(8, 0)), true)))
                .isInstanceOfSatisfying(AgentException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.error().code()).isEqualTo("config_invalid");
                    assertThat(e.error().messageVi()).isNotBlank().isNotEqualTo(e.error().messageEn());
                });
        assertThat(service("CT")).isEqualTo(ct);
        assertThatThrownBy(() -> supervisor.saveCounter(new BranchSettings.Counter(2, "Quầy 2", "Counter 2",
                List.of("NOPE"), true))).isInstanceOfSatisfying(AgentException.class,
                e -> assertThat(e.error().code()).isEqualTo("config_invalid"));
        assertThatThrownBy(() -> supervisor.saveService(new BranchSettings.Service("XX", "", "x", "x", Map.of(), true)))
                .isInstanceOfSatisfying(AgentException.class, e -> assertThat(e.status()).isEqualTo(404));
    }

    @Test
    void clerksCannotCallTheSettingsRoutes() {
        String clerk = agent.sessionToken(Role.CLERK);
        String kiosk = agent.pair(DeviceKind.KIOSK).token();
        String[][] routes = {{"GET", "/api/v1/settings/services"}, {"PUT", "/api/v1/settings/services/HT"},
                {"GET", "/api/v1/settings/counters"}, {"PUT", "/api/v1/settings/counters/1"},
                {"GET", "/api/v1/settings/hall-notices"}, {"PUT", "/api/v1/settings/hall-notices"}};
        for (String[] r : routes) {
            assertThat(agent.status(r[0], r[1], clerk)).as("clerk " + r[0] + " " + r[1]).isEqualTo(403);
            assertThat(agent.status(r[0], r[1], kiosk)).as("kiosk " + r[0] + " " + r[1]).isEqualTo(403);
            assertThat(agent.status(r[0], r[1], null)).as("nobody " + r[0] + " " + r[1]).isEqualTo(401);
        }
    }

    private static BranchSettings.Service service(String code) {
        return supervisor.serviceSettings().stream().filter(s -> s.code().equals(code)).findFirst().orElseThrow();
    }

    private static Map<DayOfWeek, BranchSettings.Hours> weekdays(LocalTime opens, LocalTime closes) {
        Map<DayOfWeek, BranchSettings.Hours> h = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek d : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY,
                DayOfWeek.FRIDAY)) {
            h.put(d, new BranchSettings.Hours(opens, closes));
        }
        return h;
    }
}
