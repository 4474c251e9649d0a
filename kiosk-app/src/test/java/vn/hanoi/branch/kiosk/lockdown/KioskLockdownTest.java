package vn.hanoi.branch.kiosk.lockdown;

import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import vn.hanoi.branch.agent.auth.Principal;
import vn.hanoi.branch.agent.testing.TestAgent;
import vn.hanoi.branch.kiosk.KioskOptions;
import vn.hanoi.branch.kiosk.KioskShell;
import vn.hanoi.branch.printer.escpos.PrinterProfile;
import vn.hanoi.branch.printer.escpos.VietnameseMode;
import vn.hanoi.branch.testkit.printer.PtyPair;
import vn.hanoi.branch.testkit.printer.SerialPrinterEmulator;
import vn.hanoi.branch.code.TicketQr;
import vn.hanoi.branch.api.DeviceKind;
import vn.hanoi.branch.api.Role;
import vn.hanoi.branch.api.Sessions;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static vn.hanoi.branch.kiosk.KioskScene.PATIENCE;
import static vn.hanoi.branch.kiosk.KioskScene.awaitShown;
import static vn.hanoi.branch.kiosk.KioskScene.eventually;
import static vn.hanoi.branch.kiosk.KioskScene.isShown;
import static vn.hanoi.branch.kiosk.KioskScene.text;
import static vn.hanoi.branch.kiosk.KioskScene.visibleChain;

/**
 * The whole kiosk window ({@link KioskShell}) locked down, against a real agent: the close request is
 * refused, the hidden gesture opens the IT sign-in, the agent decides who is IT, and the settings
 * screen drives the real devices (ESC/POS bytes through a socat pty pair to a printer emulator, a serial
 * scanner on another pty) and writes kiosk.properties, which the restarted kiosk then runs with.
 */
@ExtendWith(ApplicationExtension.class)
class KioskLockdownTest {
    /** 15 mm on a 21.5" 1920x1080 kiosk panel (about 102 dpi). */
    private static final double MIN_TOUCH_PX = 15 / 25.4 * 102;
    private static TestAgent agent;
    private static Sessions.Login it;
    private static Path root;

    private final AtomicBoolean exited = new AtomicBoolean();
    private Stage stage;
    private Path stateDir;
    private List<String> args;
    private KioskShell shell;

    @BeforeAll
    static void startAgent() throws Exception {
        agent = TestAgent.start();
        // IT's account with a digits-only PIN (the agent asks for 10 characters at least), typed on the screen keys.
        it = new Sessions.Login("it7", "2468013579");
        agent.agent().auth().createUser(Principal.SYSTEM, new Sessions.NewUser(it.username(), "IT Thử nghiệm",
                it.password(), Role.IT));
        // Short paths: the test types the pty paths on the settings screen, key by key.
        root = Files.createTempDirectory("kl");
    }

    @AfterAll
    static void stopAgent() {
        agent.close();
    }

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        stateDir = Files.createTempDirectory(root, "state");
        args = List.of("--agent", agent.baseUrl(), "--pairing-code", agent.pairingCode(DeviceKind.KIOSK),
                "--state-dir", stateDir.toString(), "--idle-seconds", "30");
        shell = new KioskShell(stage, args, () -> exited.set(true));
        shell.start();
    }

    @AfterEach
    void stop() throws Exception {
        WaitForAsyncUtils.asyncFx(shell::close).get(10, TimeUnit.SECONDS);
    }

    @Test
    void lockedFullScreenRefusesCloseAndOnlyAnItAccountGetsIn(FxRobot robot) throws Exception {
        awaitShown(robot, "#service-HT");
        assertThat(stage.isFullScreen()).isTrue();
        assertThat(stage.getFullScreenExitKeyCombination()).isEqualTo(KeyCombination.NO_MATCH);
        assertThat(stage.isAlwaysOnTop()).isTrue();

        // What the window manager sends for Alt+F4 or a close button: unconsumed, the stage would hide.
        robot.interact(() -> stage.fireEvent(new WindowEvent(stage, WindowEvent.WINDOW_CLOSE_REQUEST)));
        assertThat(stage.isShowing()).isTrue();

        // A tap on the corner is a citizen's: nothing opens.
        Point2D corner = new Point2D(stage.getX() + stage.getScene().getX() + 20, stage.getY() + stage.getScene().getY() + 20);
        robot.moveTo(corner).press(MouseButton.PRIMARY);
        await().during(Duration.ofMillis(600)).atMost(Duration.ofSeconds(5)).until(() -> !shell.itOpen());
        robot.release(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(shell.itOpen()).isFalse();
        // Held three seconds: IT's sign-in.
        robot.press(MouseButton.PRIMARY);
        await().atLeast(Duration.ofMillis((long) ItGesture.HOLD.toMillis() - 100)).atMost(PATIENCE).until(shell::itOpen);
        robot.release(MouseButton.PRIMARY);
        awaitShown(robot, "#it-username");

        signIn(robot, TestAgent.CLERK, TestAgent.CLERK_PASSWORD);
        eventually().until(() -> text(robot, "#it-message").contains("không phải tài khoản IT")
                && text(robot, "#it-message").contains("not an IT account"));
        assertThat(isShown(robot, "#it-menu")).isFalse();

        signIn(robot, it.username(), "wrong-pin");
        eventually().until(() -> text(robot, "#it-message").contains("Tên đăng nhập hoặc mật khẩu không đúng"));
        signIn(robot, it.username(), "wrong-again");
        eventually().until(() -> text(robot, "#it-message").contains("thử lại sau 60 giây"));
        // Locked at the kiosk: even the right PIN waits out the minute.
        signIn(robot, it.username(), it.password());
        eventually().until(() -> text(robot, "#it-message").contains("thử lại sau"));
        assertThat(isShown(robot, "#it-menu")).isFalse();
        assertThat(exited).isFalse();
    }

    @Test
    void itChangesThePrinterTestsEveryDeviceSavesAndTheKioskRunsWithIt(FxRobot robot) throws Exception {
        awaitShown(robot, "#service-HT");
        robot.press(KeyCode.CONTROL, KeyCode.ALT, KeyCode.I).release(KeyCode.I, KeyCode.ALT, KeyCode.CONTROL);
        awaitShown(robot, "#it-username");
        // The kiosk has no keyboard: IT taps the on-screen keys, Next moves to the PIN, Next again signs in.
        tapKeys(robot, it.username());
        robot.clickOn("#it-key-next");
        tapKeys(robot, it.password());
        assertThat(robot.lookup("#it-pin").queryTextInputControl().getText()).isEqualTo(it.password());
        robot.clickOn("#it-key-next");
        awaitShown(robot, "#it-settings");
        assertTouchTargets(robot, "#it-sign-in-screen");
        robot.clickOn("#it-settings");
        awaitShown(robot, "#printer-test");
        assertTouchTargets(robot, "#it-settings-screen");
        // The form starts from the running settings, and the device lists arriving later keep them.
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5))
                .until(() -> robot.lookup("#card-reader").<ComboBox<?>>query().getEditor().getText().equals("auto"));
        assertThat(robot.lookup("#agent-url").queryTextInputControl().getText()).isEqualTo(agent.baseUrl());

        try (PtyPair printerCable = PtyPair.start(root.resolve("p"));
             SerialPrinterEmulator printer = new SerialPrinterEmulator(printerCable.printerEnd(), PrinterProfile.TM_T88);
             PtyPair scannerCable = PtyPair.start(root.resolve("s"))) {
            String port = printerCable.hostEnd().toString();
            robot.clickOn(editor(robot, "#printer-port")).write(port);
            // A clone has no TCVN-3 table: its button is off and the clone's own mode is chosen; back on the
            // Epson, IT picks TCVN-3 from the test page.
            robot.clickOn("#printer-profile-generic");
            eventually().until(() -> robot.lookup("#printer-vietnamese-tcvn3").query().isDisabled());
            assertThat(robot.lookup("#printer-vietnamese-glyphs").queryAs(ToggleButton.class).isSelected()).isTrue();
            robot.clickOn("#printer-profile-tm-t88");
            robot.clickOn("#printer-vietnamese-tcvn3");
            robot.clickOn("#printer-test");
            eventually().until(() -> text(robot, "#printer-result").contains("Đã in trang thử"));
            assertThat(text(robot, "#printer-result")).contains("Test page printed").contains("Sẵn sàng");
            byte[] got = printer.received();
            assertThat(indexOf(got, new byte[] {0x10, 0x04})).as("status asked (DLE EOT)").isGreaterThanOrEqualTo(0);
            assertThat(indexOf(got, new byte[] {0x1B, 0x40})).as("printer initialised (ESC @)").isGreaterThanOrEqualTo(0);
            assertThat(got.length).as("a whole test page").isGreaterThan(500);
            assertThat(indexOf(got, new byte[] {0x1B, 't', 31})).as("TCVN-3 capitals table selected").isGreaterThanOrEqualTo(0);

            // Out of paper: the Test button says so, from the printer's own status answer.
            printer.state().paperOut(true);
            robot.clickOn("#printer-test");
            eventually().until(() -> text(robot, "#printer-result").contains("Máy in chưa in được: Hết giấy"));
            assertThat(text(robot, "#printer-result")).contains("The printer cannot print: Paper out");
            printer.state().ready();

            robot.clickOn("#agent-test");
            eventually().until(() -> text(robot, "#agent-result").contains("Máy chủ chi nhánh hoạt động"));
            assertThat(text(robot, "#agent-result")).contains(vn.hanoi.branch.agent.Agent.version()).contains(" ms");

            robot.clickOn(editor(robot, "#scanner-port")).write(scannerCable.hostEnd().toString());
            robot.clickOn("#scanner-test");
            eventually().until(() -> text(robot, "#scanner-result").contains("Hãy quét"));
            String ticket = new TicketQr("HN-CN01", LocalDate.now(), "1042").link();
            // The scanner port opens a moment after the button: scan again until the screen has it.
            eventually().pollInterval(Duration.ofMillis(300)).until(() -> {
                if (text(robot, "#scanner-result").contains("phiếu số thứ tự 1042")) {
                    return true;
                }
                scan(scannerCable.printerEnd(), ticket);
                return false;
            });

            robot.clickOn("#card-test");
            eventually().until(() -> !text(robot, "#card-result").isEmpty() && !text(robot, "#card-result").contains("Đang kiểm tra"));

            robot.clickOn("#settings-save");
            eventually().until(() -> !shell.itOpen());
            assertThat(Files.readString(stateDir.resolve("kiosk.properties"))).contains("printer.port=" + port);
            KioskOptions now = KioskOptions.resolve(args);
            assertThat(now.printerPort()).isEqualTo(port);
            assertThat(now.scannerPort()).isEqualTo(scannerCable.hostEnd().toString());
            assertThat(now.printerProfile()).isEqualTo(PrinterProfile.TM_T88.withVietnamese(VietnameseMode.TCVN3));

            // The restarted kiosk prints its tickets on the new port.
            printer.clearReceived();
            int receipts = printer.interpreter().receipts().size();
            awaitShown(robot, "#service-HT");
            robot.clickOn("#service-HT");
            awaitShown(robot, "#priority-none");
            robot.clickOn("#priority-none");
            awaitShown(robot, "#procedure-skip");
            robot.clickOn("#procedure-skip");
            assertThat(printer.awaitReceipts(receipts + 1, Duration.ofSeconds(15))).hasSize(receipts + 1);
        }

        // IT leaves the kiosk app: only now may the window close.
        robot.press(KeyCode.CONTROL, KeyCode.ALT, KeyCode.I).release(KeyCode.I, KeyCode.ALT, KeyCode.CONTROL);
        awaitShown(robot, "#it-username");
        signIn(robot, it.username(), it.password());
        awaitShown(robot, "#it-exit");
        robot.clickOn("#it-exit");
        eventually().untilTrue(exited);
    }

    private static void signIn(FxRobot robot, String user, String pin) throws Exception {
        awaitShown(robot, "#it-username");
        robot.interact(() -> robot.lookup("#it-username").queryTextInputControl().clear());
        robot.clickOn("#it-username").write(user);
        robot.clickOn("#it-pin").write(pin);
        robot.clickOn("#it-sign-in");
    }

    /** IT uses the kiosk's touch screen too: every button at least 15 mm each way on the kiosk panel. */
    private static void assertTouchTargets(FxRobot robot, String screen) {
        var buttons = robot.from(robot.lookup(screen).queryAll()).lookup((Node n) -> n instanceof ButtonBase && visibleChain(n))
                .queryAll();
        assertThat(buttons).isNotEmpty().allSatisfy(b -> assertThat(Math.min(b.getLayoutBounds().getWidth(),
                b.getLayoutBounds().getHeight())).as(b.getId()).isGreaterThanOrEqualTo(MIN_TOUCH_PX));
    }

    private static void tapKeys(FxRobot robot, String text) {
        for (char c : text.toCharArray()) {
            robot.clickOn("#it-key-" + (Character.isLetterOrDigit(c) ? String.valueOf(c) : switch (c) {
                case '@' -> "at";
                case '.' -> "dot";
                case '-' -> "dash";
                default -> "underscore";
            }));
        }
    }

    private static Node editor(FxRobot robot, String combo) {
        return robot.lookup(combo).<ComboBox<?>>query().getEditor();
    }

    /** What a 2D scanner in serial mode sends: the code's UTF-8 bytes and CR LF. */
    private static void scan(Path port, String code) throws Exception {
        try (OutputStream out = Files.newOutputStream(port, StandardOpenOption.WRITE)) {
            out.write((code + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
    }

    private static int indexOf(byte[] data, byte[] part) {
        outer:
        for (int i = 0; i + part.length <= data.length; i++) {
            for (int j = 0; j < part.length; j++) {
                if (data[i + j] != part[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
