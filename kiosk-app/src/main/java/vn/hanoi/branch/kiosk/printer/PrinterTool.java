package vn.hanoi.branch.kiosk.printer;

import com.fazecast.jSerialComm.SerialPort;
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
 * Printer diagnostics for branch IT, without the kiosk UI:
 * <pre>
 *   PrinterTool ports
 *   PrinterTool status     --port PATH [--profile tm-t88] [--baud 9600] [--parity none] [--flow none]
 *   PrinterTool print-test --port PATH [--profile tm-t88] [--baud 9600] [--parity none] [--flow none]
 * </pre>
 * Exit status 0 when the printer is fine (and the test page printed), 1 when not, 2 for bad usage.
 */
public final class PrinterTool {
    private PrinterTool() {
    }

    public static void main(String[] args) throws Exception {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        System.exit(run(List.of(args), out));
    }

    /** Runs one command and returns the exit status. */
    public static int run(List<String> args, PrintStream out) {
        if (args.isEmpty()) {
            return usage(out);
        }
        String port = null;
        PrinterProfile profile = PrinterProfile.TM_T88;
        int baud = 9600;
        SerialSettings.Parity parity = SerialSettings.Parity.NONE;
        SerialSettings.FlowControl flow = SerialSettings.FlowControl.NONE;
        try {
            for (int i = 1; i < args.size(); i++) {
                String a = args.get(i);
                String v = i + 1 < args.size() ? args.get(++i) : null;
                if (v == null) {
                    throw new IllegalArgumentException(a + " needs a value");
                }
                switch (a) {
                    case "--port" -> port = v;
                    case "--profile" -> profile = PrinterProfile.byId(v);
                    case "--baud" -> baud = Integer.parseInt(v);
                    case "--parity" -> parity = SerialSettings.parity(v);
                    case "--flow" -> flow = SerialSettings.flowControl(v);
                    default -> throw new IllegalArgumentException("unknown option " + a);
                }
            }
        } catch (IllegalArgumentException e) {
            out.println(e.getMessage());
            return usage(out);
        }
        switch (args.getFirst()) {
            case "ports" -> {
                listPorts(out);
                return 0;
            }
            case "status", "print-test" -> {
                if (port == null) {
                    out.println("--port is required");
                    return usage(out);
                }
                SerialSettings settings = SerialSettings.of(port, baud).withParity(parity).withFlowControl(flow);
                try (SerialTicketPrinter printer = new SerialTicketPrinter(settings, profile)) {
                    PrinterStatus s = printer.status();
                    out.println("Status / Trạng thái: " + s + " – " + s.textEn() + " / " + s.textVi());
                    if (args.getFirst().equals("status")) {
                        return s.canPrint() ? 0 : 1;
                    }
                    byte[] page = TicketLayout.testPage(profile, port + " " + baud + " baud " + parity + " " + flow);
                    PrintOutcome o = printer.send(page);
                    out.println((o.printed() ? "Test page printed" : "Test page NOT printed") + " (" + o.bytesSent()
                            + " of " + page.length + " bytes, ~" + settings.wireTime(page.length).toMillis()
                            + " ms on the wire); status after: " + o.statusAfter() + " – " + o.statusAfter().textEn());
                    return o.printed() ? 0 : 1;
                }
            }
            default -> {
                return usage(out);
            }
        }
    }

    private static void listPorts(PrintStream out) {
        SerialPort[] ports = SerialPort.getCommPorts();
        if (ports.length == 0) {
            out.println("No serial ports found (pseudo-terminals are never listed; give their path to --port).");
        }
        for (SerialPort p : ports) {
            out.println(p.getSystemPortPath() + "\t" + p.getDescriptivePortName());
        }
    }

    private static int usage(PrintStream out) {
        out.println("""
                usage: PrinterTool ports
                       PrinterTool status     --port PATH [--profile tm-t88|generic|generic-58] [--baud N] [--parity none|even|odd] [--flow none|rts-cts|dsr-dtr|xon-xoff]
                       PrinterTool print-test --port PATH [same options]""");
        return 2;
    }
}
