package vn.hanoi.branch.slip;

import vn.hanoi.branch.counter.slip.SlipThermal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import vn.hanoi.branch.printer.PrintOutcome;
import vn.hanoi.branch.printer.PrinterStatus;
import vn.hanoi.branch.testkit.printer.VirtualPrinter;
import vn.hanoi.branch.testkit.printer.EscPosInterpreter;
import vn.hanoi.branch.testkit.printer.EscPosInterpreter.Receipt;
import vn.hanoi.branch.printer.escpos.EscPosWriter;
import vn.hanoi.branch.printer.escpos.PrinterProfile;

import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.hanoi.branch.slip.SlipSamples.*;

class SlipThermalTest {

    static Stream<PrinterProfile> profiles() {
        return PrinterProfile.all().stream();
    }

    private static Receipt interpret(byte[] bytes, PrinterProfile p) {
        EscPosInterpreter in = new EscPosInterpreter(p);
        for (int i = 0; i < bytes.length; i += 13) {
            in.accept(bytes, i, Math.min(13, bytes.length - i));
        }
        in.tearOff();
        assertThat(in.errors()).as("commands the printer would not understand").isEmpty();
        assertThat(in.receipts()).hasSize(1);
        return in.receipts().getFirst();
    }

    @ParameterizedTest
    @MethodSource("profiles")
    void receiptHasTheCodeTheDateAndAQrWithTheLink(PrinterProfile p) throws Exception {
        Receipt r = interpret(SlipThermal.render(receipt(), p), p);
        // ASCII lines print as text on every profile, Vietnamese ones too where the table has them.
        assertThat(r.textLines()).contains(CODE, "19/05/2025", "********2345", "09:41 12/05/2025");
        assertThat(decodeQr(r.render(p.dotsPerLine()))).isEqualTo(LINK);
        if (p.nativeQr()) {
            assertThat(r.qrCodes()).singleElement().satisfies(q -> assertThat(q.content()).isEqualTo(LINK));
        } else {
            assertThat(r.qrCodes()).isEmpty();
            assertThat(r.rasters()).isNotEmpty();
        }
        assertThat(r.cut()).isEqualTo(p.cutter());
        assertThat(r.complete()).isTrue();
    }

    @Test
    void onAnEpsonEveryVietnameseLineIsText() {
        EscPosWriter w = SlipThermal.write(additional(), PrinterProfile.TM_T88);
        assertThat(w.rasterLines()).isZero();
        Receipt r = interpret(w.bytes(), PrinterProfile.TM_T88);
        assertThat(r.textLines()).contains("PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ", "Người nộp hồ sơ: " + NAME,
                "1. Giấy chứng sinh (bản chính)", "Lý do / Reason:", CODE);
        assertThat(String.join(" ", r.textLines())).contains(ADDITIONAL, Slip.LOOKUP_HINT_VI, Slip.LOOKUP_HINT_EN,
                "2. Văn bản ủy quyền có chứng thực (nếu nộp thay) (bản chính)");
        assertThat(r.qrCodes()).singleElement().satisfies(q -> assertThat(q.content()).isEqualTo(LINK));
    }

    @Test
    void refusalOnNarrowPaperWrapsAndKeepsTheCode() throws Exception {
        PrinterProfile p = PrinterProfile.GENERIC_58;
        Receipt r = interpret(SlipThermal.render(refusal(), p), p);
        assertThat(r.textLines()).contains(CODE);
        assertThat(decodeQr(r.render(p.dotsPerLine()))).isEqualTo(LINK);
        assertThat(r.render(p.dotsPerLine()).getWidth()).isEqualTo(384);
    }

    @Test
    void virtualPrinterPrintsTheSlipAsAnEightyMillimetreReceipt() throws Exception {
        VirtualPrinter printer = new VirtualPrinter(null);
        PrintOutcome o = SlipThermal.print(receipt(), printer);
        assertThat(o.printed()).isTrue();
        assertThat(printer.jobsPrinted()).isEqualTo(1);
        assertThat(decodeQr(printer.lastReceipt())).isEqualTo(LINK);

        printer.simulate(PrinterStatus.PAPER_OUT);
        assertThat(SlipThermal.print(receipt(), printer).printed()).isFalse();
        assertThat(printer.jobsPrinted()).isEqualTo(1);
    }
}
