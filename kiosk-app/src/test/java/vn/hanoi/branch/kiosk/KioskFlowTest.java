package vn.hanoi.branch.kiosk;

import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
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
import vn.hanoi.branch.agent.testing.FlakyLink;
import vn.hanoi.branch.agent.testing.TestAgent;
import vn.hanoi.branch.kiosk.ticket.TakeNumberModel;
import vn.hanoi.branch.printer.PrinterStatus;
import vn.hanoi.branch.testkit.printer.VirtualPrinter;
import vn.hanoi.branch.api.Bookings;
import vn.hanoi.branch.api.DeviceKind;
import vn.hanoi.branch.api.PriorityState;
import vn.hanoi.branch.api.Role;
import vn.hanoi.branch.api.QueueSnapshot;
import vn.hanoi.branch.client.AgentClient;
import vn.hanoi.branch.client.AgentLink;
import vn.hanoi.branch.client.KioskClient;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.hanoi.branch.kiosk.KioskScene.awaitShown;
import static vn.hanoi.branch.kiosk.KioskScene.eventually;
import static vn.hanoi.branch.kiosk.KioskScene.text;
import static vn.hanoi.branch.kiosk.KioskScene.visibleChain;

/** The kiosk scene against a real agent on loopback, reached through a link that can fail. */
@ExtendWith(ApplicationExtension.class)
class KioskFlowTest {
    /** 15 mm on a 21.5" 1920x1080 kiosk panel (about 102 dpi). */
    private static final double MIN_TOUCH_PX = 15 / 25.4 * 102;

    private static TestAgent agent;
    private static FlakyLink link;
    private static AgentClient staffView;
    private static AgentClient supervisor;

    private VirtualPrinter printer;
    private KioskScene kiosk;
    private TakeNumberModel model;

    @BeforeAll
    static void startAgent() throws Exception {
        agent = TestAgent.start();
        link = new FlakyLink(agent.agent().port());
        staffView = agent.clerkClient();
        supervisor = agent.staffClient(Role.SUPERVISOR);
    }

    @AfterAll
    static void stopAgent() throws Exception {
        link.close();
        agent.close();
    }

    @Start
    void start(Stage stage) {
        link.mode(FlakyLink.Mode.PASS);
        AgentLink throughLink = AgentLink.to(link.url());
        KioskClient kiosk = throughLink.kiosk(throughLink.pair(agent.pairingCode(DeviceKind.KIOSK), "kiosk under test").token());
        printer = new VirtualPrinter(null);
        // Short enough for the idle tests, long enough that a slow CI machine never resets a flow mid-way.
        this.kiosk = KioskScene.show(stage, kiosk, printer, printer, Duration.ofSeconds(4)).start();
        model = this.kiosk.model();
    }

    @AfterEach
    void stopBackground() {
        kiosk.close();
    }

    @Test
    void takesANumberAndShowsTheReceipt(FxRobot robot) {
        awaitTile(robot, "HT");
        int before = waiting("HT");

        robot.clickOn("#service-HT");
        answerNoPriority(robot);

        eventually().until(() -> !number(robot).isEmpty());
        assertThat(number(robot)).isEqualTo(Integer.toString(1001 + before));
        assertThat(waiting("HT")).isEqualTo(before + 1);
        assertThat(printer.jobsPrinted()).isEqualTo(1);
        assertThat(robot.lookup("#receipt").query().isVisible()).isTrue();
        assertThat(robot.lookup("#printer-warning").query().isVisible()).isFalse();
    }

    @Test
    void lostAnswerThenRetryGivesTheSameTicketNotASecondOne(FxRobot robot) {
        awaitTile(robot, "CT");
        int before = waiting("CT");
        robot.clickOn("#service-CT");
        awaitShown(robot, "#priority-none");
        robot.clickOn("#priority-none");
        awaitShown(robot, "#procedure-skip");
        link.mode(FlakyLink.Mode.LOSE_RESPONSES);
        robot.clickOn("#procedure-skip");

        eventually().until(() -> robot.lookup("#problem-screen").query().isVisible());
        assertThat(text(robot, "#problem-message"))
                .contains("Không kết nối được máy chủ chi nhánh", "Cannot reach the branch server");
        // The request did reach the agent: the ticket exists although the kiosk never heard of it.
        assertThat(waiting("CT")).isEqualTo(before + 1);

        link.mode(FlakyLink.Mode.PASS);
        robot.clickOn("#retry");

        eventually().until(() -> !number(robot).isEmpty());
        assertThat(number(robot)).isEqualTo(Integer.toString(2001 + before));
        assertThat(waiting("CT")).isEqualTo(before + 1);
    }

    @Test
    void agentDownShowsWhatToDoAndStartingOverWorks(FxRobot robot) {
        awaitTile(robot, "DD");
        int before = waiting("DD");
        link.mode(FlakyLink.Mode.REFUSE);

        robot.clickOn("#service-DD");
        answerNoPriority(robot);

        eventually().until(() -> robot.lookup("#problem-screen").query().isVisible());
        assertThat(robot.lookup("#retry").query().isVisible()).isTrue();
        assertTouchable(robot);
        robot.clickOn("#home");
        eventually().until(() -> robot.lookup("#service-DD").query().isVisible());
        assertThat(waiting("DD")).isEqualTo(before);
    }

    @Test
    void paperOutStillShowsTheNumberAndSaysSo(FxRobot robot) {
        awaitTile(robot, "KD");
        printer.simulate(PrinterStatus.PAPER_OUT);

        robot.clickOn("#service-KD");
        answerNoPriority(robot);

        eventually().until(() -> !number(robot).isEmpty());
        assertThat(robot.lookup("#printer-warning").query().isVisible()).isTrue();
        assertThat(text(robot, "#printer-warning")).contains("Hết giấy", "Paper out");
        assertThat(robot.lookup("#receipt").query().isVisible()).isFalse();
        // IT sees it, and the failed job is kept with the ticket.
        long id = model.ticket().ticketProperty().get().id();
        eventually().until(() -> supervisor.alerts().stream().anyMatch(a -> a.component().equals("printer")
                && a.status().equals("PAPER_OUT")));
        assertThat(supervisor.printJobs(id)).singleElement().satisfies(j -> assertThat(j.printed()).isFalse());

        printer.simulate(PrinterStatus.READY);
        robot.clickOn("#done");
        awaitTile(robot, "KD");
        robot.clickOn("#service-KD");
        answerNoPriority(robot);
        eventually().until(() -> supervisor.alerts().isEmpty());
    }

    @Test
    void englishOnRequestAndBackToVietnameseWhenIdle(FxRobot robot) {
        awaitTile(robot, "HT");
        assertTouchable(robot);
        robot.clickOn("#language");
        eventually().until(() -> robot.lookup("Choose the service you need").tryQuery()
                .map(n -> n.getStyleClass().contains("primary")).orElse(false));

        // Nobody touches the kiosk: it must return to Vietnamese by itself.
        eventually().until(() -> robot.lookup("Chọn dịch vụ bạn cần").tryQuery()
                .map(n -> n.getStyleClass().contains("primary")).orElse(false));
    }

    @Test
    void cardDataIsWipedWhenTheKioskIsLeftIdle(FxRobot robot) {
        awaitTile(robot, "HT");
        var qr = vn.hanoi.branch.card.CitizenIdQr.parse(
                "001150012345||Trần Thị Bích Ngọc|05031950|Nữ|Số 12 phố Hàng Bông, Hà Nội|10082021");
        Platform.runLater(() -> model.identified(vn.hanoi.branch.kiosk.identity.Citizen.fromQr(qr)));
        eventually().until(() -> model.session().citizenProperty().get() != null);
        // Nobody touches the first screen with a greeting on it: the session ends after the idle time.
        eventually().until(() -> model.session().citizenProperty().get() == null);
        assertThat(robot.lookup("#identity-prompt").query().isVisible()).isTrue();
    }

    private static void assertTouchable(FxRobot robot) {
        var buttons = robot.lookup(n -> n instanceof Button && n.isVisible() && n.getScene() != null
                && visibleChain(n)).queryAll();
        assertThat(buttons).isNotEmpty();
        for (Node b : buttons) {
            assertThat(b.getBoundsInLocal().getHeight()).as("height of %s", b.getId())
                    .isGreaterThanOrEqualTo(MIN_TOUCH_PX);
            assertThat(b.getBoundsInLocal().getWidth()).as("width of %s", b.getId())
                    .isGreaterThanOrEqualTo(MIN_TOUCH_PX);
        }
    }


    @Test
    void aDeclaredPriorityIsOnTheTicketAndInTheAgent(FxRobot robot) {
        awaitTile(robot, "CTH");
        assertThat(robot.lookup("#wait-CTH").queryAs(Label.class).getText()).contains("phút");
        robot.clickOn("#service-CTH");
        awaitShown(robot, "#priority-ELDERLY");
        robot.clickOn("#priority-ELDERLY");
        skipDeclaration(robot);

        eventually().until(() -> !number(robot).isEmpty());
        assertThat(robot.lookup("#ticket-priority").queryAs(Label.class).getText()).isEqualTo("ƯU TIÊN – Người cao tuổi");
        long id = model.ticket().ticketProperty().get().id();
        assertThat(staffView.ticket(id).priorityClass()).isEqualTo("ELDERLY");
        assertThat(staffView.ticket(id).priorityState()).isEqualTo(PriorityState.DECLARED);
    }

    @Test
    void aBookingIsCheckedInWithTheOnScreenKeypad(FxRobot robot) {
        awaitTile(robot, "HT");
        Bookings.Booking b = supervisor.createBooking(new Bookings.NewBooking("HTB2K7QX", 1, Instant.now()));
        robot.clickOn("#booking");
        awaitShown(robot, "#key-H");
        for (char ch : b.code().toCharArray()) {
            robot.clickOn("#key-" + ch);
        }
        robot.clickOn("#booking-submit");

        eventually().until(() -> !number(robot).isEmpty());
        long id = model.ticket().ticketProperty().get().id();
        assertThat(supervisor.booking(b.code()).ticketId()).isEqualTo(id);
        assertThat(robot.lookup("#ticket-notice").query().isVisible()).as("on time: no notice").isFalse();
    }

    /** "No priority", then "just a number" on the procedure screen (every demo service has procedures). */
    private static void answerNoPriority(FxRobot robot) {
        awaitShown(robot, "#priority-none");
        robot.clickOn("#priority-none");
        skipDeclaration(robot);
    }

    private static void skipDeclaration(FxRobot robot) {
        awaitShown(robot, "#procedure-skip");
        robot.clickOn("#procedure-skip");
    }

    /** Waits until the tile is laid out on screen, so that a click lands on it. */
    private static void awaitTile(FxRobot robot, String code) {
        eventually().until(() -> robot.lookup("#service-" + code).tryQuery()
                .map(n -> visibleChain(n) && n.getLayoutBounds().getWidth() > MIN_TOUCH_PX).orElse(false));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static String number(FxRobot robot) {
        return robot.lookup("#ticket-number").queryAs(Label.class).getText();
    }


    private static int waiting(String code) {
        QueueSnapshot q = staffView.queue();
        return q.services().stream().filter(s -> s.code().equals(code)).findFirst().orElseThrow().waiting();
    }

}
