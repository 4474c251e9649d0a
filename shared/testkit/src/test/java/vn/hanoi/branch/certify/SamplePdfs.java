package vn.hanoi.branch.certify;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

import java.io.ByteArrayOutputStream;
import java.io.IOException;

/** Originals for the tests: a paper result as a small PDF, text uncompressed so tests can find it. */
final class SamplePdfs {
    static final String MARKER = "GIAY CHUNG NHAN page ";

    private SamplePdfs() {
    }

    /** {@code pages} A4 pages; the second one (if any) is landscape by /Rotate 90, as scanners make them. */
    static byte[] result(int pages) throws IOException {
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDType1Font helvetica = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            for (int i = 1; i <= pages; i++) {
                PDPage page = new PDPage(PDRectangle.A4);
                if (i == 2) {
                    page.setRotation(90);
                }
                doc.addPage(page);
                try (PDPageContentStream cs = new PDPageContentStream(doc, page, PDPageContentStream.AppendMode.OVERWRITE, false)) {
                    cs.beginText();
                    cs.setFont(helvetica, 14);
                    cs.newLineAtOffset(72, 700);
                    cs.showText(MARKER + i);
                    cs.endText();
                }
            }
            doc.save(out);
            return out.toByteArray();
        }
    }
}
