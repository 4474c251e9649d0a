package vn.hanoi.branch.counter;

import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import vn.hanoi.branch.agent.testing.TestAgent;
import vn.hanoi.branch.counter.rating.CustomerModel;
import vn.hanoi.branch.testkit.printer.VirtualPrinter;
import vn.hanoi.branch.api.DeviceKind;
import vn.hanoi.branch.api.Dossiers;
import vn.hanoi.branch.api.Ratings;
import vn.hanoi.branch.api.Ticket;
import vn.hanoi.branch.api.TicketState;
import vn.hanoi.branch.client.AgentClient;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.hanoi.branch.counter.FxSteps.click;
import static vn.hanoi.branch.counter.FxSteps.isShown;
import static vn.hanoi.branch.counter.FxSteps.text;
import static vn.hanoi.branch.counter.FxSteps.waitFor;

/**
 * One citizen through the whole counter: call → receive the dossier → print the slip → finish → the
 * citizen rates on the customer window; the desk on the left, the citizen's window on the right.
 */
@ExtendWith(ApplicationExtension.class)
class CounterFullFlowTest {
    private final VirtualPrinter printer = new VirtualPrinter(null);
    private TestAgent agent;
    private CounterScene scene;
    private Stage desk;

    @Start
    void start(Stage stage) {
        agent = TestAgent.start();
        scene = new CounterScene(agent, printer).show(stage, 950, 760);
        desk = stage;
    }

    @AfterEach
    void stop() throws Exception {
        scene.close();
        agent.close();
    }

    @Test
    void callReceivePrintFinishRate(FxRobot robot) throws Exception {
        AgentClient kiosk = agent.pairedClient(DeviceKind.KIOSK);
        Ticket t = kiosk.issueTicket(2, UUID.randomUUID().toString());
        kiosk.declare(t.id(), new Dossiers.DeclarationRequest("1.004222", Map.of(
                "applicantName", "Hoàng Thị Mai", "applicantDob", "02/02/1975", "applicantId", "001175045678",
                "applicantSex", "Nữ", "applicantAddress", "Số 7 phố Bà Triệu, Hà Nội", "phone", "0911222333",
                "newAddress", "Số 15 ngõ Văn Chương, Hà Nội"), true));
        scene.signInAtCounter(robot, 2);
        scene.showCustomerWindow(new CustomerModel.Timing(Duration.ofSeconds(30), Duration.ofSeconds(20), Duration.ofSeconds(1)));
        WaitForAsyncUtils.asyncFx(() -> {
            // The clerk's keys go to the desk, not to the citizen's window.
            desk.toFront();
            desk.requestFocus();
        }).get(5, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();

        robot.press(KeyCode.F1).release(KeyCode.F1);
        waitFor(() -> text(robot, "#current-number").equals(t.displayNumber()) && scene.desk().dossiers().declarationProperty().get() != null);
        robot.press(KeyCode.F3).release(KeyCode.F3);
        waitFor(() -> scene.desk().currentProperty().get().state() == TicketState.SERVING);
        robot.press(KeyCode.F10).release(KeyCode.F10);
        waitFor(() -> isShown(robot, "#doc-CT01"));
        WaitForAsyncUtils.waitForFxEvents();
        robot.press(KeyCode.SPACE).release(KeyCode.SPACE);
        robot.press(KeyCode.CONTROL, KeyCode.ENTER).release(KeyCode.ENTER, KeyCode.CONTROL);
        waitFor(() -> scene.desk().dossiers().reception().receivedProperty().get() != null);
        String code = scene.desk().dossiers().reception().receivedProperty().get().code();
        robot.press(KeyCode.CONTROL, KeyCode.P).release(KeyCode.P, KeyCode.CONTROL);
        waitFor(() -> text(robot, "#reception-slip-message").startsWith("Đã in phiếu hẹn " + code));
        robot.press(KeyCode.F5).release(KeyCode.F5);
        waitFor(() -> scene.desk().currentProperty().get() == null);

        waitFor(() -> isShown(robot, "#customer-ask"));
        click(robot, "#rate-SATISFIED");
        waitFor(() -> {
            try {
                return scene.counterPc().deviceOnly().rating(t.id()) != null;
            } catch (RuntimeException e) {
                return false;
            }
        });
        AgentClient supervisor = agent.clerkClient();
        assertThat(supervisor.rating(t.id()).level()).isEqualTo(Ratings.Level.SATISFIED);
        Dossiers.Dossier d = supervisor.dossier(supervisor.dossiers(null, false).getFirst().id());
        assertThat(d.code()).isEqualTo(code);
        assertThat(d.state()).isEqualTo(Dossiers.State.RECEIVED);
        assertThat(printer.jobsPrinted()).isEqualTo(1);
    }
}
