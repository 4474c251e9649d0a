package vn.hanoi.branch.counter;

import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;
import vn.hanoi.branch.agent.testing.TestAgent;
import vn.hanoi.branch.certify.SignatureCheck;
import vn.hanoi.branch.testkit.pki.TestSigningPki;
import vn.hanoi.branch.api.Dossiers;
import vn.hanoi.branch.client.AgentClient;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.hanoi.branch.counter.FxSteps.click;
import static vn.hanoi.branch.counter.FxSteps.isShown;
import static vn.hanoi.branch.counter.FxSteps.text;
import static vn.hanoi.branch.counter.FxSteps.waitFor;

/** Dossier tracking at the counter: list, overdue filter, moves on the timeline, result returned, copy certified. */
@ExtendWith(ApplicationExtension.class)
class CounterTrackingTest {
    private static final Dossiers.Applicant APPLICANT = new Dossiers.Applicant("Vũ Minh Châu", "001199034567",
            LocalDate.of(1999, 1, 9), "0988777666", "Số 20 phố Hàng Gai, Hà Nội");

    private static AgentClient clerk;
    private static TestSigningPki pki;
    private static Path dir;

    @RegisterExtension
    static final CounterSceneExtension branch = new CounterSceneExtension().withPrinter().agent(CounterTrackingTest::startAgent);

    /** An agent that certifies copies with a test PKI's key. */
    private static TestAgent startAgent() throws Exception {
        dir = Files.createTempDirectory("tracking");
        pki = TestSigningPki.generate("Chi nhánh số 1");
        char[] pw = "test-only".toCharArray();
        TestAgent agent = TestAgent.start(Map.of("certify.pkcs12", pki.writePkcs12(dir.resolve("b.p12"), pw).toString(),
                "certify.password.file", TestSigningPki.writePasswordFile(dir.resolve("b.pw"), pw).toString()));
        clerk = agent.clerkClient();
        return agent;
    }

    @Test
    void aDossierGoesFromReceivedToReturnedWithItsCertifiedCopy(FxRobot robot) throws Exception {
        Dossiers.Dossier d = clerk.receiveDossier(new Dossiers.Reception(null, "1.004222", APPLICANT, List.of(), 15_000,
                null, false));
        Dossiers.Dossier late = clerk.receiveDossier(new Dossiers.Reception(null, "1.004222", APPLICANT, List.of(), 15_000,
                null, false));
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + branch.agent().databaseFile());
             PreparedStatement ps = c.prepareStatement("UPDATE dossier SET appointment_date = ? WHERE id = ?")) {
            ps.setString(1, LocalDate.now().minusDays(2).toString());
            ps.setLong(2, late.id());
            ps.executeUpdate();
        }
        branch.scene().signInAtCounter(robot, 1);
        robot.press(KeyCode.F11).release(KeyCode.F11);
        waitFor(() -> isShown(robot, "#tracking-table") && rows(robot) == 2);

        click(robot, "#tracking-overdue");
        waitFor(() -> rows(robot) == 1);
        click(robot, "#tracking-overdue");
        waitFor(() -> rows(robot) == 2);

        WaitForAsyncUtils.asyncFx(() -> table(robot).getSelectionModel().select(
                table(robot).getItems().stream().filter(s -> s.id() == d.id()).findFirst().orElseThrow())).get();
        waitFor(() -> isShown(robot, "#tracking-selected") && text(robot, "#tracking-selected").startsWith(d.code()));
        click(robot, "#tracking-note");
        robot.write("Chuyen phong Tu phap");
        click(robot, "#move-SENT_TO_DEPARTMENT");
        waitFor(() -> text(robot, "#tracking-detail-state").startsWith("Đã chuyển cơ quan giải quyết"));
        click(robot, "#move-PROCESSING");
        waitFor(() -> text(robot, "#tracking-detail-state").startsWith("Đang giải quyết"));
        click(robot, "#move-RESULT_READY");
        waitFor(() -> isShown(robot, "#certify-copy"));

        Path result = dir.resolve("result.pdf");
        try (PDDocument doc = new PDDocument()) {
            doc.addPage(new PDPage());
            doc.save(result.toFile());
        }
        click(robot, "#tracking-pdf");
        robot.write(result.toString());
        click(robot, "#certify-copy");
        waitFor(() -> text(robot, "#tracking-detail-state").contains("bản sao điện tử đã chứng thực"));
        click(robot, "#hand-over-counter");
        waitFor(() -> text(robot, "#tracking-detail-state").startsWith("Đã trả kết quả"));

        Dossiers.Dossier stored = clerk.dossier(d.id());
        assertThat(stored.state()).isEqualTo(Dossiers.State.RETURNED);
        assertThat(stored.onTime()).isTrue();
        assertThat(stored.history()).extracting(Dossiers.Event::noteVi).contains("Chuyen phong Tu phap");
        assertThat(new SignatureCheck(List.of(pki.root())).check(clerk.certifiedCopy(d.id())).valid()).isTrue();

        // Refusing needs a reason, and gives the citizen the refusal slip.
        WaitForAsyncUtils.asyncFx(() -> table(robot).getSelectionModel().select(
                table(robot).getItems().stream().filter(s -> s.id() == late.id()).findFirst().orElseThrow())).get();
        waitFor(() -> text(robot, "#tracking-selected").startsWith(late.code()));
        click(robot, "#move-REFUSED");
        waitFor(() -> text(robot, "#tracking-message").contains("lý do"));
        assertThat(clerk.dossier(late.id()).state()).isEqualTo(Dossiers.State.RECEIVED);
        click(robot, "#tracking-note");
        robot.write("Nha o chua du dien tich toi thieu");
        click(robot, "#move-REFUSED");
        waitFor(() -> text(robot, "#tracking-message").startsWith("Đã in phiếu từ chối " + late.code()));
        assertThat(branch.printer().jobsPrinted()).isEqualTo(1);
        assertThat(clerk.dossier(late.id()).state()).isEqualTo(Dossiers.State.REFUSED);

        robot.press(KeyCode.ESCAPE).release(KeyCode.ESCAPE);
        waitFor(() -> !isShown(robot, "#tracking") && isShown(robot, "#next"));
        assertThat(branch.scene().desk().dossiers().tracking().selectedProperty().get()).as("personal data dropped").isNull();
    }

    private static TableView<Dossiers.Summary> table(FxRobot robot) {
        return robot.lookup("#tracking-table").queryAs(TableView.class);
    }

    private static int rows(FxRobot robot) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> table(robot).getItems().size()).get(5, TimeUnit.SECONDS);
    }
}
