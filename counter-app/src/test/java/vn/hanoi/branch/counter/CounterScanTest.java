package vn.hanoi.branch.counter;

import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;
import vn.hanoi.branch.files.DurableFiles;
import vn.hanoi.branch.agent.testing.TestAgent;
import vn.hanoi.branch.counter.scan.ScanModel;
import vn.hanoi.branch.testkit.scan.SimulatedPages.Kind;
import vn.hanoi.branch.testkit.scan.SimulatedScanner;
import vn.hanoi.branch.api.Dossiers;
import vn.hanoi.branch.client.AgentClient;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.hanoi.branch.counter.FxSteps.click;
import static vn.hanoi.branch.counter.FxSteps.isShown;
import static vn.hanoi.branch.counter.FxSteps.text;
import static vn.hanoi.branch.counter.FxSteps.waitFor;

/**
 * The scan screen at the counter against a real agent: a simulated feeder batch into a dossier opened
 * from tracking, a page moved with Alt+Left, one turned, the blank back deleted, a page assigned to the
 * second checklist document, saved: the agent holds one PDF/A per document with the hash the screen
 * shows, and the local spool is gone.
 */
@ExtendWith(ApplicationExtension.class)
class CounterScanTest {
    private static final Dossiers.Applicant APPLICANT = new Dossiers.Applicant("Đỗ Thị Mẫu", "001199000123",
            LocalDate.of(1999, 9, 9), "0900000123", "Số 3 phố Thử, Hà Nội");

    private static AgentClient clerk;
    private static Path dir;

    @RegisterExtension
    static final CounterSceneExtension branch = new CounterSceneExtension().size(1400, 900).agent(CounterScanTest::startAgent)
            .beforeShow(scene -> scene.desk().dossiers().configureScanning(new SimulatedScanner(
                    List.of(Kind.TEXT, Kind.BLANK, Kind.TEXT, Kind.ONE_LINE), 2.0, 11, 0), dir.resolve("spool"), 150));

    /** An agent keeping the scanned documents in this test's folder. */
    private static TestAgent startAgent() throws Exception {
        dir = Files.createTempDirectory("scan-screen");
        TestAgent agent = TestAgent.start(Map.of("documents.dir", dir.resolve("documents").toString()));
        clerk = agent.clerkClient();
        return agent;
    }

    @Test
    void scanArrangeAssignAndSaveStoresOnePdfAPerDocumentWithItsHash(FxRobot robot) throws Exception {
        Dossiers.Dossier d = clerk.receiveDossier(new Dossiers.Reception(null, "1.004194", APPLICANT, List.of(), 0, null, false));
        branch.scene().signInAtCounter(robot, 1);
        robot.press(KeyCode.F11).release(KeyCode.F11);
        waitFor(() -> isShown(robot, "#tracking-table"));
        waitFor(() -> table(robot).getItems().stream().anyMatch(s -> s.id() == d.id()));
        WaitForAsyncUtils.asyncFx(() -> table(robot).getSelectionModel().select(
                table(robot).getItems().stream().filter(s -> s.id() == d.id()).findFirst().orElseThrow())).get();
        waitFor(() -> branch.scene().desk().dossiers().tracking().selectedProperty().get() != null);

        robot.press(KeyCode.F12).release(KeyCode.F12);
        ScanModel scan = branch.scene().desk().dossiers().scan();
        waitFor(() -> isShown(robot, "#scan-screen") && scan.documents().size() == 2 && !scan.busyProperty().get());
        assertThat(text(robot, "#scan-title")).contains(d.code());

        click(robot, "#scan-batch");
        waitFor(() -> scan.pages().size() == 4 && !scan.busyProperty().get());
        assertThat(scan.messageProperty().get()).isEmpty();
        // Blank-page removal set the blank back aside; it is marked on the strip.
        assertThat(scan.pages().get(1).blankProperty().get()).isTrue();
        assertThat(text(robot, "#scan-page-1 .label")).contains("Trang trắng");
        ScanModel.Page first = scan.pages().get(0);
        ScanModel.Page second = scan.pages().get(2);
        ScanModel.Page oneLine = scan.pages().get(3);
        // Spooled before shown: four page files on disk already.
        try (var files = Files.list(dir.resolve("spool").resolve(d.code()))) {
            assertThat(files.filter(f -> f.getFileName().toString().startsWith("page-")).count()).isEqualTo(4);
        }

        // Alt+Left on the strip moves the one-line page before the second text page.
        click(robot, "#scan-page-3");
        robot.press(KeyCode.ALT, KeyCode.LEFT).release(KeyCode.LEFT, KeyCode.ALT);
        waitFor(() -> scan.pages().indexOf(oneLine) == 2);
        // Turn the first page a quarter.
        click(robot, "#scan-page-0");
        click(robot, "#scan-rotate");
        waitFor(() -> first.quarterTurnsProperty().get() == 1);
        // Delete the blank back.
        click(robot, "#scan-page-1");
        robot.press(KeyCode.DELETE).release(KeyCode.DELETE);
        waitFor(() -> scan.pages().size() == 3);
        assertThat(scan.pages()).containsExactly(first, oneLine, second);
        // The last page is the proof of housing: assign it to the second document.
        click(robot, "#scan-page-2");
        FxSteps.pick(robot, "#scan-assign", "Giấy tờ chứng minh chỗ ở");
        waitFor(() -> "HOUSING".equals(second.documentTypeProperty().get()));

        click(robot, "#scan-save");
        waitFor(() -> scan.saved().size() == 2 && !scan.busyProperty().get());
        assertThat(scan.messageProperty().get()).isEmpty();
        assertThat(scan.allSaved()).isTrue();

        // What the agent holds: one row per document, the hashes the screen shows, whole files, queued for upload.
        Map<String, String> rows = new HashMap<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + branch.agent().databaseFile());
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT document_type, sha256, path FROM content_file WHERE kind = 'SCAN' "
                     + "AND city_confirmed_at IS NULL AND dossier_id = " + d.id())) {
            while (rs.next()) {
                rows.put(rs.getString(1), rs.getString(2));
                Path file = dir.resolve("documents/store").resolve(rs.getString(3));
                assertThat(DurableFiles.sha256Hex(Files.readAllBytes(file))).isEqualTo(rs.getString(2));
            }
        }
        assertThat(rows).containsOnlyKeys("CT01", "HOUSING");
        assertThat(rows.get("CT01")).isEqualTo(scan.saved().get("CT01").sha256());
        assertThat(rows.get("HOUSING")).isEqualTo(scan.saved().get("HOUSING").sha256());
        try (PDDocument ct01 = Loader.loadPDF(clerk.scan(d.id(), scan.saved().get("CT01").id()));
             PDDocument housing = Loader.loadPDF(clerk.scan(d.id(), scan.saved().get("HOUSING").id()))) {
            assertThat(ct01.getNumberOfPages()).isEqualTo(2);
            assertThat(housing.getNumberOfPages()).isEqualTo(1);
            // The turned page is landscape now; the one-line page is not.
            assertThat(ct01.getPage(0).getMediaBox().getWidth()).isGreaterThan(ct01.getPage(0).getMediaBox().getHeight());
            assertThat(ct01.getPage(1).getMediaBox().getWidth()).isLessThan(ct01.getPage(1).getMediaBox().getHeight());
        }
        assertThat(dir.resolve("spool").resolve(d.code())).doesNotExist(); // removed once the agent confirmed
        assertThat(text(robot, "#scan-status")).contains("Đã lưu 2 giấy tờ");
    }

    @SuppressWarnings("unchecked")
    private static TableView<Dossiers.Summary> table(FxRobot robot) {
        return (TableView<Dossiers.Summary>) robot.lookup("#tracking-table").query();
    }
}
