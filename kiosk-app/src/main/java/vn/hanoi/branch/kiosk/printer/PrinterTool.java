package vn.hanoi.branch.kiosk.printer;

import com.fazecast.jSerialComm.SerialPort;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import vn.hanoi.branch.kiosk.CommandLines;
import vn.hanoi.branch.kiosk.CommandLines.ToolCommand;
import vn.hanoi.branch.code.OurQr;
import vn.hanoi.branch.kiosk.ticket.KioskTicket;
import vn.hanoi.branch.printer.PrintOutcome;
import vn.hanoi.branch.printer.PrinterStatus;
import vn.hanoi.branch.printer.TicketPrint;
import vn.hanoi.branch.printer.escpos.PrinterProfile;
import vn.hanoi.branch.printer.escpos.TicketLayout;
import vn.hanoi.branch.printer.escpos.VietnameseMode;
import vn.hanoi.branch.printer.serial.SerialSettings;
import vn.hanoi.branch.printer.serial.SerialTicketPrinter;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Printer diagnostics for branch IT, without the kiosk UI ({@code --help} for each command):
 * <pre>
 *   PrinterTool ports
 *   PrinterTool status       --port PATH [--profile tm-t88] [--vietnamese MODE] [--baud 9600] [--parity none] [--flow none]
 *   PrinterTool print-test   --port PATH [same options]
 *   PrinterTool print-ticket --port PATH [same options]
 * </pre>
 * Every line is Vietnamese first, then English. Exit status 0 when the printer is fine (and the page
 * printed), 1 when not, 2 for bad usage.
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
        return CommandLines.of(out, new PrinterTool(out), new Ports(out), new Status(out), new PrintTest(out),
                        new PrintTicket(out))
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
                out.println("Không thấy cổng nối tiếp nào (cổng ảo pty không được liệt kê; ghi đường dẫn vào --port)."
                        + " / No serial ports found (pseudo-terminals are never listed; give their path to --port).");
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

        @Option(names = "--profile", paramLabel = "ID", defaultValue = "tm-t88",
                description = "tm-t88 (default), tm-t88-42, clone-qr, generic or generic-58")
        PrinterProfile profile;

        @Option(names = "--vietnamese", paramLabel = "MODE",
                description = "windows-1258, tcvn3, glyphs or raster (default: the profile's)")
        VietnameseMode vietnamese;

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

        PrinterProfile printer() {
            return vietnamese == null ? profile : profile.withVietnamese(vietnamese);
        }

        String describe() {
            return port + " " + baud + " baud " + parity + " " + flow;
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
            PrinterProfile profile;
            try {
                profile = line.printer();
            } catch (IllegalArgumentException e) {
                return usage(e.getMessage());
            }
            try (SerialTicketPrinter printer = new SerialTicketPrinter(line.settings(), profile)) {
                PrinterStatus s = printer.status();
                out.println("Trạng thái / Status: " + s.textVi() + " / " + s.textEn() + " (" + s + ")");
                return withPrinter(printer, s);
            }
        }

        /** One line on what a job did, in both languages. */
        int report(String whatVi, String whatEn, PrintOutcome o, int bytes) {
            long ms = line.settings().wireTime(bytes).toMillis();
            out.println((o.printed() ? "Đã in " + whatVi : "CHƯA in được " + whatVi) + " (" + o.bytesSent() + "/" + bytes
                    + " byte, ~" + ms + " ms trên dây); trạng thái sau: " + o.statusAfter().textVi()
                    + " / " + (o.printed() ? whatEn + " printed" : whatEn + " NOT printed") + " (" + o.bytesSent() + "/"
                    + bytes + " bytes, ~" + ms + " ms on the wire); status after: " + o.statusAfter().textEn());
            return o.printed() ? 0 : 1;
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
            byte[] page = TicketLayout.testPage(printer.profile(), line.describe());
            return report("trang thử", "Test page", printer.send(page), page.length);
        }
    }

    @Command(name = "print-ticket",
            description = "Prints a sample queue ticket through the kiosk's own ticket path and says whether it came out.")
    private static final class PrintTicket extends LineCommand {
        PrintTicket(PrintStream out) {
            super(out);
        }

        @Override
        int withPrinter(SerialTicketPrinter printer, PrinterStatus status) {
            TicketPrint sample = KioskTicket.sample(OurQr.DEFAULT_BASE);
            int bytes = TicketLayout.render(sample, printer.profile()).length;
            return report("phiếu mẫu", "Sample ticket", printer.print(sample), bytes);
        }
    }
}
