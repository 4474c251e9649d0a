package vn.hanoi.branch.kiosk.printer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.hanoi.branch.kiosk.KioskOptions;
import vn.hanoi.branch.testkit.printer.EscPosInterpreter;
import vn.hanoi.branch.testkit.printer.EscPosInterpreter.Receipt;
import vn.hanoi.branch.printer.escpos.PrinterProfile;
import vn.hanoi.branch.printer.escpos.VietnameseMode;
import vn.hanoi.branch.testkit.printer.PtyPair;
import vn.hanoi.branch.testkit.printer.SerialPrinterEmulator;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The IT command against an emulated printer on a socat pty pair (socat is required). */
class PrinterToolTest {
    @TempDir
    Path dir;

    private static String run(List<String> args, int expectedExit) {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        int exit = PrinterTool.run(args, new PrintStream(buf, true, StandardCharsets.UTF_8));
        String out = buf.toString(StandardCharsets.UTF_8);
        assertThat(exit).as(out).isEqualTo(expectedExit);
        return out;
    }

    @Test
    void printTestPrintsTheVietnamesePageAndReportsStatus() throws Exception {
        try (PtyPair pty = PtyPair.start(dir);
             SerialPrinterEmulator printer = new SerialPrinterEmulator(pty.printerEnd(), PrinterProfile.GENERIC)) {
            String out = run(List.of("print-test", "--port", pty.hostEnd().toString(), "--profile", "generic",
                    "--baud", "115200"), 0);
            assertThat(out).contains("READY").contains("Test page printed");
            Receipt r = printer.awaitReceipts(1, Duration.ofSeconds(2)).getFirst();
            assertThat(printer.interpreter().errors()).isEmpty();
            assertThat(r.complete()).isTrue();
            assertThat(r.textLines()).contains("A123");
            assertThat(r.rasters()).isNotEmpty();

            printer.state().paperOut(true);
            assertThat(run(List.of("status", "--port", pty.hostEnd().toString()), 1)).contains("PAPER_OUT");
        }
        assertThat(run(List.of("status", "--port", dir.resolve("host").toString()), 1)).contains("DISCONNECTED");
        assertThat(run(List.of("print-test"), 2)).contains("--port is required");
    }

    @Test
    void printTicketPrintsTheKiosksTicketAndGarbageIsToldFromSilence() throws Exception {
        try (PtyPair pty = PtyPair.start(dir);
             SerialPrinterEmulator printer = new SerialPrinterEmulator(pty.printerEnd(), PrinterProfile.CLONE_QR)) {
            String port = pty.hostEnd().toString();
            String out = run(List.of("print-ticket", "--port", port, "--profile", "clone-qr", "--baud", "115200"), 0);
            assertThat(out).contains("Đã in phiếu mẫu").contains("Sample ticket printed");
            assertThat(out.indexOf("Đã in phiếu mẫu")).as("Vietnamese first").isLessThan(out.indexOf("Sample ticket printed"));
            Receipt r = printer.awaitReceipts(1, Duration.ofSeconds(2)).getFirst();
            assertThat(printer.interpreter().errors()).isEmpty();
            assertThat(printer.interpreter().definedGlyphs()).as("accented letters downloaded").isNotEmpty();
            String text = String.join(" ", r.textLines());
            assertThat(text).contains("Trung tâm Phục vụ hành chính công phường Cửa Nam", "Hộ tịch", "Civil status",
                    "A000", "ƯU TIÊN - Người cao tuổi", "Số người chờ trước bạn: 3", "Phiếu in thử");
            assertThat(r.qrCodes()).singleElement().satisfies(q -> assertThat(q.content()).contains("A000"));
            assertThat(r.rasters()).as("no line as an image").isEmpty();

            printer.garble(true);
            String garbled = run(List.of("status", "--port", port, "--baud", "115200"), 1);
            assertThat(garbled).contains("sai tốc độ/parity?", "wrong speed/parity?").doesNotContain("not responding");
            assertThat(garbled.indexOf("sai tốc độ")).isLessThan(garbled.indexOf("wrong speed"));

            printer.garble(false);
            printer.mute(true);
            String silent = run(List.of("status", "--port", port, "--baud", "115200"), 1);
            assertThat(silent).contains("không phản hồi — kiểm tra cáp/nguồn", "not responding — check cable/power")
                    .doesNotContain("parity");
        }
    }

    @Test
    void theVietnameseModeIsChosenPerPrinter() throws Exception {
        try (PtyPair pty = PtyPair.start(dir);
             SerialPrinterEmulator printer = new SerialPrinterEmulator(pty.printerEnd(), PrinterProfile.TM_T88_42)) {
            run(List.of("print-ticket", "--port", pty.hostEnd().toString(), "--profile", "tm-t88-42",
                    "--vietnamese", "tcvn3", "--baud", "115200"), 0);
            Receipt r = printer.awaitReceipts(1, Duration.ofSeconds(2)).getFirst();
            assertThat(printer.interpreter().errors()).isEmpty();
            assertThat(r.elements()).filteredOn(EscPosInterpreter.TextLine.class::isInstance)
                    .map(e -> ((EscPosInterpreter.TextLine) e).table()).contains(30, 31).doesNotContain(52);
            assertThat(String.join(" ", r.textLines())).contains("Hộ tịch", "SỐ THỨ TỰ");
        }
        assertThat(run(List.of("status", "--port", "/dev/null", "--profile", "generic", "--vietnamese", "tcvn3"), 2))
                .contains("không có chế độ", "has no Vietnamese mode tcvn3");
        KioskOptions o = KioskOptions.parse(List.of("--printer-profile", "tm-t88-42", "--printer-vietnamese", "glyphs"));
        assertThat(o.printerProfile()).isEqualTo(PrinterProfile.TM_T88_42.withVietnamese(VietnameseMode.USER_DEFINED));
        assertThat(o.printerProfile().columns()).isEqualTo(42);
    }

    @Test
    void helpAndBadUsage() {
        assertThat(run(List.of("--help"), 0)).contains("ports", "status", "print-test", "print-ticket");
        assertThat(run(List.of("status", "--help"), 0)).contains("--port", "--profile", "--baud", "--parity", "--flow");
        assertThat(run(List.of(), 2)).contains("usage");
        assertThat(run(List.of("status", "--port", "/dev/null", "--baud", "fast"), 2)).contains("--baud needs a number, not 'fast'");
        assertThat(run(List.of("status", "--port", "/dev/null", "--profile", "star"), 2)).contains("unknown printer profile");
        assertThat(run(List.of("status", "--speed", "9600"), 2)).contains("Unknown option: '--speed'");
        assertThat(run(List.of("status", "--port"), 2)).contains("--port needs a value");
    }

    @Test
    void kioskOptionsChooseTheSerialPrinter() {
        KioskOptions none = KioskOptions.parse(List.of());
        assertThat(none.printerSettings()).isNull();
        KioskOptions serial = KioskOptions.parse(List.of("--printer-port", "/dev/ttyUSB0",
                "--printer-profile", "generic", "--printer-baud", "38400"));
        assertThat(serial.printerSettings().portPath()).isEqualTo("/dev/ttyUSB0");
        assertThat(serial.printerSettings().baud()).isEqualTo(38400);
        assertThat(serial.printerProfile()).isEqualTo(PrinterProfile.GENERIC);
        assertThatThrownBy(() -> KioskOptions.parse(List.of("--printer-profile", "star")))
                .hasMessageContaining("unknown printer profile");
    }

    @Test
    void kioskCommandLineRefusesUnknownOptionsAndHasHelp() {
        assertThatThrownBy(() -> KioskOptions.parse(List.of("--printer", "/dev/ttyUSB0")))
                .hasMessageContaining("Unknown option: '--printer'");
        assertThatThrownBy(() -> KioskOptions.parse(List.of("--idle-seconds", "soon")))
                .hasMessageContaining("--idle-seconds needs a number, not 'soon'");
        assertThat(KioskOptions.asksForHelp(List.of("--help"))).isTrue();
        assertThat(KioskOptions.asksForHelp(List.of("--windowed"))).isFalse();
        ByteArrayOutputStream help = new ByteArrayOutputStream();
        KioskOptions.printHelp(new PrintStream(help, true, StandardCharsets.UTF_8));
        assertThat(help.toString(StandardCharsets.UTF_8)).contains("--agent", "--pairing-code", "--state-dir",
                "--windowed", "--idle-seconds", "--printer-port", "--printer-profile", "--printer-baud", "--scanner-port",
                "--scanner-baud", "--card-reader", "--csca", "--qr-base");
        KioskOptions defaults = KioskOptions.parse(List.of());
        assertThat(defaults.idle()).hasSeconds(60);
        assertThat(defaults.printerBaud()).isEqualTo(9600);
        assertThat(defaults.scannerBaud()).isEqualTo(9600);
        assertThat(defaults.cardReader()).isEqualTo("auto");
        assertThat(KioskOptions.parse(List.of("--printer-baud", " 19200 ")).printerBaud()).isEqualTo(19200);
        assertThat(KioskOptions.parse(List.of("--idle-seconds", "30", "--idle-seconds", "45")).idle())
                .as("the last value wins, so the command line wins over the settings file").hasSeconds(45);
    }
}
