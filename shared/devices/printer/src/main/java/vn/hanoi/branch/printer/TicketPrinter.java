package vn.hanoi.branch.printer;

import vn.hanoi.branch.printer.escpos.PrinterProfile;

import java.util.function.Function;

/**
 * A device that puts a ticket on paper (or, for the virtual printer, on screen). Calls block for the
 * duration of the job; the kiosk calls them off the UI thread.
 */
public interface TicketPrinter extends AutoCloseable {

    /** Prints one ticket and reports how it went; never throws for printer faults. */
    PrintOutcome print(TicketPrint ticket);

    /**
     * Prints something other than a queue ticket (a dossier slip): {@code layout} makes the ESC/POS
     * job for this printer's profile. {@code name} names the job in logs and saved images. Same
     * status rules as {@link #print}; a printer that prints only tickets answers not printed, ERROR.
     */
    default PrintOutcome printJob(String name, Function<PrinterProfile, byte[]> layout) {
        return new PrintOutcome(false, PrinterStatus.ERROR, 0);
    }

    /** Asks the printer how it is, without printing. */
    PrinterStatus status();

    @Override
    default void close() {
    }
}
