package vn.hanoi.branch.kiosk;

import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.input.KeyCombination;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.hanoi.branch.kiosk.pairing.PairingScreen;
import vn.hanoi.branch.kiosk.identity.IdentityDevices;
import vn.hanoi.branch.kiosk.ticket.TakeNumberModel;
import vn.hanoi.branch.printer.TicketPrinter;
import vn.hanoi.branch.printer.TicketPrinters;
import vn.hanoi.branch.printer.VirtualPrinter;
import vn.hanoi.branch.shared.client.AgentClient;
import vn.hanoi.branch.shared.client.AgentException;
import vn.hanoi.branch.shared.device.DeviceState;

import java.io.IOException;
import java.net.InetAddress;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** The kiosk application: pairs once, then runs the take-a-number screens full screen. */
public final class KioskApp extends Application {
    private static final Logger LOG = LoggerFactory.getLogger(KioskApp.class);
    private static final String DEFAULT_AGENT = "http://127.0.0.1:8470";

    private final ExecutorService background = Executors.newVirtualThreadPerTaskExecutor();
    private KioskOptions options;
    private DeviceState state;
    private Stage stage;
    private TicketPrinter printer;
    private IdentityDevices devices;

    @Override
    public void start(Stage stage) {
        this.stage = stage;
        options = KioskOptions.parse(getParameters().getRaw());
        state = new DeviceState(options.stateDir());
        stage.setTitle("Kiosk – Lấy số thứ tự");
        stage.setFullScreenExitKeyCombination(KeyCombination.NO_MATCH);
        stage.setFullScreenExitHint("");
        background.execute(() -> connect(options.pairingCode(), null));
        stage.setScene(new Scene(new javafx.scene.layout.StackPane(), 1280, 800));
        if (!options.windowed()) {
            stage.setFullScreen(true);
        }
        stage.show();
    }

    private void connect(String code, PairingScreen screen) {
        String agentUrl = options.agentUrl();
        try {
            Optional<AgentClient> client = state.pairedClient(
                    code != null && agentUrl == null ? DEFAULT_AGENT : agentUrl, code, "Kiosk " + hostName());
            Platform.runLater(() -> client.ifPresentOrElse(this::showKiosk, () -> showPairing(null)));
        } catch (AgentException e) {
            Platform.runLater(() -> showPairing(e));
        } catch (IOException e) {
            LOG.error("cannot save pairing in {}", options.stateDir(), e);
            Platform.runLater(() -> showPairing(null));
        }
    }

    private void showPairing(AgentException error) {
        PairingScreen p = new PairingScreen(c -> background.execute(() -> connect(c, null)));
        if (error != null) {
            p.failed(error.error().messageVi(), error.error().messageEn());
        }
        setRoot(p.root());
    }

    private void showKiosk(AgentClient client) {
        printer = TicketPrinters.open(options.printerPort(), options.printerProfile(), options.printerBaud(),
                options.stateDir().resolve("receipts"));
        VirtualPrinter onScreen = printer instanceof VirtualPrinter v ? v : null;
        if (onScreen == null) {
            LOG.info("ticket printer: {} on {} at {} baud", options.printerProfile().id(), options.printerPort(),
                    options.printerBaud());
        }
        TakeNumberModel model = new TakeNumberModel(client, printer, background, Platform::runLater);
        if (options.qrBase() != null) {
            model.setLookupBase(options.qrBase());
        }
        setRoot(KioskView.create(model, onScreen));
        devices = IdentityDevices.start(options, model, stage.getScene(), background);
        new IdleReset(stage.getScene(), model, javafx.util.Duration.millis(options.idle().toMillis()),
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

    private void setRoot(Parent root) {
        stage.getScene().setRoot(root);
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "kiosk";
        }
    }

    @Override
    public void stop() {
        background.shutdownNow();
        if (devices != null) {
            devices.close();
        }
        if (printer != null) {
            printer.close();
        }
    }
}
