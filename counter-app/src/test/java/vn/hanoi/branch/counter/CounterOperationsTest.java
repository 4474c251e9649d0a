package vn.hanoi.branch.counter;

import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;
import vn.hanoi.branch.api.CounterState;
import vn.hanoi.branch.api.IssueTicketRequest;
import vn.hanoi.branch.api.PriorityState;
import vn.hanoi.branch.api.QueueSnapshot;
import vn.hanoi.branch.api.Ticket;
import vn.hanoi.branch.api.TicketState;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.hanoi.branch.counter.FxSteps.click;
import static vn.hanoi.branch.counter.FxSteps.pick;
import static vn.hanoi.branch.counter.FxSteps.text;
import static vn.hanoi.branch.counter.FxSteps.waitFor;

/**
 * The desk's less frequent operations against a real agent: call a number, transfer keeping the place,
 * pause with a reason, priority shown and revoked, a no-show's return. Each test works at its own
 * counter so that they do not disturb each other. Demo branch: HT=1 (counters 1, 2, 5), CT=2 (2, 3),
 * DD=3 (3, 4), KD=4 (4, 5), CTH=5 (1, 5).
 */
@ExtendWith(ApplicationExtension.class)
class CounterOperationsTest {
    @RegisterExtension
    static final CounterSceneExtension branch = new CounterSceneExtension();

    private static Ticket issue(long service) {
        return branch.kiosk().issueTicket(service, UUID.randomUUID().toString());
    }

    private void signIn(FxRobot robot, int counter) throws Exception {
        branch.scene().signInAtCounter(robot, counter);
    }

    @Test
    void callsASpecificNumberOutOfTurn(FxRobot robot) throws Exception {
        signIn(robot, 3);
        issue(3);
        issue(3);
        Ticket third = issue(3);

        click(robot, "#call-number-field");
        robot.write(third.displayNumber());
        robot.type(KeyCode.ENTER);

        waitFor(() -> text(robot, "#current-number").equals(third.displayNumber()));
        Ticket called = branch.kiosk().ticket(third.id());
        assertThat(called.state()).isEqualTo(TicketState.CALLED);
        assertThat(called.counterNumber()).isEqualTo(3);
        robot.type(KeyCode.F5);
        waitFor(() -> text(robot, "#current-number").equals("—"));
    }

    @Test
    void transfersTheCurrentTicketKeepingItsPlace(FxRobot robot) throws Exception {
        signIn(robot, 1);
        Ticket mine = issue(1);
        Ticket laterInCt = issue(2);
        click(robot, "#call-number-field");
        robot.write(mine.displayNumber());
        click(robot, "#call-number");
        waitFor(() -> text(robot, "#current-number").equals(mine.displayNumber()));

        click(robot, "#tab-transfer");
        pick(robot, "#transfer-service", "CT");
        assertThat(robot.lookup("#transfer-keep").queryAs(javafx.scene.control.CheckBox.class).isSelected()).isTrue();
        click(robot, "#transfer");

        waitFor(() -> text(robot, "#current-number").equals("—"));
        assertThat(branch.kiosk().ticket(mine.id()).state()).isEqualTo(TicketState.TRANSFERRED);
        Ticket moved = branch.kiosk().ticket(transferredFrom(mine.id()));
        assertThat(moved.serviceCode()).isEqualTo("CT");
        assertThat(moved.displayNumber()).isEqualTo(mine.displayNumber());
        assertThat(moved.state()).isEqualTo(TicketState.WAITING);
        // Kept its place: ahead of the CT ticket taken after it.
        assertThat(moved.waitingAhead()).isZero();
        assertThat(branch.kiosk().ticket(laterInCt.id()).waitingAhead()).isEqualTo(1);
    }

    @Test
    void pauseWithReasonDisablesCallNextAndShowsInTheHeader(FxRobot robot) throws Exception {
        signIn(robot, 4);
        assertThat(robot.lookup("#next").queryAs(Button.class).isDisabled()).isFalse();

        click(robot, "#tab-counter");
        pick(robot, "#pause-reason", "Họp");
        click(robot, "#pause");

        waitFor(() -> text(robot, "#counter-state").contains("TẠM DỪNG"));
        assertThat(text(robot, "#counter-state")).contains("PAUSED").contains("Họp / Meeting");
        assertThat(robot.lookup("#next").queryAs(Button.class).isDisabled()).isTrue();
        QueueSnapshot.CounterStatus status = counter(4);
        assertThat(status.state()).isEqualTo(CounterState.PAUSED);
        assertThat(status.reason()).isEqualTo("Họp / Meeting");
        robot.type(KeyCode.F1); // does nothing while paused
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(text(robot, "#current-number")).isEqualTo("—");

        click(robot, "#resume");
        waitFor(() -> !robot.lookup("#next").queryAs(Button.class).isDisabled());
        assertThat(text(robot, "#counter-state")).contains("Đang mở");
        assertThat(counter(4).state()).isEqualTo(CounterState.OPEN);
    }

    @Test
    void showsThePriorityClassAndRevokesIt(FxRobot robot) throws Exception {
        signIn(robot, 5);
        Ticket elderly = branch.kiosk().issueTicket(new IssueTicketRequest(5, null, LocalDate.now().minusYears(80)),
                UUID.randomUUID().toString());
        assertThat(elderly.priorityClass()).isEqualTo("ELDERLY");
        click(robot, "#call-number-field");
        robot.write(elderly.displayNumber());
        click(robot, "#call-number");

        waitFor(() -> text(robot, "#current-number").equals(elderly.displayNumber()));
        waitFor(() -> FxSteps.isShown(robot, "#current-priority"));
        assertThat(text(robot, "#current-priority"))
                .contains("ƯU TIÊN – Người cao tuổi / PRIORITY – Elderly");

        click(robot, "#priority-revoke");
        waitFor(() -> text(robot, "#current-priority").contains("ĐÃ THU HỒI"));
        assertThat(text(robot, "#current-priority")).contains("PRIORITY REVOKED");
        assertThat(branch.kiosk().ticket(elderly.id()).priorityState()).isEqualTo(PriorityState.REVOKED);
        robot.type(KeyCode.F5);
        waitFor(() -> text(robot, "#current-number").equals("—"));
    }

    @Test
    void aNoShowComesBackInLine(FxRobot robot) throws Exception {
        signIn(robot, 2);
        Ticket late = issue(1);
        click(robot, "#call-number-field");
        robot.write(late.displayNumber());
        click(robot, "#call-number");
        waitFor(() -> text(robot, "#current-number").equals(late.displayNumber()));
        robot.type(KeyCode.F4);
        waitFor(() -> text(robot, "#current-number").equals("—"));

        click(robot, "#tab-return");
        @SuppressWarnings("unchecked")
        ComboBox<String> numbers = robot.lookup("#return-number").queryAs(ComboBox.class);
        waitFor(() -> numbers.getItems().contains(late.displayNumber()));
        click(robot, "#return-number");
        robot.write(late.displayNumber());
        click(robot, "#return-noshow");

        waitFor(() -> branch.kiosk().ticket(late.id()).state() == TicketState.WAITING);
        waitFor(() -> !numbers.getItems().contains(late.displayNumber()));
    }

    private static QueueSnapshot.CounterStatus counter(int number) {
        return branch.kiosk().queue().counters().stream().filter(c -> c.number() == number).findFirst().orElseThrow();
    }

    private static long transferredFrom(long id) {
        return branch.agent().agent().database().read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT id FROM ticket WHERE transferred_from = ?")) {
                ps.setLong(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }
}
