package vn.hanoi.branch.printer.escpos;

import com.google.zxing.qrcode.encoder.ByteMatrix;

import java.awt.image.BufferedImage;

/** Draws QR modules as square dots; shared by the raster fallback and the interpreter's {@code GS ( k}. */
public final class QrImages {
    private QrImages() {
    }

    public static BufferedImage draw(ByteMatrix m, int module) {
        int size = m.getWidth() * module;
        BufferedImage img = new BufferedImage(size, size, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                img.setRGB(x, y, m.get(x / module, y / module) == 1 ? 0xFF000000 : 0xFFFFFFFF);
            }
        }
        return img;
    }
}
