package vn.hanoi.branch.printer.escpos;

import org.junit.jupiter.api.Test;
import vn.hanoi.branch.testkit.printer.EscPosInterpreter;
import vn.hanoi.branch.testkit.printer.GlyphReader;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code ESC &} downloads, byte for byte, decoded back into dots and compared with the font. */
class CellGlyphsTest {
    private static final int[] LETTERS = GlyphReader.vietnameseLetters().codePoints().toArray();

    @Test
    void everyVietnameseLetterDownloadsAsTheFontDrawsIt() {
        assertThat(LETTERS).hasSize(2 + 12 * 2 * 6);
        // 146 letters are more than one download holds: two downloads, each decoded on its own.
        for (int from = 0; from < LETTERS.length; from += CellGlyphs.MAX_GLYPHS) {
            int[] chunk = Arrays.copyOfRange(LETTERS, from, Math.min(LETTERS.length, from + CellGlyphs.MAX_GLYPHS));
            byte[] bytes = CellGlyphs.download(0x20, Arrays.stream(chunk).mapToObj(CellGlyphs::render).toList());

            assertThat(bytes.length).isEqualTo(5 + chunk.length * (1 + 12 * 3));
            assertThat(Arrays.copyOf(bytes, 5)).containsExactly(0x1B, '&', 3, 0x20, 0x20 + chunk.length - 1);
            EscPosInterpreter in = new EscPosInterpreter(PrinterProfile.GENERIC);
            in.accept(bytes);
            assertThat(in.errors()).isEmpty();
            Map<Integer, MonoBitmap> decoded = in.definedGlyphs();
            assertThat(decoded).hasSize(chunk.length);
            for (int i = 0; i < chunk.length; i++) {
                MonoBitmap font = GlyphReader.draw(chunk[i]);
                String what = Character.toString(chunk[i]);
                assertThat(decoded.get(0x20 + i).sameDots(font)).as(what + " decoded = the font's dots").isTrue();
                int at = 5 + i * 37;
                assertThat(bytes[at]).as(what + " is full width").isEqualTo((byte) 12);
                assertThat(Arrays.copyOfRange(bytes, at + 1, at + 37)).as(what + " byte for byte")
                        .containsExactly(columnsOf(font));
            }
        }
    }

    @Test
    void everyLetterFitsTheCellAndDiffersFromEveryOther() {
        Set<String> seen = new HashSet<>();
        for (int cp : LETTERS) {
            MonoBitmap cell = CellGlyphs.render(cp);
            assertThat(seen.add(Arrays.toString(cell.data()))).as(Character.toString(cp) + " is unlike the others").isTrue();
            assertThat(dots(cell)).as(Character.toString(cp) + ": no mark cut off at the cell's edge").isEqualTo(inkOnBigCanvas(cp));
        }
        assertThat(GlyphReader.vietnamese().read(CellGlyphs.render('ễ'))).isEqualTo("ễ");
        assertThat(GlyphReader.vietnamese().read(CellGlyphs.render('Ự'))).isEqualTo("Ự");
    }

    @Test
    void aDownloadIsRefusedOutsideTheCodesEscAmpersandTakes() {
        List<MonoBitmap> two = List.of(CellGlyphs.render('ă'), CellGlyphs.render('ơ'));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> CellGlyphs.download(0x7E, two))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** {@code ESC &} column order written out here, independently of the module. */
    private static byte[] columnsOf(MonoBitmap g) {
        byte[] b = new byte[36];
        for (int x = 0; x < 12; x++) {
            for (int y = 0; y < 24; y++) {
                if (g.black(x, y)) {
                    b[x * 3 + y / 8] |= (byte) (1 << (7 - y % 8));
                }
            }
        }
        return b;
    }

    private static int dots(MonoBitmap m) {
        int n = 0;
        for (int y = 0; y < m.rows(); y++) {
            for (int x = 0; x < m.widthDots(); x++) {
                n += m.black(x, y) ? 1 : 0;
            }
        }
        return n;
    }

    /** The same letter drawn with room all round: as many dots means nothing fell outside the cell. */
    private static int inkOnBigCanvas(int cp) {
        BufferedImage img = new BufferedImage(60, 60, BufferedImage.TYPE_BYTE_BINARY);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 60, 60);
        g.setColor(Color.BLACK);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_OFF);
        g.setFont(CellGlyphs.font());
        g.drawString(Character.toString(cp), 20, 20 + CellGlyphs.BASELINE);
        g.dispose();
        int n = 0;
        for (int y = 0; y < 60; y++) {
            for (int x = 0; x < 60; x++) {
                n += (img.getRGB(x, y) & 0xFFFFFF) == 0 ? 1 : 0;
            }
        }
        return n;
    }
}
