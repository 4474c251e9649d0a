package vn.hanoi.branch.scan;

import java.awt.image.BufferedImage;

/**
 * Tells blank sheets (the backs of single-sided papers in a duplex batch) from pages with anything on
 * them. On a copy reduced to about 75 dpi, a pixel is ink when it is much darker than the paper (faint
 * bleed-through from the other side is not), specks vanish in the reduction or stand alone, and the
 * margins where scanner edges and shadows sit are left out. A page is blank when fewer than
 * {@link #MIN_INK_PIXELS} ink pixels have two ink neighbours: one short handwritten or printed line is
 * well above that.
 */
public final class BlankPageDetector {
    /** Darker than the paper by this much (of 255) counts as ink. */
    static final int INK_CONTRAST = 70;
    static final int MIN_INK_PIXELS = 150;

    private BlankPageDetector() {
    }

    public static boolean isBlank(BufferedImage page, int dpi) {
        return inkPixels(page, dpi) < MIN_INK_PIXELS;
    }

    /** Connected ink pixels at about 75 dpi, inside the margins. */
    public static int inkPixels(BufferedImage page, int dpi) {
        BufferedImage small = Images.shrinkGray(page, Images.analysisFactor(dpi));
        int w = small.getWidth();
        int h = small.getHeight();
        byte[] px = Images.pixels(small);
        int paper = Images.level(Images.histogram(px), px.length, 0.5); // most of any page is paper
        int limit = paper - INK_CONTRAST;
        int mx = Math.max(1, w * 6 / 100);
        int my = Math.max(1, h * 5 / 100);
        int count = 0;
        for (int y = my; y < h - my; y++) {
            for (int x = mx; x < w - mx; x++) {
                int i = y * w + x;
                if ((px[i] & 0xff) >= limit) {
                    continue;
                }
                int neighbours = 0;
                for (int dy = -1; dy <= 1; dy++) {
                    for (int dx = -1; dx <= 1; dx++) {
                        if ((dx != 0 || dy != 0) && (px[i + dy * w + dx] & 0xff) < limit) {
                            neighbours++;
                        }
                    }
                }
                if (neighbours >= 2) { // a stroke goes on both ways; a speck is alone or a pair
                    count++;
                }
            }
        }
        return count;
    }
}
