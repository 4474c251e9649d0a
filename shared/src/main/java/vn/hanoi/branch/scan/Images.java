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
