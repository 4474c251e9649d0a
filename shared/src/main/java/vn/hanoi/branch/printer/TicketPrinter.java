package vn.hanoi.branch.printer;

/**
 * A device that puts a ticket on paper (or, for the virtual printer, on screen). Calls block for the
 * duration of the job; the kiosk calls them off the UI thread.
 */
public interface TicketPrinter extends AutoCloseable {

    /** Prints one ticket and reports how it went; never throws for printer faults. */
    PrintOutcome print(TicketPrint ticket);

    /** Asks the printer how it is, without printing. */
    PrinterStatus status();

    @Override
    default void close() {
    }
}
