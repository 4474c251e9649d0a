package vn.hanoi.branch.printer;

import vn.hanoi.branch.printer.escpos.Tickets;
import vn.hanoi.branch.testkit.printer.VirtualPrinter;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class VirtualPrinterTest {
    @TempDir
    Path dir;

    private static TicketPrint ticket(String number) {
        return new TicketPrint("Trung tâm Phục vụ hành chính công phường Ba Đình", "Hộ tịch", "Civil status",
                number, null, LocalDateTime.of(2026, 11, 23, 8, 5), 3, 12,
                "https://dichvucong.example.vn/t/HT-" + number, "Vui lòng giữ phiếu", false);
    }

    @Test
    void receiptIsSavedAsPngAndItsQrCodeCarriesTheLookupLink() throws Exception {
        VirtualPrinter p = new VirtualPrinter(dir);
        List<BufferedImage> shown = new CopyOnWriteArrayList<>();
        p.addListener(shown::add);

        PrintOutcome out = p.print(ticket("1005"));

        assertThat(out.printed()).isTrue();
        assertThat(out.bytesSent()).isPositive();
        assertThat(shown).hasSize(1);
        Path file;
        try (Stream<Path> files = Files.list(dir)) {
            file = files.filter(f -> f.toString().endsWith("-1005.png")).findFirst().orElseThrow();
        }
        BufferedImage img = ImageIO.read(file.toFile());
        assertThat(img.getWidth()).isEqualTo(ReceiptImage.WIDTH);
        assertThat(Tickets.decodeQr(img)).isEqualTo("https://dichvucong.example.vn/t/HT-1005");
    }

    @Test
    void paperOutPrintsNothingAndSaysSo() throws Exception {
        VirtualPrinter p = new VirtualPrinter(dir);
        p.simulate(PrinterStatus.PAPER_OUT);

        PrintOutcome out = p.print(ticket("1006"));

        assertThat(out.printed()).isFalse();
        assertThat(out.statusAfter()).isEqualTo(PrinterStatus.PAPER_OUT);
        assertThat(p.lastReceipt()).isNull();
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).isEmpty();
        }
        p.simulate(PrinterStatus.READY);
        assertThat(p.print(ticket("1006")).printed()).isTrue();
        assertThat(p.jobsPrinted()).isEqualTo(1);
    }

    @Test
    void numberIsDrawnLargeInTheMiddleOfTheReceipt() {
        BufferedImage plain = ReceiptImage.render(ticket("1"));
        BufferedImage wide = ReceiptImage.render(ticket("88888"));
        // Same layout, longer number: more ink in the number's band, proving the number is rendered.
        assertThat(ink(wide)).isGreaterThan(ink(plain));
    }

    private static long ink(BufferedImage img) {
        long dark = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                if ((img.getRGB(x, y) & 0xFF) < 128) {
                    dark++;
                }
            }
        }
        return dark;
    }
}
