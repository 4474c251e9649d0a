package vn.hanoi.branch.printer;

import vn.hanoi.branch.printer.escpos.PrinterProfile;
import vn.hanoi.branch.printer.serial.SerialSettings;
import vn.hanoi.branch.printer.serial.SerialTicketPrinter;

import java.nio.file.Path;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.function.Function;

/**
 * The one way the apps choose their printer: a serial ESC/POS printer when a port is given, else the
 * {@code virtual} plug-in where the class path has one (demo, tests), else a printer that reports it
 * is not configured.
 */
public final class TicketPrinters {
    private TicketPrinters() {
    }

    /**
     * @param port           serial port path, or null for no port
     * @param virtualFolder  where the virtual printer saves receipt images (null: memory only)
     */
    public static TicketPrinter open(String port, PrinterProfile profile, int baud, Path virtualFolder) {
        if (port != null) {
            return new SerialTicketPrinter(SerialSettings.of(port, baud), profile);
        }
        return plugin("virtual").<TicketPrinter>map(p -> p.open(virtualFolder)).orElseGet(NoPrinter::new);
    }

    static Optional<PrinterPlugin> plugin(String name) {
        return ServiceLoader.load(PrinterPlugin.class).stream().map(ServiceLoader.Provider::get)
                .filter(p -> p.name().equals(name)).findFirst();
    }

    /** No port was configured: nothing prints, and the screens and alerts say why. */
    static final class NoPrinter implements TicketPrinter {
        @Override
        public PrintOutcome print(TicketPrint ticket) {
            return new PrintOutcome(false, PrinterStatus.NOT_CONFIGURED, 0);
        }

        @Override
        public PrintOutcome printJob(String name, Function<PrinterProfile, byte[]> layout) {
            return new PrintOutcome(false, PrinterStatus.NOT_CONFIGURED, 0);
        }

        @Override
        public PrinterStatus status() {
            return PrinterStatus.NOT_CONFIGURED;
        }
    }
}
