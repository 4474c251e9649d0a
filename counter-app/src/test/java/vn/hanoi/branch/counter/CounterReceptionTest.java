package vn.hanoi.branch.counter;

import javafx.scene.control.TextField;
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
import org.testfx.util.WaitForAsyncUtils;
import vn.hanoi.branch.agent.testing.TestAgent;
import vn.hanoi.branch.calendar.WorkingCalendar;
import vn.hanoi.branch.testkit.printer.VirtualPrinter;
import vn.hanoi.branch.api.DeviceKind;
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
    private static TestAgent agent;
    private static AgentClient kiosk;
    private static AgentClient supervisor;

    private final VirtualPrinter printer = new VirtualPrinter(null);
    private CounterScene scene;

    @BeforeAll
    static void startAgent() {
        agent = TestAgent.start();
        kiosk = agent.pairedClient(DeviceKind.KIOSK);
        supervisor = agent.clerkClient();
    }

    @AfterAll
    static void stopAgent() {
        agent.close();
    }

    @Start
    void start(Stage stage) {
        scene = new CounterScene(agent, printer).show(stage, 1280, 720);
    }

    @AfterEach
    void stop() {
        scene.close();
    }

    @Test
    void declaredDossierIsReceivedFromTheKeyboard(FxRobot robot) throws Exception {
        Ticket t = kiosk.issueTicket(2, UUID.randomUUID().toString());
        kiosk.declare(t.id(), new Dossiers.DeclarationRequest("1.004222", Map.of(
                "applicantName", "Phạm Thu Hương", "applicantDob", "20/07/1988", "applicantId", "001188023456",
                "applicantSex", "Nữ", "applicantAddress", "Số 5 phố Huế, Hà Nội", "phone", "0904111222",
                "newAddress", "Số 9 ngõ Trạm, Hà Nội"), true));
        scene.signInAtCounter(robot, 3);

        int keys = 0;
        robot.press(KeyCode.F1).release(KeyCode.F1);
        keys++;
        waitFor(() -> text(robot, "#current-number").equals(t.displayNumber()) && scene.desk().dossiers().declarationProperty().get() != null);
        robot.press(KeyCode.F3).release(KeyCode.F3);
        keys++;
        waitFor(() -> scene.desk().currentProperty().get().state() == TicketState.SERVING);
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
        Dossiers.Dossier d = scene.desk().dossiers().reception().receivedProperty().get();
        LocalDate due = WorkingCalendar.standard().addWorkingDays(LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")), 3);
        assertThat(text(robot, "#reception-result")).contains(d.code())
                .contains(due.format(DateTimeFormatter.ofPattern("dd/MM/yyyy")));

        Dossiers.Dossier stored = supervisor.dossier(d.id());
        assertThat(stored.applicant().fullName()).isEqualTo("Phạm Thu Hương");
        assertThat(stored.documents()).extracting(Dossiers.ReceivedDocument::code, Dossiers.ReceivedDocument::received)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("CT01", true),
                        org.assertj.core.groups.Tuple.tuple("HOUSING", true));
        assertThat(stored.feeVnd()).isEqualTo(15_000);

        // The receipt and appointment slip on the counter's thermal printer.
        robot.press(KeyCode.CONTROL, KeyCode.P).release(KeyCode.P, KeyCode.CONTROL);
        keys++;
        waitFor(() -> text(robot, "#reception-slip-message").startsWith("Đã in phiếu hẹn " + d.code()));
        assertThat(printer.jobsPrinted()).isEqualTo(1);

        robot.press(KeyCode.F5).release(KeyCode.F5);
        keys++;
        waitFor(() -> scene.desk().currentProperty().get() == null && !isShown(robot, "#reception"));
        // The standard flow: call, serve, open, two ticks, receive, print the slip, finish.
        assertThat(keys).isEqualTo(10);
        System.out.println("reception flow: " + keys + " keystrokes, 0 clicks");
    }

    @Test
    void aWrongFieldIsToldAndNothingIsReceived(FxRobot robot) throws Exception {
        Ticket t = kiosk.issueTicket(2, UUID.randomUUID().toString());
        int before = supervisor.dossiers(null, false).size();
        scene.signInAtCounter(robot, 2);
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
        assertThat(scene.desk().dossiers().reception().receivedProperty().get()).isNull();
        assertThat(supervisor.dossiers(null, false)).hasSize(before);
        click(robot, "#reception-close");
        waitFor(() -> !isShown(robot, "#reception"));
        assertThat(scene.desk().dossiers().reception().fullNameProperty().get()).as("typed personal data dropped").isEmpty();
    }

    private static String fieldText(FxRobot robot, String query) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> robot.lookup(query).queryAs(TextField.class).getText())
                .get(5, TimeUnit.SECONDS);
    }
}
