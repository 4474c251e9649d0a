package vn.hanoi.branch.testkit.printer;

import vn.hanoi.branch.printer.PrinterPlugin;
import vn.hanoi.branch.printer.TicketPrinter;

import java.nio.file.Path;

/** Registers the on-screen {@link VirtualPrinter} as {@code virtual} where the testkit is on the class path. */
public final class VirtualPrinterPlugin implements PrinterPlugin {
    @Override
    public String name() {
        return "virtual";
    }

    @Override
    public TicketPrinter open(Path folder) {
        return new VirtualPrinter(folder);
    }
}
