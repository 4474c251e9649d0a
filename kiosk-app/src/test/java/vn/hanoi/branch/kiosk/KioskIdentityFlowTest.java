package vn.hanoi.branch.kiosk;

import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
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
import vn.hanoi.branch.agent.testing.TestAgent;
import vn.hanoi.branch.card.CitizenIdQr;
import vn.hanoi.branch.kiosk.identity.Citizen;
import vn.hanoi.branch.kiosk.ticket.TakeNumberModel;
import vn.hanoi.branch.testkit.printer.VirtualPrinter;
import vn.hanoi.branch.api.DeviceKind;
import vn.hanoi.branch.api.Dossiers;
import vn.hanoi.branch.api.Ticket;
import vn.hanoi.branch.client.AgentClient;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A citizen with an ID card at the kiosk, against a real agent: greeting and age priority from the
 * card, the procedure's form prefilled and completed on the Telex keyboard, the clerk reading it;
 * and a dossier looked up by the code on its slip.
 */
@ExtendWith(ApplicationExtension.class)
class KioskIdentityFlowTest {
    private static final String BIRTH = "1.001193";

    private static TestAgent agent;
    private static AgentClient clerk;

    private final ExecutorService background = Executors.newVirtualThreadPerTaskExecutor();
    private TakeNumberModel model;
    private AgentClient kiosk;

    @BeforeAll
    static void startAgent() {
        agent = TestAgent.start();
        clerk = agent.clerkClient();
    }

    @AfterAll
    static void stopAgent() {
        agent.close();
    }

    @Start
    void start(Stage stage) {
        kiosk = agent.pairedClient(DeviceKind.KIOSK);
        model = new TakeNumberModel(kiosk, new VirtualPrinter(null), background, Platform::runLater);
        Scene scene = new Scene(KioskView.create(model, null), 1920, 1080);
        new IdleReset(scene, model, javafx.util.Duration.seconds(30), javafx.util.Duration.seconds(30));
        stage.setScene(scene);
        stage.show();
        model.start();
    }

    @AfterEach
    void stopBackground() {
        background.shutdownNow();
    }

    /** A fake citizen's card QR: a grandmother born in 1950. */
    private static CitizenIdQr grandmother() {
        return CitizenIdQr.parse("001150012345||Trần Thị Bích Ngọc|05031950|Nữ|Số 12 phố Hàng Bông, phường Hoàn Kiếm, Hà Nội|10082021");
    }

    @Test
    void cardHolderOver70IsGreetedGetsPriorityAndDeclaresWithThePrefilledForm(FxRobot robot) throws Exception {
        awaitShown(robot, "#service-HT");
        assertThat(isShown(robot, "#identity-prompt")).isTrue();
        Platform.runLater(() -> model.identified(Citizen.fromQr(grandmother())));
        waitFor(() -> isShown(robot, "#greeting"));
        assertThat(firstLabel(robot, "#greeting")).isEqualTo("Xin chào Bà Trần Thị Bích Ngọc");
        assertThat(isShown(robot, "#elderly")).isTrue();
        assertThat(isShown(robot, "#identity-prompt")).isFalse();

        click(robot, "#service-HT");
        // No priority question: the card says 70 or over.
        click(robot, "#procedure-" + BIRTH.replace('.', '_'));
        waitFor(() -> isShown(robot, "#declare-screen"));
        assertThat(label(robot, "#value-applicantName")).isEqualTo("Trần Thị Bích Ngọc");
        assertThat(label(robot, "#value-applicantDob")).isEqualTo("05/03/1950");
        assertThat(label(robot, "#value-applicantId")).isEqualTo("001150012345");

        // Sent too early: the missing lines are marked, nothing is issued.
        click(robot, "#declare-submit");
        waitFor(() -> isShown(robot, "#declare-fix") && isShown(robot, "#problem-phone"));
        assertThat(model.ticketProperty().get()).isNull();

        // The first line to fix is the one being typed; "next line" walks through the empty ones.
        assertThat(model.declaration().currentProperty().get().key()).isEqualTo("phone");
        typeKeys(robot, "0912345678");
        click(robot, "#kb-next");
        typeKeys(robot, "nguyeenx ");
        click(robot, "#kb-shift");
        typeKeys(robot, "an");
        click(robot, "#kb-next");
        typeKeys(robot, "01/11/2026");
        click(robot, "#kb-next");
        click(robot, "#choice-0"); // Nam; a choice moves on by itself
        typeKeys(robot, "haf ");
        click(robot, "#kb-shift");
        typeKeys(robot, "nooij");
        click(robot, "#kb-next");
        click(robot, "#choice-3"); // Bà
        assertThat(label(robot, "#value-childName")).isEqualTo("Nguyễn An");
        assertThat(label(robot, "#value-birthPlace")).isEqualTo("Hà Nội");

        click(robot, "#declare-submit");
        waitFor(() -> model.ticketProperty().get() != null && isShown(robot, "#ticket-declared"));
        Ticket t = model.ticketProperty().get();
        assertThat(firstLabel(robot, "#ticket-declared")).isEqualTo("Tờ khai của bạn đã được gửi tới quầy.");
        assertThat(clerk.ticket(t.id()).priorityClass()).as("age priority set by the agent").isEqualTo("ELDERLY");

        clerk.callNext(1);
        Dossiers.Declaration d = clerk.declaration(t.id());
        assertThat(d.procedureCode()).isEqualTo(BIRTH);
        assertThat(d.fromCard()).isTrue();
        assertThat(d.values()).containsAllEntriesOf(Map.of("applicantName", "Trần Thị Bích Ngọc",
                "childName", "Nguyễn An", "childDob", "01/11/2026", "relationship", "Bà", "phone", "0912345678"));

        // Done: the session ends and the card data is gone from the kiosk.
        click(robot, "#done");
        waitFor(() -> isShown(robot, "#identity-prompt"));
        assertThat(model.citizenProperty().get()).isNull();
        assertThat(model.declaration().values()).isEmpty();
        assertThat(isShown(robot, "#greeting")).isFalse();
    }

    @Test
    void aDossierIsLookedUpByTheCodeOnItsSlip(FxRobot robot) throws Exception {
        Ticket t = kiosk.issueTicket(1, UUID.randomUUID().toString());
        Dossiers.Declaration d = kiosk.declare(t.id(), new Dossiers.DeclarationRequest(BIRTH, Map.ofEntries(
                Map.entry("applicantName", "Lê Văn Hùng"), Map.entry("applicantDob", "12/12/1980"),
                Map.entry("applicantId", "001080054321"), Map.entry("applicantSex", "Nam"),
                Map.entry("applicantAddress", "Số 3 ngõ Huế, Hà Nội"), Map.entry("phone", "0987654321"),
                Map.entry("childName", "Lê Thu Trang"), Map.entry("childDob", "02/11/2026"),
                Map.entry("childSex", "Nữ"), Map.entry("birthPlace", "Hà Nội"), Map.entry("relationship", "Cha")), false));
        Dossiers.Dossier received = clerk.receiveDossier(new Dossiers.Reception(t.id(), BIRTH,
                new Dossiers.Applicant("Lê Văn Hùng", "001080054321", LocalDate.of(1980, 12, 12), "0987654321",
                        "Số 3 ngõ Huế, Hà Nội"), List.of(), 0, null, false));

        click(robot, "#lookup");
        for (char c : received.code().toCharArray()) {
            click(robot, "#lookup-key-" + (c == '-' ? "dash" : String.valueOf(c)));
        }
        click(robot, "#lookup-submit");
        waitFor(() -> isShown(robot, "#lookup-state"));
        assertThat(label(robot, "#lookup-state")).isEqualTo("Trạng thái: Đã tiếp nhận");
        assertThat(label(robot, "#lookup-procedure")).contains(received.code(), "Đăng ký khai sinh");
        assertThat(isShown(robot, "#lookup-appointment")).isTrue();

        click(robot, "#lookup-back");
        waitFor(() -> isShown(robot, "#service-HT"));
        Platform.runLater(() -> model.showDossier("HN-CN01-000000-0000"));
        waitFor(() -> isShown(robot, "#lookup-problem"));
        assertThat(firstLabel(robot, "#lookup-problem")).contains("Không tìm thấy hồ sơ");
        assertThat(model.citizenProperty().get()).isNull();
    }

    private void typeKeys(FxRobot robot, String keys) throws Exception {
        for (char k : keys.toCharArray()) {
            String id = switch (k) {
                case ' ' -> "#kb-space";
                case '/' -> "#kb-slash";
                default -> "#kb-" + k;
            };
            click(robot, id);
        }
    }

    private static void click(FxRobot robot, String query) throws Exception {
        awaitShown(robot, query);
        robot.clickOn(query);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static void awaitShown(FxRobot robot, String query) throws Exception {
        waitFor(() -> isShown(robot, query) && robot.lookup(query).query().getLayoutBounds().getWidth() > 0);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static boolean isShown(FxRobot robot, String query) {
        return robot.lookup(query).tryQuery().map(KioskIdentityFlowTest::visibleChain).orElse(false);
    }

    private static boolean visibleChain(Node n) {
        for (Node p = n; p != null; p = p.getParent()) {
            if (!p.isVisible()) {
                return false;
            }
        }
        return n.getScene() != null;
    }

    private static String label(FxRobot robot, String query) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> robot.lookup(query).queryAs(Label.class).getText()).get(5, TimeUnit.SECONDS);
    }

    /** The first (current language) line of a two-line text box. */
    private static String firstLabel(FxRobot robot, String query) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> ((Label) ((javafx.scene.layout.VBox) robot.lookup(query).query())
                .getChildren().get(0)).getText()).get(5, TimeUnit.SECONDS);
    }

    private static void waitFor(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, condition);
    }
}
