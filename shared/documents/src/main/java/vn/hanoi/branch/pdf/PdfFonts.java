package vn.hanoi.branch.pdf;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The TrueType font of the PDFs the branch makes (certification stamp, dossier slips). The standard
 * 14 PDF fonts have no Vietnamese letters, so the font is embedded (as a subset of the glyphs used).
 * DejaVu Sans has every precomposed Vietnamese letter; the system's copy is taken when there is one,
 * else the copy bundled with this class (Bitstream Vera license, which allows bundling; see
 * DejaVuSans-LICENSE.txt).
 */
public final class PdfFonts {
    public static final Path SYSTEM_DEJAVU = Path.of("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf");
    private static final String BUNDLED = "DejaVuSans.ttf";

    private PdfFonts() {
    }

    /** {@code override} (may be null) first, then the system's DejaVu Sans, then the bundled one. */
    public static PDType0Font load(PDDocument doc, Path override) throws IOException {
        if (override != null) {
            return PDType0Font.load(doc, override.toFile());
        }
        if (Files.isReadable(SYSTEM_DEJAVU)) {
            return PDType0Font.load(doc, SYSTEM_DEJAVU.toFile());
        }
        try (InputStream in = PdfFonts.class.getResourceAsStream(BUNDLED)) {
            if (in == null) {
                throw new IOException("no font with Vietnamese letters: " + SYSTEM_DEJAVU + " is missing and "
                        + BUNDLED + " is not on the class path");
            }
            return PDType0Font.load(doc, in, true);
        }
    }
}
