package vn.hanoi.branch.kiosk.settings;

import vn.hanoi.branch.printer.PrintOutcome;
import vn.hanoi.branch.printer.PrinterStatus;
import vn.hanoi.branch.printer.escpos.PrinterProfile;
import vn.hanoi.branch.printer.escpos.TicketLayout;
import vn.hanoi.branch.printer.serial.SerialSettings;
import vn.hanoi.branch.printer.serial.SerialTicketPrinter;
import vn.hanoi.branch.i18n.I18n;

/**
 * The printer's Test button: asks the printer's status, prints the test page through the same ESC/POS
 * path as tickets (profile, Vietnamese alphabet, styles, QR), and reports the status after. Blocks.
 */
public final class PrinterCheck {
    private PrinterCheck() {
    }

    public static CheckResult run(String port, PrinterProfile profile, int baud) {
        if (port == null || port.isBlank()) {
            return CheckResult.of(false, "settings.printer.noPort");
        }
        try (SerialTicketPrinter printer = new SerialTicketPrinter(SerialSettings.of(port.strip(), baud), profile)) {
            PrinterStatus before = printer.status();
            if (!before.canPrint()) {
                return withStatus(false, "settings.printer.cannot", before, 0);
            }
            byte[] page = TicketLayout.testPage(profile, port.strip() + " " + baud + " baud");
            PrintOutcome o = printer.send(page);
            return withStatus(o.printed(), o.printed() ? "settings.printer.printed" : "settings.printer.notPrinted",
                    o.statusAfter(), o.bytesSent());
        }
    }

    private static CheckResult withStatus(boolean ok, String key, PrinterStatus s, int bytes) {
        return new CheckResult(ok, I18n.text("kiosk", I18n.VI, key, s.textVi(), bytes),
                I18n.text("kiosk", I18n.EN, key, s.textEn(), bytes));
    }
}
