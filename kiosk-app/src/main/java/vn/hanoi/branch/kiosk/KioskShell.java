package vn.hanoi.branch.kiosk;

import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.event.Event;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.TouchEvent;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.hanoi.branch.kiosk.identity.IdentityDevices;
import vn.hanoi.branch.kiosk.lockdown.ItGesture;
import vn.hanoi.branch.kiosk.lockdown.ItSignInModel;
import vn.hanoi.branch.kiosk.lockdown.ItSignInScreen;
import vn.hanoi.branch.kiosk.lockdown.Lockdown;
import vn.hanoi.branch.kiosk.pairing.PairingScreen;
import vn.hanoi.branch.kiosk.settings.ItSettingsModel;
import vn.hanoi.branch.kiosk.settings.ItSettingsScreen;
import vn.hanoi.branch.kiosk.ticket.TakeNumberModel;
import vn.hanoi.branch.printer.TicketPrinter;
import vn.hanoi.branch.printer.TicketPrinters;
import vn.hanoi.branch.printer.ReceiptPreview;
import vn.hanoi.branch.client.AgentLink;
import vn.hanoi.branch.client.AgentException;
import vn.hanoi.branch.client.DeviceState;
import vn.hanoi.branch.client.KioskClient;

import java.io.IOException;
import java.net.InetAddress;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The kiosk in one window: locked down unless {@code --windowed}; pairs once, then runs the
 * take-a-number screens with the devices the settings name; IT's sign-in and settings screen lie over
 * them when IT asks (hidden gesture). Leaving the settings restarts the screens and devices in this
 * JVM with the settings read again; a crash is the session script's to restart.
 */
public final class KioskShell implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(KioskShell.class);
    private static final String DEFAULT_AGENT = "http://127.0.0.1:8470";
    /** IT who walks away leaves the kiosk to the citizens again after this long untouched. */
    private static final javafx.util.Duration IT_IDLE = javafx.util.Duration.minutes(2);

    private final Stage stage;
    private final List<String> args;
    private final Runnable exitApp;
    private final ExecutorService background = Executors.newVirtualThreadPerTaskExecutor();
    private final StackPane content = new StackPane();
    private final StackPane overlay = new StackPane();
    private final PauseTransition itIdle = new PauseTransition(IT_IDLE);
    private KioskOptions options;
    private DeviceState state;
    private Lockdown lockdown;
    private ItSignInModel signIn;
    private volatile KioskClient client;
    private TicketPrinter printer;
    private IdentityDevices devices;
    private IdleReset idleReset;
    /** The pairing screen is up: there is no agent to check an IT account against. */
    private boolean unpaired;
    /** Counts restarts: a pairing answer from before a restart must not show an old kiosk. */
    private int generation;

    /**
     * @param args    the command line (the settings file is read with it, at start and on each restart)
     * @param exitApp ends the application (Platform::exit); called after IT chose to exit
     */
    public KioskShell(Stage stage, List<String> args, Runnable exitApp) {
        this.stage = stage;
        this.args = List.copyOf(args);
        this.exitApp = exitApp;
    }

    /** Call on the FX thread. */
    public void start() {
        options = KioskOptions.resolve(args);
        state = new DeviceState(options.stateDir());
        stage.setTitle("Kiosk – Lấy số thứ tự");
        overlay.setVisible(false);
        StackPane root = new StackPane(content, overlay);
        root.getStylesheets().add(KioskView.STYLESHEET);
        // Locked, the window is the whole panel from the first frame (layout never starts at a smaller size).
        javafx.geometry.Rectangle2D screen = javafx.stage.Screen.getPrimary().getBounds();
        Scene scene = options.windowed() ? new Scene(root, 1280, 800) : new Scene(root, screen.getWidth(), screen.getHeight());
        stage.setScene(scene);
        lockdown = Lockdown.apply(stage, !options.windowed());
        signIn = new ItSignInModel(() -> client, background, Platform::runLater, Clock.systemUTC());
        new ItGesture(scene, this::openIt);
        itIdle.setOnFinished(e -> {
            LOG.info("IT screens left untouched for {} min: back to the citizens' screens", IT_IDLE.toMinutes());
            restartKiosk();
        });
        for (var type : List.of(MouseEvent.MOUSE_PRESSED, KeyEvent.KEY_PRESSED, TouchEvent.TOUCH_PRESSED)) {
            scene.addEventFilter(type, (Event e) -> {
                if (overlay.isVisible()) {
                    itIdle.playFromStart();
                }
            });
        }
        stage.show();
        connect(options.pairingCode());
    }

    /** True while IT's sign-in or settings lie over the kiosk. */
    public boolean itOpen() {
        return overlay.isVisible();
    }

    private void connect(String code) {
        int gen = generation;
        String agentUrl = options.agentUrl();
        background.execute(() -> {
            try {
                Optional<KioskClient> c = state.paired(code != null && agentUrl == null ? DEFAULT_AGENT : agentUrl, code,
                        deviceName()).map(s -> AgentLink.to(s.agentUrl()).kiosk(s.deviceToken()));
                Platform.runLater(() -> {
                    if (gen == generation) {
                        c.ifPresentOrElse(this::showKiosk, () -> showPairing(null));
                    }
                });
            } catch (AgentException e) {
                Platform.runLater(() -> {
                    if (gen == generation) {
                        showPairing(e);
                    }
                });
            } catch (IOException e) {
                LOG.error("cannot save pairing in {}", options.stateDir(), e);
                Platform.runLater(() -> showPairing(null));
            }
        });
    }

    private void showPairing(AgentException error) {
        unpaired = true;
        PairingScreen p = new PairingScreen(this::connect);
        if (error != null) {
            p.failed(error.error().messageVi(), error.error().messageEn());
        }
        content.getChildren().setAll(p.root());
    }

    private void showKiosk(KioskClient agent) {
        unpaired = false;
        client = agent;
        printer = TicketPrinters.open(options.printerPort(), options.printerProfile(), options.printerBaud(),
                options.stateDir().resolve("receipts"));
        ReceiptPreview onScreen = printer instanceof ReceiptPreview v ? v : null;
        if (onScreen == null) {
            LOG.info("ticket printer: {} (Vietnamese: {}) on {} at {} baud", options.printerProfile().id(),
                    options.printerProfile().vietnamese().id(), options.printerPort(), options.printerBaud());
        }
        TakeNumberModel model = new TakeNumberModel(agent, printer, background, Platform::runLater);
        if (options.qrBase() != null) {
            model.setLookupBase(options.qrBase());
        }
        content.getChildren().setAll(KioskView.create(model, onScreen));
        devices = IdentityDevices.start(options, model, stage.getScene(), background);
        idleReset = new IdleReset(stage.getScene(), model, javafx.util.Duration.millis(options.idle().toMillis()),
                javafx.util.Duration.millis(options.ticketShown().toMillis()));
        model.stepProperty().addListener(new javafx.beans.value.ChangeListener<>() {
            @Override
            public void changed(javafx.beans.value.ObservableValue<? extends TakeNumberModel.Step> o,
                                TakeNumberModel.Step before, TakeNumberModel.Step now) {
                if (now == TakeNumberModel.Step.CHOOSE) {
                    // Measured by the start-up benchmark; also tells IT how long a restart keeps the kiosk dark.
                    LOG.info("kiosk ready: services shown {} ms after JVM start", System.currentTimeMillis()
                            - java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime());
                    o.removeListener(this);
                }
            }
        });
        model.start();
    }

    /** The hidden gesture: IT signs in (an unpaired kiosk has nobody to ask, so its settings open directly). */
    private void openIt() {
        if (overlay.isVisible()) {
            return;
        }
        if (unpaired) {
            // Nothing to protect yet, and IT may need the agent's address to pair at all. No exit from here.
            openSettings();
            return;
        }
        if (client == null) {
            return; // still connecting: a moment later the agent can check who asks
        }
        show(new ItSignInScreen(signIn, this::openSettings, this::exitKiosk, this::closeIt).root());
    }

    private void openSettings() {
        // The devices are IT's while the screen is open: the tests open the same ports and readers.
        stopSession();
        String agentNow = state.load().map(DeviceState.Saved::agentUrl).orElse(options.agentUrl());
        ItSettingsModel model = new ItSettingsModel(options, KioskOptions.fixedByCommandLine(args), agentNow,
                deviceName(), background, Platform::runLater, this::restartKiosk);
        show(new ItSettingsScreen(model, this::restartKiosk).root());
    }

    private void show(Parent screen) {
        overlay.getChildren().setAll(screen);
        overlay.setVisible(true);
        itIdle.playFromStart();
    }

    private void closeIt() {
        signIn.signOut();
        itIdle.stop();
        overlay.setVisible(false);
        overlay.getChildren().clear();
    }

    /** Reads the settings again and starts the kiosk's screens and devices anew (after IT's settings). */
    private void restartKiosk() {
        closeIt();
        stopSession();
        generation++;
        try {
            options = KioskOptions.resolve(args);
        } catch (IllegalArgumentException e) {
            LOG.error("settings not usable, the kiosk keeps the previous ones: {}", e.getMessage());
        }
        state = new DeviceState(options.stateDir());
        client = null;
        unpaired = false;
        content.getChildren().clear();
        LOG.info("kiosk restarting its screens and devices with the settings of {}", options.stateDir());
        connect(options.pairingCode());
    }

    private void exitKiosk() {
        LOG.info("IT closed the kiosk app");
        closeIt();
        lockdown.allowExit();
        exitApp.run();
    }

    private void stopSession() {
        if (idleReset != null) {
            idleReset.close();
            idleReset = null;
        }
        if (devices != null) {
            devices.close();
            devices = null;
        }
        if (printer != null) {
            printer.close();
            printer = null;
        }
    }

    private static String deviceName() {
        try {
            return "Kiosk " + InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "Kiosk";
        }
    }

    @Override
    public void close() {
        itIdle.stop();
        background.shutdownNow();
        stopSession();
    }
}
