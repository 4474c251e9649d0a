package vn.hanoi.branch.printer.escpos;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.NotFoundException;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import vn.hanoi.branch.printer.TicketPrint;
import vn.hanoi.branch.testkit.printer.EscPosInterpreter;
import vn.hanoi.branch.testkit.printer.EscPosInterpreter.Receipt;

import java.awt.image.BufferedImage;
import java.text.Normalizer;
import java.time.LocalDateTime;

import static org.assertj.core.api.Assertions.assertThat;

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

    /** The job through the independent interpreter, in odd slices as from a serial port; one receipt, no errors. */
    public static Receipt interpret(byte[] bytes, PrinterProfile p) {
        EscPosInterpreter in = new EscPosInterpreter(p);
        for (int i = 0; i < bytes.length; i += 7) {
            in.accept(bytes, i, Math.min(7, bytes.length - i));
        }
        in.tearOff();
        assertThat(in.errors()).as("commands the printer would not understand").isEmpty();
        assertThat(in.receipts()).hasSize(1);
        return in.receipts().getFirst();
    }

    /** The text as the profile prints it, in NFC: dashes become '-' where no table of its mode has them. */
    public static String asPrinted(String text, PrinterProfile p) {
        String nfc = Normalizer.normalize(text, Normalizer.Form.NFC);
        boolean dashes = p.textTables().stream().anyMatch(t -> t.page().canEncode("–—"));
        return dashes ? nfc : nfc.replace('–', '-').replace('—', '-');
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
