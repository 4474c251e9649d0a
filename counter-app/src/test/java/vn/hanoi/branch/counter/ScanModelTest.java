package vn.hanoi.branch.counter;

import javafx.application.Platform;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.hanoi.branch.agent.testing.TestAgent;
import vn.hanoi.branch.counter.scan.ScanModel;
import vn.hanoi.branch.counter.scan.ScanSpool;
import vn.hanoi.branch.scan.ScanException;
import vn.hanoi.branch.scan.ScanSettings;
import vn.hanoi.branch.scan.ScanSource;
import vn.hanoi.branch.testkit.scan.SimulatedPages;
import vn.hanoi.branch.testkit.scan.SimulatedPages.Kind;
import vn.hanoi.branch.testkit.scan.SimulatedScanner;
import vn.hanoi.branch.api.Dossiers;
import vn.hanoi.branch.client.DeskClient;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The scan model without a screen (work and UI updates run in the calling thread): a crashed app
 * reopens its spooled pages, a jam or a stop keeps what was read, and nothing counts as saved, nor is
 * the spool removed, unless the agent confirmed.
 */
class ScanModelTest {
    private static final Dossiers.Applicant APPLICANT = new Dossiers.Applicant("Lê Văn Giả", "001080000009",
            LocalDate.of(1980, 8, 8), "0900000009", "Số 9 phố Mẫu, Hà Nội");

    @TempDir
    Path dir;

    private static TestAgent agent;
    private static DeskClient clerk;
    private static Dossiers.Procedure procedure;
    private Dossiers.Dossier dossier;

    @BeforeAll
    static void toolkit() throws Exception {
        // Thumbnails are JavaFX images, which need the toolkit (headless Monocle in tests).
        CountDownLatch up = new CountDownLatch(1);
        try {
            Platform.startup(up::countDown);
        } catch (IllegalStateException already) {
            up.countDown();
        }
        up.await();
        agent = TestAgent.start();
        clerk = agent.deskClient();
        procedure = clerk.procedures().stream().filter(p -> p.code().equals("1.004194")).findFirst().orElseThrow();
    }

    @AfterAll
    static void stop() {
        agent.close();
    }

    @BeforeEach
    void newDossier() {
        dossier = clerk.receiveDossier(new Dossiers.Reception(null, "1.004194", APPLICANT, List.of(), 0, null, false));
    }

    private ScanModel model(ScanSource source, DeskClient client) {
        return new ScanModel(() -> client, source, dir.resolve("spool"), Runnable::run, Runnable::run, () -> TestAgent.CLERK,
                Clock.systemUTC(), 100, 0.6f);
    }

    private static SimulatedScanner feeder() {
        return new SimulatedScanner(List.of(Kind.TEXT, Kind.BLANK, Kind.TEXT, Kind.ONE_LINE), 2.0, 5, 0);
    }

    @Test
    void aCrashedAppReopensEverySpooledPageAsItWasThenSavesAndClearsTheSpool() throws Exception {
        ScanModel before = model(feeder(), clerk);
        before.open(dossier, procedure);
        before.scanBatch();
        assertThat(before.pages()).hasSize(4);
        before.rotate(before.pages().get(0));
        before.move(before.pages().get(3), -1);
        before.assign(before.pages().get(3), "HOUSING");
        List<String> files = before.pages().stream().map(ScanModel.Page::file).toList();
        // A page spooled just before the crash, the manifest not yet written after it.
        String late = new ScanSpool(dir.resolve("spool"), dossier.code())
                .addPage(SimulatedPages.render(Kind.TEXT, 100, ScanSettings.ColorMode.GRAY, 0, 9));
        // The app dies here: no close, no save.

        ScanModel after = model(feeder(), clerk);
        after.open(dossier, procedure);
        assertThat(after.pages()).hasSize(5);
        assertThat(after.pages().stream().map(ScanModel.Page::file).toList().subList(0, 4)).isEqualTo(files);
        assertThat(after.pages().get(4).file()).isEqualTo(late);
        assertThat(after.pages().get(0).quarterTurnsProperty().get()).isEqualTo(1);
        assertThat(after.pages().get(1).blankProperty().get()).isTrue();
        assertThat(after.pages().get(3).documentTypeProperty().get()).isEqualTo("HOUSING");
        assertThat(after.statusProperty().get()).contains("5 trang chưa lưu");

        after.save();
        assertThat(after.messageProperty().get()).isEmpty();
        assertThat(after.saved()).containsOnlyKeys("CT01", "HOUSING");
        assertThat(clerk.scans(dossier.id())).hasSize(2);
        assertThat(dir.resolve("spool").resolve(dossier.code())).doesNotExist();
    }

    @Test
    void aJamKeepsThePagesAlreadyReadAndTellsTheClerk() {
        ScanModel m = model(feeder().jamAfter(2), clerk);
        m.open(dossier, procedure);
        m.scanBatch();
        assertThat(m.pages()).hasSize(2);
        assertThat(m.messageProperty().get()).contains("Kẹt giấy", "Paper jam");
        assertThat(dir.resolve("spool").resolve(dossier.code()).resolve("manifest.json")).exists();
    }

    @Test
    void stopEndsABatchAfterThePageBeingRead() {
        ScanModel[] m = new ScanModel[1];
        ScanSource stopsAfterTwo = new ScanSource() {
            @Override
            public String name() {
                return "test";
            }

            @Override
            public int scan(ScanSettings s, PageSink sink, BooleanSupplier cancelled) throws ScanException {
                int[] n = {0};
                return feeder().scan(s, img -> {
                    sink.page(img);
                    if (++n[0] == 2) {
                        m[0].cancel(); // the clerk presses Stop while the second sheet is read
                    }
                }, cancelled);
            }
        };
        m[0] = model(stopsAfterTwo, clerk);
        m[0].open(dossier, procedure);
        m[0].scanBatch();
        assertThat(m[0].pages()).hasSize(2);
        assertThat(m[0].statusProperty().get()).startsWith("Đã dừng");
    }

    @Test
    void nothingIsSavedNorTheSpoolRemovedWhenTheAgentDidNotConfirm() throws Exception {
        TestAgent own = TestAgent.start();
        DeskClient c = own.deskClient();
        Dossiers.Dossier d = c.receiveDossier(new Dossiers.Reception(null, "1.004194", APPLICANT, List.of(), 0, null, false));
        ScanModel m = model(feeder(), c);
        m.open(d, procedure);
        m.scanBatch();
        own.close(); // the branch server goes away before Save
        m.save();
        assertThat(m.saved()).isEmpty();
        assertThat(m.messageProperty().get()).isNotBlank();
        try (var files = Files.list(dir.resolve("spool").resolve(d.code()))) {
            assertThat(files.filter(f -> f.getFileName().toString().startsWith("page-")).count()).isEqualTo(4);
        }
    }
}
