package vn.hanoi.branch.kiosk;

import vn.hanoi.branch.printer.escpos.PrinterProfile;
import vn.hanoi.branch.printer.serial.SerialSettings;
import vn.hanoi.branch.client.DeviceState;

import vn.hanoi.branch.kiosk.settings.KioskSettingsFile;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Command line of the kiosk app.
 *
 * <pre>
 *   --agent URL           agent address (default: the one saved at pairing, else http://127.0.0.1:8470)
 *   --pairing-code CODE   pair on first start (IT can also type the code on screen)
 *   --state-dir DIR       where the device token and receipt images are kept
 *   --windowed            a normal window instead of locked full screen (demo, development)
 *   --idle-seconds N      back to the first screen after N s untouched (default 60)
 *   --printer-port PATH   ESC/POS ticket printer on this serial port; without it the virtual printer
 *                         shows receipts on screen
 *   --printer-profile ID  tm-t88 (default), generic or generic-58
 *   --printer-baud N      the printer's serial speed (default 9600)
 *   --scanner-port PATH   2D code scanner in serial (USB-CDC) mode on this port; a scanner in keyboard
 *                         mode needs no option
 *   --scanner-baud N      the scanner's serial speed (default 9600)
 *   --card-reader NAME    PC/SC reader for ID card chips: a reader name, "auto" (default: the first
 *                         reader, and any that appears later) or "none"
 *   --csca FILE           Vietnamese CSCA certificate(s) (PEM or DER) to verify chips up to the issuer;
 *                         without it the kiosk says "data integrity verified, issuer not verified"
 *   --qr-base URL         lookup site printed in ticket QR codes (default: the placeholder host)
 * </pre>
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
            if (args.contains(KioskSettingsFile.option(key))) {
                fixed.add(key);
            }
        }
        return fixed;
    }

    /** Parses the command line alone (no settings file). */
    public static KioskOptions parse(List<String> args) {
        String agent = null;
        String code = null;
        Path dir = DeviceState.defaultDir("kiosk");
        boolean windowed = false;
        Duration idle = Duration.ofSeconds(60);
        String printerPort = null;
        PrinterProfile profile = PrinterProfile.TM_T88;
        int baud = 9600;
        String scannerPort = null;
        int scannerBaud = 9600;
        String cardReader = "auto";
        Path csca = null;
        String qrBase = null;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            switch (a) {
                case "--agent" -> agent = value(args, ++i, a);
                case "--pairing-code" -> code = value(args, ++i, a);
                case "--state-dir" -> dir = Path.of(value(args, ++i, a));
                case "--windowed" -> windowed = true;
                case "--idle-seconds" -> idle = Duration.ofSeconds(number(value(args, ++i, a), a));
                case "--printer-port" -> printerPort = value(args, ++i, a);
                case "--printer-profile" -> profile = PrinterProfile.byId(value(args, ++i, a));
                case "--printer-baud" -> baud = (int) number(value(args, ++i, a), a);
                case "--scanner-port" -> scannerPort = value(args, ++i, a);
                case "--scanner-baud" -> scannerBaud = (int) number(value(args, ++i, a), a);
                case "--card-reader" -> cardReader = value(args, ++i, a);
                case "--csca" -> csca = Path.of(value(args, ++i, a));
                case "--qr-base" -> qrBase = value(args, ++i, a);
                default -> throw new IllegalArgumentException("unknown option " + a
                        + " (options: --agent URL --pairing-code CODE --state-dir DIR --windowed --idle-seconds N"
                        + " --printer-port PATH --printer-profile tm-t88|generic|generic-58 --printer-baud N"
                        + " --scanner-port PATH --scanner-baud N --card-reader NAME|auto|none --csca FILE --qr-base URL)");
            }
        }
        if (baud <= 0 || scannerBaud <= 0) {
            throw new IllegalArgumentException("--printer-baud and --scanner-baud must be positive");
        }
        return new KioskOptions(agent, code, dir, windowed, idle, Duration.ofSeconds(20), printerPort, profile, baud,
                scannerPort, scannerBaud, cardReader, csca, qrBase);
    }

    private static long number(String v, String option) {
        try {
            return Integer.parseInt(v.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " needs a number, not '" + v + "'");
        }
    }

    private static String value(List<String> args, int i, String option) {
        if (i >= args.size()) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args.get(i);
    }
}
