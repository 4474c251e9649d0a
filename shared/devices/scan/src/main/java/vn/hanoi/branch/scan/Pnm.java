package vn.hanoi.branch.scan;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.awt.image.DataBufferInt;
import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads the binary PNM images scanimage writes (P4 line art, P5 grey, P6 colour; 8 bits per sample). */
public final class Pnm {
    private Pnm() {
    }

    public static BufferedImage read(Path file) throws IOException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            return read(in);
        }
    }

    public static BufferedImage read(InputStream in) throws IOException {
        if (in.read() != 'P') {
            throw new IOException("not a PNM image");
        }
        int kind = in.read() - '0';
        int w = number(in);
        int h = number(in);
        int max = kind == 4 ? 1 : number(in);
        if (w <= 0 || h <= 0 || (long) w * h > 400_000_000L) {
            throw new IOException("bad PNM size " + w + "x" + h);
        }
        if (max > 255) {
            throw new IOException("16-bit PNM is not supported; scan with 8 bits per sample");
        }
        switch (kind) {
            case 5 -> {
                BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
                readFully(in, ((DataBufferByte) img.getRaster().getDataBuffer()).getData());
                return img;
            }
            case 6 -> {
                BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
                int[] dst = ((DataBufferInt) img.getRaster().getDataBuffer()).getData();
                byte[] row = new byte[w * 3];
                for (int y = 0; y < h; y++) {
                    readFully(in, row);
                    for (int x = 0; x < w; x++) {
                        dst[y * w + x] = (row[3 * x] & 0xff) << 16 | (row[3 * x + 1] & 0xff) << 8 | (row[3 * x + 2] & 0xff);
                    }
                }
                return img;
            }
            case 4 -> {
                BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
                byte[] dst = Images.pixels(img);
                byte[] row = new byte[(w + 7) / 8];
                for (int y = 0; y < h; y++) {
                    readFully(in, row);
                    for (int x = 0; x < w; x++) {
                        boolean black = (row[x >> 3] & (0x80 >> (x & 7))) != 0; // PBM: 1 is black
                        dst[y * w + x] = (byte) (black ? 0 : 255);
                    }
                }
                return img;
            }
            default -> throw new IOException("unsupported PNM kind P" + kind);
        }
    }

    private static int number(InputStream in) throws IOException {
        int c = in.read();
        while (c == '#' || Character.isWhitespace(c)) {
            if (c == '#') {
                while (c != '\n' && c != -1) {
                    c = in.read();
                }
            }
            c = in.read();
        }
        int n = 0;
        while (c >= '0' && c <= '9') {
            n = n * 10 + (c - '0');
            c = in.read();
        }
        return n; // the single whitespace after the last header number is consumed here
    }

    private static void readFully(InputStream in, byte[] buf) throws IOException {
        int off = 0;
        while (off < buf.length) {
            int n = in.read(buf, off, buf.length - off);
            if (n < 0) {
                throw new EOFException("PNM image cut short");
            }
            off += n;
        }
    }
}
