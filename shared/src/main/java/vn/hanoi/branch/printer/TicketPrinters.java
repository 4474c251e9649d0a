package vn.hanoi.branch.printer;

import vn.hanoi.branch.printer.escpos.PrinterProfile;
import vn.hanoi.branch.printer.serial.SerialSettings;
import vn.hanoi.branch.printer.serial.SerialTicketPrinter;

import java.nio.file.Path;

/** The one way the apps choose their printer: a serial ESC/POS printer when a port is given, else virtual. */
public final class TicketPrinters {
    private TicketPrinters() {
    }

    /**
     * @param port           serial port path, or null for the virtual printer
     * @param virtualFolder  where the virtual printer saves receipt images (null: memory only)
     */
    public static TicketPrinter open(String port, PrinterProfile profile, int baud, Path virtualFolder) {
        return port == null ? new VirtualPrinter(virtualFolder)
                : new SerialTicketPrinter(SerialSettings.of(port, baud), profile);
    }
}
