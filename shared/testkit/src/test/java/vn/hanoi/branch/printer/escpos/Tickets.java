package vn.hanoi.branch.printer.escpos;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.NotFoundException;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import vn.hanoi.branch.printer.TicketPrint;

import java.awt.image.BufferedImage;
import java.text.Normalizer;
import java.time.LocalDateTime;

/** Test tickets and checks shared by the printer tests and the benchmark. */
public final class Tickets {
    /** The name from the issue, in NFD as some keyboards and QR payloads deliver it. */
    public static final String NAME = "Nguyễn Thị Ánh Tuyết — phường Cửa Nam";
    public static final String NAME_NFD = Normalizer.normalize(NAME, Normalizer.Form.NFD);
    public static final String LINK = "https://dichvucong.hanoi.gov.vn/t/HT-1005";

    private Tickets() {
    }

    /** A full ticket: every field present, the branch name is the test name in NFD form. */
    public static TicketPrint full(String number) {
        return new TicketPrint(NAME_NFD, "Hộ tịch", "Civil status", number, "ƯU TIÊN – Người cao tuổi",
                LocalDateTime.of(2026, 11, 23, 8, 5), 3, 12, LINK, "Vui lòng giữ phiếu đến khi được gọi", false);
    }

    public static String decodeQr(BufferedImage img) throws Exception {
        try {
            return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(
                    new BufferedImageLuminanceSource(img)))).getText();
        } catch (NotFoundException e) {
            return null;
        }
    }
}
