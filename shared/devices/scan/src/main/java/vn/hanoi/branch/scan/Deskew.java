package vn.hanoi.branch.scan;

import java.awt.image.BufferedImage;

/**
 * Finds how far a page is turned by the projection profile: the ink is projected onto a vertical axis
 * sheared by each candidate angle; at the true angle the lines of text fall into few bins, so the sum of
 * squared bin counts is highest. Runs on a reduced copy (about 100 dpi): a coarse pass over ±{@value #MAX_DEGREES}°
 * then a fine one at 0.05°.
 */
public final class Deskew {
    public static final double MAX_DEGREES = 8;

    private Deskew() {
    }

    /** The skew of the content in degrees, clockwise positive; rotate by its negative to straighten. */
    public static double angle(BufferedImage page, int dpi) {
        int factor = Math.max(1, Math.round(dpi / 100f));
        BufferedImage small = Images.shrinkGray(page, factor);
        int t = Binarizer.otsu(small);
        int w = small.getWidth();
        int h = small.getHeight();
        byte[] px = Images.pixels(small);
        // Ink points, leaving out a margin where scanner edges and shadows sit.
        int mx = w / 20;
        int my = h / 20;
        int[] xs = new int[w * h / 4];
        int[] ys = new int[w * h / 4];
        int n = 0;
        for (int y = my; y < h - my && n < xs.length; y++) {
            for (int x = mx; x < w - mx && n < xs.length; x++) {
                if ((px[y * w + x] & 0xff) < t) {
                    xs[n] = x - w / 2;
                    ys[n] = y;
                    n++;
                }
            }
        }
        if (n < 50) {
            return 0; // nothing to straighten (a blank page)
        }
        int bins = h * 2 + w;
        long[] hist = new long[bins];
        double best = 0;
        double bestScore = -1;
        for (double a = -MAX_DEGREES; a <= MAX_DEGREES + 1e-9; a += 0.5) {
            double s = score(a, xs, ys, n, hist, w);
            if (s > bestScore) {
                bestScore = s;
                best = a;
            }
        }
        double coarse = best;
        for (double a = coarse - 0.5; a <= coarse + 0.5 + 1e-9; a += 0.05) {
            double s = score(a, xs, ys, n, hist, w);
            if (s > bestScore) {
                bestScore = s;
                best = a;
            }
        }
        return Math.round(best * 100) / 100.0;
    }

    private static double score(double degrees, int[] xs, int[] ys, int n, long[] hist, int w) {
        java.util.Arrays.fill(hist, 0);
        double tan = Math.tan(Math.toRadians(degrees));
        int offset = w;
        for (int i = 0; i < n; i++) {
            int b = (int) Math.round(ys[i] - xs[i] * tan) + offset;
            if (b >= 0 && b < hist.length) {
                hist[b]++;
            }
        }
        double s = 0;
        for (long c : hist) {
            s += (double) c * c;
        }
        return s;
    }

    /** The page turned straight (unchanged when the skew is under 0.05°). */
    public static BufferedImage straighten(BufferedImage page, double skewDegrees) {
        return Math.abs(skewDegrees) < 0.05 ? page : Images.rotate(page, -skewDegrees);
    }
}
