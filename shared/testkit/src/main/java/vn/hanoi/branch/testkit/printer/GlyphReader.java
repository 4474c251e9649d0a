package vn.hanoi.branch.testkit.printer;

import vn.hanoi.branch.printer.escpos.CellGlyphs;
import vn.hanoi.branch.printer.escpos.MonoBitmap;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.font.GlyphVector;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.text.Normalizer;
import java.util.HashMap;
import java.util.Map;

/**
 * Reads downloaded user-defined characters back as letters, the way a person reads the paper: by
 * what they look like. Every candidate letter is drawn here from the font at the cell size the
 * printer module documents (its own drawing code, not the module's), and a glyph reads as the letter
 * whose dots it matches exactly; anything else reads as U+FFFD.
 */
public final class GlyphReader {
    private static final GlyphReader VIETNAMESE = new GlyphReader(candidates());

    private final Map<String, Integer> byDots = new HashMap<>();

    private GlyphReader(String letters) {
        letters.codePoints().forEach(cp -> byDots.putIfAbsent(key(draw(cp)), cp));
    }

    /** Every Vietnamese letter, both cases, with and without each tone; the dashes; Latin-1. */
    public static GlyphReader vietnamese() {
        return VIETNAMESE;
    }

    public String read(MonoBitmap glyph) {
        Integer cp = byDots.get(key(glyph));
        return cp == null ? "\uFFFD" : Character.toString(cp);
    }

    /** The letter drawn from the font into a cell: 12 × 24 dots, centred on its advance, on the baseline. */
    public static MonoBitmap draw(int codePoint) {
        int w = CellGlyphs.WIDTH;
        int h = CellGlyphs.HEIGHT;
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_BINARY);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, w, h);
        g.setColor(Color.BLACK);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_OFF);
        g.setFont(new Font(CellGlyphs.FONT, Font.BOLD, CellGlyphs.FONT_PIXELS)
                .deriveFont(AffineTransform.getScaleInstance(CellGlyphs.X_SCALE, 1)));
        String s = Character.toString(codePoint);
        GlyphVector v = g.getFont().createGlyphVector(g.getFontRenderContext(), s);
        Rectangle ink = v.getPixelBounds(g.getFontRenderContext(), 0, 0);
        g.drawGlyphVector(v, (w - ink.width) / 2 - ink.x, CellGlyphs.BASELINE);
        g.dispose();
        int bpr = (w + 7) / 8;
        byte[] d = new byte[bpr * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                if ((img.getRGB(x, y) & 0xFFFFFF) == 0) {
                    d[y * bpr + x / 8] |= (byte) (0x80 >>> (x % 8));
                }
            }
        }
        return new MonoBitmap(bpr, h, d);
    }

    /** The 134 toned and untoned vowels in both cases, đ Đ, and then the rest of Latin-1 and the dashes. */
    public static String vietnameseLetters() {
        StringBuilder all = new StringBuilder("đĐ");
        for (char v : "aăâeêioôơuưy".toCharArray()) {
            for (String base : new String[] {String.valueOf(v), String.valueOf(Character.toUpperCase(v))}) {
                all.append(base);
                for (char tone : "\u0300\u0301\u0309\u0303\u0323".toCharArray()) {
                    all.append(Normalizer.normalize(base + tone, Normalizer.Form.NFC));
                }
            }
        }
        return all.toString();
    }

    private static String candidates() {
        StringBuilder s = new StringBuilder(vietnameseLetters()).append("–—");
        for (int c = 0x20; c <= 0xFF; c++) {
            if (c < 0x7F || c >= 0xA0) {
                s.appendCodePoint(c);
            }
        }
        return s.toString();
    }

    private static String key(MonoBitmap m) {
        return m.bytesPerRow() + "x" + m.rows() + ":" + java.util.HexFormat.of().formatHex(m.data());
    }
}
