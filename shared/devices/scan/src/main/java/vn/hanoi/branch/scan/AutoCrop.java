package vn.hanoi.branch.scan;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;

/**
 * Cuts away what is not paper: the dark feeder background and scanner edges around the sheet. Rows and
 * columns are paper when their brightness (over the middle half of the page, so a dark corner wedge of
 * a skewed sheet does not count) is nearer the paper's level than the background's.
 */
public final class AutoCrop {
    private AutoCrop() {
    }

    /** The paper's bounds in {@code page} coordinates (the whole page when no border is found). */
    public static Rectangle paper(BufferedImage page, int dpi) {
        int factor = Images.analysisFactor(dpi);
        BufferedImage small = Images.shrinkGray(page, factor);
        int w = small.getWidth();
        int h = small.getHeight();
        byte[] px = Images.pixels(small);
        long[] hist = Images.histogram(px);
        int paperLevel = Images.level(hist, px.length, 0.90);
        int darkLevel = Images.level(hist, px.length, 0.02);
        int cut = (paperLevel + darkLevel) / 2;
        if (paperLevel - darkLevel < 60) {
            return new Rectangle(0, 0, page.getWidth(), page.getHeight());
        }
        double[] rowMean = new double[h];
        for (int y = 0; y < h; y++) {
            long s = 0;
            for (int x = w / 4; x < w * 3 / 4; x++) {
                s += px[y * w + x] & 0xff;
            }
            rowMean[y] = s / (double) (w * 3 / 4 - w / 4);
        }
        double[] colMean = new double[w];
        for (int x = 0; x < w; x++) {
            long s = 0;
            for (int y = h / 4; y < h * 3 / 4; y++) {
                s += px[y * w + x] & 0xff;
            }
            colMean[x] = s / (double) (h * 3 / 4 - h / 4);
        }
        int top = first(rowMean, cut);
        int bottom = last(rowMean, cut);
        int left = first(colMean, cut);
        int right = last(colMean, cut);
        if (top < 0 || left < 0 || bottom - top < h / 4 || right - left < w / 4) {
            return new Rectangle(0, 0, page.getWidth(), page.getHeight());
        }
        // One more analysis pixel in from each found edge: the shadow along the sheet's edge goes too.
        int x0 = Math.min(page.getWidth() - 1, (left + (left > 0 ? 1 : 0)) * factor);
        int y0 = Math.min(page.getHeight() - 1, (top + (top > 0 ? 1 : 0)) * factor);
        int x1 = Math.min(page.getWidth(), (right + (right < w - 1 ? 0 : 1)) * factor);
        int y1 = Math.min(page.getHeight(), (bottom + (bottom < h - 1 ? 0 : 1)) * factor);
        if (right >= w - 1) {
            x1 = page.getWidth();
        }
        if (bottom >= h - 1) {
            y1 = page.getHeight();
        }
        return new Rectangle(x0, y0, Math.max(1, x1 - x0), Math.max(1, y1 - y0));
    }

    /** The page cut to its paper (the same image when nothing is cut). */
    public static BufferedImage crop(BufferedImage page, int dpi) {
        Rectangle r = paper(page, dpi);
        if (r.x == 0 && r.y == 0 && r.width == page.getWidth() && r.height == page.getHeight()) {
            return page;
        }
        return Images.copy(page, r.x, r.y, r.width, r.height);
    }

    private static int first(double[] v, int cut) {
        for (int i = 0; i < v.length; i++) {
            if (v[i] > cut) {
                return i;
            }
        }
        return -1;
    }

    private static int last(double[] v, int cut) {
        for (int i = v.length - 1; i >= 0; i--) {
            if (v[i] > cut) {
                return i;
            }
        }
        return -1;
    }
}
