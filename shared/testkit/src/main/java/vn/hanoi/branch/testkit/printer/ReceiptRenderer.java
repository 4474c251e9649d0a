package vn.hanoi.branch.testkit.printer;

import vn.hanoi.branch.printer.escpos.PrinterProfile;
import vn.hanoi.branch.printer.escpos.QrImages;
import vn.hanoi.branch.printer.escpos.RasterText;

import com.google.zxing.WriterException;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.google.zxing.qrcode.encoder.ByteMatrix;
import com.google.zxing.qrcode.encoder.Encoder;
import com.google.zxing.EncodeHintType;
import vn.hanoi.branch.printer.escpos.EscPosCommands.Align;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import vn.hanoi.branch.testkit.printer.EscPosInterpreter.Element;
import vn.hanoi.branch.testkit.printer.EscPosInterpreter.Receipt;
import vn.hanoi.branch.testkit.printer.EscPosInterpreter.TextLine;
import vn.hanoi.branch.testkit.printer.EscPosInterpreter.Raster;
import vn.hanoi.branch.testkit.printer.EscPosInterpreter.Qr;
import vn.hanoi.branch.testkit.printer.EscPosInterpreter.Feed;
import vn.hanoi.branch.testkit.printer.EscPosInterpreter.Cut;

/** Draws a receipt as it would look on paper. */
final class ReceiptRenderer {
    private static final int MARGIN = 16;

    private ReceiptRenderer() {
    }

    static BufferedImage render(Receipt r, int dots) {
        int h = 2 * MARGIN;
        for (Element e : r.elements()) {
            h += height(e);
        }
        BufferedImage img = new BufferedImage(dots, Math.max(h, 1), BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = img.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, dots, h);
            g.setColor(Color.BLACK);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_OFF);
            int y = MARGIN;
            for (Element e : r.elements()) {
                draw(g, e, y, dots);
                y += height(e);
            }
        } finally {
            g.dispose();
        }
        return img;
    }

    private static int height(Element e) {
        return switch (e) {
            case TextLine t -> EscPosInterpreter.LINE_SPACING * t.height();
            case Raster ra -> ra.bitmap().rows();
            case Qr q -> matrix(q) == null ? 0 : matrix(q).getWidth() * q.module();
            case Feed f -> EscPosInterpreter.LINE_SPACING * f.lines();
            case Cut c -> 8;
        };
    }

    private static int x(Align a, int width, int dots) {
        return switch (a) {
            case LEFT -> 0;
            case CENTER -> Math.max(0, (dots - width) / 2);
            case RIGHT -> Math.max(0, dots - width);
        };
    }

    private static void draw(Graphics2D g, Element e, int y, int dots) {
        switch (e) {
            case TextLine t -> text(g, t, y, dots);
            case Raster ra -> g.drawImage(ra.bitmap().toImage(), x(ra.align(), ra.bitmap().widthDots(), dots), y, null);
            case Qr q -> {
                ByteMatrix m = matrix(q);
                if (m != null) {
                    BufferedImage img = QrImages.draw(m, q.module());
                    g.drawImage(img, x(q.align(), img.getWidth(), dots), y, null);
                }
            }
            case Feed f -> { }
            case Cut c -> {
                g.setStroke(new BasicStroke(1, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 1, new float[] {6, 6}, 0));
                g.drawLine(0, y + 4, dots, y + 4);
            }
        }
    }

    private static void text(Graphics2D g, TextLine t, int y, int dots) {
        int cw = PrinterProfile.CHAR_WIDTH * t.width();
        int ch = PrinterProfile.CHAR_HEIGHT * t.height();
        int[] cps = t.text().codePoints().toArray();
        int x = x(t.align(), cps.length * cw, dots);
        // Stretch 20-pixel glyphs to the 12 × 24 cell of font A, times the size multiples. The
        // monospaced face lacks some precomposed Vietnamese letters; those come from DejaVu Sans.
        Font mono = cellFont(g, "DejaVu Sans Mono", t, cw);
        Font sans = cellFont(g, RasterText.FONT, t, cw);
        for (int cp : cps) {
            g.setFont(mono.canDisplay(cp) ? mono : sans);
            if (t.reverse()) {
                g.setColor(Color.BLACK);
                g.fillRect(x, y, cw, ch + 4);
                g.setColor(Color.WHITE);
            }
            g.drawString(Character.toString(cp), x, y + 19 * t.height());
            if (t.bold()) {
                g.drawString(Character.toString(cp), x + 1, y + 19 * t.height());
            }
            g.setColor(Color.BLACK);
            x += cw;
        }
    }

    private static Font cellFont(Graphics2D g, String family, TextLine t, int cellWidth) {
        Font base = new Font(family, t.bold() ? Font.BOLD : Font.PLAIN, 20);
        double sx = cellWidth / (double) g.getFontMetrics(base).charWidth('M');
        return base.deriveFont(AffineTransform.getScaleInstance(sx, t.height()));
    }

    private static ByteMatrix matrix(Qr q) {
        try {
            // Printers put the stored bytes in one byte-mode segment without an ECI header.
            String bytesAsLatin1 = new String(q.content().getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
            return Encoder.encode(bytesAsLatin1, ErrorCorrectionLevel.M,
                    Map.of(EncodeHintType.CHARACTER_SET, "ISO-8859-1")).getMatrix();
        } catch (WriterException e) {
            return null;
        }
    }
}
