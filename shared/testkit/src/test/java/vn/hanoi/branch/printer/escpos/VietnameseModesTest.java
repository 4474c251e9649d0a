package vn.hanoi.branch.printer.escpos;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import vn.hanoi.branch.printer.TicketPrint;
import vn.hanoi.branch.printer.escpos.EscPosCommands.Align;
import vn.hanoi.branch.printer.escpos.EscPosWriter.Style;
import vn.hanoi.branch.printer.serial.SerialSettings;
import vn.hanoi.branch.testkit.printer.EscPosInterpreter;
import vn.hanoi.branch.testkit.printer.EscPosInterpreter.Receipt;
import vn.hanoi.branch.testkit.printer.GlyphReader;

import java.text.Normalizer;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every profile in every Vietnamese mode it offers, read back by the independent interpreter: text
 * through its code tables, downloaded letters by what their dots look like.
 */
class VietnameseModesTest {

    static Stream<PrinterProfile> everyProfileAndMode() {
        return PrinterProfile.all().stream().flatMap(p -> p.modes().stream().map(p::withVietnamese));
    }

    static Stream<PrinterProfile> textModes() {
        return everyProfileAndMode().filter(p -> p.vietnamese() != VietnameseMode.RASTER);
    }

    static Receipt interpret(byte[] bytes, PrinterProfile p) {
        return Tickets.interpret(bytes, p);
    }

    static String readable(String text, PrinterProfile p) {
        return Tickets.asPrinted(text, p);
    }

    /** The QR of a printer without {@code GS ( k} is the only image a text-mode ticket may have. */
    static int qrImages(PrinterProfile p) {
        return p.nativeQr() ? 0 : 1;
    }

    @ParameterizedTest
    @MethodSource("textModes")
    void theTicketReadsBackAsTextOnEveryProfileAndMode(PrinterProfile p) {
        Receipt r = interpret(TicketLayout.render(Tickets.full("1005"), p), p);
        for (String field : List.of(Tickets.NAME, "Hộ tịch", "SỐ THỨ TỰ / YOUR NUMBER", "ƯU TIÊN – Người cao tuổi",
                "Số người chờ trước bạn: 3", "Dự kiến chờ ~12 phút / Est. wait ~12 min", "Vui lòng giữ phiếu đến khi được gọi")) {
            assertThat(r.textLines()).as(field).containsSubsequence(EscPosWriter.wrap(readable(field, p), p.columns()));
        }
        assertThat(r.textLines()).contains("1005", "08:05 23/11/2026");
        assertThat(r.rasters()).as("no line drawn as an image").hasSize(qrImages(p));
    }

    @ParameterizedTest
    @MethodSource("textModes")
    void everyVowelWithEveryToneInBothCasesReadsBack(PrinterProfile p) {
        String all = GlyphReader.vietnameseLetters();
        for (boolean upper : new boolean[] {false, true}) {
            // Groups of one vowel with its five tones, as words, so the line wraps between them.
            StringBuilder words = new StringBuilder(upper ? "Đ" : "đ");
            all.codePoints().filter(c -> Character.isUpperCase(c) == upper && c != 'đ' && c != 'Đ').forEach(c -> {
                if (words.length() > 0 && "aăâeêioôơuưyAĂÂEÊIOÔƠUƯY".indexOf(c) >= 0) {
                    words.append(' ');
                }
                words.appendCodePoint(c);
            });
            String letters = words.toString();
            assertThat(letters.replace(" ", "").codePointCount(0, letters.replace(" ", "").length())).isEqualTo(73);
            TicketPrint t = new TicketPrint("Test", "Test", null, "1", null, LocalDateTime.of(2026, 12, 7, 9, 0), 0, null,
                    null, letters, false);
            EscPosWriter w = TicketLayout.write(t, p);
            Receipt r = interpret(w.bytes(), p);
            assertThat(r.textLines()).as(p.id() + " " + p.vietnamese() + (upper ? " upper" : " lower"))
                    .containsSubsequence(EscPosWriter.wrap(letters, p.columns()));
            assertThat(w.rasterLines()).isZero();
        }
    }

    @Test
    void moreLettersThanOneDownloadHoldsFallBackToRasterForTheLineThatOverflows() {
        PrinterProfile p = PrinterProfile.GENERIC;
        EscPosWriter w = new EscPosWriter(p);
        List<String> lines = new ArrayList<>();
        String all = GlyphReader.vietnameseLetters();
        for (int i = 0; i < all.length(); i += 24) {
            lines.add(all.substring(i, Math.min(all.length(), i + 24)));
        }
        lines.forEach(l -> w.text(l, Style.NORMAL.aligned(Align.LEFT)));
        Receipt r = interpret(w.bytes(), p);

        assertThat(w.downloadedGlyphs()).isLessThanOrEqualTo(CellGlyphs.MAX_GLYPHS).isGreaterThan(60);
        assertThat(w.rasterLines()).isPositive();
        int text = 0;
        for (String line : lines) {
            if (r.textLines().contains(line)) {
                text++;
            } else {
                MonoBitmap band = RasterText.line(line, p.dotsPerLine(), Align.LEFT, 1, false, false);
                assertThat(r.rasters()).as("band for " + line).anyMatch(band::sameDots);
            }
        }
        assertThat(text).isEqualTo(lines.size() - w.rasterLines());
    }

    @ParameterizedTest
    @MethodSource("everyProfileAndMode")
    void rasterModeDrawsTheVietnameseLinesAndEveryModeStaysWithinItsSize(PrinterProfile p) {
        TicketPrint t = Tickets.full("1005");
        EscPosWriter w = TicketLayout.write(t, p);
        int bytes = w.bytes().length;
        int limit = switch (p.vietnamese()) {
            case WINDOWS_1258, TCVN3 -> 1024;
            case USER_DEFINED -> p.nativeQr() ? 1500 : 4000;
            case RASTER -> 20_000;
        };
        assertThat(bytes).as(p.id() + " " + p.vietnamese()).isLessThanOrEqualTo(limit);
        if (p.vietnamese() == VietnameseMode.USER_DEFINED && !p.nativeQr()) {
            assertThat(SerialSettings.of("-", 9600).wireTime(bytes)).as("at 9600 baud").isLessThanOrEqualTo(java.time.Duration.ofMillis(4500));
        }
        if (p.vietnamese() == VietnameseMode.RASTER) {
            Receipt r = interpret(w.bytes(), p);
            String nfc = Normalizer.normalize(Tickets.NAME, Normalizer.Form.NFC);
            assertThat(r.textLines()).noneMatch(l -> l.contains("Nguy"));
            for (String line : EscPosWriter.wrap(nfc, p.columns())) {
                MonoBitmap expected = RasterText.line(line, p.dotsPerLine(), Align.CENTER, 1, true, false);
                assertThat(r.rasters()).as("band for " + line).anyMatch(expected::sameDots);
            }
        }
    }

    @Test
    void tcvn3SendsEachToneLetterAsOneCodeAndCapitalsFromTable31() {
        assertThat(CodePage.TCVN3.encode("ễ")).hasValueSatisfying(b -> assertThat(b).containsExactly(0xD4));
        assertThat(CodePage.TCVN3_CAPITALS.encode("Ễ")).hasValueSatisfying(b -> assertThat(b).containsExactly(0xD4));
        assertThat(CodePage.TCVN3.encode("Ễ")).isEmpty();
        assertThat(CodePage.TCVN3.encode("Đà")).hasValueSatisfying(b -> assertThat(b).containsExactly(0xA7, 0xB5));
        PrinterProfile p = PrinterProfile.TM_T88.withVietnamese(VietnameseMode.TCVN3);
        String hex = HexFormat.of().formatHex(TicketLayout.render(Tickets.full("1"), p));
        // "SỐ THỨ TỰ": capitals from table 31, no combining bytes anywhere.
        assertThat(hex).contains("1b741f" + "53e8" + "205448f8" + "2054f9");
    }

    @ParameterizedTest
    @MethodSource("everyProfileAndMode")
    void theTestPageShowsTheSameLinesInEveryModeAndTheRulers(PrinterProfile p) {
        Receipt r = interpret(TicketLayout.testPage(p, "/dev/ttyUSB0 9600 baud"), p);
        List<String> lines = r.textLines();
        List<VietnameseMode> modes = p.modes();
        for (int i = 0; i < modes.size(); i++) {
            PrinterProfile inMode = p.withVietnamese(modes.get(i));
            assertThat(lines).contains((i + 1) + ") " + modes.get(i).id());
            if (modes.get(i) != VietnameseMode.RASTER) {
                for (String s : TicketLayout.SAMPLE) {
                    assertThat(lines).containsSubsequence(EscPosWriter.wrap(readable(s, inMode), p.columns()));
                }
            }
        }
        assertThat(lines).contains("....+....1....+....2....+....32|", "....+....1....+....2....+....3....+....42|",
                "....+....1....+....2....+....3....+....4....+48|");
    }
}
