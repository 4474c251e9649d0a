package vn.hanoi.branch.counter;

import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import vn.hanoi.branch.agent.testing.TestAgent;
import vn.hanoi.branch.counter.login.SignInModel;
import vn.hanoi.branch.api.Ticket;
import vn.hanoi.branch.api.TicketState;
import vn.hanoi.branch.client.AgentClient;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.hanoi.branch.counter.FxSteps.text;
import static vn.hanoi.branch.counter.FxSteps.waitFor;

/** The counter scene against a real agent on loopback: sign-in, counter choice, the desk actions. */
@ExtendWith(ApplicationExtension.class)
class CounterDeskTest {
    @RegisterExtension
    static final CounterSceneExtension branch = new CounterSceneExtension();

    @Test
    void wrongPasswordIsRefusedInBothLanguages(FxRobot robot) throws Exception {
        robot.clickOn("#username").write(TestAgent.CLERK);
        robot.clickOn("#password").write("not-the-password");
        robot.clickOn("#login");

        waitFor(() -> !text(robot, "#message").isEmpty());
        assertThat(text(robot, "#message")).containsIgnoringCase("mật khẩu").containsIgnoringCase("password");
        assertThat(branch.scene().signIn().stepProperty().get()).isEqualTo(SignInModel.Step.LOGIN);
    }

    @Test
    void callsRecallsMarksNoShowAndFinishesLiveFromTheAgent(FxRobot robot) throws Exception {
        branch.scene().signInAtCounter(robot, 1);
        int before = Integer.parseInt(text(robot, "#waiting-HT"));

        Ticket first = branch.kiosk().issueTicket(1, UUID.randomUUID().toString());
        Ticket second = branch.kiosk().issueTicket(1, UUID.randomUUID().toString());
        // Pushed by the agent: no button pressed, no polling.
        waitFor(() -> text(robot, "#waiting-HT").equals(Integer.toString(before + 2)));

        robot.clickOn("#next");
        waitFor(() -> text(robot, "#current-number").equals(first.displayNumber()));
        waitFor(() -> text(robot, "#waiting-HT").equals(Integer.toString(before + 1)));
        robot.clickOn("#recall");
        robot.clickOn("#no-show");
        waitFor(() -> text(robot, "#current-number").equals("—"));
        assertThat(branch.kiosk().ticket(first.id()).state()).isEqualTo(TicketState.NO_SHOW);

        robot.type(KeyCode.F1);
        waitFor(() -> text(robot, "#current-number").equals(second.displayNumber()));
        robot.type(KeyCode.F5);
        waitFor(() -> text(robot, "#current-number").equals("—"));
        assertThat(branch.kiosk().ticket(second.id()).state()).isEqualTo(TicketState.DONE);
    }

    @Test
    void anotherCountersCallLowersTheWaitingCount(FxRobot robot) throws Exception {
        branch.scene().signInAtCounter(robot, 2);
        branch.kiosk().issueTicket(2, UUID.randomUUID().toString());
        waitFor(() -> Integer.parseInt(text(robot, "#waiting-CT")) >= 1);
        int shown = Integer.parseInt(text(robot, "#waiting-CT"));

        AgentClient otherClerk = branch.agent().clerkClient();
        Ticket called = otherClerk.callNext(3);

        assertThat(called.serviceCode()).isEqualTo("CT");
        waitFor(() -> text(robot, "#waiting-CT").equals(Integer.toString(shown - 1)));
        // Counter 3's call is not this counter's ticket.
        assertThat(text(robot, "#current-number")).isEqualTo("—");
        otherClerk.finish(otherClerk.serve(called.id()).id());
    }

    @Test
    void nobodyWaitingSaysSo(FxRobot robot) throws Exception {
        branch.scene().signInAtCounter(robot, 4);
        // Empty counter 4's services first (DD and KD).
        AgentClient otherClerk = branch.agent().clerkClient();
        for (Ticket t = otherClerk.callNext(4); t != null; t = otherClerk.callNext(4)) {
            otherClerk.noShow(t.id());
        }
        robot.clickOn("#next");
        waitFor(() -> text(robot, "#message").contains("Không còn công dân nào chờ"));
        assertThat(text(robot, "#message")).contains("Nobody is waiting");
    }
}
