package vn.hanoi.branch.testkit.printer;

import vn.hanoi.branch.printer.escpos.MonoBitmap;

import java.util.HashMap;
import java.util.Map;

/**
 * One {@code ESC & y c1 c2 [x d1 … d(y·x)]…} command decoded: characters c1..c2, each x dots wide,
 * given column by column, y bytes a column with the top dot in the high bit. The glyphs are kept as
 * row-major dots so they compare with a font's rendering.
 */
record GlyphDownload(int length, int bytesPerColumn, int first, int last, Map<Integer, MonoBitmap> glyphs) {

    /** The command at {@code i}, or null when its bytes have not all arrived yet. */
    static GlyphDownload parse(byte[] b, int i) {
        if (b.length - i < 5) {
            return null;
        }
        int y = b[i + 2] & 0xFF;
        int c1 = b[i + 3] & 0xFF;
        int c2 = b[i + 4] & 0xFF;
        int at = i + 5;
        Map<Integer, MonoBitmap> defined = new HashMap<>();
        for (int c = c1; c <= c2; c++) {
            if (at >= b.length) {
                return null;
            }
            int x = b[at] & 0xFF;
            if (at + 1 + x * y > b.length) {
                return null;
            }
            int bpr = (x + 7) / 8;
            byte[] rows = new byte[bpr * y * 8];
            for (int col = 0; col < x; col++) {
                for (int row = 0; row < y * 8; row++) {
                    if ((b[at + 1 + col * y + row / 8] & (0x80 >>> (row % 8))) != 0) {
                        rows[row * bpr + col / 8] |= (byte) (0x80 >>> (col % 8));
                    }
                }
            }
            defined.put(c, new MonoBitmap(bpr, y * 8, rows));
            at += 1 + x * y;
        }
        return new GlyphDownload(at - i, y, c1, c2, Map.copyOf(defined));
    }

    boolean fontA() {
        return bytesPerColumn == 3 && first >= 0x20 && last <= 0x7E && first <= last;
    }
}
