package vn.hanoi.branch.pdf;

import vn.hanoi.branch.scan.Binarizer;
import vn.hanoi.branch.scan.Images;
import vn.hanoi.branch.scan.ScanSettings;

import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.color.PDOutputIntent;
import org.apache.pdfbox.pdmodel.graphics.image.CCITTFactory;
import org.apache.pdfbox.pdmodel.graphics.image.JPEGFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.TimeZone;

/**
 * One document of a dossier as one PDF/A-2b file: each page an image at its scanned resolution (CCITT G4
 * for B/W, JPEG at {@code jpegQuality} for grey and colour), the sRGB output intent, and XMP metadata that
 * says PDF/A-2b and carries the dossier code, document type, clerk and time (in an extension schema, as
 * PDF/A requires for fields of our own), matching the document information dictionary.
 */
public final class PdfAWriter {
    public static final String NS = "https://dichvucong.hanoi.gov.vn/ns/branch-scan/1.0/";
    public static final String PREFIX = "hnscan";
    public static final String PRODUCER = "Branch system (Hà Nội) - digitization";
    private static final ZoneId HANOI = ZoneId.of("Asia/Ho_Chi_Minh");

    /**
     * Resolution grey and colour pages are kept at, by default: Circular 02/2019/TT-BNV asks at least 200
     * dpi for digitized documents. Pages are scanned at 300 dpi (clean-up and B/W work on those); JPEG at
     * 200 dpi is about half the bytes of 300 dpi for the same reading.
     */
    public static final int DEFAULT_PHOTO_DPI = 200;

    private final float jpegQuality;
    private final int photoDpi;

    /** @param photoDpi the resolution grey and colour pages are kept at (0: as scanned) */
    public PdfAWriter(float jpegQuality, int photoDpi) {
        if (jpegQuality <= 0 || jpegQuality > 1) {
            throw new IllegalArgumentException("JPEG quality must be in (0, 1]");
        }
        this.jpegQuality = jpegQuality;
        this.photoDpi = photoDpi;
    }

    /** Grey and colour pages kept at {@link #DEFAULT_PHOTO_DPI} (or as scanned when that is lower). */
    public PdfAWriter(float jpegQuality) {
        this(jpegQuality, DEFAULT_PHOTO_DPI);
    }

    /** The file's SHA-256 (lower-case hex) and size. */
    public record Written(String sha256, long bytes, int pages) {
    }

    /**
     * Writes the pages (already cleaned up; taken one at a time, so a long document need not be in memory)
     * as a PDF/A-2b to {@code out}, hashing on the way.
     */
    public Written write(Iterable<BufferedImage> pages, ScanSettings.ColorMode mode, int dpi, DocumentMeta meta,
                         OutputStream out) throws IOException {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        CountingStream counting = new CountingStream(out);
        int count = 0;
        try (PDDocument doc = new PDDocument()) {
            doc.setVersion(1.7f);
            Iterator<BufferedImage> it = pages.iterator();
            while (it.hasNext()) {
                addPage(doc, it.next(), mode, dpi);
                count++;
            }
            if (count == 0) {
                throw new IllegalArgumentException("a document needs at least one page");
            }
            ZonedDateTime at = meta.scannedAt().atZone(HANOI).truncatedTo(ChronoUnit.SECONDS);
            String title = title(meta);
            info(doc, title, at);
            metadata(doc, xmp(meta, title, at));
            outputIntent(doc);
            byte[] id = HexFormat.of().parseHex(sha256(title + "|" + at + "|" + meta.dossierCode()).substring(0, 32));
            COSArray ids = new COSArray();
            ids.add(new COSString(id));
            ids.add(new COSString(id));
            doc.getDocument().getTrailer().setItem(COSName.ID, ids);
            try (DigestOutputStream dout = new DigestOutputStream(counting, sha)) {
                doc.save(dout);
                dout.flush();
            }
        }
        return new Written(HexFormat.of().formatHex(sha.digest()), counting.count, count);
    }

    private void addPage(PDDocument doc, BufferedImage img, ScanSettings.ColorMode mode, int dpi) throws IOException {
        BufferedImage page = mode == ScanSettings.ColorMode.LINEART ? padded(img.getType() == BufferedImage.TYPE_BYTE_BINARY
                ? img : Binarizer.toBinary(img, dpi)) : img;
        PDImageXObject x = switch (mode) {
            case LINEART -> CCITTFactory.createFromByteArray(doc, g4Tiff(page));
            case GRAY -> JPEGFactory.createFromByteArray(doc, jpeg(scaled(Images.gray(page), dpi), Math.min(dpi, keptDpi(dpi))));
            case COLOR -> JPEGFactory.createFromByteArray(doc, jpeg(scaled(rgb(page), dpi), Math.min(dpi, keptDpi(dpi))));
        };
        float w = page.getWidth() * 72f / dpi;
        float h = page.getHeight() * 72f / dpi;
        PDPage p = new PDPage(new PDRectangle(w, h));
        doc.addPage(p);
        try (PDPageContentStream cs = new PDPageContentStream(doc, p)) {
            cs.drawImage(x, 0, 0, w, h);
        }
    }

    /** A B/W page widened and lengthened with white to multiples of 16 pixels, the TIFF tile grid (≤ 1.4 mm at 300 dpi). */
    private static BufferedImage padded(BufferedImage bin) {
        int w = (bin.getWidth() + 15) / 16 * 16;
        int h = (bin.getHeight() + 15) / 16 * 16;
        if (w == bin.getWidth() && h == bin.getHeight()) {
            return bin;
        }
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_BINARY);
        java.awt.Graphics2D g = out.createGraphics();
        g.setColor(java.awt.Color.WHITE);
        g.fillRect(0, 0, w, h);
        g.drawImage(bin, 0, 0, null);
        g.dispose();
        return out;
    }

    private int keptDpi(int dpi) {
        return photoDpi <= 0 ? dpi : Math.min(dpi, photoDpi);
    }

    /** The page reduced to the kept resolution (area-averaged by bilinear steps of at most half). */
    private BufferedImage scaled(BufferedImage img, int dpi) {
        int kept = keptDpi(dpi);
        if (kept >= dpi) {
            return img;
        }
        int w = Math.max(1, Math.round(img.getWidth() * kept / (float) dpi));
        int h = Math.max(1, Math.round(img.getHeight() * kept / (float) dpi));
        BufferedImage out = new BufferedImage(w, h, img.getType() == BufferedImage.TYPE_BYTE_GRAY
                ? BufferedImage.TYPE_BYTE_GRAY : BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = out.createGraphics();
        g.setRenderingHint(java.awt.RenderingHints.KEY_INTERPOLATION, java.awt.RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(img, 0, 0, w, h, null);
        g.dispose();
        return out;
    }

    /**
     * CCITT G4 by the JDK's TIFF writer (several times faster than PDFBox's own encoder), as a TIFF of one
     * tile (the whole padded page), which PDFBox takes over without decoding.
     */
    private static byte[] g4Tiff(BufferedImage bin) throws IOException {
        javax.imageio.ImageWriter w = javax.imageio.ImageIO.getImageWritersByFormatName("tiff").next();
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(64 * 1024);
        try (javax.imageio.stream.ImageOutputStream ios = javax.imageio.ImageIO.createImageOutputStream(out)) {
            w.setOutput(ios);
            javax.imageio.ImageWriteParam p = w.getDefaultWriteParam();
            p.setCompressionMode(javax.imageio.ImageWriteParam.MODE_EXPLICIT);
            p.setCompressionType("CCITT T.6");
            p.setTilingMode(javax.imageio.ImageWriteParam.MODE_EXPLICIT);
            p.setTiling(bin.getWidth(), bin.getHeight(), 0, 0);
            w.write(null, new javax.imageio.IIOImage(bin, null, null), p);
        } finally {
            w.dispose();
        }
        return out.toByteArray();
    }

    /** Baseline JPEG with optimized Huffman tables (some percent smaller than the default tables). */
    private byte[] jpeg(BufferedImage img, int dpi) throws IOException {
        javax.imageio.ImageWriter w = javax.imageio.ImageIO.getImageWritersByFormatName("jpeg").next();
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(256 * 1024);
        try (javax.imageio.stream.ImageOutputStream ios = javax.imageio.ImageIO.createImageOutputStream(out)) {
            w.setOutput(ios);
            javax.imageio.plugins.jpeg.JPEGImageWriteParam p = new javax.imageio.plugins.jpeg.JPEGImageWriteParam(null);
            p.setCompressionMode(javax.imageio.ImageWriteParam.MODE_EXPLICIT);
            p.setCompressionQuality(jpegQuality);
            p.setOptimizeHuffmanTables(true);
            w.write(null, new javax.imageio.IIOImage(img, null, null), p);
        } finally {
            w.dispose();
        }
        return out.toByteArray();
    }

    private static BufferedImage rgb(BufferedImage img) {
        if (img.getType() == BufferedImage.TYPE_INT_RGB) {
            return img;
        }
        BufferedImage out = new BufferedImage(img.getWidth(), img.getHeight(), BufferedImage.TYPE_INT_RGB);
        out.createGraphics().drawImage(img, 0, 0, null);
        return out;
    }

    static String title(DocumentMeta meta) {
        String name = meta.documentName() == null || meta.documentName().isBlank() ? meta.documentType() : meta.documentName();
        return meta.dossierCode() + " - " + name;
    }

    private static void info(PDDocument doc, String title, ZonedDateTime at) {
        PDDocumentInformation info = doc.getDocumentInformation();
        info.setTitle(title);
        info.setCreator(PRODUCER);
        info.setProducer(PRODUCER);
        Calendar c = GregorianCalendar.from(at);
        c.setTimeZone(TimeZone.getTimeZone(HANOI));
        info.setCreationDate(c);
        info.setModificationDate(c);
    }

    private static void metadata(PDDocument doc, String xmp) throws IOException {
        PDMetadata m = new PDMetadata(doc, new ByteArrayInputStream(xmp.getBytes(StandardCharsets.UTF_8)));
        doc.getDocumentCatalog().setMetadata(m);
    }

    private static void outputIntent(PDDocument doc) throws IOException {
        byte[] icc = ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData();
        PDOutputIntent intent = new PDOutputIntent(doc, new ByteArrayInputStream(icc));
        intent.setInfo("sRGB IEC61966-2.1");
        intent.setOutputCondition("sRGB IEC61966-2.1");
        intent.setOutputConditionIdentifier("sRGB IEC61966-2.1");
        intent.setRegistryName("http://www.color.org");
        doc.getDocumentCatalog().addOutputIntent(intent);
    }

    static String xmp(DocumentMeta meta, String title, ZonedDateTime at) {
        String date = at.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        String scanned = meta.scannedAt().atZone(HANOI).truncatedTo(ChronoUnit.SECONDS)
                .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        return """
                <?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>
                <x:xmpmeta xmlns:x="adobe:ns:meta/">
                 <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
                  <rdf:Description rdf:about=""
                    xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/"
                    xmlns:dc="http://purl.org/dc/elements/1.1/"
                    xmlns:xmp="http://ns.adobe.com/xap/1.0/"
                    xmlns:pdf="http://ns.adobe.com/pdf/1.3/"
                    xmlns:pdfaExtension="http://www.aiim.org/pdfa/ns/extension/"
                    xmlns:pdfaSchema="http://www.aiim.org/pdfa/ns/schema#"
                    xmlns:pdfaProperty="http://www.aiim.org/pdfa/ns/property#"
                    xmlns:%1$s="%2$s">
                   <pdfaid:part>2</pdfaid:part>
                   <pdfaid:conformance>B</pdfaid:conformance>
                   <dc:format>application/pdf</dc:format>
                   <dc:title><rdf:Alt><rdf:li xml:lang="x-default">%3$s</rdf:li></rdf:Alt></dc:title>
                   <xmp:CreateDate>%4$s</xmp:CreateDate>
                   <xmp:ModifyDate>%4$s</xmp:ModifyDate>
                   <xmp:MetadataDate>%4$s</xmp:MetadataDate>
                   <xmp:CreatorTool>%5$s</xmp:CreatorTool>
                   <pdf:Producer>%5$s</pdf:Producer>
                   <%1$s:DossierCode>%6$s</%1$s:DossierCode>
                   <%1$s:DocumentType>%7$s</%1$s:DocumentType>
                   <%1$s:Clerk>%8$s</%1$s:Clerk>
                   <%1$s:ScannedAt>%9$s</%1$s:ScannedAt>
                   <pdfaExtension:schemas>
                    <rdf:Bag>
                     <rdf:li rdf:parseType="Resource">
                      <pdfaSchema:schema>Branch digitization of dossier documents</pdfaSchema:schema>
                      <pdfaSchema:namespaceURI>%2$s</pdfaSchema:namespaceURI>
                      <pdfaSchema:prefix>%1$s</pdfaSchema:prefix>
                      <pdfaSchema:property>
                       <rdf:Seq>
                        %10$s
                       </rdf:Seq>
                      </pdfaSchema:property>
                     </rdf:li>
                    </rdf:Bag>
                   </pdfaExtension:schemas>
                  </rdf:Description>
                 </rdf:RDF>
                </x:xmpmeta>
                <?xpacket end="w"?>""".formatted(PREFIX, NS, esc(title), date, esc(PRODUCER), esc(meta.dossierCode()),
                esc(meta.documentType()), esc(meta.clerk()), scanned,
                property("DossierCode", "Text", "Dossier code (mã hồ sơ)")
                        + property("DocumentType", "Text", "Checklist document code of the procedure")
                        + property("Clerk", "Text", "User name of the clerk who scanned")
                        + property("ScannedAt", "Date", "When the pages were scanned"));
    }

    private static String property(String name, String type, String description) {
        return """
                <rdf:li rdf:parseType="Resource">
                 <pdfaProperty:name>%s</pdfaProperty:name>
                 <pdfaProperty:valueType>%s</pdfaProperty:valueType>
                 <pdfaProperty:category>external</pdfaProperty:category>
                 <pdfaProperty:description>%s</pdfaProperty:description>
                </rdf:li>
                """.formatted(name, type, description);
    }

    private static String esc(String s) {
        if (s == null) {
            return "";
        }
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final class CountingStream extends java.io.FilterOutputStream {
        long count;

        CountingStream(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            count += len;
        }

        @Override
        public void close() throws IOException {
            flush(); // the caller owns the stream
        }
    }
}
