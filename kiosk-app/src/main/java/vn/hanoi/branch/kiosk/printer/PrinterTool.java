package vn.hanoi.branch.kiosk.printer;

import com.fazecast.jSerialComm.SerialPort;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import vn.hanoi.branch.kiosk.CommandLines;
import vn.hanoi.branch.kiosk.CommandLines.ToolCommand;
import vn.hanoi.branch.printer.PrintOutcome;
import vn.hanoi.branch.printer.PrinterStatus;
import vn.hanoi.branch.printer.escpos.PrinterProfile;
import vn.hanoi.branch.printer.escpos.TicketLayout;
import vn.hanoi.branch.printer.serial.SerialSettings;
import vn.hanoi.branch.printer.serial.SerialTicketPrinter;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Printer diagnostics for branch IT, without the kiosk UI ({@code --help} for each command):
 * <pre>
 *   PrinterTool ports
 *   PrinterTool status     --port PATH [--profile tm-t88] [--baud 9600] [--parity none] [--flow none]
 *   PrinterTool print-test --port PATH [--profile tm-t88] [--baud 9600] [--parity none] [--flow none]
 * </pre>
 * Exit status 0 when the printer is fine (and the test page printed), 1 when not, 2 for bad usage.
 */
@Command(name = "printer-tool", synopsisHeading = "usage: ", usageHelpAutoWidth = true,
        description = "Ticket printer diagnostics for branch IT.")
public final class PrinterTool extends ToolCommand {
    private PrinterTool(PrintStream out) {
        super(out);
    }

    public static void main(String[] args) throws Exception {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        System.exit(run(List.of(args), out));
    }

    /** Runs one command and returns the exit status. */
    public static int run(List<String> args, PrintStream out) {
        return CommandLines.of(out, new PrinterTool(out), new Ports(out), new Status(out), new PrintTest(out))
                .execute(args.toArray(String[]::new));
    }

    @Command(name = "ports", description = "The serial ports of this machine.")
    private static final class Ports extends ToolCommand {
        Ports(PrintStream out) {
            super(out);
        }

        @Override
        public Integer call() {
            SerialPort[] ports = SerialPort.getCommPorts();
            if (ports.length == 0) {
                out.println("No serial ports found (pseudo-terminals are never listed; give their path to --port).");
            }
            for (SerialPort p : ports) {
                out.println(p.getSystemPortPath() + "\t" + p.getDescriptivePortName());
            }
            return 0;
        }
    }

    /** The serial line to the printer, shared by {@code status} and {@code print-test}. */
    private static final class Line {
        @Option(names = "--port", paramLabel = "PATH", description = "the printer's serial port (required)")
        String port;

        @Option(names = "--profile", paramLabel = "ID", defaultValue = "tm-t88", description = "tm-t88 (default), generic or generic-58")
        PrinterProfile profile;

        @Option(names = "--baud", paramLabel = "N", defaultValue = "9600", description = "serial speed (default ${DEFAULT-VALUE})")
        int baud;

        @Option(names = "--parity", paramLabel = "none|even|odd", defaultValue = "none",
                description = "(default ${DEFAULT-VALUE})")
        SerialSettings.Parity parity;

        @Option(names = "--flow", paramLabel = "none|rts-cts|dsr-dtr|xon-xoff", defaultValue = "none",
                description = "flow control (default ${DEFAULT-VALUE})")
        SerialSettings.FlowControl flow;

        SerialSettings settings() {
            return SerialSettings.of(port, baud).withParity(parity).withFlowControl(flow);
        }
    }

    private abstract static class LineCommand extends ToolCommand {
        @Mixin
        Line line;

        LineCommand(PrintStream out) {
            super(out);
        }

        @Override
        public Integer call() {
            if (line.port == null) {
                return usage("--port is required");
            }
            try (SerialTicketPrinter printer = new SerialTicketPrinter(line.settings(), line.profile)) {
                PrinterStatus s = printer.status();
                out.println("Status / Trạng thái: " + s + " – " + s.textEn() + " / " + s.textVi());
                return withPrinter(printer, s);
            }
        }

        /** The command's work once the printer answered its status. */
        abstract int withPrinter(SerialTicketPrinter printer, PrinterStatus status);
    }

    @Command(name = "status", description = "Asks the printer how it is (paper, cover, online).")
    private static final class Status extends LineCommand {
        Status(PrintStream out) {
            super(out);
        }

        @Override
        int withPrinter(SerialTicketPrinter printer, PrinterStatus status) {
            return status.canPrint() ? 0 : 1;
        }
    }

    @Command(name = "print-test", description = "Prints the Vietnamese test page and says whether it came out.")
    private static final class PrintTest extends LineCommand {
        PrintTest(PrintStream out) {
            super(out);
        }

        @Override
        int withPrinter(SerialTicketPrinter printer, PrinterStatus status) {
            byte[] page = TicketLayout.testPage(line.profile, line.port + " " + line.baud + " baud " + line.parity + " " + line.flow);
            PrintOutcome o = printer.send(page);
            out.println((o.printed() ? "Test page printed" : "Test page NOT printed") + " (" + o.bytesSent()
                    + " of " + page.length + " bytes, ~" + line.settings().wireTime(page.length).toMillis()
                    + " ms on the wire); status after: " + o.statusAfter() + " – " + o.statusAfter().textEn());
            return o.printed() ? 0 : 1;
        }
    }
}
