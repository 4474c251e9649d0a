package vn.hanoi.branch.kiosk.identity;

import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
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
import vn.hanoi.branch.card.CardException;
import vn.hanoi.branch.testkit.card.CccdApplet;
import vn.hanoi.branch.testkit.card.CccdCardFiles;
import vn.hanoi.branch.testkit.card.FakeCitizen;
import vn.hanoi.branch.testkit.card.FakeCitizens;
import vn.hanoi.branch.testkit.card.TestPki;
import vn.hanoi.branch.testkit.card.VpcdCard;
import vn.hanoi.branch.testkit.card.PcscDaemon;
import vn.hanoi.branch.kiosk.KioskOptions;
import vn.hanoi.branch.kiosk.KioskView;
import vn.hanoi.branch.kiosk.ticket.TakeNumberModel;
import vn.hanoi.branch.testkit.printer.VirtualPrinter;
import vn.hanoi.branch.testkit.printer.PtyPair;
import vn.hanoi.branch.code.TicketQr;
import vn.hanoi.branch.api.DeviceKind;
import vn.hanoi.branch.api.Ticket;
import vn.hanoi.branch.i18n.I18n;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The kiosk with its identity devices on the real paths: a 2D scanner in serial mode on a socat pty
 * pair, and the ID card chip through javax.smartcardio → pcscd → vpcd with the emulated card.
 */
@ExtendWith(ApplicationExtension.class)
class KioskIdentityDevicesTest {
    private static TestAgent agent;
    private static PcscDaemon pcscd;
    private static Path dir;
    private static Path csca;

    private final ExecutorService background = Executors.newVirtualThreadPerTaskExecutor();
    private final VpcdCard vpcd = new VpcdCard();
    private PtyPair scanner;
    private TakeNumberModel model;
    private IdentityDevices devices;

    @BeforeAll
    static void start() throws Exception {
        agent = TestAgent.start();
        pcscd = PcscDaemon.ensure();
        dir = Files.createTempDirectory("kiosk-devices");
        csca = TestPki.shared().writeCscaPem(dir.resolve("csca.pem"));
    }

    @AfterAll
    static void stop() throws Exception {
        pcscd.close();
        agent.close();
    }

    @Start
    void start(Stage stage) throws Exception {
        scanner = PtyPair.start(Files.createTempDirectory(dir, "pty"));
        KioskOptions options = KioskOptions.parse(List.of("--scanner-port", scanner.hostEnd().toString(),
                "--card-reader", VpcdCard.READER_NAME, "--csca", csca.toString()));
        model = new TakeNumberModel(agent.pairedClient(DeviceKind.KIOSK), new VirtualPrinter(null), background,
                Platform::runLater);
        Scene scene = new Scene(KioskView.create(model, null), 1920, 1080);
        stage.setScene(scene);
        stage.show();
        devices = IdentityDevices.start(options, model, scene, background);
        model.start();
    }

    @AfterEach
    void stopDevices() throws Exception {
        WaitForAsyncUtils.asyncFx(devices::close).get(10, TimeUnit.SECONDS);
        vpcd.close();
        scanner.close();
        background.shutdownNow();
    }

    @Test
    void scannedQrGreetsThenThePlacedCardIsReadAndVerified(FxRobot robot) throws Exception {
        FakeCitizen c = new FakeCitizens(41).next();
        waitFor(() -> model.stepProperty().get() == TakeNumberModel.Step.CHOOSE);

        scan(c.qr().format());
        waitFor(() -> model.citizenProperty().get() != null);
        assertThat(model.citizenProperty().get().source()).isEqualTo(Citizen.Source.QR);
        assertThat(model.citizenProperty().get().fullName()).isEqualTo(c.fullName());

        vpcd.insert(CccdApplet.of(CccdCardFiles.of(c).build()));
        waitFor(() -> model.citizenProperty().get() != null
                && model.citizenProperty().get().source() == Citizen.Source.CHIP);
        Citizen chip = model.citizenProperty().get();
        assertThat(chip.idNumber()).isEqualTo(c.id());
        assertThat(chip.placeOfOrigin()).as("known from the chip only").isNotBlank();
        assertThat(chip.verdictVi()).isEqualTo("Dữ liệu chip nguyên vẹn, do cơ quan cấp thẻ ký");
        waitFor(() -> text(robot, "#identity-source").contains("chip"));
        assertThat(model.noticeProperty().get()).isNull();
    }

    @Test
    void cardPlacedFirstAsksForTheQrThenOpensTheChip(FxRobot robot) throws Exception {
        FakeCitizen c = new FakeCitizens(42).next();
        waitFor(() -> model.stepProperty().get() == TakeNumberModel.Step.CHOOSE);
        vpcd.insert(CccdApplet.of(CccdCardFiles.of(c).build()));
        waitFor(() -> isShown(robot, "#notice")
                && text(robot, "#notice").contains(I18n.text("kiosk", I18n.VI, "identity.scanQrForChip")));

        scan(c.qr().format());
        waitFor(() -> model.citizenProperty().get() != null
                && model.citizenProperty().get().source() == Citizen.Source.CHIP);
        assertThat(model.citizenProperty().get().fullName()).isEqualTo(c.fullName());
    }

    @Test
    void aTamperedChipIsRefusedWithAMessageAndTheQrDataStays(FxRobot robot) throws Exception {
        FakeCitizen c = new FakeCitizens(43).next();
        waitFor(() -> model.stepProperty().get() == TakeNumberModel.Step.CHOOSE);
        scan(c.qr().format());
        vpcd.insert(CccdApplet.of(CccdCardFiles.of(c).tamper(13).build()));
        String tampered = CardException.message(CardException.Reason.TAMPERED, I18n.VI);
        waitFor(() -> isShown(robot, "#notice") && text(robot, "#notice").contains(tampered));
        assertThat(model.citizenProperty().get().source()).isEqualTo(Citizen.Source.QR);
    }

    @Test
    void otherCodesMeanWhatTheySay(FxRobot robot) throws Exception {
        waitFor(() -> model.stepProperty().get() == TakeNumberModel.Step.CHOOSE);
        scan("https://example.com/not-ours");
        String notId = CardException.message(CardException.Reason.QR_NOT_CITIZEN_ID, I18n.VI);
        waitFor(() -> isShown(robot, "#notice") && text(robot, "#notice").contains(notId));

        // Half a card code (the scanner lost the end): damaged, not "not an ID card".
        scan("001150012345||Trần Thị Bích");
        String damaged = CardException.message(CardException.Reason.QR_DAMAGED, I18n.VI);
        waitFor(() -> text(robot, "#notice").contains(damaged));
        assertThat(model.citizenProperty().get()).isNull();

        Ticket t = agent.pairedClient(DeviceKind.KIOSK).issueTicket(3, UUID.randomUUID().toString());
        scan(new TicketQr("HN-CN01", t.businessDay(), t.displayNumber()).link());
        waitFor(() -> isShown(robot, "#lookup-ticket"));
        assertThat(text(robot, "#lookup-ticket")).contains(t.displayNumber()).contains("đang chờ");
    }

    @Test
    void aServedTicketScannedAtTheKioskCanBeRated(FxRobot robot) throws Exception {
        waitFor(() -> model.stepProperty().get() == TakeNumberModel.Step.CHOOSE);
        Ticket t = agent.pairedClient(DeviceKind.KIOSK).issueTicket(4, UUID.randomUUID().toString());
        var clerk = agent.clerkClient();
        assertThat(clerk.callNext(4).id()).isEqualTo(t.id());
        clerk.finish(clerk.serve(t.id()).id());

        scan(new TicketQr("HN-CN01", t.businessDay(), t.displayNumber()).link());
        waitFor(() -> isShown(robot, "#rate-VERY_SATISFIED"));
        robot.clickOn("#rate-VERY_SATISFIED");
        waitFor(() -> isShown(robot, "#lookup-thanks"));
        assertThat(clerk.rating(t.id()).level()).isEqualTo(vn.hanoi.branch.api.Ratings.Level.VERY_SATISFIED);
    }

    /** What a 2D scanner in serial mode sends: the code's UTF-8 bytes and CR LF. */
    private void scan(String code) throws Exception {
        try (OutputStream out = Files.newOutputStream(scanner.printerEnd(), StandardOpenOption.WRITE)) {
            out.write((code + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
    }

    private static boolean isShown(FxRobot robot, String query) {
        return robot.lookup(query).tryQuery().map(KioskIdentityDevicesTest::visibleChain).orElse(false);
    }

    private static boolean visibleChain(Node n) {
        for (Node p = n; p != null; p = p.getParent()) {
            if (!p.isVisible()) {
                return false;
            }
        }
        return n.getScene() != null;
    }

    /** All the text of a label or of a two-line box. */
    private static String text(FxRobot robot, String query) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> robot.lookup(query).tryQuery().map(n -> n instanceof Label l ? l.getText()
                : n instanceof VBox b ? b.getChildren().stream().filter(x -> x instanceof Label)
                .map(x -> ((Label) x).getText()).reduce("", (a, x) -> a + x + "\n") : "").orElse(""))
                .get(5, TimeUnit.SECONDS);
    }

    private static void waitFor(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, condition);
    }
}
