package vn.hanoi.branch.kiosk;

import vn.hanoi.branch.printer.escpos.PrinterProfile;
import vn.hanoi.branch.printer.escpos.VietnameseMode;
import vn.hanoi.branch.printer.serial.SerialSettings;
import vn.hanoi.branch.client.DeviceState;

import vn.hanoi.branch.kiosk.settings.KioskSettingsFile;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Command line of the kiosk app ({@code --help} lists the options with their defaults).
 * The IT settings screen keeps the same settings in {@code <state-dir>/kiosk.properties}
 * ({@link KioskSettingsFile}); {@link #resolve} reads that file, and the command line wins over it.
 */
public record KioskOptions(String agentUrl, String pairingCode, Path stateDir, boolean windowed,
                           Duration idle, Duration ticketShown, String printerPort, PrinterProfile printerProfile,
                           int printerBaud, String scannerPort, int scannerBaud, String cardReader, Path csca,
                           String qrBase) {

    /** The serial printer's settings, or null for the virtual printer. */
    public SerialSettings printerSettings() {
        return printerPort == null ? null : SerialSettings.of(printerPort, printerBaud);
    }

    /**
     * The options the kiosk runs with: the settings file in the state directory (as the command line
     * names it, else the default one), then the command line over it.
     *
     * @throws IllegalArgumentException for a bad option or a bad value in the file (the message names the file)
     */
    public static KioskOptions resolve(List<String> args) {
        Path dir = parse(args).stateDir();
        List<String> fromFile;
        try {
            fromFile = KioskSettingsFile.asArguments(KioskSettingsFile.load(dir));
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + KioskSettingsFile.path(dir) + ": " + e.getMessage(), e);
        }
        try {
            parse(fromFile);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(KioskSettingsFile.path(dir) + ": " + e.getMessage(), e);
        }
        List<String> all = new ArrayList<>(fromFile);
        all.addAll(args);
        return parse(all);
    }

    /** The settings-file keys whose option is given on this command line (so the file's value is not used). */
    public static Set<String> fixedByCommandLine(List<String> args) {
        Set<String> fixed = new LinkedHashSet<>();
        for (String key : KioskSettingsFile.keys()) {
            String option = KioskSettingsFile.option(key);
            if (args.stream().anyMatch(a -> a.equals(option) || a.startsWith(option + "="))) {
                fixed.add(key);
            }
        }
        return fixed;
    }

    /** Parses the command line alone (no settings file). */
    public static KioskOptions parse(List<String> args) {
        Arguments a = parsed(args);
        if (a.printerBaud <= 0 || a.scannerBaud <= 0) {
            throw new IllegalArgumentException("--printer-baud and --scanner-baud must be positive");
        }
        PrinterProfile printer = a.printerVietnamese == null ? a.printerProfile
                : a.printerProfile.withVietnamese(a.printerVietnamese);
        return new KioskOptions(a.agent, a.pairingCode, a.stateDir, a.windowed, Duration.ofSeconds(a.idleSeconds),
                Duration.ofSeconds(20), a.printerPort, printer, a.printerBaud, a.scannerPort, a.scannerBaud,
                a.cardReader, a.csca, a.qrBase);
    }

    /** True when the command line asks for {@code --help} (then the kiosk prints {@link #printHelp} and stops). */
    public static boolean asksForHelp(List<String> args) {
        return parsed(args).help;
    }

    private static Arguments parsed(List<String> args) {
        Arguments a = new Arguments();
        try {
            commandLine(a).parseArgs(args.toArray(String[]::new));
        } catch (CommandLine.ParameterException e) {
            throw new IllegalArgumentException(CommandLines.message(e), e);
        }
        return a;
    }

    public static void printHelp(PrintStream out) {
        commandLine(new Arguments(), out).usage(out);
    }

    private static CommandLine commandLine(Arguments a) {
        return commandLine(a, System.err);
    }

    /** A value given twice takes the last one: the command line, placed after the settings file, wins. */
    private static CommandLine commandLine(Arguments a, PrintStream out) {
        return CommandLines.of(out, a).setOverwrittenOptionsAllowed(true);
    }

    @Command(name = "branch-kiosk", sortOptions = false, usageHelpAutoWidth = true,
            description = "The branch's touchscreen kiosk: citizens take a number, check in a booking, declare, look up.")
    static final class Arguments {
        @Option(names = {"-h", "--help"}, usageHelp = true, description = "this help")
        boolean help;

        @Option(names = "--agent", paramLabel = "URL",
                description = "agent address (default: the one saved at pairing, else http://127.0.0.1:8470)")
        String agent;

        @Option(names = "--pairing-code", paramLabel = "CODE", description = "pair on first start (IT can also type the code on screen)")
        String pairingCode;

        @Option(names = "--state-dir", paramLabel = "DIR", description = "where the device token and receipt images are kept")
        Path stateDir = DeviceState.defaultDir("kiosk");

        @Option(names = "--windowed", description = "a normal window instead of locked full screen (demo, development)")
        boolean windowed;

        @Option(names = "--idle-seconds", paramLabel = "N", defaultValue = "60",
                description = "back to the first screen after N s untouched (default ${DEFAULT-VALUE})")
        int idleSeconds;

        @Option(names = "--printer-port", paramLabel = "PATH",
                description = "ESC/POS ticket printer on this serial port; without it the kiosk reports that no printer is configured (the demo shows receipts on screen)")
        String printerPort;

        @Option(names = "--printer-profile", paramLabel = "ID", defaultValue = "tm-t88",
                description = "tm-t88 (default), tm-t88-42, clone-qr, generic or generic-58")
        PrinterProfile printerProfile;

        @Option(names = "--printer-vietnamese", paramLabel = "MODE",
                description = "how Vietnamese letters reach the printer: windows-1258, tcvn3, glyphs or raster"
                        + " (default: the profile's; the test page shows every mode)")
        VietnameseMode printerVietnamese;

        @Option(names = "--printer-baud", paramLabel = "N", defaultValue = "9600",
                description = "the printer's serial speed (default ${DEFAULT-VALUE})")
        int printerBaud;

        @Option(names = "--scanner-port", paramLabel = "PATH",
                description = "2D code scanner in serial (USB-CDC) mode on this port; a scanner in keyboard mode needs no option")
        String scannerPort;

        @Option(names = "--scanner-baud", paramLabel = "N", defaultValue = "9600",
                description = "the scanner's serial speed (default ${DEFAULT-VALUE})")
        int scannerBaud;

        @Option(names = "--card-reader", paramLabel = "NAME", defaultValue = "auto",
                description = "PC/SC reader for ID card chips: a reader name, \"auto\" (default: the first reader, and any that appears later) or \"none\"")
        String cardReader;

        @Option(names = "--csca", paramLabel = "FILE",
                description = "Vietnamese CSCA certificate(s) (PEM or DER) to verify chips up to the issuer; without it the kiosk says \"data integrity verified, issuer not verified\"")
        Path csca;

        @Option(names = "--qr-base", paramLabel = "URL", description = "lookup site printed in ticket QR codes (default: the placeholder host)")
        String qrBase;
    }
}
