package vn.hanoi.branch.printer.escpos;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.util.List;

/**
 * Letters drawn into font A's 12 × 24 cell, for {@code ESC &} user-defined characters. DejaVu Sans
 * Bold (the raster path's font, in every Debian install) at 17 px, narrowed to 85 %, puts every
 * Vietnamese letter, stacked marks included, inside the cell (rows 0..22, at most 11 dots of ink)
 * with the baseline where the printer's own letters have theirs, so downloaded letters sit in line
 * with text. DejaVu Sans Mono would fit without narrowing but lacks the hook above and the stacked
 * circumflex and breve letters.
 */
public final class CellGlyphs {
    public static final int WIDTH = PrinterProfile.CHAR_WIDTH;
    public static final int HEIGHT = PrinterProfile.CHAR_HEIGHT;
    /** {@code ESC &} y: font A columns are 24 dots, 3 bytes, high bit on top. */
    public static final int BYTES_PER_COLUMN = HEIGHT / 8;
    public static final String FONT = RasterText.FONT;
    public static final int FONT_PIXELS = 17;
    public static final double X_SCALE = 0.85;
    public static final int BASELINE = 19;
    /** Codes a download may define: {@code ESC &} takes 0x20..0x7E. */
    public static final int FIRST_CODE = 0x20;
    public static final int LAST_CODE = 0x7E;
    public static final int MAX_GLYPHS = LAST_CODE - FIRST_CODE + 1;

    private CellGlyphs() {
    }

    public static Font font() {
        return new Font(FONT, Font.BOLD, FONT_PIXELS).deriveFont(AffineTransform.getScaleInstance(X_SCALE, 1));
    }

    /** True when the font on this machine has the letter (no box would be downloaded). */
    public static boolean canDraw(int codePoint) {
        return font().canDisplay(codePoint);
    }

    /** The letter as a 12 × 24 bitmap (2 bytes a row, the last 4 dots of each row unused). */
    public static MonoBitmap render(int codePoint) {
        BufferedImage img = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_OFF);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, WIDTH, HEIGHT);
            g.setColor(Color.BLACK);
            g.setFont(font());
            // Centred on the ink, not the advance: a horn or a hook must not push the letter out of the cell.
            String s = Character.toString(codePoint);
            Rectangle ink = g.getFont().createGlyphVector(g.getFontRenderContext(), s)
                    .getPixelBounds(g.getFontRenderContext(), 0, 0);
            g.drawString(s, (WIDTH - ink.width) / 2 - ink.x, BASELINE);
        } finally {
            g.dispose();
        }
        return MonoBitmap.of(img, 0);
    }

    /** One glyph as {@code ESC &} wants it: column after column, each column top to bottom, MSB first. */
    public static byte[] columns(MonoBitmap glyph) {
        byte[] b = new byte[WIDTH * BYTES_PER_COLUMN];
        for (int x = 0; x < WIDTH; x++) {
            for (int y = 0; y < HEIGHT; y++) {
                if (glyph.black(x, y)) {
                    b[x * BYTES_PER_COLUMN + y / 8] |= (byte) (0x80 >>> (y % 8));
                }
            }
        }
        return b;
    }

    /**
     * {@code ESC & y c1 c2} defining {@code glyphs} at consecutive codes from {@code firstCode}; each
     * character is full width (12 dots) so columns line up with the printer's own letters.
     */
    public static byte[] download(int firstCode, List<MonoBitmap> glyphs) {
        int last = firstCode + glyphs.size() - 1;
        if (glyphs.isEmpty() || firstCode < FIRST_CODE || last > LAST_CODE) {
            throw new IllegalArgumentException("user-defined codes are 0x20..0x7E");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(5 + glyphs.size() * (1 + WIDTH * BYTES_PER_COLUMN));
        out.writeBytes(new byte[] {EscPosCommands.ESC, '&', (byte) BYTES_PER_COLUMN, (byte) firstCode, (byte) last});
        for (MonoBitmap g : glyphs) {
            out.write(WIDTH);
            out.writeBytes(columns(g));
        }
        return out.toByteArray();
    }
}
