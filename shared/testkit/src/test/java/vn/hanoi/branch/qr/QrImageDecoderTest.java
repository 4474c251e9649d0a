package vn.hanoi.branch.qr;

import vn.hanoi.branch.code.TicketQr;
import vn.hanoi.branch.testkit.card.FakeCitizens;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.client.j2se.MatrixToImageWriter;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class QrImageDecoderTest {
    private static final String CCCD = FakeCitizens.NGOC.format();
    private static final String TICKET = new TicketQr("HN-CN01", LocalDate.of(2026, 11, 23), "1005").link();

    @TempDir
    Path dir;

    /** As cards carry it: the UTF-8 bytes in byte mode, no ECI segment naming the charset. */
    private static BufferedImage cardLike(String text, int module) throws Exception {
        String latin1View = new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
        // No CHARACTER_SET hint: naming even ISO-8859-1 makes ZXing write an ECI segment.
        return qr(latin1View, Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 4), module);
    }

    private static BufferedImage withEci(String text, int module) throws Exception {
        return qr(text, Map.of(EncodeHintType.CHARACTER_SET, "UTF-8", EncodeHintType.MARGIN, 4), module);
    }

    private static BufferedImage qr(String text, Map<EncodeHintType, ?> hints, int module) throws Exception {
        var m = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0, hints);
        BufferedImage small = MatrixToImageWriter.toBufferedImage(m);
        return QrImageDecoder.scale(small, module);
    }

    /** The code on a grey card, turned and placed off-centre in a larger frame, as a camera sees it. */
    private static BufferedImage inFrame(BufferedImage code, double degrees, int frameW, int frameH) {
        BufferedImage out = new BufferedImage(frameW, frameH, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setColor(new Color(0x60, 0x68, 0x70));
        g.fillRect(0, 0, frameW, frameH);
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        AffineTransform t = new AffineTransform();
        t.translate(frameW * 0.45, frameH * 0.55);
        t.rotate(Math.toRadians(degrees));
        t.translate(-code.getWidth() / 2.0, -code.getHeight() / 2.0);
        g.drawImage(code, t, null);
        g.dispose();
        return out;
    }

    /** Gaussian sensor noise plus a share of dead (black or white) pixels. */
    private static BufferedImage noisy(BufferedImage img, double sigma, double dead, long seed) {
        Random r = new Random(seed);
        BufferedImage out = new BufferedImage(img.getWidth(), img.getHeight(), BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                int v;
                if (r.nextDouble() < dead) {
                    v = r.nextBoolean() ? 0 : 255;
                } else {
                    int base = img.getRGB(x, y) & 0xFF;
                    v = (int) Math.max(0, Math.min(255, base + r.nextGaussian() * sigma));
                }
                out.setRGB(x, y, (v << 16) | (v << 8) | v);
            }
        }
        return out;
    }

    private static BufferedImage inverted(BufferedImage img) {
        BufferedImage out = new BufferedImage(img.getWidth(), img.getHeight(), BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                out.setRGB(x, y, ~img.getRGB(x, y) & 0xFFFFFF);
            }
        }
        return out;
    }

    private Path jpeg(BufferedImage img, float quality) throws Exception {
        Path f = dir.resolve("frame-" + quality + ".jpg");
        ImageWriter w = ImageIO.getImageWritersByFormatName("jpeg").next();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(f.toFile())) {
            w.setOutput(out);
            ImageWriteParam p = w.getDefaultWriteParam();
            p.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            p.setCompressionQuality(quality);
            w.write(null, new IIOImage(img, null, null), p);
        } finally {
            w.dispose();
        }
        return f;
    }

    private static BufferedImage blank(int w, int h, Color c) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(c);
        g.fillRect(0, 0, w, h);
        g.dispose();
        return img;
    }

    @Test
    void aCardCodeWithoutCharsetMarkerKeepsItsVietnameseLetters() throws Exception {
        String text = QrImageDecoder.find(cardLike(CCCD, 4)).orElseThrow();
        assertThat(text).isEqualTo(CCCD).contains("Trần Thị Bích Ngọc", "Hàng Bông");
        assertThat(ScannedCodes.parse(text)).isInstanceOf(ScannedCode.CitizenId.class);
    }

    @Test
    void aCodeWithAUtf8MarkerReadsTheSame() throws Exception {
        assertThat(QrImageDecoder.find(withEci(FakeCitizens.DUC.format(), 3))).contains(FakeCitizens.DUC.format());
    }

    @Test
    void ourLinkIsReadAndClassified() throws Exception {
        String text = QrImageDecoder.find(withEci(TICKET, 5)).orElseThrow();
        assertThat(text).isEqualTo(TICKET);
        assertThat(ScannedCodes.parse(text)).isEqualTo(new ScannedCode.Ours(new TicketQr("HN-CN01", LocalDate.of(2026, 11, 23), "1005")));
    }

    @Test
    void aTurnedCodeInACameraFrameIsFound() throws Exception {
        for (double degrees : new double[] {17, 33, 90, 180, 235}) {
            BufferedImage frame = inFrame(cardLike(CCCD, 5), degrees, 1280, 960);
            assertThat(QrImageDecoder.find(frame)).as("turned %s°", degrees).contains(CCCD);
        }
    }

    @Test
    void smallAndLargeScalesAreFound() throws Exception {
        BufferedImage tiny = cardLike(CCCD, 2);
        assertThat(tiny.getWidth()).isLessThan(200);
        assertThat(QrImageDecoder.find(tiny)).contains(CCCD);
        BufferedImage huge = inFrame(cardLike(CCCD, 20), 5, 3000, 2400);
        assertThat(QrImageDecoder.find(huge)).contains(CCCD);
    }

    @Test
    void aNoisyFrameIsFound() throws Exception {
        BufferedImage clean = inFrame(cardLike(CCCD, 6), 12, 900, 800);
        assertThat(QrImageDecoder.find(noisy(clean, 0, 0.06, 7))).as("dead pixels").contains(CCCD);
        assertThat(QrImageDecoder.find(noisy(clean, 35, 0, 7))).as("sensor noise").contains(CCCD);
        assertThat(QrImageDecoder.find(noisy(clean, 20, 0.02, 7))).as("both").contains(CCCD);
    }

    @Test
    void aDarkModePhoneScreenIsFound() throws Exception {
        BufferedImage frame = inverted(inFrame(withEci(TICKET, 6), 8, 800, 800));
        assertThat(QrImageDecoder.find(frame)).contains(TICKET);
    }

    @Test
    void aHeavilyCompressedJpegFileIsFound() throws Exception {
        Path f = jpeg(noisy(inFrame(cardLike(CCCD, 5), -21, 1024, 768), 15, 0, 3), 0.15f);
        assertThat(QrImageDecoder.decode(f)).isEqualTo(CCCD);
    }

    @Test
    void aPngFileWithTransparencyIsFound() throws Exception {
        BufferedImage code = withEci(TICKET, 4);
        BufferedImage argb = new BufferedImage(code.getWidth(), code.getHeight(), BufferedImage.TYPE_INT_ARGB);
        for (int y = 0; y < code.getHeight(); y++) {
            for (int x = 0; x < code.getWidth(); x++) {
                // Light modules transparent (as black-on-nothing exports): they must count as paper.
                argb.setRGB(x, y, (code.getRGB(x, y) & 0xFF) < 128 ? 0xFF000000 : 0x00000000);
            }
        }
        Path f = dir.resolve("ticket.png");
        ImageIO.write(argb, "png", f.toFile());
        assertThat(QrImageDecoder.decode(f)).isEqualTo(TICKET);
    }

    @Test
    void blankAndNoiseHaveNoCode() throws Exception {
        assertThat(QrImageDecoder.find(blank(640, 480, Color.WHITE))).isEmpty();
        assertThat(QrImageDecoder.find(noisy(blank(640, 480, Color.GRAY), 60, 0.1, 11))).isEmpty();
        assertThat(QrImageDecoder.find(blank(5, 5, Color.BLACK))).isEmpty();
        Path f = dir.resolve("blank.png");
        ImageIO.write(blank(320, 240, Color.WHITE), "png", f.toFile());
        assertThatThrownBy(() -> QrImageDecoder.decode(f))
                .isInstanceOf(QrImageDecoder.NoCodeFoundException.class)
                .hasMessage("no QR code found in blank.png");
    }

    @Test
    void aFileThatIsNoImageIsAClearError() throws Exception {
        Path f = dir.resolve("notes.png");
        Files.writeString(f, "not an image");
        assertThatThrownBy(() -> QrImageDecoder.decode(f))
                .isNotInstanceOf(QrImageDecoder.NoCodeFoundException.class)
                .hasMessageContaining("not a PNG or JPEG image");
        assertThatThrownBy(() -> QrImageDecoder.decode(dir.resolve("missing.jpg")))
                .hasMessageContaining("no such image file");
    }
}
