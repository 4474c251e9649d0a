package vn.hanoi.branch.scan;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;

/** Black and white by Otsu's threshold (the one that best separates ink from paper in the histogram). */
public final class Binarizer {
    private Binarizer() {
    }

    /** Otsu's threshold of an 8-bit grey image: pixels at or below it are ink. */
    public static int otsu(BufferedImage gray) {
        byte[] px = Images.pixels(gray);
        long[] hist = Images.histogram(px);
        return otsu(hist, px.length);
    }

    static int otsu(long[] hist, long total) {
        double sum = 0;
        for (int i = 0; i < 256; i++) {
            sum += i * (double) hist[i];
        }
        double sumB = 0;
        long wB = 0;
        double best = -1;
        int threshold = 127;
        for (int t = 0; t < 256; t++) {
            wB += hist[t];
            if (wB == 0) {
                continue;
            }
            long wF = total - wB;
            if (wF == 0) {
                break;
            }
            sumB += t * (double) hist[t];
            double mB = sumB / wB;
            double mF = (sum - sumB) / wF;
            double between = (double) wB * wF * (mB - mF) * (mB - mF);
            if (between > best) {
                best = between;
                threshold = t;
            }
        }
        return threshold;
    }

    /**
     * A 1-bit image (TYPE_BYTE_BINARY, 0 = black) for CCITT G4. The threshold is Otsu's of a reduced copy,
     * which is as good and much faster on a 300 dpi page.
     */
    public static BufferedImage toBinary(BufferedImage img, int dpi) {
        BufferedImage gray = Images.gray(img);
        int t = otsu(Images.shrinkGray(gray, Math.max(1, Images.analysisFactor(dpi) / 2)));
        int w = gray.getWidth();
        int h = gray.getHeight();
        byte[] src = Images.pixels(gray);
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_BINARY);
        byte[] dst = ((DataBufferByte) out.getRaster().getDataBuffer()).getData();
        int stride = (w + 7) / 8;
        for (int y = 0; y < h; y++) {
            int row = y * w;
            int drow = y * stride;
            for (int xb = 0; xb < stride; xb++) {
                int bits = 0;
                int x0 = xb * 8;
                for (int k = 0; k < 8; k++) {
                    int x = x0 + k;
                    // 1 = white in TYPE_BYTE_BINARY's default palette
                    if (x >= w || (src[row + x] & 0xff) > t) {
                        bits |= 0x80 >> k;
                    }
                }
                dst[drow + xb] = (byte) bits;
            }
        }
        return out;
    }
}
