package vn.hanoi.branch.kiosk;

import javafx.application.Platform;
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
import vn.hanoi.branch.card.CitizenIdQr;
import vn.hanoi.branch.kiosk.identity.Citizen;
import vn.hanoi.branch.kiosk.ticket.TakeNumberModel;
import vn.hanoi.branch.testkit.printer.VirtualPrinter;
import vn.hanoi.branch.api.Dossiers;
import vn.hanoi.branch.api.Ticket;
import vn.hanoi.branch.client.AgentClient;
import vn.hanoi.branch.client.KioskClient;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.hanoi.branch.kiosk.KioskScene.awaitShown;
import static vn.hanoi.branch.kiosk.KioskScene.click;
import static vn.hanoi.branch.kiosk.KioskScene.eventually;
import static vn.hanoi.branch.kiosk.KioskScene.firstLine;
import static vn.hanoi.branch.kiosk.KioskScene.isShown;
import static vn.hanoi.branch.kiosk.KioskScene.text;

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

    private KioskScene scene;
    private TakeNumberModel model;
    private KioskClient kiosk;

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
        kiosk = agent.kioskClient();
        scene = KioskScene.show(stage, kiosk, new VirtualPrinter(null), null, Duration.ofSeconds(30)).start();
        model = scene.model();
    }

    @AfterEach
    void stopBackground() {
        scene.close();
    }

    /** A fake citizen's card QR: a grandmother born in 1950. */
    private static CitizenIdQr grandmother() {
        return CitizenIdQr.parse("001150012345||Trần Thị Bích Ngọc|05031950|Nữ|Số 12 phố Hàng Bông, phường Hoàn Kiếm, Hà Nội|10082021");
    }

    @Test
    void cardHolderOver70IsGreetedGetsPriorityAndDeclaresWithThePrefilledForm(FxRobot robot) {
        awaitShown(robot, "#service-HT");
        assertThat(isShown(robot, "#identity-prompt")).isTrue();
        Platform.runLater(() -> model.identified(Citizen.fromQr(grandmother())));
        eventually().until(() -> isShown(robot, "#greeting"));
        assertThat(firstLine(robot, "#greeting")).isEqualTo("Xin chào Bà Trần Thị Bích Ngọc");
        assertThat(isShown(robot, "#elderly")).isTrue();
        assertThat(isShown(robot, "#identity-prompt")).isFalse();

        click(robot, "#service-HT");
        // No priority question: the card says 70 or over.
        click(robot, "#procedure-" + BIRTH.replace('.', '_'));
        eventually().until(() -> isShown(robot, "#declare-screen"));
        assertThat(text(robot, "#value-applicantName")).isEqualTo("Trần Thị Bích Ngọc");
        assertThat(text(robot, "#value-applicantDob")).isEqualTo("05/03/1950");
        assertThat(text(robot, "#value-applicantId")).isEqualTo("001150012345");

        // Sent too early: the missing lines are marked, nothing is issued.
        click(robot, "#declare-submit");
        eventually().until(() -> isShown(robot, "#declare-fix") && isShown(robot, "#problem-phone"));
        assertThat(model.ticket().ticketProperty().get()).isNull();

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
        assertThat(text(robot, "#value-childName")).isEqualTo("Nguyễn An");
        assertThat(text(robot, "#value-birthPlace")).isEqualTo("Hà Nội");

        click(robot, "#declare-submit");
        eventually().until(() -> model.ticket().ticketProperty().get() != null && isShown(robot, "#ticket-declared"));
        Ticket t = model.ticket().ticketProperty().get();
        assertThat(firstLine(robot, "#ticket-declared")).isEqualTo("Tờ khai của bạn đã được gửi tới quầy.");
        assertThat(clerk.ticket(t.id()).priorityClass()).as("age priority set by the agent").isEqualTo("ELDERLY");

        clerk.callNext(1);
        Dossiers.Declaration d = clerk.declaration(t.id());
        assertThat(d.procedureCode()).isEqualTo(BIRTH);
        assertThat(d.fromCard()).isTrue();
        assertThat(d.values()).containsAllEntriesOf(Map.of("applicantName", "Trần Thị Bích Ngọc",
                "childName", "Nguyễn An", "childDob", "01/11/2026", "relationship", "Bà", "phone", "0912345678"));

        // Done: the session ends and the card data is gone from the kiosk.
        click(robot, "#done");
        eventually().until(() -> isShown(robot, "#identity-prompt"));
        assertThat(model.session().citizenProperty().get()).isNull();
        assertThat(model.declaration().values()).isEmpty();
        assertThat(isShown(robot, "#greeting")).isFalse();
    }

    @Test
    void aDossierIsLookedUpByTheCodeOnItsSlip(FxRobot robot) {
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
        eventually().until(() -> isShown(robot, "#lookup-state"));
        assertThat(text(robot, "#lookup-state")).isEqualTo("Trạng thái: Đã tiếp nhận");
        assertThat(text(robot, "#lookup-procedure")).contains(received.code(), "Đăng ký khai sinh");
        assertThat(isShown(robot, "#lookup-appointment")).isTrue();

        click(robot, "#lookup-back");
        eventually().until(() -> isShown(robot, "#service-HT"));
        Platform.runLater(() -> model.showDossier("HN-CN01-000000-0000"));
        eventually().until(() -> isShown(robot, "#lookup-problem"));
        assertThat(firstLine(robot, "#lookup-problem")).contains("Không tìm thấy hồ sơ");
        assertThat(model.session().citizenProperty().get()).isNull();
    }

    private void typeKeys(FxRobot robot, String keys) {
        for (char k : keys.toCharArray()) {
            String id = switch (k) {
                case ' ' -> "#kb-space";
                case '/' -> "#kb-slash";
                default -> "#kb-" + k;
            };
            click(robot, id);
        }
    }
}
