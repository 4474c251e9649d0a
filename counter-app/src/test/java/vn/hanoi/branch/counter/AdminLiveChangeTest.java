package vn.hanoi.branch.counter;

import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
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
import org.testfx.util.WaitForAsyncUtils;
import vn.hanoi.branch.api.DeviceKind;
import vn.hanoi.branch.api.Pairing;
import vn.hanoi.branch.api.Role;
import vn.hanoi.branch.api.Sessions;
import vn.hanoi.branch.counter.login.SignInModel;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.hanoi.branch.counter.FxSteps.click;
import static vn.hanoi.branch.counter.FxSteps.isShown;
import static vn.hanoi.branch.counter.FxSteps.text;
import static vn.hanoi.branch.counter.FxSteps.type;
import static vn.hanoi.branch.counter.FxSteps.waitFor;

/**
 * Changes made in the administration screens reach the branch while it works: a supervisor changes a
 * service's hours, renames a counter and sets a hall notice, and the kiosk's tiles and the hall page in a real
 * browser show it without a restart; IT revokes a lost kiosk, which is refused at its next request with a message it shows.
 * One real agent on loopback; the kiosk's and the counter's real scenes; nothing through the agent's Java API.
 */
@ExtendWith(ApplicationExtension.class)
class AdminLiveChangeTest {
    @RegisterExtension
    static final AgentWithHallScreen branch = new AgentWithHallScreen();

    private Pairing.Result kioskDevice;
    private KioskBesideCounter scenes;
    private CounterScene desk;

    @Start
    void start(Stage kioskStage) {
        kioskDevice = branch.agent().pair(DeviceKind.KIOSK);
        // The administration screens need the counter's full width; the kiosk's tiles fit in 640 px.
        scenes = new KioskBesideCounter(branch.agent(), kioskDevice.token(), kioskStage, 640, 1280);
        desk = scenes.desk();
    }

    @AfterEach
    void stop() {
        scenes.close();
    }

    @Test
    void newHoursAndACounterNameReachKioskAndHallWithoutRestartAndARevokedKioskIsRefused(FxRobot robot)
            throws Exception {
        branch.hall().get(branch.agent().baseUrl() + "/hall/?pair=" + branch.agent().pairingCode(DeviceKind.SCREEN));
        WebDriverWait browser = new WebDriverWait(branch.hall(), Duration.ofSeconds(20));
        browser.until(d -> "Quầy 1".equals(d.findElement(By.cssSelector("[data-counter='1'] .label .vi")).getText()));
        waitFor(() -> text(robot, "#hours-HT").contains("00:00–23:59")); // the demo branch is open all day

        // The supervisor opens Quản trị / Administration, and there the services.
        Sessions.Login supervisor = branch.agent().staffAccount(Role.SUPERVISOR);
        desk.signIn(robot, supervisor.username(), supervisor.password());
        waitFor(() -> desk.signIn().stepProperty().get() == SignInModel.Step.SUPERVISOR);
        click(robot, "#admin-tab");
        click(robot, "#admin-service-HT");
        waitFor(() -> "00:00-23:59".equals(fieldText(robot, "#hours-monday")));
        for (String day : new String[] {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}) {
            type(robot, "#hours-" + day, "8:00-16:30");
        }
        click(robot, "#service-save");
        awaitMessage(robot, "#services-message", "Đã lưu");

        // Then counter 1 gets a name that says what it serves.
        click(robot, "#admin-counters-tab");
        click(robot, "#admin-counter-1");
        waitFor(() -> "Quầy 1".equals(fieldText(robot, "#counter-name-vi")));
        type(robot, "#counter-name-vi", "Quầy 1 – Hộ tịch");
        type(robot, "#counter-name-en", "Counter 1 – Civil status");
        click(robot, "#counter-save");
        awaitMessage(robot, "#counters-message", "Đã lưu");

        // And a notice for the hall's ticker.
        click(robot, "#admin-notices-tab");
        type(robot, "#notices-text", "Giờ lấy số mới từ 8:00 ~ New hours from 8:00");
        click(robot, "#notices-save");
        awaitMessage(robot, "#notices-message", "Đã lưu");

        // The kiosk's tile and the hall's panel and ticker show it: nothing was restarted.
        waitFor(() -> text(robot, "#hours-HT").contains("08:00–16:30"));
        browser.until(d -> "Quầy 1 – Hộ tịch".equals(
                d.findElement(By.cssSelector("[data-counter='1'] .label .vi")).getText()));
        assertThat(branch.hall().findElement(By.cssSelector("[data-counter='1'] .label .en")).getText())
                .isEqualTo("Counter 1 – Civil status");
        browser.until(d -> d.findElement(By.id("ticker-track")).getAttribute("textContent")
                .contains("Giờ lấy số mới từ 8:00 / New hours from 8:00"));

        // IT signs in on the same counter PC and revokes the kiosk as lost.
        click(robot, "#supervisor-logout");
        waitFor(() -> desk.signIn().stepProperty().get() == SignInModel.Step.LOGIN);
        Sessions.Login it = branch.agent().staffAccount(Role.IT);
        type(robot, "#username", it.username()); // the supervisor's name is still in the field
        type(robot, "#password", it.password());
        click(robot, "#login");
        waitFor(() -> desk.signIn().stepProperty().get() == SignInModel.Step.SUPERVISOR);
        click(robot, "#admin-tab");
        click(robot, "#admin-devices-tab");
        click(robot, "#device-" + kioskDevice.deviceId());
        click(robot, "#device-revoke");
        waitFor(() -> robot.lookup(n -> n instanceof Button b && "OK".equals(b.getText())).tryQuery().isPresent());
        robot.clickOn(robot.lookup(n -> n instanceof Button b && "OK".equals(b.getText())).<Node>query());
        awaitMessage(robot, "#devices-message", "Đã thu hồi");

        // The citizen's next tap is refused, and the kiosk says why and whom to ask. (CT: HT may be closed
        // now by the hours just set, this test runs at any hour.)
        click(robot, "#service-CT");
        if (isShown(robot, "#priority-none")) {
            click(robot, "#priority-none");
        }
        if (isShown(robot, "#procedure-skip")) {
            click(robot, "#procedure-skip");
        }
        waitFor(() -> isShown(robot, "#problem-screen"));
        assertThat(lines(robot, "#problem-message")).contains("thu hồi").contains("IT");
    }

    /** Waits for a screen's message line; a refusal shown instead fails the test with its words. */
    private static void awaitMessage(FxRobot robot, String query, String expected) throws Exception {
        try {
            waitFor(() -> text(robot, query).startsWith(expected));
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            assertThat(text(robot, query)).as(query).startsWith(expected);
        }
    }

    private static String fieldText(FxRobot robot, String query) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> robot.lookup(query).tryQuery()
                .map(n -> ((javafx.scene.control.TextInputControl) n).getText()).orElse("")).get(5, TimeUnit.SECONDS);
    }

    /** The lines of a two-language text box. */
    private static String lines(FxRobot robot, String query) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> {
            StringBuilder sb = new StringBuilder();
            for (Node child : ((VBox) robot.lookup(query).query()).getChildren()) {
                if (child instanceof Label l) {
                    sb.append(l.getText()).append('\n');
                }
            }
            return sb.toString();
        }).get(5, TimeUnit.SECONDS);
    }
}
