package vn.hanoi.branch.qr;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.Binarizer;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.LuminanceSource;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.ReaderException;
import com.google.zxing.common.GlobalHistogramBinarizer;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Finds a QR code in a camera frame or an image file. Kiosk cameras see cards at an angle, under
 * glare, and phone screens in dark mode, so one decode attempt is not enough: it tries the picture
 * as it is, then inverted, with a second binarizer, median-filtered, rescaled and rotated, and stops at the
 * first success. Only ZXing's core is used, so the kiosk needs no extra library.
 * <p>
 * The text may be a citizen's ID card data: hand it to {@link ScannedCodes#parse} and do not log it.
 */
public final class QrImageDecoder {
    /** Large camera frames decode faster and no worse at about this size. */
    private static final int MAX_SIDE = 1600;
    /** Below this a module may be thinner than one pixel after a rotation; enlarge first. */
    private static final int MIN_SIDE = 300;

    private static final Map<DecodeHintType, Object> HINTS = hints();

    private QrImageDecoder() {
    }

    /** The image had no readable QR code. Not an I/O failure, but callers of {@link #decode(Path)} handle both alike. */
    public static final class NoCodeFoundException extends IOException {
        public NoCodeFoundException(String what) {
            super("no QR code found in " + what);
        }
    }

    /**
     * Diagnostic entry point (the kiosk IT tool): the text of the QR code in a PNG or JPEG file.
     *
     * @throws NoCodeFoundException when the picture has no readable QR code
     * @throws IOException          when the file cannot be read or is not an image
     */
    public static String decode(Path file) throws IOException {
        return find(file).orElseThrow(() -> new NoCodeFoundException(file.getFileName().toString()));
    }

    /**
     * @return the code's text, or empty when the picture has none that can be read
     * @throws IOException when the file cannot be read or is not an image ImageIO knows
     */
    public static Optional<String> find(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException("no such image file: " + file);
        }
        BufferedImage img = ImageIO.read(file.toFile());
        if (img == null) {
            throw new IOException("not a PNG or JPEG image: " + file.getFileName());
        }
        return find(img);
    }

    /** @return the code's text, or empty when the picture has none that can be read */
    public static Optional<String> find(BufferedImage image) {
        if (image == null || image.getWidth() < 21 || image.getHeight() < 21) {
            return Optional.empty();
        }
        BufferedImage base = fit(opaque(image));
        // Cheap attempts first: most frames decode on the first one. After filtering noise the
        // detector often finds the code but samples a skewed grid; a rescale moves the sampling
        // points and is what makes such frames decode.
        List<Function<BufferedImage, BufferedImage>> variants = List.of(
                Function.identity(),
                QrImageDecoder::median,
                img -> scale(median(img), 0.5),
                img -> scale(median(img), 2),
                img -> scale(img, 0.5),
                img -> rotate(img, 45),
                img -> rotate(img, 90));
        for (Function<BufferedImage, BufferedImage> v : variants) {
            Optional<String> text = attempt(v.apply(base));
            if (text.isPresent()) {
                return text;
            }
        }
        return Optional.empty();
    }

    private static Optional<String> attempt(BufferedImage img) {
        LuminanceSource plain = luminance(img);
        for (LuminanceSource source : List.of(plain, plain.invert())) {
            for (Binarizer b : List.of(new HybridBinarizer(source), new GlobalHistogramBinarizer(source))) {
                try {
                    return Optional.of(new QRCodeReader().decode(new BinaryBitmap(b), HINTS).getText());
                } catch (ReaderException | IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
                    // ZXing signals "not here" by exceptions, and on rare odd geometry by runtime ones; try the next way.
                }
            }
        }
        return Optional.empty();
    }

    private static Map<DecodeHintType, Object> hints() {
        Map<DecodeHintType, Object> h = new EnumMap<>(DecodeHintType.class);
        h.put(DecodeHintType.TRY_HARDER, Boolean.TRUE);
        h.put(DecodeHintType.POSSIBLE_FORMATS, List.of(BarcodeFormat.QR_CODE));
        // ID cards store UTF-8 bytes without an ECI marker; without this hint ZXing guesses a Japanese
        // or Latin-1 charset and Vietnamese names come out garbled.
        h.put(DecodeHintType.CHARACTER_SET, StandardCharsets.UTF_8.name());
        // PURE_BARCODE is deliberately absent: ZXing tests the key's presence, not its value, so
        // even Boolean.FALSE would switch to the mode that only reads perfect, unrotated images.
        return Map.copyOf(h);
    }

    private static LuminanceSource luminance(BufferedImage img) {
        int w = img.getWidth();
        int h = img.getHeight();
        return new RGBLuminanceSource(w, h, img.getRGB(0, 0, w, h, null, 0, w));
    }

    /** Transparent pixels count as white, as on paper; ZXing itself would read their (often black) colour. */
    private static BufferedImage opaque(BufferedImage src) {
        if (src.getType() == BufferedImage.TYPE_INT_RGB) {
            return src;
        }
        BufferedImage out = new BufferedImage(src.getWidth(), src.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, out.getWidth(), out.getHeight());
        g.drawImage(src, 0, 0, null);
        g.dispose();
        return out;
    }

    private static BufferedImage fit(BufferedImage img) {
        int longest = Math.max(img.getWidth(), img.getHeight());
        int shortest = Math.min(img.getWidth(), img.getHeight());
        if (longest > MAX_SIDE) {
            return scale(img, (double) MAX_SIDE / longest);
        }
        if (shortest < MIN_SIDE) {
            return scale(img, Math.min(4.0, (double) MIN_SIDE / shortest));
        }
        return img;
    }

    /**
     * 3x3 median of the grey level: removes dead pixels and speckle of cheap camera sensors, which
     * break the finder patterns' 1:1:3:1:1 runs, while keeping module edges sharp.
     */
    private static BufferedImage median(BufferedImage img) {
        int w = img.getWidth();
        int h = img.getHeight();
        int[] rgb = img.getRGB(0, 0, w, h, null, 0, w);
        int[] grey = new int[rgb.length];
        for (int i = 0; i < rgb.length; i++) {
            int p = rgb[i];
            grey[i] = (((p >> 16) & 0xFF) * 306 + ((p >> 8) & 0xFF) * 601 + (p & 0xFF) * 117) >> 10;
        }
        int[] out = new int[rgb.length];
        int[] win = new int[9];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int n = 0;
                for (int dy = -1; dy <= 1; dy++) {
                    int yy = Math.min(h - 1, Math.max(0, y + dy));
                    for (int dx = -1; dx <= 1; dx++) {
                        int xx = Math.min(w - 1, Math.max(0, x + dx));
                        win[n++] = grey[yy * w + xx];
                    }
                }
                Arrays.sort(win);
                int v = win[4];
                out[y * w + x] = (v << 16) | (v << 8) | v;
            }
        }
        BufferedImage res = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        res.setRGB(0, 0, w, h, out, 0, w);
        return res;
    }

    /** {@code img} resized by {@code f}, bilinear (package-private: the tests draw their codes with it). */
    static BufferedImage scale(BufferedImage img, double f) {
        int w = Math.max(1, (int) Math.round(img.getWidth() * f));
        int h = Math.max(1, (int) Math.round(img.getHeight() * f));
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(img, 0, 0, w, h, null);
        g.dispose();
        return out;
    }

    private static BufferedImage rotate(BufferedImage img, double degrees) {
        double r = Math.toRadians(degrees);
        double sin = Math.abs(Math.sin(r));
        double cos = Math.abs(Math.cos(r));
        int w = (int) Math.ceil(img.getWidth() * cos + img.getHeight() * sin);
        int h = (int) Math.ceil(img.getHeight() * cos + img.getWidth() * sin);
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, w, h);
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        AffineTransform t = new AffineTransform();
        t.translate(w / 2.0, h / 2.0);
        t.rotate(r);
        t.translate(-img.getWidth() / 2.0, -img.getHeight() / 2.0);
        g.drawImage(img, t, null);
        g.dispose();
        return out;
    }
}
