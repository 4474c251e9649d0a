package vn.hanoi.branch.printer;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.text.Normalizer;
import java.time.format.DateTimeFormatter;
import java.util.Map;

/**
 * Draws a queue ticket as it would come out of an 80 mm thermal printer: 576 dots wide (72 mm
 * printable at 203 dpi), black on white. The virtual printer shows it on screen; tests and the
 * printer issue compare against it.
 */
public final class ReceiptImage {
    /** Printable width of an 80 mm roll at 203 dpi, in dots. */
    public static final int WIDTH = 576;
    private static final int MARGIN = 16;
    private static final String FONT = "DejaVu Sans";
    private static final DateTimeFormatter ISSUED = DateTimeFormatter.ofPattern("HH:mm dd/MM/yyyy");

    private ReceiptImage() {
    }

    public static BufferedImage render(TicketPrint t) {
        BufferedImage canvas = new BufferedImage(WIDTH, 2000, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = canvas.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, canvas.getWidth(), canvas.getHeight());
            g.setColor(Color.BLACK);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            int y = MARGIN;
            if (t.reprint()) {
                y = centered(g, "BẢN IN LẠI / REPRINT", Font.BOLD, 22, y);
            }
            y = centered(g, t.branchNameVi(), Font.BOLD, 24, y);
            y = rule(g, y + 6);
            y = centered(g, t.serviceNameVi(), Font.BOLD, 30, y + 6);
            if (t.serviceNameEn() != null) {
                y = centered(g, t.serviceNameEn(), Font.PLAIN, 22, y);
            }
            y = centered(g, "SỐ THỨ TỰ / YOUR NUMBER", Font.PLAIN, 22, y + 10);
            y = centered(g, t.displayNumber(), Font.BOLD, 132, y);
            if (t.priorityVi() != null) {
                y = inverted(g, t.priorityVi(), 26, y + 4);
            }
            y = centered(g, "Số người chờ trước bạn: " + t.waitingAhead(), Font.PLAIN, 24, y + 8);
            y = centered(g, "People ahead of you: " + t.waitingAhead(), Font.PLAIN, 20, y);
            if (t.estimateMinutes() != null) {
                y = centered(g, "Thời gian chờ dự kiến ~" + t.estimateMinutes() + " phút / Est. wait ~"
                        + t.estimateMinutes() + " min", Font.PLAIN, 20, y + 4);
            }
            y = centered(g, ISSUED.format(t.issuedAt()), Font.PLAIN, 22, y + 8);
            if (t.lookupUrl() != null && !t.lookupUrl().isBlank()) {
                y = qr(g, t.lookupUrl(), y + 10);
            }
            if (t.noticeVi() != null) {
                y = centered(g, t.noticeVi(), Font.PLAIN, 20, y + 6);
            }
            y = rule(g, y + 8) + MARGIN;
            BufferedImage out = new BufferedImage(WIDTH, y, BufferedImage.TYPE_BYTE_GRAY);
            Graphics2D o = out.createGraphics();
            o.drawImage(canvas.getSubimage(0, 0, WIDTH, y), 0, 0, null);
            o.dispose();
            return out;
        } finally {
            g.dispose();
        }
    }

    /** Draws text centred, shrinking it until it fits the paper width; returns the next baseline top. */
    private static int centered(Graphics2D g, String text, int style, int size, int top) {
        String s = Normalizer.normalize(text, Normalizer.Form.NFC);
        Font f = new Font(FONT, style, size);
        FontMetrics fm = g.getFontMetrics(f);
        while (fm.stringWidth(s) > WIDTH - 2 * MARGIN && f.getSize() > 12) {
            f = f.deriveFont((float) f.getSize() - 1);
            fm = g.getFontMetrics(f);
        }
        g.setFont(f);
        g.drawString(s, (WIDTH - fm.stringWidth(s)) / 2, top + fm.getAscent());
        return top + fm.getHeight();
    }

    private static int inverted(Graphics2D g, String text, int size, int top) {
        FontMetrics fm = g.getFontMetrics(new Font(FONT, Font.BOLD, size));
        g.fillRect(MARGIN, top, WIDTH - 2 * MARGIN, fm.getHeight() + 8);
        g.setColor(Color.WHITE);
        int next = centered(g, text, Font.BOLD, size, top + 4) + 4;
        g.setColor(Color.BLACK);
        return next;
    }

    private static int rule(Graphics2D g, int y) {
        g.fillRect(MARGIN, y, WIDTH - 2 * MARGIN, 2);
        return y + 2;
    }

    private static int qr(Graphics2D g, String content, int top) {
        try {
            BitMatrix m = new QRCodeWriter().encode(content, BarcodeFormat.QR_CODE, 0, 0,
                    Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 0));
            int module = Math.max(2, 200 / m.getWidth());
            int size = m.getWidth() * module;
            int left = (WIDTH - size) / 2;
            for (int y = 0; y < m.getHeight(); y++) {
                for (int x = 0; x < m.getWidth(); x++) {
                    if (m.get(x, y)) {
                        g.fillRect(left + x * module, top + y * module, module, module);
                    }
                }
            }
            return top + size;
        } catch (WriterException e) {
            // A link too long for a QR code is not worth failing the ticket over.
            return top;
        }
    }
}
