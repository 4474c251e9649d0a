package vn.hanoi.branch.kiosk;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.hanoi.branch.kiosk.KioskScene.eventually;
import static vn.hanoi.branch.kiosk.KioskScene.isShown;
import static vn.hanoi.branch.kiosk.KioskScene.text;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumMap;
import java.util.Map;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import vn.hanoi.branch.agent.testing.SimulatedClock;
import vn.hanoi.branch.agent.testing.TestAgent;
import vn.hanoi.branch.api.BranchSettings;
import vn.hanoi.branch.api.DeviceKind;
import vn.hanoi.branch.client.SupervisorClient;
import vn.hanoi.branch.testkit.printer.VirtualPrinter;

/**
 * A service outside its hours shows on its tile as closed, in the agent's words, and cannot be tapped; when
 * the hours come the tile opens without a restart. Real agent on a simulated clock, real kiosk scene.
 */
@ExtendWith(ApplicationExtension.class)
class KioskServiceHoursTest {
    private static final ZoneId HANOI = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final ZonedDateTime MONDAY = SimulatedClock.nextMondayAt(LocalTime.of(6, 0), HANOI);

    private static SimulatedClock clock;
    private static TestAgent agent;
    private KioskScene kiosk;

    @BeforeAll
    static void startAgent() {
        clock = new SimulatedClock(MONDAY.toInstant(), HANOI);
        agent = TestAgent.start(Map.of(), clock);
        SupervisorClient supervisor = agent.supervisorClient();
        BranchSettings.Service ht = supervisor.serviceSettings().stream().filter(s -> s.code().equals("HT"))
                .findFirst().orElseThrow();
        Map<DayOfWeek, BranchSettings.Hours> weekdays = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek d : DayOfWeek.values()) {
            if (d.getValue() <= 5) {
                weekdays.put(d, new BranchSettings.Hours(LocalTime.of(7, 30), LocalTime.of(17, 0)));
            }
        }
        supervisor.saveService(new BranchSettings.Service(ht.code(), ht.prefix(), ht.nameVi(), ht.nameEn(), weekdays, true));
    }

    @AfterAll
    static void stopAgent() {
        agent.close();
    }

    @Start
    void start(Stage stage) {
        VirtualPrinter printer = new VirtualPrinter(null);
        kiosk = KioskScene.show(stage, agent.link().kiosk(agent.pair(DeviceKind.KIOSK).token()), printer, printer,
                Duration.ofMinutes(5)).start();
    }

    @AfterEach
    void stop() {
        kiosk.close();
    }

    @Test
    void aClosedServiceSaysWhyAndOpensWithItsHours(FxRobot robot) {
        eventually().until(() -> isShown(robot, "#why-HT"));
        assertThat(text(robot, "#why-HT"))
                .contains("Ngoài giờ làm việc (hôm nay 07:30–17:00). Mở lại hôm nay lúc 07:30.")
                .contains("Outside opening hours (today 07:30–17:00). Opens again today at 07:30.");
        assertThat(robot.lookup("#service-HT").query().isDisabled()).isTrue();
        assertThat(robot.lookup("#service-CT").query().isDisabled()).isFalse(); // open all day
        assertThat(isShown(robot, "#why-CT")).isFalse();

        // 07:30 comes: the kiosk's minute tick asks again, and the tile opens.
        clock.set(MONDAY.withHour(7).withMinute(30).toInstant());
        kiosk.model().refreshAvailability();
        eventually().until(() -> !isShown(robot, "#why-HT"));
        assertThat(robot.lookup("#service-HT").query().isDisabled()).isFalse();
    }
}
