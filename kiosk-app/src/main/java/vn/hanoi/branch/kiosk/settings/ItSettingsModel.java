package vn.hanoi.branch.kiosk.settings;

import com.fazecast.jSerialComm.SerialPort;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.hanoi.branch.card.CardTerminalWatcher;
import vn.hanoi.branch.kiosk.KioskOptions;
import vn.hanoi.branch.printer.escpos.PrinterProfile;
import vn.hanoi.branch.printer.escpos.VietnameseMode;
import vn.hanoi.branch.api.Pairing;
import vn.hanoi.branch.client.AgentLink;
import vn.hanoi.branch.client.AgentException;
import vn.hanoi.branch.client.DeviceState;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * The IT settings screen without its controls: the kiosk's device settings as IT edits them, the
 * test of each device, re-pairing with an agent, and saving to {@code kiosk.properties}. Tests run on
 * the background executor and report on the UI thread; every result is bilingual.
 */
public final class ItSettingsModel {
    /** How long the scanner test waits for a scan: enough to fetch a card or a ticket from a pocket. */
    public static final Duration SCAN_WAIT = Duration.ofSeconds(15);
    private static final Logger LOG = LoggerFactory.getLogger(ItSettingsModel.class);

    private final Path stateDir;
    private final Set<String> fixedByCommandLine;
    private final Executor background;
    private final Executor ui;
    private final Runnable onSaved;
    private final String deviceName;

    private final StringProperty printerPort = new SimpleStringProperty("");
    private final ObjectProperty<PrinterProfile> printerProfile = new SimpleObjectProperty<>(PrinterProfile.TM_T88);
    private final ObjectProperty<VietnameseMode> printerVietnamese = new SimpleObjectProperty<>(VietnameseMode.WINDOWS_1258);
    private final StringProperty printerBaud = new SimpleStringProperty("9600");
    private final StringProperty scannerPort = new SimpleStringProperty("");
    private final StringProperty scannerBaud = new SimpleStringProperty("9600");
    private final StringProperty cardReader = new SimpleStringProperty("auto");
    private final StringProperty agentUrl = new SimpleStringProperty("");
    private final StringProperty pairingCode = new SimpleStringProperty("");
    private final ObservableList<String> ports = FXCollections.observableArrayList();
    private final ObservableList<String> readers = FXCollections.observableArrayList("auto", "none");
    private final SimpleObjectProperty<CheckResult> printerResult = new SimpleObjectProperty<>();
    private final SimpleObjectProperty<CheckResult> cardResult = new SimpleObjectProperty<>();
    private final SimpleObjectProperty<CheckResult> scannerResult = new SimpleObjectProperty<>();
    private final SimpleObjectProperty<CheckResult> agentResult = new SimpleObjectProperty<>();
    private final SimpleObjectProperty<CheckResult> saveResult = new SimpleObjectProperty<>();
    private final BooleanProperty busy = new SimpleBooleanProperty();

    /**
     * @param current            the options the kiosk runs with now (the form starts from them)
     * @param fixedByCommandLine settings-file keys the command line overrides: saving them changes nothing
     *                           until the start script drops the option, and the screen says so
     * @param onSaved            called on the UI thread after a save: the kiosk restarts with the new settings
     */
    public ItSettingsModel(KioskOptions current, Set<String> fixedByCommandLine, String agentUrlNow, String deviceName,
                           Executor background, Executor ui, Runnable onSaved) {
        this.stateDir = current.stateDir();
        this.fixedByCommandLine = Set.copyOf(fixedByCommandLine);
        this.background = background;
        this.ui = ui;
        this.onSaved = onSaved;
        this.deviceName = deviceName;
        printerPort.set(current.printerPort() == null ? "" : current.printerPort());
        printerProfile.set(PrinterProfile.byId(current.printerProfile().id()));
        printerVietnamese.set(current.printerProfile().vietnamese());
        // A profile without the chosen mode falls back to its own default, so the form always holds a valid pair.
        printerProfile.addListener((o, was, now) -> {
            if (!now.modes().contains(printerVietnamese.get())) {
                printerVietnamese.set(now.vietnamese());
            }
        });
        printerBaud.set(Integer.toString(current.printerBaud()));
        scannerPort.set(current.scannerPort() == null ? "" : current.scannerPort());
        scannerBaud.set(Integer.toString(current.scannerBaud()));
        cardReader.set(current.cardReader());
        agentUrl.set(agentUrlNow == null ? "" : agentUrlNow);
    }

    public StringProperty printerPortProperty() { return printerPort; }

    public ObjectProperty<PrinterProfile> printerProfileProperty() { return printerProfile; }

    /** How Vietnamese reaches the printer; one of the profile's {@link PrinterProfile#modes()}. */
    public ObjectProperty<VietnameseMode> printerVietnameseProperty() { return printerVietnamese; }

    public StringProperty printerBaudProperty() { return printerBaud; }

    public StringProperty scannerPortProperty() { return scannerPort; }

    public StringProperty scannerBaudProperty() { return scannerBaud; }

    public StringProperty cardReaderProperty() { return cardReader; }

    public StringProperty agentUrlProperty() { return agentUrl; }

    public StringProperty pairingCodeProperty() { return pairingCode; }

    /** Serial ports jSerialComm sees (pseudo-terminals are never listed: type their path). */
    public ObservableList<String> ports() { return ports; }

    /** "auto", "none" and the PC/SC readers present. */
    public ObservableList<String> readers() { return readers; }

    public ReadOnlyObjectProperty<CheckResult> printerResultProperty() { return printerResult; }

    public ReadOnlyObjectProperty<CheckResult> cardResultProperty() { return cardResult; }

    public ReadOnlyObjectProperty<CheckResult> scannerResultProperty() { return scannerResult; }

    public ReadOnlyObjectProperty<CheckResult> agentResultProperty() { return agentResult; }

    public ReadOnlyObjectProperty<CheckResult> saveResultProperty() { return saveResult; }

    /** True while pairing or saving: the Save and Pair buttons wait. */
    public ReadOnlyBooleanProperty busyProperty() { return busy; }

    public Set<String> fixedByCommandLine() { return fixedByCommandLine; }

    /** Lists the serial ports and card readers again (devices plugged in since the screen opened). */
    public void refreshLists() {
        background.execute(() -> {
            List<String> found = new ArrayList<>();
            for (SerialPort p : SerialPort.getCommPorts()) {
                found.add(p.getSystemPortPath());
            }
            List<String> names = new ArrayList<>(List.of("auto", "none"));
            names.addAll(CardTerminalWatcher.readerNames());
            ui.execute(() -> {
                ports.setAll(found);
                readers.setAll(names);
            });
        });
    }

    public void testPrinter() {
        int baud;
        try {
            baud = positive(printerBaud.get());
        } catch (IllegalArgumentException e) {
            printerResult.set(CheckResult.of(false, "settings.badBaud"));
            return;
        }
        PrinterProfile profile = printerProfile.get().withVietnamese(printerVietnamese.get());
        run(printerResult, () -> PrinterCheck.run(printerPort.get(), profile, baud));
    }

    public void testCardReader() {
        run(cardResult, () -> CardReaderCheck.run(cardReader.get()));
    }

    public void testScanner() {
        int baud;
        try {
            baud = positive(scannerBaud.get());
        } catch (IllegalArgumentException e) {
            scannerResult.set(CheckResult.of(false, "settings.badBaud"));
            return;
        }
        run(scannerResult, () -> {
            ui.execute(() -> scannerResult.set(CheckResult.of(true, "settings.scanner.waiting", SCAN_WAIT.toSeconds())));
            return ScannerCheck.run(scannerPort.get(), baud, SCAN_WAIT);
        });
    }

    public void testAgent() {
        run(agentResult, () -> AgentCheck.run(agentUrl.get()));
    }

    /**
     * Pairs the kiosk with the agent at the address typed, using a code from {@code sync-agent
     * pairing-code --kind KIOSK}; the new token and address are saved at once, so that the restart
     * after Save (or after a crash) finds them together.
     */
    public void pair() {
        String url = agentUrl.get() == null ? "" : agentUrl.get().strip();
        String code = pairingCode.get() == null ? "" : pairingCode.get().strip();
        if (url.isEmpty() || code.isEmpty()) {
            agentResult.set(CheckResult.of(false, "settings.pair.missing"));
            return;
        }
        busy.set(true);
        agentResult.set(CheckResult.running());
        background.execute(() -> {
            CheckResult r;
            try {
                Pairing.Result p = AgentLink.to(url).pair(code, deviceName);
                new DeviceState(stateDir).save(new DeviceState.Saved(url, p.token(), p.deviceId(), p.name()));
                Map<String, String> values = KioskSettingsFile.load(stateDir);
                values.put(KioskSettingsFile.AGENT_URL, url);
                KioskSettingsFile.save(stateDir, values);
                LOG.info("kiosk paired again by IT as device {}", p.deviceId());
                r = CheckResult.of(true, "settings.pair.ok", p.name());
            } catch (AgentException e) {
                r = new CheckResult(false, e.error().messageVi(), e.error().messageEn());
            } catch (IOException | RuntimeException e) {
                LOG.error("pairing not saved in {}", stateDir, e);
                r = CheckResult.of(false, "settings.saveFailed", e.getMessage());
            }
            CheckResult result = r;
            ui.execute(() -> {
                busy.set(false);
                pairingCode.set("");
                agentResult.set(result);
            });
        });
    }

    /**
     * Checks the form as the kiosk would read it, writes {@code kiosk.properties} durably (keys the
     * screen does not show, such as {@code csca}, are kept), then lets the kiosk restart.
     */
    public void save() {
        Map<String, String> values;
        try {
            values = KioskSettingsFile.load(stateDir);
        } catch (IOException e) {
            values = new LinkedHashMap<>();
        }
        values.put(KioskSettingsFile.PRINTER_PORT, printerPort.get());
        values.put(KioskSettingsFile.PRINTER_PROFILE, printerProfile.get().id());
        values.put(KioskSettingsFile.PRINTER_BAUD, printerBaud.get());
        values.put(KioskSettingsFile.PRINTER_VIETNAMESE, printerVietnamese.get().id());
        values.put(KioskSettingsFile.SCANNER_PORT, scannerPort.get());
        values.put(KioskSettingsFile.SCANNER_BAUD, scannerBaud.get());
        values.put(KioskSettingsFile.CARD_READER, cardReader.get());
        values.put(KioskSettingsFile.AGENT_URL, agentUrl.get());
        try {
            KioskOptions.parse(KioskSettingsFile.asArguments(values));
        } catch (IllegalArgumentException e) {
            saveResult.set(CheckResult.of(false, "settings.invalid", e.getMessage()));
            return;
        }
        Map<String, String> toWrite = values;
        busy.set(true);
        background.execute(() -> {
            try {
                KioskSettingsFile.save(stateDir, toWrite);
                LOG.info("kiosk settings saved by IT in {}", KioskSettingsFile.path(stateDir));
                ui.execute(() -> {
                    busy.set(false);
                    saveResult.set(CheckResult.of(true, "settings.saved"));
                    onSaved.run();
                });
            } catch (IOException e) {
                LOG.error("kiosk settings not saved in {}", stateDir, e);
                ui.execute(() -> {
                    busy.set(false);
                    saveResult.set(CheckResult.of(false, "settings.saveFailed", e.getMessage()));
                });
            }
        });
    }

    private void run(SimpleObjectProperty<CheckResult> result, Supplier<CheckResult> check) {
        result.set(CheckResult.running());
        background.execute(() -> {
            CheckResult r;
            try {
                r = check.get();
            } catch (RuntimeException e) {
                LOG.warn("device test failed", e);
                r = CheckResult.of(false, "settings.testFailed", String.valueOf(e.getMessage()));
            }
            CheckResult done = r;
            ui.execute(() -> result.set(done));
        });
    }

    private static int positive(String s) {
        int n = Integer.parseInt(s == null ? "" : s.strip());
        if (n <= 0) {
            throw new IllegalArgumentException("not positive");
        }
        return n;
    }
}
