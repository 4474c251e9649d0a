package vn.hanoi.branch.counter;

import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
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
import org.testfx.util.WaitForAsyncUtils;
import vn.hanoi.branch.agent.testing.HeadlessChromium;
import vn.hanoi.branch.agent.testing.TestAgent;
import vn.hanoi.branch.counter.desk.DeskModel;
import vn.hanoi.branch.kiosk.KioskView;
import vn.hanoi.branch.kiosk.ticket.TakeNumberModel;
import vn.hanoi.branch.testkit.printer.VirtualPrinter;
import vn.hanoi.branch.api.DeviceKind;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The first slice end to end, as in a branch: a citizen takes a number on the kiosk scene, a clerk
 * calls it on the counter scene, and the hall page in a real browser shows the call. One real agent
 * on loopback; no shortcut through the agent's Java API.
 */
@ExtendWith(ApplicationExtension.class)
class BranchEndToEndTest {
    private static TestAgent agent;
    private static ChromeDriver hall;

    private final ExecutorService background = Executors.newVirtualThreadPerTaskExecutor();
    private TakeNumberModel kiosk;
    private DeskModel desk;

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
        VirtualPrinter printer = new VirtualPrinter(null);
        kiosk = new TakeNumberModel(agent.pairedClient(DeviceKind.KIOSK), printer, background, Platform::runLater);
        kioskStage.setScene(new Scene(KioskView.create(kiosk, printer), 960, 1080));
        kioskStage.setX(0);
        kioskStage.setY(0);
        kioskStage.show();
        kiosk.start();

        desk = new DeskModel(agent.pairedClient(DeviceKind.COUNTER), background, Platform::runLater);
        Stage counterStage = new Stage();
        counterStage.setScene(CounterView.scene(desk, 960, 1080));
        counterStage.setX(960);
        counterStage.setY(0);
        counterStage.show();
    }

    @AfterEach
    void stop() {
        desk.close();
        background.shutdownNow();
    }

    @Test
    void numberTakenAtTheKioskIsCalledAtTheCounterAndShownInTheHall(FxRobot robot) throws Exception {
        hall.get(agent.baseUrl() + "/hall/?pair=" + agent.pairingCode(DeviceKind.SCREEN));
        WebDriverWait browserWait = new WebDriverWait(hall, Duration.ofSeconds(15));
        browserWait.until(d -> !d.findElement(By.id("branch-name")).getText().isBlank());

        // Kiosk: the citizen touches "Hộ tịch".
        waitFor(() -> robot.lookup("#service-HT").tryQuery()
                .map(n -> n.isVisible() && n.getParent().isVisible() && n.getLayoutBounds().getWidth() > 0)
                .orElse(false));
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#service-HT");
        waitFor(() -> robot.lookup("#priority-none").tryQuery()
                .map(n -> n.getParent().getParent().isVisible() && n.getLayoutBounds().getWidth() > 0).orElse(false));
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#priority-none");
        waitFor(() -> robot.lookup("#procedure-skip").tryQuery()
                .map(n -> n.getParent().getParent().isVisible() && n.getLayoutBounds().getWidth() > 0).orElse(false));
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#procedure-skip");
        waitFor(() -> "1001".equals(robot.lookup("#ticket-number").queryAs(Label.class).getText()));

        // Counter 1: the clerk signs in and calls the next number.
        robot.clickOn("#username").write(TestAgent.CLERK);
        robot.clickOn("#password").write(TestAgent.CLERK_PASSWORD);
        robot.clickOn("#login");
        waitFor(() -> robot.lookup("#counter-1").tryQuery()
                .map(n -> n.isVisible() && n.getLayoutBounds().getWidth() > 0).orElse(false));
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#counter-1");
        waitFor(() -> robot.lookup("#next").tryQuery().map(n -> n.isVisible() && !n.isDisabled()).orElse(false));
        robot.clickOn("#next");
        waitFor(() -> "1001".equals(robot.lookup("#current-number").queryAs(Label.class).getText()));

        // Hall: the call is on the TV.
        browserWait.until(d -> "1001".equals(
                d.findElement(By.cssSelector("[data-counter='1'] .number")).getText().trim()));
        String announcement = hall.findElement(By.id("announcement")).getText();
        assertThat(announcement).contains("1001");
    }

    private static void waitFor(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, condition);
    }
}
