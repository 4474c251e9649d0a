package vn.hanoi.branch.counter;

import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import vn.hanoi.branch.agent.testing.TestAgent;
import vn.hanoi.branch.counter.login.SignInModel;
import vn.hanoi.branch.api.DeviceKind;
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
    private static TestAgent agent;
    private static AgentClient kiosk;

    private CounterScene scene;

    @BeforeAll
    static void startAgent() {
        agent = TestAgent.start();
        kiosk = agent.pairedClient(DeviceKind.KIOSK);
    }

    @AfterAll
    static void stopAgent() {
        agent.close();
    }

    @Start
    void start(Stage stage) {
        scene = CounterScene.show(agent, stage);
    }

    @AfterEach
    void stop() {
        scene.close();
    }

    @Test
    void wrongPasswordIsRefusedInBothLanguages(FxRobot robot) throws Exception {
        robot.clickOn("#username").write(TestAgent.CLERK);
        robot.clickOn("#password").write("not-the-password");
        robot.clickOn("#login");

        waitFor(() -> !text(robot, "#message").isEmpty());
        assertThat(text(robot, "#message")).containsIgnoringCase("mật khẩu").containsIgnoringCase("password");
        assertThat(scene.signIn().stepProperty().get()).isEqualTo(SignInModel.Step.LOGIN);
    }

    @Test
    void callsRecallsMarksNoShowAndFinishesLiveFromTheAgent(FxRobot robot) throws Exception {
        scene.signInAtCounter(robot, 1);
        int before = Integer.parseInt(text(robot, "#waiting-HT"));

        Ticket first = kiosk.issueTicket(1, UUID.randomUUID().toString());
        Ticket second = kiosk.issueTicket(1, UUID.randomUUID().toString());
        // Pushed by the agent: no button pressed, no polling.
        waitFor(() -> text(robot, "#waiting-HT").equals(Integer.toString(before + 2)));

        robot.clickOn("#next");
        waitFor(() -> text(robot, "#current-number").equals(first.displayNumber()));
        waitFor(() -> text(robot, "#waiting-HT").equals(Integer.toString(before + 1)));
        robot.clickOn("#recall");
        robot.clickOn("#no-show");
        waitFor(() -> text(robot, "#current-number").equals("—"));
        assertThat(kiosk.ticket(first.id()).state()).isEqualTo(TicketState.NO_SHOW);

        robot.type(KeyCode.F1);
        waitFor(() -> text(robot, "#current-number").equals(second.displayNumber()));
        robot.type(KeyCode.F5);
        waitFor(() -> text(robot, "#current-number").equals("—"));
        assertThat(kiosk.ticket(second.id()).state()).isEqualTo(TicketState.DONE);
    }

    @Test
    void anotherCountersCallLowersTheWaitingCount(FxRobot robot) throws Exception {
        scene.signInAtCounter(robot, 2);
        kiosk.issueTicket(2, UUID.randomUUID().toString());
        waitFor(() -> Integer.parseInt(text(robot, "#waiting-CT")) >= 1);
        int shown = Integer.parseInt(text(robot, "#waiting-CT"));

        AgentClient otherClerk = agent.clerkClient();
        Ticket called = otherClerk.callNext(3);

        assertThat(called.serviceCode()).isEqualTo("CT");
        waitFor(() -> text(robot, "#waiting-CT").equals(Integer.toString(shown - 1)));
        // Counter 3's call is not this counter's ticket.
        assertThat(text(robot, "#current-number")).isEqualTo("—");
        otherClerk.finish(otherClerk.serve(called.id()).id());
    }

    @Test
    void nobodyWaitingSaysSo(FxRobot robot) throws Exception {
        scene.signInAtCounter(robot, 4);
        // Empty counter 4's services first (DD and KD).
        AgentClient otherClerk = agent.clerkClient();
        for (Ticket t = otherClerk.callNext(4); t != null; t = otherClerk.callNext(4)) {
            otherClerk.noShow(t.id());
        }
        robot.clickOn("#next");
        waitFor(() -> text(robot, "#message").contains("Không còn công dân nào chờ"));
        assertThat(text(robot, "#message")).contains("Nobody is waiting");
    }
}
