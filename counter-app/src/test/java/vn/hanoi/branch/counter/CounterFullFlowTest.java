package vn.hanoi.branch.counter;

import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;
import vn.hanoi.branch.counter.rating.CustomerModel;
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
    // A fresh agent for each test: the ratings and numbers of one test never meet another's.
    @RegisterExtension
    final CounterSceneExtension branch = new CounterSceneExtension().withPrinter().size(950, 760);

    @Test
    void callReceivePrintFinishRate(FxRobot robot) throws Exception {
        Ticket t = branch.kiosk().issueTicket(2, UUID.randomUUID().toString());
        branch.kiosk().declare(t.id(), new Dossiers.DeclarationRequest("1.004222", Map.of(
                "applicantName", "Hoàng Thị Mai", "applicantDob", "02/02/1975", "applicantId", "001175045678",
                "applicantSex", "Nữ", "applicantAddress", "Số 7 phố Bà Triệu, Hà Nội", "phone", "0911222333",
                "newAddress", "Số 15 ngõ Văn Chương, Hà Nội"), true));
        branch.scene().signInAtCounter(robot, 2);
        branch.scene().showCustomerWindow(new CustomerModel.Timing(Duration.ofSeconds(30), Duration.ofSeconds(20), Duration.ofSeconds(1)));
        WaitForAsyncUtils.asyncFx(() -> {
            // The clerk's keys go to the desk, not to the citizen's window.
            branch.scene().stage().toFront();
            branch.scene().stage().requestFocus();
        }).get(5, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();

        robot.press(KeyCode.F1).release(KeyCode.F1);
        waitFor(() -> text(robot, "#current-number").equals(t.displayNumber()) && branch.scene().desk().dossiers().declarationProperty().get() != null);
        robot.press(KeyCode.F3).release(KeyCode.F3);
        waitFor(() -> branch.scene().desk().currentProperty().get().state() == TicketState.SERVING);
        robot.press(KeyCode.F10).release(KeyCode.F10);
        waitFor(() -> isShown(robot, "#doc-CT01"));
        WaitForAsyncUtils.waitForFxEvents();
        robot.press(KeyCode.SPACE).release(KeyCode.SPACE);
        robot.press(KeyCode.CONTROL, KeyCode.ENTER).release(KeyCode.ENTER, KeyCode.CONTROL);
        waitFor(() -> branch.scene().desk().dossiers().reception().receivedProperty().get() != null);
        String code = branch.scene().desk().dossiers().reception().receivedProperty().get().code();
        robot.press(KeyCode.CONTROL, KeyCode.P).release(KeyCode.P, KeyCode.CONTROL);
        waitFor(() -> text(robot, "#reception-slip-message").startsWith("Đã in phiếu hẹn " + code));
        robot.press(KeyCode.F5).release(KeyCode.F5);
        waitFor(() -> branch.scene().desk().currentProperty().get() == null);

        waitFor(() -> isShown(robot, "#customer-ask"));
        click(robot, "#rate-SATISFIED");
        waitFor(() -> {
            try {
                return branch.scene().counterPc().deviceOnly().rating(t.id()) != null;
            } catch (RuntimeException e) {
                return false;
            }
        });
        AgentClient supervisor = branch.agent().clerkClient();
        assertThat(supervisor.rating(t.id()).level()).isEqualTo(Ratings.Level.SATISFIED);
        Dossiers.Dossier d = supervisor.dossier(supervisor.dossiers(null, false).getFirst().id());
        assertThat(d.code()).isEqualTo(code);
        assertThat(d.state()).isEqualTo(Dossiers.State.RECEIVED);
        assertThat(branch.printer().jobsPrinted()).isEqualTo(1);
    }
}
