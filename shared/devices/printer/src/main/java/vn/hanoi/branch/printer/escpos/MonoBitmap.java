package vn.hanoi.branch.printer.escpos;

import java.awt.image.BufferedImage;

/** A 1-bit image packed the way {@code GS v 0} wants it: rows of bytes, MSB first, 1 = black. */
public final class MonoBitmap {
    private final int bytesPerRow;
    private final int rows;
    private final byte[] data;

    public MonoBitmap(int bytesPerRow, int rows, byte[] data) {
        if (data.length != bytesPerRow * rows) {
            throw new IllegalArgumentException("raster data is " + data.length + " bytes, expected " + bytesPerRow * rows);
        }
        this.bytesPerRow = bytesPerRow;
        this.rows = rows;
        this.data = data;
    }

    /**
     * Thresholds an image into dots, shifted right by {@code leftPad} dots. The pad is in the data
     * itself because clone printers disagree on whether {@code ESC a} moves raster images.
     */
    public static MonoBitmap of(BufferedImage img, int leftPad) {
        int width = leftPad + img.getWidth();
        int bpr = (width + 7) / 8;
        byte[] d = new byte[bpr * img.getHeight()];
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                int rgb = img.getRGB(x, y);
                int lum = ((rgb >> 16 & 0xFF) * 299 + (rgb >> 8 & 0xFF) * 587 + (rgb & 0xFF) * 114) / 1000;
                if (lum < 128) {
                    int px = x + leftPad;
                    d[y * bpr + px / 8] |= (byte) (0x80 >>> (px % 8));
                }
            }
        }
        return new MonoBitmap(bpr, img.getHeight(), d);
    }

    public int bytesPerRow() {
        return bytesPerRow;
    }

    public int widthDots() {
        return bytesPerRow * 8;
    }

    public int rows() {
        return rows;
    }

    public boolean black(int x, int y) {
        return (data[y * bytesPerRow + x / 8] & (0x80 >>> (x % 8))) != 0;
    }

    public byte[] data() {
        return data.clone();
    }

    /** The whole {@code GS v 0} command. */
    public byte[] toEscPos() {
        byte[] h = EscPosCommands.rasterHeader(bytesPerRow, rows);
        byte[] all = new byte[h.length + data.length];
        System.arraycopy(h, 0, all, 0, h.length);
        System.arraycopy(data, 0, all, h.length, data.length);
        return all;
    }

    public BufferedImage toImage() {
        BufferedImage img = new BufferedImage(widthDots(), rows, BufferedImage.TYPE_BYTE_BINARY);
        for (int y = 0; y < rows; y++) {
            for (int x = 0; x < widthDots(); x++) {
                img.setRGB(x, y, black(x, y) ? 0xFF000000 : 0xFFFFFFFF);
            }
        }
        return img;
    }

    public boolean sameDots(MonoBitmap o) {
        return o != null && o.bytesPerRow == bytesPerRow && o.rows == rows && java.util.Arrays.equals(o.data, data);
    }
}
