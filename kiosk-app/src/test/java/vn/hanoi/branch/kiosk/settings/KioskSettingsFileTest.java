package vn.hanoi.branch.kiosk.settings;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.hanoi.branch.kiosk.KioskOptions;
import vn.hanoi.branch.printer.escpos.PrinterProfile;
import vn.hanoi.branch.printer.escpos.VietnameseMode;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** kiosk.properties on disk, and the kiosk's options read from it with the command line over it. */
class KioskSettingsFileTest {
    @TempDir
    Path dir;

    @Test
    void savedSettingsAreTheKiosksOptionsAndTheCommandLineWins() throws Exception {
        Map<String, String> values = new LinkedHashMap<>();
        values.put(KioskSettingsFile.PRINTER_PORT, "/dev/ttyUSB3");
        values.put(KioskSettingsFile.PRINTER_PROFILE, "generic-58");
        values.put(KioskSettingsFile.PRINTER_BAUD, "38400");
        values.put(KioskSettingsFile.PRINTER_VIETNAMESE, "raster");
        values.put(KioskSettingsFile.SCANNER_PORT, "/dev/ttyACM0");
        values.put(KioskSettingsFile.CARD_READER, "none");
        values.put(KioskSettingsFile.AGENT_URL, "http://10.0.0.5:8470");
        values.put(KioskSettingsFile.QR_BASE, "https://tracuu.example.vn");
        values.put(KioskSettingsFile.IDLE_SECONDS, "45");
        values.put(KioskSettingsFile.SCANNER_BAUD, " ");
        KioskSettingsFile.save(dir, values);

        assertThat(Files.readString(dir.resolve("kiosk.properties"), StandardCharsets.UTF_8))
                .contains("printer.port=/dev/ttyUSB3").doesNotContain("scanner.baud");
        assertThat(dir.resolve("kiosk.properties.tmp")).doesNotExist();

        KioskOptions o = KioskOptions.resolve(List.of("--state-dir", dir.toString()));
        assertThat(o.printerPort()).isEqualTo("/dev/ttyUSB3");
        assertThat(o.printerProfile()).isEqualTo(PrinterProfile.GENERIC_58.withVietnamese(VietnameseMode.RASTER));
        assertThat(o.printerBaud()).isEqualTo(38400);
        assertThat(o.scannerPort()).isEqualTo("/dev/ttyACM0");
        assertThat(o.scannerBaud()).as("blank means the default").isEqualTo(9600);
        assertThat(o.cardReader()).isEqualTo("none");
        assertThat(o.agentUrl()).isEqualTo("http://10.0.0.5:8470");
        assertThat(o.qrBase()).isEqualTo("https://tracuu.example.vn");
        assertThat(o.idle()).isEqualTo(Duration.ofSeconds(45));

        KioskOptions pinned = KioskOptions.resolve(List.of("--state-dir", dir.toString(), "--printer-port", "/dev/ttyS0"));
        assertThat(pinned.printerPort()).isEqualTo("/dev/ttyS0");
        assertThat(pinned.printerBaud()).isEqualTo(38400);
        assertThat(KioskOptions.fixedByCommandLine(List.of("--state-dir", dir.toString(), "--printer-port", "/dev/ttyS0")))
                .containsExactly(KioskSettingsFile.PRINTER_PORT);
        assertThat(KioskOptions.parse(List.of("--state-dir", dir.toString())).printerPort())
                .as("parse alone reads no file").isNull();
    }

    @Test
    void aSecondSaveReplacesTheFileWhole() throws Exception {
        KioskSettingsFile.save(dir, Map.of(KioskSettingsFile.PRINTER_PORT, "/dev/ttyUSB0", KioskSettingsFile.CSCA, "/etc/csca.pem"));
        KioskSettingsFile.save(dir, Map.of(KioskSettingsFile.SCANNER_PORT, "/dev/ttyACM1"));
        assertThat(KioskSettingsFile.load(dir)).containsExactly(Map.entry(KioskSettingsFile.SCANNER_PORT, "/dev/ttyACM1"));
    }

    @Test
    void noFileMeansTheDefaultsAndABadValueNamesTheFile() throws Exception {
        KioskOptions o = KioskOptions.resolve(List.of("--state-dir", dir.toString()));
        assertThat(o.printerPort()).isNull();
        assertThat(o.cardReader()).isEqualTo("auto");

        Files.writeString(dir.resolve("kiosk.properties"), "printer.baud=fast\nprinter.portt=/dev/ttyUSB0\n");
        assertThatThrownBy(() -> KioskOptions.resolve(List.of("--state-dir", dir.toString())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("kiosk.properties").hasMessageContaining("--printer-baud needs a number");
        Files.writeString(dir.resolve("kiosk.properties"), "printer.portt=/dev/ttyUSB0\n");
        assertThat(KioskOptions.resolve(List.of("--state-dir", dir.toString())).printerPort())
                .as("a misspelt key is ignored, not fatal").isNull();
    }
}
