package vn.hanoi.branch.scan;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;

/** Pixel conversions the clean-up steps share: grey copies, small previews, rotation on white paper. */
public final class Images {
    private Images() {
    }

    /** An 8-bit grey copy (or the image itself when it is one already). */
    public static BufferedImage gray(BufferedImage img) {
        if (img.getType() == BufferedImage.TYPE_BYTE_GRAY) {
            return img;
        }
        BufferedImage g = new BufferedImage(img.getWidth(), img.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D gr = g.createGraphics();
        gr.drawImage(img, 0, 0, null);
        gr.dispose();
        return g;
    }

    /**
     * A grey copy reduced by an integer {@code factor}, each pixel the mean of a factor×factor block: fine
     * specks average out, strokes stay dark. Analysis runs on these (about 75 dpi) to stay fast.
     */
    public static BufferedImage shrinkGray(BufferedImage img, int factor) {
        BufferedImage g = gray(img);
        if (factor <= 1) {
            return g;
        }
        int w = g.getWidth() / factor;
        int h = g.getHeight() / factor;
        byte[] src = pixels(g);
        int sw = g.getWidth();
        BufferedImage out = new BufferedImage(Math.max(1, w), Math.max(1, h), BufferedImage.TYPE_BYTE_GRAY);
        byte[] dst = pixels(out);
        int area = factor * factor;
        int[] rowSums = new int[w];
        for (int y = 0; y < h; y++) {
            java.util.Arrays.fill(rowSums, 0);
            for (int dy = 0; dy < factor; dy++) {
                int base = (y * factor + dy) * sw;
                for (int x = 0; x < w; x++) {
                    int s = 0;
                    int p = base + x * factor;
                    for (int dx = 0; dx < factor; dx++) {
                        s += src[p + dx] & 0xff;
                    }
                    rowSums[x] += s;
                }
            }
            for (int x = 0; x < w; x++) {
                dst[y * w + x] = (byte) (rowSums[x] / area);
            }
        }
        return out;
    }

    /**
     * The shrink factor that brings a page scanned at {@code dpi} to 75 dpi or a little less for analysis
     * (rounded up: at 100 dpi a factor of 1 would leave dust specks whole).
     */
    public static int analysisFactor(int dpi) {
        return Math.max(1, (int) Math.ceil(dpi / 75.0));
    }

    /** The backing bytes of an 8-bit grey image (one byte per pixel, no padding). */
    public static byte[] pixels(BufferedImage gray) {
        return ((DataBufferByte) gray.getRaster().getDataBuffer()).getData();
    }

    /** How many of the 8-bit grey pixels {@code px} have each of the 256 levels. */
    static long[] histogram(byte[] px) {
        long[] hist = new long[256];
        for (byte b : px) {
            hist[b & 0xff]++;
        }
        return hist;
    }

    /** The lowest level below or at which more than the share {@code q} of the {@code total} pixels lie. */
    static int level(long[] hist, long total, double q) {
        long target = (long) (total * q);
        long acc = 0;
        for (int i = 0; i < 256; i++) {
            acc += hist[i];
            if (acc > target) {
                return i;
            }
        }
        return 255;
    }

    /** Rotates about the centre by {@code degrees} (clockwise positive), same size, the corners white. */
    public static BufferedImage rotate(BufferedImage img, double degrees) {
        if (Math.abs(degrees) < 1e-6) {
            return img;
        }
        int type = img.getType() == BufferedImage.TYPE_BYTE_GRAY ? BufferedImage.TYPE_BYTE_GRAY : BufferedImage.TYPE_INT_RGB;
        BufferedImage out = new BufferedImage(img.getWidth(), img.getHeight(), type);
        Graphics2D g = out.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, out.getWidth(), out.getHeight());
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.rotate(Math.toRadians(degrees), img.getWidth() / 2.0, img.getHeight() / 2.0);
        g.drawImage(img, 0, 0, null);
        g.dispose();
        return out;
    }

    /** A quarter turn clockwise ({@code quarters} = 1..3), as the clerk's rotate button does. */
    public static BufferedImage quarterTurns(BufferedImage img, int quarters) {
        int q = ((quarters % 4) + 4) % 4;
        if (q == 0) {
            return img;
        }
        int w = img.getWidth();
        int h = img.getHeight();
        boolean swap = q % 2 == 1;
        int type = img.getType() == BufferedImage.TYPE_BYTE_GRAY ? BufferedImage.TYPE_BYTE_GRAY : BufferedImage.TYPE_INT_RGB;
        BufferedImage out = new BufferedImage(swap ? h : w, swap ? w : h, type);
        Graphics2D g = out.createGraphics();
        g.translate(out.getWidth() / 2.0, out.getHeight() / 2.0);
        g.rotate(q * Math.PI / 2);
        g.drawImage(img, -w / 2, -h / 2, null);
        g.dispose();
        return out;
    }

    /** A small preview {@code width} pixels wide for the page strip. */
    public static BufferedImage thumbnail(BufferedImage img, int width) {
        int h = Math.max(1, (int) Math.round(img.getHeight() * (width / (double) img.getWidth())));
        BufferedImage out = new BufferedImage(width, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        g.drawImage(img, 0, 0, width, h, null);
        g.dispose();
        return out;
    }

    /**
     * Paper made white: levels at or above the paper's own (the median of a reduced copy, less a margin for
     * its grain) become 255 and the rest is stretched to keep the ink's contrast. Flat white compresses to
     * almost nothing in JPEG, which is most of the saving on a grey page; ink, stamps and faint pencil stay.
     */
    public static BufferedImage whitenPaper(BufferedImage img, int dpi) {
        BufferedImage small = shrinkGray(img, analysisFactor(dpi));
        byte[] px = pixels(small);
        int median = level(histogram(px), px.length, 0.5);
        int white = Math.max(128, median - 12);
        byte[] lut = new byte[256];
        for (int v = 0; v < 256; v++) {
            lut[v] = (byte) (v >= white ? 255 : Math.round(v * 255f / white));
        }
        java.awt.image.LookupOp op = new java.awt.image.LookupOp(new java.awt.image.ByteLookupTable(0, lut), null);
        if (img.getType() == BufferedImage.TYPE_BYTE_GRAY) {
            BufferedImage out = op.filter(img, null);
            despeckle(pixels(out), out.getWidth(), out.getHeight());
            return out;
        }
        BufferedImage rgb = img.getType() == BufferedImage.TYPE_INT_RGB ? img : copy(img, 0, 0, img.getWidth(), img.getHeight());
        return op.filter(rgb, null);
    }

    /**
     * Dust off a grey page, in place: a non-white pixel with at most {@value #SPECK_PIXELS} non-white pixels in
     * its 5×5 neighbourhood (itself included) is a speck and becomes white. Strokes of print at 150 dpi and
     * more, and the dots of Vietnamese diacritics, have many more. Each speck costs a JPEG block otherwise.
     */
    static void despeckle(byte[] px, int w, int h) {
        final int paper = 250;
        for (int y = 2; y < h - 2; y++) {
            int row = y * w;
            for (int x = 2; x < w - 2; x++) {
                if ((px[row + x] & 0xff) >= paper) {
                    continue;
                }
                int n = 0;
                for (int dy = -2; dy <= 2 && n <= SPECK_PIXELS; dy++) {
                    int r = row + dy * w + x;
                    for (int dx = -2; dx <= 2; dx++) {
                        if ((px[r + dx] & 0xff) < paper) {
                            n++;
                        }
                    }
                }
                if (n <= SPECK_PIXELS) {
                    px[row + x] = (byte) 255;
                }
            }
        }
    }

    static final int SPECK_PIXELS = 4;

    /** A sub-image copied out (so the full page can be freed). */
    public static BufferedImage copy(BufferedImage img, int x, int y, int w, int h) {
        int type = img.getType() == BufferedImage.TYPE_BYTE_GRAY ? BufferedImage.TYPE_BYTE_GRAY : BufferedImage.TYPE_INT_RGB;
        BufferedImage out = new BufferedImage(w, h, type);
        Graphics2D g = out.createGraphics();
        g.drawImage(img, 0, 0, w, h, x, y, x + w, y + h, null);
        g.dispose();
        return out;
    }
}
