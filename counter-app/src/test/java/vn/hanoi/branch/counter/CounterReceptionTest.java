package vn.hanoi.branch.counter;

import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;
import vn.hanoi.branch.calendar.WorkingCalendar;
import vn.hanoi.branch.api.Dossiers;
import vn.hanoi.branch.api.Ticket;
import vn.hanoi.branch.api.TicketState;
import vn.hanoi.branch.client.AgentClient;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.hanoi.branch.counter.FxSteps.click;
import static vn.hanoi.branch.counter.FxSteps.isShown;
import static vn.hanoi.branch.counter.FxSteps.text;
import static vn.hanoi.branch.counter.FxSteps.waitFor;

/** Call → receive the dossier (prefilled from the kiosk declaration) → finish, from the keyboard. */
@ExtendWith(ApplicationExtension.class)
class CounterReceptionTest {
    @RegisterExtension
    static final CounterSceneExtension branch = new CounterSceneExtension().withPrinter();

    private static AgentClient supervisor;

    @BeforeAll
    static void startAgent() {
        supervisor = branch.agent().clerkClient();
    }

    @Test
    void declaredDossierIsReceivedFromTheKeyboard(FxRobot robot) throws Exception {
        Ticket t = branch.kiosk().issueTicket(2, UUID.randomUUID().toString());
        branch.kiosk().declare(t.id(), new Dossiers.DeclarationRequest("1.004222", Map.of(
                "applicantName", "Phạm Thu Hương", "applicantDob", "20/07/1988", "applicantId", "001188023456",
                "applicantSex", "Nữ", "applicantAddress", "Số 5 phố Huế, Hà Nội", "phone", "0904111222",
                "newAddress", "Số 9 ngõ Trạm, Hà Nội"), true));
        branch.scene().signInAtCounter(robot, 3);

        int keys = 0;
        robot.press(KeyCode.F1).release(KeyCode.F1);
        keys++;
        waitFor(() -> text(robot, "#current-number").equals(t.displayNumber()) && branch.scene().desk().dossiers().declarationProperty().get() != null);
        robot.press(KeyCode.F3).release(KeyCode.F3);
        keys++;
        waitFor(() -> branch.scene().desk().currentProperty().get().state() == TicketState.SERVING);
        robot.press(KeyCode.F10).release(KeyCode.F10);
        keys++;
        waitFor(() -> isShown(robot, "#reception") && isShown(robot, "#doc-CT01"));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(fieldText(robot, "#reception-name")).isEqualTo("Phạm Thu Hương");
        assertThat(fieldText(robot, "#reception-id")).isEqualTo("001188023456");
        assertThat(fieldText(robot, "#reception-fee")).isEqualTo("15000");

        // The cursor is on the first document: Space ticks it, Tab Tab Space ticks the second, Ctrl+Enter receives.
        robot.press(KeyCode.SPACE).release(KeyCode.SPACE);
        robot.press(KeyCode.TAB).release(KeyCode.TAB);
        robot.press(KeyCode.TAB).release(KeyCode.TAB);
        robot.press(KeyCode.SPACE).release(KeyCode.SPACE);
        keys += 4;
        robot.press(KeyCode.CONTROL, KeyCode.ENTER).release(KeyCode.ENTER, KeyCode.CONTROL);
        keys++;
        waitFor(() -> !text(robot, "#reception-result").isEmpty());
        Dossiers.Dossier d = branch.scene().desk().dossiers().reception().receivedProperty().get();
        LocalDate due = WorkingCalendar.standard().addWorkingDays(LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")), 3);
        assertThat(text(robot, "#reception-result")).contains(d.code())
                .contains(due.format(DateTimeFormatter.ofPattern("dd/MM/yyyy")));

        Dossiers.Dossier stored = supervisor.dossier(d.id());
        assertThat(stored.applicant().fullName()).isEqualTo("Phạm Thu Hương");
        assertThat(stored.documents()).extracting(Dossiers.ReceivedDocument::code, Dossiers.ReceivedDocument::received)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("CT01", true),
                        org.assertj.core.groups.Tuple.tuple("HOUSING", true));
        assertThat(stored.feeVnd()).isEqualTo(15_000);

        // The receipt and appointment slip on the counter's thermal branch.printer().
        robot.press(KeyCode.CONTROL, KeyCode.P).release(KeyCode.P, KeyCode.CONTROL);
        keys++;
        waitFor(() -> text(robot, "#reception-slip-message").startsWith("Đã in phiếu hẹn " + d.code()));
        assertThat(branch.printer().jobsPrinted()).isEqualTo(1);

        robot.press(KeyCode.F5).release(KeyCode.F5);
        keys++;
        waitFor(() -> branch.scene().desk().currentProperty().get() == null && !isShown(robot, "#reception"));
        // The standard flow: call, serve, open, two ticks, receive, print the slip, finish.
        assertThat(keys).isEqualTo(10);
        System.out.println("reception flow: " + keys + " keystrokes, 0 clicks");
    }

    @Test
    void aWrongFieldIsToldAndNothingIsReceived(FxRobot robot) throws Exception {
        Ticket t = branch.kiosk().issueTicket(2, UUID.randomUUID().toString());
        int before = supervisor.dossiers(null, false).size();
        branch.scene().signInAtCounter(robot, 2);
        click(robot, "#next");
        waitFor(() -> text(robot, "#current-number").equals(t.displayNumber()));
        click(robot, "#receive");
        waitFor(() -> isShown(robot, "#reception-name"));
        click(robot, "#reception-name");
        robot.write("Đỗ Văn Nam");
        click(robot, "#reception-id");
        robot.write("12345");
        click(robot, "#reception-submit");
        waitFor(() -> text(robot, "#reception-message").contains("12"));
        assertThat(branch.scene().desk().dossiers().reception().receivedProperty().get()).isNull();
        assertThat(supervisor.dossiers(null, false)).hasSize(before);
        click(robot, "#reception-close");
        waitFor(() -> !isShown(robot, "#reception"));
        assertThat(branch.scene().desk().dossiers().reception().fullNameProperty().get()).as("typed personal data dropped").isEmpty();
    }

    private static String fieldText(FxRobot robot, String query) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> robot.lookup(query).queryAs(TextField.class).getText())
                .get(5, TimeUnit.SECONDS);
    }
}
