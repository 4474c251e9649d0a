package vn.hanoi.branch.counter;

import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import vn.hanoi.branch.api.DeviceKind;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.hanoi.branch.counter.FxSteps.click;
import static vn.hanoi.branch.counter.FxSteps.text;
import static vn.hanoi.branch.counter.FxSteps.waitFor;

/**
 * The first slice end to end, as in a branch: a citizen takes a number on the kiosk scene, a clerk
 * calls it on the counter scene, and the hall page in a real browser shows the call. One real agent
 * on loopback; no shortcut through the agent's Java API.
 */
@ExtendWith(ApplicationExtension.class)
class BranchEndToEndTest {
    @RegisterExtension
    static final AgentWithHallScreen branch = new AgentWithHallScreen();

    private KioskBesideCounter scenes;
    private CounterScene desk;

    @Start
    void start(Stage kioskStage) {
        scenes = new KioskBesideCounter(branch.agent(), branch.agent().pair(DeviceKind.KIOSK).token(), kioskStage,
                960, 960);
        desk = scenes.desk();
    }

    @AfterEach
    void stop() {
        scenes.close();
    }

    @Test
    void numberTakenAtTheKioskIsCalledAtTheCounterAndShownInTheHall(FxRobot robot) throws Exception {
        branch.hall().get(branch.agent().baseUrl() + "/hall/?pair=" + branch.agent().pairingCode(DeviceKind.SCREEN));
        WebDriverWait browserWait = new WebDriverWait(branch.hall(), Duration.ofSeconds(15));
        browserWait.until(d -> !d.findElement(By.id("branch-name")).getText().isBlank());

        // Kiosk: the citizen touches "Hộ tịch".
        click(robot, "#service-HT");
        click(robot, "#priority-none");
        click(robot, "#procedure-skip");
        waitFor(() -> "1001".equals(text(robot, "#ticket-number")));

        // Counter 1: the clerk signs in and calls the next number.
        desk.signInAtCounter(robot, 1);
        click(robot, "#next");
        waitFor(() -> "1001".equals(text(robot, "#current-number")));

        // Hall: the call is on the TV.
        browserWait.until(d -> "1001".equals(
                d.findElement(By.cssSelector("[data-counter='1'] .number")).getText().trim()));
        String announcement = branch.hall().findElement(By.id("announcement")).getText();
        assertThat(announcement).contains("1001");
    }
}
