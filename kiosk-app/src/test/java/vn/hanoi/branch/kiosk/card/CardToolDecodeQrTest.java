package vn.hanoi.branch.kiosk.card;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.hanoi.branch.code.DossierQr;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code CardTool decode-qr}: a photo of a code in, its text and kind out, and a clear line when there is none. */
class CardToolDecodeQrTest {
    @TempDir
    Path dir;

    private Path qrImage(String text, String name) throws Exception {
        Path file = dir.resolve(name);
        BitMatrix m = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 400, 400,
                Map.of(EncodeHintType.CHARACTER_SET, "UTF-8"));
        java.awt.image.BufferedImage img = new java.awt.image.BufferedImage(m.getWidth(), m.getHeight(),
                java.awt.image.BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < m.getHeight(); y++) {
            for (int x = 0; x < m.getWidth(); x++) {
                img.setRGB(x, y, m.get(x, y) ? 0x000000 : 0xFFFFFF);
            }
        }
        javax.imageio.ImageIO.write(img, "png", file.toFile());
        return file;
    }

    private static String run(int expectedExit, String... args) {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        int exit = CardTool.run(List.of(args), new PrintStream(buf, true, StandardCharsets.UTF_8));
        String out = buf.toString(StandardCharsets.UTF_8);
        assertThat(exit).as(out).isEqualTo(expectedExit);
        return out;
    }

    @Test
    void decodesAnIdCardCodeAndOurSlipCode() throws Exception {
        String card = "001190012345||Trần Thị Bích Ngọc|05031990|Nữ|Số 12 phố Hàng Bông, Hà Nội|10082021";
        String out = run(0, "decode-qr", qrImage(card, "card.png").toString());
        assertThat(out).contains("text: " + card).contains("kind: citizen ID card (CCCD), 7 fields");

        String slip = new DossierQr("HN-CN01-261123-0001").link();
        assertThat(run(0, "decode-qr", qrImage(slip, "slip.png").toString())).contains("kind: dossier HN-CN01-261123-0001");
    }

    @Test
    void saysWhatIsWrong() throws Exception {
        assertThat(run(1, "decode-qr", qrImage("hello", "other.png").toString()))
                .contains("not usable at the kiosk (QR_NOT_CITIZEN_ID)");
        java.awt.image.BufferedImage blank = new java.awt.image.BufferedImage(200, 200, java.awt.image.BufferedImage.TYPE_INT_RGB);
        Path empty = dir.resolve("blank.png");
        javax.imageio.ImageIO.write(blank, "png", empty.toFile());
        assertThat(run(1, "decode-qr", empty.toString())).contains("No QR code found");
        assertThat(run(2, "decode-qr")).contains("needs an image file");
    }
}
