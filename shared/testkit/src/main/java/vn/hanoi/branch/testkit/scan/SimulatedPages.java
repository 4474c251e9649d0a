package vn.hanoi.branch.testkit.scan;

import vn.hanoi.branch.scan.Images;
import vn.hanoi.branch.scan.ScanSettings;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Random;

import vn.hanoi.branch.pdf.PdfFonts;

/**
 * Realistic made-up A4 pages as a scanner would deliver them: printed Vietnamese text in DejaVu Sans,
 * a red round stamp, the sheet slightly turned on a dark feeder background, specks of dust. Seeded, so a
 * test gets the same pages every run. The people and addresses are invented.
 */
public final class SimulatedPages {
    /** What is on the sheet; the blank kinds are what blank-page removal must drop. */
    public enum Kind { TEXT, ONE_LINE, BLANK, BLANK_NOISY, BLEED_THROUGH }

    public static final double A4_WIDTH_IN = 210 / 25.4;
    public static final double A4_HEIGHT_IN = 297 / 25.4;
    private static final int PAPER = 246;
    private static final int BACKGROUND = 55;

    private static final String[] LINES = {
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
            "Độc lập - Tự do - Hạnh phúc",
            "",
            "TỜ KHAI ĐĂNG KÝ THƯỜNG TRÚ",
            "",
            "Kính gửi: Ủy ban nhân dân phường Điện Biên, quận Ba Đình",
            "1. Họ, chữ đệm và tên: NGUYỄN VĂN MẪU (người giả định)",
            "2. Ngày, tháng, năm sinh: 01/01/1990      3. Giới tính: Nam",
            "4. Số định danh cá nhân: 001090000000 (số mẫu)",
            "5. Nơi thường trú: Số 1 phố Thử Nghiệm, phường Mẫu, Hà Nội",
            "6. Nghề nghiệp, nơi làm việc: Kỹ sư, Công ty Ví Dụ",
            "7. Nội dung đề nghị: Đăng ký thường trú tại địa chỉ trên",
            "8. Những thành viên trong hộ gia đình cùng thay đổi:",
            "   - Trần Thị Giả Định, sinh năm 1992, quan hệ: vợ",
            "   - Nguyễn Minh Thử, sinh năm 2018, quan hệ: con",
            "Tôi xin cam đoan những nội dung khai trên là đúng sự thật",
            "và chịu trách nhiệm trước pháp luật về lời khai của mình.",
            "",
            "Ý KIẾN CỦA CHỦ HỘ                        NGƯỜI KÊ KHAI",
            "(Ghi rõ nội dung, ký, ghi rõ họ tên)      (Ký, ghi rõ họ tên)",
    };

    private static volatile Font baseFont;

    private SimulatedPages() {
    }

    /** Pixel size of an A4 sheet at {@code dpi}. */
    public static int widthAt(int dpi) {
        return (int) Math.round(A4_WIDTH_IN * dpi);
    }

    public static int heightAt(int dpi) {
        return (int) Math.round(A4_HEIGHT_IN * dpi);
    }

    /**
     * One scanned sheet. {@code skewDegrees} turns the sheet clockwise on the glass; the image is grey for
     * LINEART and GRAY (the clean-up makes B/W), RGB for COLOR.
     */
    public static BufferedImage render(Kind kind, int dpi, ScanSettings.ColorMode mode, double skewDegrees, long seed) {
        Random rnd = new Random(seed);
        int w = widthAt(dpi);
        int h = heightAt(dpi);
        BufferedImage img = new BufferedImage(w, h,
                mode == ScanSettings.ColorMode.COLOR ? BufferedImage.TYPE_INT_RGB : BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(gray(BACKGROUND));
        g.fillRect(0, 0, w, h);
        AffineTransform straight = g.getTransform();
        g.rotate(Math.toRadians(skewDegrees), w / 2.0, h / 2.0);
        // The sheet is a little smaller than the scan area: the feeder's background shows around it.
        int inset = dpi / 12;
        g.setColor(gray(PAPER));
        g.fillRect(inset, inset, w - 2 * inset, h - 2 * inset);
        double mm = dpi / 25.4;
        switch (kind) {
            case TEXT -> {
                text(g, dpi, mm, LINES.length, new Color(25, 25, 30), false);
                stamp(g, (int) (140 * mm), (int) (200 * mm), (int) (20 * mm), mm);
            }
            case ONE_LINE -> {
                g.setColor(new Color(25, 25, 30));
                g.setFont(font().deriveFont((float) (12 * dpi / 72.0)));
                g.drawString("Đã nhận đủ hồ sơ, ngày 05/06/2025", (int) (30 * mm), (int) (120 * mm));
            }
            case BLEED_THROUGH -> {
                // The other side's print showing through thin paper: mirrored and faint.
                AffineTransform t = g.getTransform();
                g.translate(w, 0);
                g.scale(-1, 1);
                text(g, dpi, mm, LINES.length, gray(PAPER - 28), false);
                g.setTransform(t);
            }
            case BLANK, BLANK_NOISY -> {
            }
        }
        g.setTransform(straight);
        g.dispose();
        specks(img, rnd, kind == Kind.BLANK_NOISY ? 6000 : 1500, inset);
        if (kind == Kind.BLANK_NOISY) {
            // A dark scanner edge along one side, as a lid that was not fully closed leaves.
            Graphics2D e = img.createGraphics();
            e.setColor(gray(30));
            e.fillRect(0, 0, w, inset * 2);
            e.dispose();
        }
        return img;
    }

    private static void text(Graphics2D g, int dpi, double mm, int lines, Color color, boolean unused) {
        g.setColor(color);
        Font body = font().deriveFont((float) (12 * dpi / 72.0));
        Font title = font().deriveFont(Font.BOLD, (float) (14 * dpi / 72.0));
        double lineGap = 8.5 * mm;
        double y = 30 * mm;
        for (int i = 0; i < lines; i++) {
            String line = LINES[i % LINES.length];
            boolean heading = i == 0 || i == 3;
            g.setFont(heading ? title : body);
            int x = heading || i == 1
                    ? (int) ((210 * mm - g.getFontMetrics().stringWidth(line)) / 2)
                    : (int) (22 * mm);
            g.drawString(line, x, (int) y);
            y += lineGap;
        }
        // More body text below, as a filled form would have.
        g.setFont(body);
        for (int i = 0; i < 6; i++) {
            g.drawString("Ghi chú " + (i + 1) + ": nội dung mẫu dùng để thử máy quét, không phải dữ liệu thật.",
                    (int) (22 * mm), (int) (y + (i + 8) * lineGap));
        }
    }

    private static void stamp(Graphics2D g, int cx, int cy, int r, double mm) {
        Color red = new Color(205, 30, 35);
        g.setColor(red);
        g.setStroke(new BasicStroke((float) (0.8 * mm)));
        g.drawOval(cx - r, cy - r, 2 * r, 2 * r);
        int r2 = (int) (r * 0.72);
        g.setStroke(new BasicStroke((float) (0.4 * mm)));
        g.drawOval(cx - r2, cy - r2, 2 * r2, 2 * r2);
        g.setFont(font().deriveFont(Font.BOLD, (float) (3.2 * mm)));
        String[] words = {"ỦY BAN NHÂN DÂN", "PHƯỜNG MẪU"};
        for (int i = 0; i < words.length; i++) {
            int tw = g.getFontMetrics().stringWidth(words[i]);
            g.drawString(words[i], cx - tw / 2, (int) (cy - 1 * mm + i * 4.5 * mm));
        }
        // The star in the middle top of the seal.
        int s = (int) (3 * mm);
        int[] xs = new int[10];
        int[] ys = new int[10];
        for (int i = 0; i < 10; i++) {
            double a = -Math.PI / 2 + i * Math.PI / 5;
            double rr = i % 2 == 0 ? s : s * 0.4;
            xs[i] = (int) (cx + rr * Math.cos(a));
            ys[i] = (int) (cy - 7 * mm + rr * Math.sin(a));
        }
        g.fillPolygon(xs, ys, 10);
    }

    private static void specks(BufferedImage img, Random rnd, int count, int inset) {
        int w = img.getWidth();
        int h = img.getHeight();
        boolean gray = img.getType() == BufferedImage.TYPE_BYTE_GRAY;
        byte[] g = gray ? Images.pixels(img) : null;
        for (int i = 0; i < count; i++) {
            int x = inset + rnd.nextInt(w - 2 * inset - 2);
            int y = inset + rnd.nextInt(h - 2 * inset - 2);
            int v = 40 + rnd.nextInt(120);
            int size = rnd.nextInt(4) == 0 ? 2 : 1;
            for (int dy = 0; dy < size; dy++) {
                for (int dx = 0; dx < size; dx++) {
                    if (gray) {
                        g[(y + dy) * w + x + dx] = (byte) v;
                    } else {
                        img.setRGB(x + dx, y + dy, (v << 16) | (v << 8) | v);
                    }
                }
            }
        }
    }

    private static Color gray(int v) {
        return new Color(v, v, v);
    }

    /** DejaVu Sans, the font of the branch's PDFs, which has every Vietnamese letter. */
    static Font font() {
        Font f = baseFont;
        if (f == null) {
            try (InputStream in = Files.isReadable(PdfFonts.SYSTEM_DEJAVU) ? Files.newInputStream(PdfFonts.SYSTEM_DEJAVU)
                    : PdfFonts.class.getResourceAsStream("DejaVuSans.ttf")) {
                f = Font.createFont(Font.TRUETYPE_FONT, in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (FontFormatException e) {
                throw new IllegalStateException(e);
            }
            baseFont = f;
        }
        return f;
    }
}
