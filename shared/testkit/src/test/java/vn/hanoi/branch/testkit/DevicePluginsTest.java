package vn.hanoi.branch.testkit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.hanoi.branch.printer.ReceiptPreview;
import vn.hanoi.branch.printer.TicketPrinter;
import vn.hanoi.branch.printer.TicketPrinters;
import vn.hanoi.branch.printer.escpos.PrinterProfile;
import vn.hanoi.branch.scan.ScanSources;
import vn.hanoi.branch.testkit.printer.VirtualPrinter;
import vn.hanoi.branch.testkit.scan.SimulatedScanner;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Where the testkit is on the class path (the demo, the tests) its devices plug in by name through
 * ServiceLoader; the device modules' own tests show what an installed app gets without it.
 */
class DevicePluginsTest {
    @TempDir
    Path dir;

    @Test
    void withoutAPortTheVirtualPrinterPrintsOnScreen() {
        try (TicketPrinter p = TicketPrinters.open(null, PrinterProfile.TM_T88, 9600, dir)) {
            assertThat(p).isInstanceOf(VirtualPrinter.class).isInstanceOf(ReceiptPreview.class);
            assertThat(p.status().canPrint()).isTrue();
        }
    }

    @Test
    void simAndNoOptionAtAllAreTheSimulatedScanner() {
        assertThat(ScanSources.parse("sim", dir)).isInstanceOf(SimulatedScanner.class);
        assertThat(ScanSources.parse(null, dir)).isInstanceOf(SimulatedScanner.class);
    }
}
