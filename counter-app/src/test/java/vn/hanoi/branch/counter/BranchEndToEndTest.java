package vn.hanoi.branch.counter;

import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import vn.hanoi.branch.agent.testing.HeadlessChromium;
import vn.hanoi.branch.agent.testing.TestAgent;
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
    private static TestAgent agent;
    private static ChromeDriver hall;

    private KioskBesideCounter scenes;
    private CounterScene desk;

    @BeforeAll
    static void startBranch() {
        agent = TestAgent.start();
        hall = HeadlessChromium.start(1920, 1080);
    }

    @AfterAll
    static void stopBranch() {
        try {
            hall.quit();
        } finally {
            agent.close();
        }
    }

    @Start
    void start(Stage kioskStage) {
        scenes = new KioskBesideCounter(agent, agent.pair(DeviceKind.KIOSK).token(), kioskStage, 960, 960);
        desk = scenes.desk();
    }

    @AfterEach
    void stop() {
        scenes.close();
    }

    @Test
    void numberTakenAtTheKioskIsCalledAtTheCounterAndShownInTheHall(FxRobot robot) throws Exception {
        hall.get(agent.baseUrl() + "/hall/?pair=" + agent.pairingCode(DeviceKind.SCREEN));
        WebDriverWait browserWait = new WebDriverWait(hall, Duration.ofSeconds(15));
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
        String announcement = hall.findElement(By.id("announcement")).getText();
        assertThat(announcement).contains("1001");
    }
}
