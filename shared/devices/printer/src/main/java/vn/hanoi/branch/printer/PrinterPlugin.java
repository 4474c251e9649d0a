package vn.hanoi.branch.printer;

import java.nio.file.Path;

/**
 * A printer that is not a device on a port, found on the class path by its name (ServiceLoader). The
 * testkit's on-screen printer registers as {@code virtual} for the demo and the tests; installed
 * packages carry no plug-in, so there a kiosk without a printer port says so instead of printing.
 */
public interface PrinterPlugin {
    /** The name the apps ask for ({@code virtual}). */
    String name();

    /** @param folder where the printer may keep copies of what it printed (null: memory only) */
    TicketPrinter open(Path folder);
}
