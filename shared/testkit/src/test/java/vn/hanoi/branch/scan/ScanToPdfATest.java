package vn.hanoi.branch.scan;

import vn.hanoi.branch.pdf.DocumentMeta;
import vn.hanoi.branch.pdf.PdfAWriter;
import vn.hanoi.branch.testkit.scan.SimulatedPages;
import vn.hanoi.branch.testkit.scan.SimulatedScanner;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.graphics.color.PDOutputIntent;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Simulated feeder batch → clean-up (blank back removed) → one PDF/A-2b per document, checked
 * structurally here (what PDF/A-2b asks of an image-only file) and by veraPDF in {@code ScanPdfAConformanceTest}.
 */
class ScanToPdfATest {
    static final DocumentMeta META = new DocumentMeta("000.00.01.H26-250605-0001", "TO_KHAI", "Tờ khai đăng ký thường trú",
            "clerk1", Instant.parse("2025-06-05T02:30:00Z"));

    /** Scans the demo-like batch and returns the cleaned pages that are not blank. */
    static List<BufferedImage> scanBatch(ScanSettings settings) throws ScanException {
        SimulatedScanner scanner = new SimulatedScanner(List.of(SimulatedPages.Kind.TEXT, SimulatedPages.Kind.BLANK,
                SimulatedPages.Kind.ONE_LINE, SimulatedPages.Kind.BLEED_THROUGH), 2.5, 42, 0);
        List<BufferedImage> kept = new ArrayList<>();
        int read = scanner.scan(settings, img -> {
            PageCleanup.Cleaned c = PageCleanup.clean(img, settings.dpi());
            if (!c.blank()) {
                kept.add(c.image());
            }
        }, () -> false);
        assertThat(read).isEqualTo(4);
        return kept;
    }

    static byte[] write(List<BufferedImage> pages, ScanSettings settings, PdfAWriter.Written[] written) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        written[0] = new PdfAWriter(0.6f).write(pages, settings.mode(), settings.dpi(), META, out);
        return out.toByteArray();
    }

    @ParameterizedTest
    @EnumSource(ScanSettings.ColorMode.class)
    void aBatchBecomesOnePdfAWithTheRightImagesMetadataAndHash(ScanSettings.ColorMode mode) throws Exception {
        ScanSettings settings = new ScanSettings(ScanSettings.Source.ADF, 150, mode);
        List<BufferedImage> pages = scanBatch(settings);
        assertThat(pages).hasSize(2); // the blank back and the show-through sheet are gone

        PdfAWriter.Written[] w = new PdfAWriter.Written[1];
        byte[] pdf = write(pages, settings, w);
        assertThat(w[0].bytes()).isEqualTo(pdf.length);
        assertThat(w[0].sha256()).isEqualTo(HexFormat.of().formatHex(
                java.security.MessageDigest.getInstance("SHA-256").digest(pdf)));
        assertThat(new String(pdf, 0, 8, StandardCharsets.ISO_8859_1)).matches("%PDF-1\\.[4-7]");

        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertThat(doc.getNumberOfPages()).isEqualTo(2);
            assertThat(doc.isEncrypted()).isFalse();
            for (PDPage page : doc.getPages()) {
                // About A4 (the crop takes the feeder's margins off): 210 × 297 mm less a little.
                assertThat(page.getMediaBox().getWidth() / 72 * 25.4).isCloseTo(200, within(10.0));
                assertThat(page.getMediaBox().getHeight() / 72 * 25.4).isCloseTo(287, within(10.0));
                List<PDImageXObject> images = new ArrayList<>();
                for (COSName n : page.getResources().getXObjectNames()) {
                    images.add((PDImageXObject) page.getResources().getXObject(n));
                }
                assertThat(images).hasSize(1);
                PDImageXObject img = images.getFirst();
                assertThat(img.getCOSObject().getItem(COSName.INTERPOLATE)).isNull();
                switch (mode) {
                    case LINEART -> {
                        assertThat(img.getCOSObject().getNameAsString(COSName.FILTER)).isEqualTo("CCITTFaxDecode");
                        assertThat(img.getBitsPerComponent()).isEqualTo(1);
                    }
                    case GRAY -> {
                        assertThat(img.getCOSObject().getNameAsString(COSName.FILTER)).isEqualTo("DCTDecode");
                        assertThat(img.getColorSpace().getNumberOfComponents()).isEqualTo(1);
                    }
                    case COLOR -> {
                        assertThat(img.getCOSObject().getNameAsString(COSName.FILTER)).isEqualTo("DCTDecode");
                        assertThat(img.getColorSpace().getNumberOfComponents()).isEqualTo(3);
                    }
                }
            }
            // PDF/A-2b: identification and our fields in XMP, matching the information dictionary.
            String xmp = new String(doc.getDocumentCatalog().getMetadata().toByteArray(), StandardCharsets.UTF_8);
            assertThat(xmp).contains("<pdfaid:part>2</pdfaid:part>", "<pdfaid:conformance>B</pdfaid:conformance>",
                    "<hnscan:DossierCode>000.00.01.H26-250605-0001</hnscan:DossierCode>",
                    "<hnscan:DocumentType>TO_KHAI</hnscan:DocumentType>", "<hnscan:Clerk>clerk1</hnscan:Clerk>",
                    "<hnscan:ScannedAt>2025-06-05T09:30:00+07:00</hnscan:ScannedAt>",
                    "<pdfaSchema:namespaceURI>" + PdfAWriter.NS + "</pdfaSchema:namespaceURI>",
                    "<xmp:CreateDate>2025-06-05T09:30:00+07:00</xmp:CreateDate>");
            assertThat(xmp).startsWith("<?xpacket begin=\"\uFEFF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>");
            assertThat(doc.getDocumentCatalog().getMetadata().getCOSObject().getItem(COSName.FILTER)).isNull();
            String title = doc.getDocumentInformation().getTitle();
            assertThat(title).isEqualTo("000.00.01.H26-250605-0001 - Tờ khai đăng ký thường trú");
            assertThat(xmp).contains("<rdf:li xml:lang=\"x-default\">" + title + "</rdf:li>");
            assertThat(doc.getDocumentInformation().getCreationDate().toInstant()).isEqualTo(META.scannedAt());
            // The sRGB output intent with its ICC profile, and the file identifier in the trailer.
            List<PDOutputIntent> intents = doc.getDocumentCatalog().getOutputIntents();
            assertThat(intents).hasSize(1);
            assertThat(intents.getFirst().getCOSObject().getNameAsString(COSName.S)).isEqualTo("GTS_PDFA1");
            assertThat(((org.apache.pdfbox.cos.COSStream) intents.getFirst().getDestOutputIntent().getCOSObject()).getInt(COSName.N)).isEqualTo(3);
            COSArray id = doc.getDocument().getTrailer().getCOSArray(COSName.ID);
            assertThat(id).isNotNull();
            assertThat(id.size()).isEqualTo(2);
        }
    }

    @Test
    void theBwImageInThePdfHasExactlyTheBitsOfThePage() throws Exception {
        ScanSettings bw = new ScanSettings(ScanSettings.Source.ADF, 150, ScanSettings.ColorMode.LINEART);
        BufferedImage page = scanBatch(bw).getFirst();
        BufferedImage bits = Binarizer.toBinary(page, 150);
        byte[] pdf = write(List.of(page), bw, new PdfAWriter.Written[1]);
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            PDPage p = doc.getPage(0);
            PDImageXObject img = (PDImageXObject) p.getResources().getXObject(p.getResources().getXObjectNames().iterator().next());
            BufferedImage back = img.getImage();
            assertThat(back.getWidth()).isBetween(bits.getWidth(), bits.getWidth() + 15); // white padding to the tile grid
            int differ = 0;
            for (int y = 0; y < bits.getHeight(); y++) {
                for (int x = 0; x < bits.getWidth(); x++) {
                    if ((back.getRGB(x, y) & 0xffffff) != (bits.getRGB(x, y) & 0xffffff)) {
                        differ++;
                    }
                }
            }
            assertThat(differ).isZero();
        }
    }

    @Test
    void bwPagesAreSmallerThanGreyOnes() throws Exception {
        ScanSettings bw = new ScanSettings(ScanSettings.Source.ADF, 150, ScanSettings.ColorMode.LINEART);
        ScanSettings grey = new ScanSettings(ScanSettings.Source.ADF, 150, ScanSettings.ColorMode.GRAY);
        PdfAWriter.Written[] w1 = new PdfAWriter.Written[1];
        PdfAWriter.Written[] w2 = new PdfAWriter.Written[1];
        write(scanBatch(bw), bw, w1);
        write(scanBatch(grey), grey, w2);
        assertThat(w1[0].bytes()).isLessThan(w2[0].bytes());
    }
}
