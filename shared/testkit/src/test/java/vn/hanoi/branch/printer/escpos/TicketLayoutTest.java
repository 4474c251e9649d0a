package vn.hanoi.branch.printer.escpos;

import vn.hanoi.branch.testkit.printer.EscPosInterpreter;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import vn.hanoi.branch.printer.TicketPrint;
import vn.hanoi.branch.printer.escpos.EscPosCommands.Align;
import vn.hanoi.branch.testkit.printer.EscPosInterpreter.Receipt;

import java.text.Normalizer;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class TicketLayoutTest {

    static Stream<PrinterProfile> profiles() {
        return PrinterProfile.all().stream();
    }

    private static Receipt interpret(byte[] bytes, PrinterProfile p) {
        return Tickets.interpret(bytes, p);
    }

    @ParameterizedTest
    @MethodSource("profiles")
    void numberIsBigTextAndQrDecodesToTheLookupLink(PrinterProfile p) throws Exception {
        Receipt r = interpret(TicketLayout.render(Tickets.full("A023"), p), p);
        assertThat(r.elements()).anySatisfy(e -> {
            assertThat(e).isInstanceOf(EscPosInterpreter.TextLine.class);
            EscPosInterpreter.TextLine t = (EscPosInterpreter.TextLine) e;
            assertThat(t.text()).isEqualTo("A023");
            assertThat(t.height()).isGreaterThanOrEqualTo(4);
            assertThat(t.bold()).isTrue();
        });
        assertThat(r.textLines()).contains("People ahead of you: 3", "08:05 23/11/2026", "Civil status");
        assertThat(Tickets.decodeQr(r.render(p.dotsPerLine()))).isEqualTo(Tickets.LINK);
        if (p.nativeQr()) {
            assertThat(r.qrCodes()).singleElement().satisfies(q -> assertThat(q.content()).isEqualTo(Tickets.LINK));
        } else {
            assertThat(r.qrCodes()).isEmpty();
        }
    }

    @Test
    void epsonTicketIsTextAndNativeQrWithinOneKilobyte() {
        TicketPrint t = Tickets.full("1005");
        EscPosWriter w = TicketLayout.write(t, PrinterProfile.TM_T88);
        byte[] bytes = w.bytes();
        assertThat(w.rasterLines()).as("no raster on a printer with Windows-1258").isZero();
        assertThat(bytes.length).isLessThanOrEqualTo(1024);
        assertThat(TicketLayout.allRaster(t, PrinterProfile.TM_T88).length).isGreaterThanOrEqualTo(20 * bytes.length);
        String hex = HexFormat.of().formatHex(bytes);
        assertThat(hex).startsWith("1b40").contains("1b7434")
                // GS ( k select model 2: parameter 50 (0x32), not 49.
                .contains("1d286b04003141" + "3200")
                .endsWith("1d564200");
        Receipt r = interpret(bytes, PrinterProfile.TM_T88);
        assertThat(r.textLines()).contains("ƯU TIÊN – Người cao tuổi", "Hộ tịch", "Số người chờ trước bạn: 3",
                "Vui lòng giữ phiếu đến khi được gọi");
    }

    @Test
    void reprintIsMarked() {
        TicketPrint t = Tickets.full("1005");
        TicketPrint again = new TicketPrint(t.branchNameVi(), t.serviceNameVi(), t.serviceNameEn(), t.displayNumber(),
                t.priorityVi(), t.issuedAt(), t.waitingAhead(), t.estimateMinutes(), t.lookupUrl(), t.noticeVi(), true);
        assertThat(interpret(TicketLayout.render(t, PrinterProfile.TM_T88), PrinterProfile.TM_T88).textLines())
                .doesNotContain(TicketLayout.REPRINT_MARK);
        List<String> lines = interpret(TicketLayout.render(again, PrinterProfile.TM_T88), PrinterProfile.TM_T88).textLines();
        assertThat(lines.getFirst()).isEqualTo(TicketLayout.REPRINT_MARK);
    }

    @Test
    void windows1258SendsToneMarksAsCombiningBytesWhateverTheInputForm() {
        byte[] nfc = CodePage.WPC1258.encode("ễ").orElseThrow();
        byte[] nfd = CodePage.WPC1258.encode(Normalizer.normalize("ễ", Normalizer.Form.NFD)).orElseThrow();
        assertThat(nfc).containsExactly(0xEA, 0xDE);
        assertThat(nfd).containsExactly(nfc);
        assertThat(CodePage.PC437.encode("ễ")).isEmpty();
    }

    @Test
    void everyVietnameseLetterRoundTripsThroughWindows1258() {
        String vowels = "aăâeêioôơuưy";
        String tones = "\u0300\u0301\u0309\u0303\u0323";
        StringBuilder all = new StringBuilder("đĐ");
        for (char v : vowels.toCharArray()) {
            for (String base : List.of(String.valueOf(v), String.valueOf(Character.toUpperCase(v)))) {
                all.append(base);
                for (char t : tones.toCharArray()) {
                    all.append(Normalizer.normalize(base + t, Normalizer.Form.NFC));
                }
            }
        }
        String text = all.toString();
        assertThat(text.codePointCount(0, text.length())).isEqualTo(2 + 12 * 2 * 6);
        byte[] b = CodePage.WPC1258.encode(text).orElseThrow();
        assertThat(CodePage.WPC1258.decode(b, 0, b.length)).isEqualTo(text);
    }

    @Test
    void longLinesWrapOnWords() {
        assertThat(EscPosWriter.wrap("Vui lòng giữ phiếu đến khi được gọi", 16))
                .containsExactly("Vui lòng giữ", "phiếu đến khi", "được gọi");
    }
}
