package vn.hanoi.branch.counter;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import vn.hanoi.branch.client.DeviceState;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;

/**
 * The counter app's command line, the one place its options are defined: read by {@link CounterMain}
 * (help, refusals, {@code --list-scanners}) and again by {@link CounterApp} from the launch arguments.
 */
@Command(name = "branch-counter", sortOptions = false,
        description = "Quầy tiếp nhận / The counter (clerk desk) app.")
public final class CounterOptions {
    /** What a refused command line exits with. */
    public static final int USAGE = CommandLine.ExitCode.USAGE;

    /** Whether the customer-facing window opens: on a second monitor, always, or never. */
    public enum CustomerWindowMode { AUTO, ALWAYS, NEVER }

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "show this help and exit")
    boolean help;

    @Option(names = "--agent", paramLabel = "URL", description = "the agent's address, e.g. http://10.0.0.2:8080 (first start)")
    String agent;

    @Option(names = "--pairing-code", paramLabel = "CODE", description = "the pairing code from the agent (first start only)")
    String pairingCode;

    @Option(names = "--state-dir", paramLabel = "DIR",
            description = "where the device token, slips and the scan spool are kept (default: the user's counter folder)")
    Path stateDir;

    @Option(names = "--scanner", paramLabel = "SOURCE",
            description = "sim | sane:DEVICE | folder:DIR (default: the simulated scanner where it is installed, else none)")
    String scanner;

    @Option(names = "--scan-dpi", paramLabel = "N", defaultValue = "300", description = "scan resolution (default ${DEFAULT-VALUE})")
    int scanDpi;

    @Option(names = "--list-scanners", description = "print the SANE devices as --scanner values and exit")
    boolean listScanners;

    @Option(names = "--customer-window",
            description = "open the customer window even without a second monitor (default: on a second monitor only)")
    boolean customerWindow;

    @Option(names = "--no-customer-window", description = "never open the customer window")
    boolean noCustomerWindow;

    @Option(names = "--rating-seconds", paramLabel = "N", defaultValue = "60",
            description = "how long the rating question waits for the citizen (default ${DEFAULT-VALUE})")
    int ratingSeconds;

    @Option(names = "--printer-port", paramLabel = "PATH",
            description = "the slip printer's serial port; without it the counter says that no printer is configured (the demo shows slips on screen)")
    String printerPort;

    @Option(names = "--printer-profile", paramLabel = "ID", defaultValue = "tm-t88",
            description = "tm-t88 | tm-t88-42 | clone-qr | generic | generic-58 (default ${DEFAULT-VALUE})")
    String printerProfile;

    @Option(names = "--printer-baud", paramLabel = "N", defaultValue = "9600", description = "serial speed (default ${DEFAULT-VALUE})")
    int printerBaud;

    /** Reads a command line; throws {@link CommandLine.ParameterException} for an unknown or malformed option. */
    public static CounterOptions parse(List<String> args) {
        CounterOptions o = new CounterOptions();
        new CommandLine(o).parseArgs(args.toArray(String[]::new));
        return o;
    }

    /**
     * Help, refusal or nothing: prints the usage for {@code --help}, a bilingual message and the usage for a
     * bad command line. Returns the exit code, or -1 to go on.
     */
    static int check(String[] args, PrintWriter out, PrintWriter err) {
        CounterOptions options = new CounterOptions();
        CommandLine cl = new CommandLine(options);
        try {
            cl.parseArgs(args);
            options.refuseContradictions(cl);
        } catch (CommandLine.ParameterException e) {
            err.println("Tuỳ chọn không hợp lệ / Invalid option: " + e.getMessage());
            cl.usage(err);
            err.flush();
            return USAGE;
        }
        if (!cl.isUsageHelpRequested()) {
            return -1;
        }
        cl.usage(out);
        out.flush();
        return CommandLine.ExitCode.OK;
    }

    /** Values picocli accepts by type but the counter cannot use: refused here rather than ignored later. */
    private void refuseContradictions(CommandLine cl) {
        if (customerWindow && noCustomerWindow) {
            throw new CommandLine.ParameterException(cl, "--customer-window and --no-customer-window exclude each other");
        }
        try {
            vn.hanoi.branch.printer.escpos.PrinterProfile.byId(printerProfile);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(cl, "--printer-profile: " + e.getMessage());
        }
        if (scanDpi <= 0 || ratingSeconds <= 0 || printerBaud <= 0) {
            throw new CommandLine.ParameterException(cl, "--scan-dpi, --rating-seconds and --printer-baud must be above 0");
        }
    }

    public String agent() {
        return agent;
    }

    public String pairingCode() {
        return pairingCode;
    }

    public Path stateDir() {
        return stateDir != null ? stateDir : DeviceState.defaultDir("counter");
    }

    /** The --scanner value, or null when not given. */
    public String scanner() {
        return scanner;
    }

    public int scanDpi() {
        return scanDpi;
    }

    public boolean listScanners() {
        return listScanners;
    }

    public CustomerWindowMode customerWindowMode() {
        if (noCustomerWindow) {
            return CustomerWindowMode.NEVER;
        }
        return customerWindow ? CustomerWindowMode.ALWAYS : CustomerWindowMode.AUTO;
    }

    public int ratingSeconds() {
        return ratingSeconds;
    }

    public String printerPort() {
        return printerPort;
    }

    public String printerProfile() {
        return printerProfile;
    }

    public int printerBaud() {
        return printerBaud;
    }
}
