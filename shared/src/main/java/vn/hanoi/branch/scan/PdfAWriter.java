package vn.hanoi.branch.scan;

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

    private final float jpegQuality;

    public PdfAWriter(float jpegQuality) {
        if (jpegQuality <= 0 || jpegQuality > 1) {
            throw new IllegalArgumentException("JPEG quality must be in (0, 1]");
        }
        this.jpegQuality = jpegQuality;
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
        PDImageXObject x = switch (mode) {
            case LINEART -> CCITTFactory.createFromImage(doc, img.getType() == BufferedImage.TYPE_BYTE_BINARY
                    ? img : Binarizer.toBinary(img, dpi));
            case GRAY -> JPEGFactory.createFromImage(doc, Images.gray(img), jpegQuality, dpi);
            case COLOR -> JPEGFactory.createFromImage(doc, rgb(img), jpegQuality, dpi);
        };
        float w = img.getWidth() * 72f / dpi;
        float h = img.getHeight() * 72f / dpi;
        PDPage page = new PDPage(new PDRectangle(w, h));
        doc.addPage(page);
        try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
            cs.drawImage(x, 0, 0, w, h);
        }
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
