package vn.hanoi.branch.printer.escpos;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What one printer model can do. The layout asks the profile instead of assuming Epson, because clone
 * printers answer the same commands with different tables and some lack native QR codes or a cutter.
 *
 * @param id         name used in configuration ({@code --printer-profile})
 * @param dotsPerLine printable width: 576 on 80 mm paper, 384 on 58 mm (203 dpi)
 * @param codePages  tables the printer has, with the {@code ESC t} number it uses for each, in order
 *                   of preference
 * @param nativeQr   understands {@code GS ( k} QR model 2; otherwise the QR is sent as raster
 * @param cutter     has an auto-cutter ({@code GS V}); otherwise the paper is fed out for tearing
 */
public record PrinterProfile(String id, String description, int dotsPerLine, List<Table> codePages,
                             boolean nativeQr, boolean cutter) {

    /** A code page as one printer numbers it. */
    public record Table(CodePage page, int number) {
    }

    /** Font A is 12 × 24 dots on every printer we know; columns follow from the paper width. */
    public static final int CHAR_WIDTH = 12;
    public static final int CHAR_HEIGHT = 24;

    public static final PrinterProfile TM_T88 = new PrinterProfile("tm-t88",
            "Epson TM-T88 (80 mm, Windows-1258, native QR, cutter)", 576,
            List.of(new Table(CodePage.PC437, 0), new Table(CodePage.WPC1258, 52)), true, true);

    /** A typical unbranded 80 mm clone: only the PC437 table, no QR command, a cutter. */
    public static final PrinterProfile GENERIC = new PrinterProfile("generic",
            "Generic ESC/POS clone (80 mm, PC437 only, raster QR, cutter)", 576,
            List.of(new Table(CodePage.PC437, 0)), false, true);

    /** A 58 mm clone without cutter: the narrow case of the layout. */
    public static final PrinterProfile GENERIC_58 = new PrinterProfile("generic-58",
            "Generic 58 mm clone (PC437 only, raster QR, tear-off)", 384,
            List.of(new Table(CodePage.PC437, 0)), false, false);

    private static final Map<String, PrinterProfile> ALL = Map.of(
            TM_T88.id, TM_T88, GENERIC.id, GENERIC, GENERIC_58.id, GENERIC_58);

    public PrinterProfile {
        codePages = List.copyOf(codePages);
        if (codePages.isEmpty()) {
            throw new IllegalArgumentException("a profile needs at least one code table");
        }
    }

    public int columns() {
        return dotsPerLine / CHAR_WIDTH;
    }

    public static List<PrinterProfile> all() {
        return List.of(TM_T88, GENERIC, GENERIC_58);
    }

    public static PrinterProfile byId(String id) {
        PrinterProfile p = ALL.get(id.toLowerCase(Locale.ROOT));
        if (p == null) {
            throw new IllegalArgumentException("unknown printer profile " + id + " (known: " + ALL.keySet() + ")");
        }
        return p;
    }
}
