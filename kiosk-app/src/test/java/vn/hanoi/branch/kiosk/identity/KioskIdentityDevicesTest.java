package vn.hanoi.branch.kiosk.identity;

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
import vn.hanoi.branch.kiosk.KioskScene;
import vn.hanoi.branch.kiosk.ticket.TakeNumberModel;
import vn.hanoi.branch.testkit.printer.VirtualPrinter;
import vn.hanoi.branch.testkit.printer.PtyPair;
import vn.hanoi.branch.code.TicketQr;
import vn.hanoi.branch.api.Ticket;
import vn.hanoi.branch.i18n.I18n;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.hanoi.branch.kiosk.KioskScene.eventually;
import static vn.hanoi.branch.kiosk.KioskScene.isShown;
import static vn.hanoi.branch.kiosk.KioskScene.text;

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

    private final VpcdCard vpcd = new VpcdCard();
    private PtyPair scanner;
    private KioskScene kiosk;
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
        kiosk = KioskScene.show(stage, agent.kioskClient(), new VirtualPrinter(null), null, null);
        model = kiosk.model();
        devices = IdentityDevices.start(options, model, kiosk.scene(), kiosk.background());
        kiosk.start();
    }

    @AfterEach
    void stopDevices() throws Exception {
        WaitForAsyncUtils.asyncFx(devices::close).get(10, TimeUnit.SECONDS);
        vpcd.close();
        scanner.close();
        kiosk.close();
    }

    @Test
    void scannedQrGreetsThenThePlacedCardIsReadAndVerified(FxRobot robot) throws Exception {
        FakeCitizen c = new FakeCitizens(41).next();
        eventually().until(() -> model.stepProperty().get() == TakeNumberModel.Step.CHOOSE);

        scan(c.qr().format());
        eventually().until(() -> model.session().citizenProperty().get() != null);
        assertThat(model.session().citizenProperty().get().source()).isEqualTo(Citizen.Source.QR);
        assertThat(model.session().citizenProperty().get().fullName()).isEqualTo(c.fullName());

        vpcd.insert(CccdApplet.of(CccdCardFiles.of(c).build()));
        eventually().until(() -> model.session().citizenProperty().get() != null
                && model.session().citizenProperty().get().source() == Citizen.Source.CHIP);
        Citizen chip = model.session().citizenProperty().get();
        assertThat(chip.idNumber()).isEqualTo(c.id());
        assertThat(chip.placeOfOrigin()).as("known from the chip only").isNotBlank();
        assertThat(chip.verdictVi()).isEqualTo("Dữ liệu chip nguyên vẹn, do cơ quan cấp thẻ ký");
        eventually().until(() -> text(robot, "#identity-source").contains("chip"));
        assertThat(model.session().noticeProperty().get()).isNull();
    }

    @Test
    void cardPlacedFirstAsksForTheQrThenOpensTheChip(FxRobot robot) throws Exception {
        FakeCitizen c = new FakeCitizens(42).next();
        eventually().until(() -> model.stepProperty().get() == TakeNumberModel.Step.CHOOSE);
        vpcd.insert(CccdApplet.of(CccdCardFiles.of(c).build()));
        eventually().until(() -> isShown(robot, "#notice")
                && text(robot, "#notice").contains(I18n.text("kiosk", I18n.VI, "identity.scanQrForChip")));

        scan(c.qr().format());
        eventually().until(() -> model.session().citizenProperty().get() != null
                && model.session().citizenProperty().get().source() == Citizen.Source.CHIP);
        assertThat(model.session().citizenProperty().get().fullName()).isEqualTo(c.fullName());
    }

    @Test
    void aTamperedChipIsRefusedWithAMessageAndTheQrDataStays(FxRobot robot) throws Exception {
        FakeCitizen c = new FakeCitizens(43).next();
        eventually().until(() -> model.stepProperty().get() == TakeNumberModel.Step.CHOOSE);
        scan(c.qr().format());
        vpcd.insert(CccdApplet.of(CccdCardFiles.of(c).tamper(13).build()));
        String tampered = CardException.message(CardException.Reason.TAMPERED, I18n.VI);
        eventually().until(() -> isShown(robot, "#notice") && text(robot, "#notice").contains(tampered));
        assertThat(model.session().citizenProperty().get().source()).isEqualTo(Citizen.Source.QR);
    }

    @Test
    void otherCodesMeanWhatTheySay(FxRobot robot) throws Exception {
        eventually().until(() -> model.stepProperty().get() == TakeNumberModel.Step.CHOOSE);
        scan("https://example.com/not-ours");
        String notId = CardException.message(CardException.Reason.QR_NOT_CITIZEN_ID, I18n.VI);
        eventually().until(() -> isShown(robot, "#notice") && text(robot, "#notice").contains(notId));

        // Half a card code (the scanner lost the end): damaged, not "not an ID card".
        scan("001150012345||Trần Thị Bích");
        String damaged = CardException.message(CardException.Reason.QR_DAMAGED, I18n.VI);
        eventually().until(() -> text(robot, "#notice").contains(damaged));
        assertThat(model.session().citizenProperty().get()).isNull();

        Ticket t = agent.kioskClient().issueTicket(3, UUID.randomUUID().toString());
        scan(new TicketQr("HN-CN01", t.businessDay(), t.displayNumber()).link());
        eventually().until(() -> isShown(robot, "#lookup-ticket"));
        assertThat(text(robot, "#lookup-ticket")).contains(t.displayNumber()).contains("đang chờ");
    }

    @Test
    void aServedTicketScannedAtTheKioskCanBeRated(FxRobot robot) throws Exception {
        eventually().until(() -> model.stepProperty().get() == TakeNumberModel.Step.CHOOSE);
        Ticket t = agent.kioskClient().issueTicket(4, UUID.randomUUID().toString());
        var clerk = agent.clerkClient();
        assertThat(clerk.callNext(4).id()).isEqualTo(t.id());
        clerk.finish(clerk.serve(t.id()).id());

        scan(new TicketQr("HN-CN01", t.businessDay(), t.displayNumber()).link());
        eventually().until(() -> isShown(robot, "#rate-VERY_SATISFIED"));
        robot.clickOn("#rate-VERY_SATISFIED");
        eventually().until(() -> isShown(robot, "#lookup-thanks"));
        assertThat(clerk.rating(t.id()).level()).isEqualTo(vn.hanoi.branch.api.Ratings.Level.VERY_SATISFIED);
    }

    /** What a 2D scanner in serial mode sends: the code's UTF-8 bytes and CR LF. */
    private void scan(String code) throws Exception {
        try (OutputStream out = Files.newOutputStream(scanner.printerEnd(), StandardOpenOption.WRITE)) {
            out.write((code + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
    }
}
