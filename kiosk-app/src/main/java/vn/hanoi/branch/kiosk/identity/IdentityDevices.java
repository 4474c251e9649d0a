package vn.hanoi.branch.kiosk.identity;

import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.input.KeyEvent;
import javafx.util.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.hanoi.branch.card.CccdReader;
import vn.hanoi.branch.card.PassiveAuthentication;
import vn.hanoi.branch.kiosk.KioskOptions;
import vn.hanoi.branch.kiosk.ticket.TakeNumberModel;
import vn.hanoi.branch.qr.DropReason;
import vn.hanoi.branch.qr.ScannerListener;
import vn.hanoi.branch.qr.ScannerSettings;
import vn.hanoi.branch.qr.SerialCodeScanner;
import vn.hanoi.branch.qr.WedgeCollector;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.Executor;

/**
 * The kiosk's identity devices as its options set them up: the card reader ({@link ChipSession}), a
 * 2D scanner in serial mode, and a scanner in keyboard mode (key bursts on the scene, told apart from
 * a person typing by {@link WedgeCollector}). All scans go to one {@link ScannedInput}.
 */
public final class IdentityDevices implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(IdentityDevices.class);

    private final ChipSession chip;
    private final SerialCodeScanner scanner;
    private final Timeline wedgeTick;
    private final Scene scene;
    private final javafx.event.EventHandler<KeyEvent> keys;

    private IdentityDevices(ChipSession chip, SerialCodeScanner scanner, Timeline wedgeTick, Scene scene,
                            javafx.event.EventHandler<KeyEvent> keys) {
        this.chip = chip;
        this.scanner = scanner;
        this.wedgeTick = wedgeTick;
        this.scene = scene;
        this.keys = keys;
    }

    /** Starts what the options ask for; call on the FX thread. A missing device never stops the kiosk. */
    public static IdentityDevices start(KioskOptions options, TakeNumberModel model, Scene scene, Executor background) {
        ChipSession chip = null;
        if (!"none".equalsIgnoreCase(options.cardReader())) {
            try {
                PassiveAuthentication pa = options.csca() == null ? PassiveAuthentication.withoutCsca()
                        : PassiveAuthentication.fromCertificateFiles(List.of(options.csca()));
                chip = new ChipSession(model, new CccdReader(CccdReader.Options.defaults().withAuthentication(pa)),
                        "auto".equalsIgnoreCase(options.cardReader()) ? null : options.cardReader(), background,
                        Platform::runLater).start();
            } catch (IOException | RuntimeException e) {
                LOG.error("card reader not started ({}): the kiosk works with QR codes only", e.getMessage());
            }
        }
        ScannedInput input = new ScannedInput(model, chip);
        SerialCodeScanner scanner = null;
        if (options.scannerPort() != null) {
            scanner = SerialCodeScanner.start(ScannerSettings.of(options.scannerPort(), options.scannerBaud()),
                    new ScannerListener() {
                        @Override
                        public void onCode(String code) {
                            Platform.runLater(() -> input.scanned(code));
                        }

                        @Override
                        public void onDropped(DropReason reason, int bytes) {
                            LOG.info("scanner input dropped: {} ({} bytes)", reason, bytes);
                        }
                    });
        }
        WedgeCollector wedge = new WedgeCollector(event -> {
            if (event instanceof WedgeCollector.Code c && c.source() == WedgeCollector.Source.SCANNER) {
                input.scanned(c.text());
            }
        });
        javafx.event.EventHandler<KeyEvent> keys = e -> wedge.typed(e.getCharacter());
        scene.addEventFilter(KeyEvent.KEY_TYPED, keys);
        Timeline tick = new Timeline(new KeyFrame(Duration.millis(150), e -> wedge.tick()));
        tick.setCycleCount(Timeline.INDEFINITE);
        tick.play();
        return new IdentityDevices(chip, scanner, tick, scene, keys);
    }

    @Override
    public void close() {
        // The scene outlives the devices: IT's settings screen stops them and the kiosk starts new ones.
        scene.removeEventFilter(KeyEvent.KEY_TYPED, keys);
        wedgeTick.stop();
        if (scanner != null) {
            scanner.close();
        }
        if (chip != null) {
            chip.close();
        }
    }
}
