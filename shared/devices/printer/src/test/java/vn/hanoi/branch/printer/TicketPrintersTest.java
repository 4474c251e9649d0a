package vn.hanoi.branch.printer;

import org.junit.jupiter.api.Test;
import vn.hanoi.branch.printer.escpos.PrinterProfile;
import vn.hanoi.branch.printer.serial.SerialTicketPrinter;

import java.time.LocalDateTime;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What an installed kiosk gets: this module's tests run without the testkit, as a package does, so
 * there is no on-screen printer to fall back on.
 */
class TicketPrintersTest {
    @Test
    void withoutAPortNothingPrintsAndTheKioskIsToldNoPrinterIsConfigured() {
        try (TicketPrinter p = TicketPrinters.open(null, PrinterProfile.TM_T88, 9600, null)) {
            assertThat(p).isNotInstanceOf(ReceiptPreview.class);
            assertThat(p.status()).isEqualTo(PrinterStatus.NOT_CONFIGURED);
            assertThat(p.status().canPrint()).isFalse();
            assertThat(p.status().textVi()).isEqualTo("Chưa cài đặt máy in");
            assertThat(p.status().textEn()).isEqualTo("No printer configured");
            PrintOutcome o = p.print(new TicketPrint("Chi nhánh 1", "Hộ tịch", "Civil status", "1001", null,
                    LocalDateTime.of(2026, 12, 7, 9, 30), 0, null, "https://tracuu.example/q/t", null, false));
            assertThat(o.printed()).isFalse();
            assertThat(o.statusAfter()).isEqualTo(PrinterStatus.NOT_CONFIGURED);
            PrintOutcome slip = p.printJob("slip", profile -> new byte[] {0x1B, 0x40});
            assertThat(slip.printed()).isFalse();
            assertThat(slip.statusAfter()).as("a dossier slip says why, too").isEqualTo(PrinterStatus.NOT_CONFIGURED);
        }
    }

    @Test
    void aPortMeansTheSerialPrinter() {
        try (TicketPrinter p = TicketPrinters.open("/dev/null-printer", PrinterProfile.TM_T88, 9600, null)) {
            assertThat(p).isInstanceOf(SerialTicketPrinter.class);
        }
    }
}
