package vn.hanoi.branch.installer;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.HashMap;
import java.util.Map;

/**
 * Reads the X Window Dump that {@code xwd -root} writes (TrueColor, 24/32 bits per pixel), so a test can
 * look at what an X server shows without a screenshot library.
 */
final class XwdImage {
    private XwdImage() {
    }

    static BufferedImage read(byte[] xwd) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(xwd).order(ByteOrder.BIG_ENDIAN);
        int headerSize = b.getInt(0);
        int version = b.getInt(4);
        if (version != 7) {
            throw new IOException("not an XWD version 7 file (" + version + ")");
        }
        int width = b.getInt(16);
        int height = b.getInt(20);
        int byteOrder = b.getInt(28);
        int bitsPerPixel = b.getInt(44);
        int bytesPerLine = b.getInt(48);
        int ncolors = b.getInt(76);
        if (bitsPerPixel != 32 && bitsPerPixel != 24) {
            throw new IOException("unsupported XWD depth " + bitsPerPixel + " bits per pixel");
        }
        int offset = headerSize + ncolors * 12;
        ByteBuffer px = ByteBuffer.wrap(xwd, offset, xwd.length - offset)
                .order(byteOrder == 0 ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN);
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        int step = bitsPerPixel / 8;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int i = offset + y * bytesPerLine + x * step;
                int v = step == 4 ? px.getInt(i) : (xwd[i] & 0xff) | (xwd[i + 1] & 0xff) << 8 | (xwd[i + 2] & 0xff) << 16;
                img.setRGB(x, y, v & 0xffffff);
            }
        }
        return img;
    }

    /** Share of the most common colour, and how many colours there are: a blank screen is one colour. */
    record Spread(int colours, double dominantShare) {
    }

    static Spread spread(BufferedImage img) {
        Map<Integer, Integer> counts = new HashMap<>();
        for (int y = 0; y < img.getHeight(); y += 2) {
            for (int x = 0; x < img.getWidth(); x += 2) {
                counts.merge(img.getRGB(x, y), 1, Integer::sum);
            }
        }
        int total = counts.values().stream().mapToInt(Integer::intValue).sum();
        int max = counts.values().stream().mapToInt(Integer::intValue).max().orElse(0);
        return new Spread(counts.size(), total == 0 ? 1 : (double) max / total);
    }
}
