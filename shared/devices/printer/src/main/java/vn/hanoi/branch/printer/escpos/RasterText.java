package vn.hanoi.branch.printer.escpos;

import vn.hanoi.branch.printer.escpos.EscPosCommands.Align;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.text.Normalizer;

/**
 * Draws a line of text as a raster band, for printers whose code tables cannot encode it. The band
 * is as tall as a text line of the same size so that raster and text lines sit evenly on the paper.
 */
public final class RasterText {
    /** DejaVu Sans has every precomposed Vietnamese letter; a font without them would print boxes. */
    public static final String FONT = "DejaVu Sans";
    private static final int LINE_DOTS = 30;
    private static final int FONT_DOTS = 20;
    private static final int BASELINE_DOTS = 24;

    private RasterText() {
    }

    public static Font font(int mult, boolean bold) {
        return new Font(FONT, bold ? Font.BOLD : Font.PLAIN, FONT_DOTS * mult);
    }

    /** True when the font on this machine draws every letter of the text (no boxes). */
    public static boolean canDraw(String text) {
        return font(1, false).canDisplayUpTo(Normalizer.normalize(text, Normalizer.Form.NFC)) < 0;
    }

    public static int widthDots(String text, int mult, boolean bold) {
        BufferedImage scratch = new BufferedImage(1, 1, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = scratch.createGraphics();
        try {
            return g.getFontMetrics(font(mult, bold)).stringWidth(Normalizer.normalize(text, Normalizer.Form.NFC));
        } finally {
            g.dispose();
        }
    }

    /** The band for one line; text too wide for the paper is shrunk rather than cut off. */
    public static MonoBitmap line(String text, int dotsPerLine, Align align, int mult, boolean bold, boolean reverse) {
        String s = Normalizer.normalize(text, Normalizer.Form.NFC);
        int height = LINE_DOTS * mult;
        BufferedImage scratch = new BufferedImage(1, 1, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D sg = scratch.createGraphics();
        Font f = font(mult, bold);
        FontMetrics fm = sg.getFontMetrics(f);
        int pad = reverse ? 8 : 0;
        while (fm.stringWidth(s) + 2 * pad > dotsPerLine && f.getSize() > 10) {
            f = f.deriveFont((float) f.getSize() - 1);
            fm = sg.getFontMetrics(f);
        }
        sg.dispose();
        int width = Math.min(dotsPerLine, fm.stringWidth(s) + 2 * pad);
        BufferedImage img = new BufferedImage(Math.max(1, width), height, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = img.createGraphics();
        try {
            // Plain thresholded glyphs: anti-aliasing only adds grey that thresholding turns into noise.
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_OFF);
            g.setColor(reverse ? Color.BLACK : Color.WHITE);
            g.fillRect(0, 0, img.getWidth(), height);
            g.setColor(reverse ? Color.WHITE : Color.BLACK);
            g.setFont(f);
            g.drawString(s, pad, BASELINE_DOTS * mult);
        } finally {
            g.dispose();
        }
        int leftPad = switch (align) {
            case LEFT -> 0;
            case CENTER -> (dotsPerLine - width) / 2;
            case RIGHT -> dotsPerLine - width;
        };
        return MonoBitmap.of(img, leftPad);
    }
}
