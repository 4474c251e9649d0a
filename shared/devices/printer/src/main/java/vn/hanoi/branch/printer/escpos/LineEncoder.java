package vn.hanoi.branch.printer.escpos;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Turns one line of NFC text into what the printer gets in text mode: runs of bytes, each in one code
 * table or in the user-defined set. A line that one table holds whole stays in that table; otherwise
 * (TCVN-3's two halves, letters downloaded as glyphs) it switches per character. Empty means the line
 * cannot be text in this mode and goes out as raster.
 */
final class LineEncoder {
    /** Bytes in table {@code table}, or in the user-defined set when {@code glyphs}. */
    record Run(int table, boolean glyphs, byte[] bytes) {
    }

    /**
     * Punctuation PC437 lacks, printed as the ASCII sign a reader takes for it: a downloaded dash
     * costs 37 bytes and reads no better, and a raster line for a dash costs kilobytes.
     */
    private static final Map<Integer, Integer> PLAIN = Map.of(0x2013, (int) '-', 0x2014, (int) '-',
            0x2018, (int) '\'', 0x2019, (int) '\'', 0x201C, (int) '"', 0x201D, (int) '"');

    private LineEncoder() {
    }

    static Optional<List<Run>> encode(String line, PrinterProfile mode, int currentTable, UserGlyphSet glyphs) {
        List<PrinterProfile.Table> tables = new ArrayList<>(mode.textTables());
        // The table already selected first, so a plain ASCII line does not switch tables back and forth.
        tables.sort((a, b) -> Boolean.compare(b.number() == currentTable, a.number() == currentTable));
        for (PrinterProfile.Table t : tables) {
            Optional<byte[]> whole = t.page().encode(line);
            if (whole.isPresent()) {
                return Optional.of(List.of(new Run(t.number(), false, whole.get())));
            }
        }
        return perCharacter(plain(line, tables), tables, mode.vietnamese() == VietnameseMode.USER_DEFINED ? glyphs : null);
    }

    private static String plain(String line, List<PrinterProfile.Table> tables) {
        StringBuilder s = new StringBuilder(line.length());
        line.codePoints().forEach(cp -> s.appendCodePoint(PLAIN.containsKey(cp)
                && tables.stream().noneMatch(t -> t.page().encodeChar(cp) != null) ? PLAIN.get(cp) : cp));
        return s.toString();
    }

    private static Optional<List<Run>> perCharacter(String line, List<PrinterProfile.Table> tables, UserGlyphSet glyphs) {
        Set<Integer> needed = new LinkedHashSet<>();
        for (int cp : line.codePoints().toArray()) {
            if (cp < 0x20 || cp == 0x7F) {
                return Optional.empty();
            }
            if (tables.stream().noneMatch(t -> t.page().encodeChar(cp) != null)) {
                if (glyphs == null || !CellGlyphs.canDraw(cp)) {
                    return Optional.empty();
                }
                needed.add(cp);
            }
        }
        if (!needed.isEmpty() && !glyphs.reserve(needed)) {
            return Optional.empty();
        }
        List<Run> runs = new ArrayList<>();
        ByteArrayOutputStream cur = new ByteArrayOutputStream();
        int table = tables.getFirst().number();
        boolean inGlyphs = false;
        for (int cp : line.codePoints().toArray()) {
            byte[] b;
            boolean g = needed.contains(cp);
            int t = table;
            if (g) {
                b = new byte[] {(byte) glyphs.code(cp)};
            } else {
                PrinterProfile.Table in = tableFor(cp, tables, table);
                b = in.page().encodeChar(cp);
                t = in.number();
            }
            if (cur.size() > 0 && (g != inGlyphs || (!g && t != table))) {
                runs.add(new Run(table, inGlyphs, cur.toByteArray()));
                cur.reset();
            }
            inGlyphs = g;
            table = t;
            cur.writeBytes(b);
        }
        if (cur.size() > 0) {
            runs.add(new Run(table, inGlyphs, cur.toByteArray()));
        }
        return Optional.of(runs);
    }

    /** The current table when it has the character, else the first that does. */
    private static PrinterProfile.Table tableFor(int cp, List<PrinterProfile.Table> tables, int current) {
        PrinterProfile.Table first = null;
        for (PrinterProfile.Table t : tables) {
            if (t.page().encodeChar(cp) != null) {
                if (t.number() == current) {
                    return t;
                }
                if (first == null) {
                    first = t;
                }
            }
        }
        return first;
    }
}
