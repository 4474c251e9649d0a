package vn.hanoi.branch.printer.escpos;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What one printer model can do, and how IT chose to print Vietnamese on it. The layout asks the
 * profile instead of assuming Epson, because clone printers answer the same commands with different
 * tables and some lack native QR codes or a cutter.
 *
 * @param id          name used in configuration ({@code --printer-profile})
 * @param dotsPerLine printable width: 576 on 80 mm paper (512 on some TM-T88 models), 384 on 58 mm (203 dpi)
 * @param codePages   tables the printer has, with the {@code ESC t} number it uses for each, in order
 *                    of preference
 * @param nativeQr    understands {@code GS ( k} QR model 2; otherwise the QR is sent as a compact raster
 * @param cutter      has an auto-cutter ({@code GS V}); otherwise the paper is fed out for tearing
 * @param userDefinedChars accepts {@code ESC &} / {@code ESC %} user-defined characters in font A
 * @param vietnamese  the Vietnamese mode in use; one of {@link #modes()}
 */
public record PrinterProfile(String id, String description, int dotsPerLine, List<Table> codePages,
                             boolean nativeQr, boolean cutter, boolean userDefinedChars, VietnameseMode vietnamese) {

    /** A code page as one printer numbers it. */
    public record Table(CodePage page, int number) {
    }

    /** Font A is 12 × 24 dots on every printer we know; columns follow from the paper width. */
    public static final int CHAR_WIDTH = 12;
    public static final int CHAR_HEIGHT = 24;

    private static final List<Table> EPSON_TABLES = List.of(new Table(CodePage.PC437, 0),
            new Table(CodePage.WPC1258, 52), new Table(CodePage.TCVN3, 30), new Table(CodePage.TCVN3_CAPITALS, 31));
    private static final List<Table> PC437_ONLY = List.of(new Table(CodePage.PC437, 0));

    public static final PrinterProfile TM_T88 = new PrinterProfile("tm-t88",
            "Epson TM-T88 (80 mm, 576 dots, 48 columns, Windows-1258/TCVN-3, native QR, cutter)", 576,
            EPSON_TABLES, true, true, true, VietnameseMode.WINDOWS_1258);

    /** TM-T88 models set to 512 dots: 42 columns on the same 80 mm paper. */
    public static final PrinterProfile TM_T88_42 = new PrinterProfile("tm-t88-42",
            "Epson TM-T88 (80 mm, 512 dots, 42 columns, Windows-1258/TCVN-3, native QR, cutter)", 512,
            EPSON_TABLES, true, true, true, VietnameseMode.WINDOWS_1258);

    /** An Xprinter-type 80 mm clone, the usual purchase: PC437 only but native QR and user-defined characters. */
    public static final PrinterProfile CLONE_QR = new PrinterProfile("clone-qr",
            "80 mm clone (576 dots, 48 columns, PC437, native QR, cutter)", 576,
            PC437_ONLY, true, true, true, VietnameseMode.USER_DEFINED);

    /** A typical unbranded 80 mm clone: only the PC437 table, no QR command, a cutter. */
    public static final PrinterProfile GENERIC = new PrinterProfile("generic",
            "80 mm clone (576 dots, 48 columns, PC437, raster QR, cutter)", 576,
            PC437_ONLY, false, true, true, VietnameseMode.USER_DEFINED);

    /** A 58 mm clone without cutter: the narrow case of the layout. */
    public static final PrinterProfile GENERIC_58 = new PrinterProfile("generic-58",
            "58 mm clone (384 dots, 32 columns, PC437, raster QR, tear-off)", 384,
            PC437_ONLY, false, false, true, VietnameseMode.USER_DEFINED);

    private static final List<PrinterProfile> ALL = List.of(TM_T88, TM_T88_42, CLONE_QR, GENERIC, GENERIC_58);
    private static final Map<String, PrinterProfile> BY_ID = ALL.stream()
            .collect(Collectors.toMap(PrinterProfile::id, Function.identity()));

    public PrinterProfile {
        codePages = List.copyOf(codePages);
        if (codePages.isEmpty()) {
            throw new IllegalArgumentException("a profile needs at least one code table");
        }
        if (!offers(codePages, userDefinedChars, vietnamese)) {
            throw new IllegalArgumentException("máy in " + id + " không có chế độ / printer " + id
                    + " has no Vietnamese mode " + vietnamese.id());
        }
    }

    public int columns() {
        return dotsPerLine / CHAR_WIDTH;
    }

    /** The Vietnamese modes this printer can be set to, the test page prints one line in each. */
    public List<VietnameseMode> modes() {
        List<VietnameseMode> m = new ArrayList<>();
        for (VietnameseMode v : VietnameseMode.values()) {
            if (offers(codePages, userDefinedChars, v)) {
                m.add(v);
            }
        }
        return m;
    }

    /** The same printer with another Vietnamese mode (IT's choice). */
    public PrinterProfile withVietnamese(VietnameseMode mode) {
        return new PrinterProfile(id, description, dotsPerLine, codePages, nativeQr, cutter, userDefinedChars, mode);
    }

    /** The tables text may use in the current mode: those without Vietnamese, and the mode's own. */
    public List<Table> textTables() {
        return codePages.stream().filter(t -> t.page().vietnamese() == null || t.page().vietnamese() == vietnamese)
                .toList();
    }

    private static boolean offers(List<Table> tables, boolean userDefined, VietnameseMode m) {
        return switch (m) {
            case RASTER -> true;
            case USER_DEFINED -> userDefined;
            default -> tables.stream().anyMatch(t -> t.page().vietnamese() == m);
        };
    }

    public static List<PrinterProfile> all() {
        return ALL;
    }

    /** A profile by its id, in its default Vietnamese mode. */
    public static PrinterProfile byId(String id) {
        PrinterProfile p = BY_ID.get(id.strip().toLowerCase(Locale.ROOT));
        if (p == null) {
            throw new IllegalArgumentException("không rõ loại máy in / unknown printer profile " + id
                    + " (known: " + ALL.stream().map(PrinterProfile::id).toList() + ")");
        }
        return p;
    }
}
