package vn.hanoi.branch.slip;

import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.google.zxing.qrcode.encoder.ByteMatrix;
import com.google.zxing.qrcode.encoder.Encoder;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.interactive.viewerpreferences.PDViewerPreferences;
import vn.hanoi.branch.pdf.PdfFonts;
import vn.hanoi.branch.slip.SlipCanvas.Align;
import vn.hanoi.branch.slip.SlipCanvas.Run;
import vn.hanoi.branch.slip.SlipText.Label;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * A {@link Slip} as a PDF for the counter's office printer, A4 or A5 portrait, in the layout of
 * Vietnamese administrative papers: the branch at the top left, the national name and motto at the
 * top right, the title, the dossier's particulars, the document table, fee and appointment date or
 * the reason, then the lookup QR code (vector squares) beside the two signature places and the lookup
 * hint. Vietnamese first, English after it in smaller grey type. Texts wrap (a word longer than its
 * column is broken); the table goes on to further pages with its header repeated; the QR code, the
 * signatures and the appointment date are kept together on the last page. Every page has a footer
 * with the dossier code and "page i/n", and pages after the first a line naming the slip.
 *
 * <p>DejaVu Sans is embedded as a subset ({@link PdfFonts}); bold is drawn as fill-and-stroke of
 * the same font, so one font file serves every machine. The document information carries the title
 * (kind and dossier code), the dossier code as subject, keyword and {@code DossierCode} entry, and
 * the creation date; no personal data.
 */
public final class SlipPdf {

    /** Page size, margins, type sizes (points) and QR code size of each paper. */
    public enum Paper {
        A4(PDRectangle.A4, 50f, 10.5f, 8f, 14f, 92f),
        A5(PDRectangle.A5, 28f, 8.5f, 6.5f, 11.5f, 76f);

        final PDRectangle size;
        final float margin;
        final float body;
        final float small;
        final float title;
        final float qr;

        Paper(PDRectangle size, float margin, float body, float small, float title, float qr) {
            this.size = size;
            this.margin = margin;
            this.body = body;
            this.small = small;
            this.title = title;
            this.qr = qr;
        }
    }

    private static final float GREY = SlipCanvas.GREY;
    private final Paper paper;
    private final Path font;
    private final Clock clock;

    public SlipPdf(Paper paper) {
        this(paper, null, Clock.system(Slip.HANOI));
    }

    private SlipPdf(Paper paper, Path font, Clock clock) {
        this.paper = Objects.requireNonNull(paper);
        this.font = font;
        this.clock = Objects.requireNonNull(clock);
    }

    /** A TrueType font with Vietnamese letters to use instead of DejaVu Sans. */
    public SlipPdf withFont(Path trueTypeFont) {
        return new SlipPdf(paper, trueTypeFont, clock);
    }

    /** The clock of the document's creation date. */
    public SlipPdf withClock(Clock clock) {
        return new SlipPdf(paper, font, clock);
    }

    public static byte[] render(Slip slip, Paper paper) throws IOException {
        return new SlipPdf(paper).render(slip);
    }

    /** The slip as the bytes of a PDF file. */
    public byte[] render(Slip slip) throws IOException {
        try (PDDocument doc = new PDDocument()) {
            SlipCanvas c = new SlipCanvas(doc, PdfFonts.load(doc, font), paper,
                    slip.dossierCode() + " – " + slip.kind().titleVi() + " (tiếp theo / continued)");
            try {
                lay(c, slip);
            } finally {
                c.close();
            }
            c.footers(slip.dossierCode());
            metadata(doc, slip);
            ByteArrayOutputStream out = new ByteArrayOutputStream(32 * 1024);
            doc.save(out);
            return out.toByteArray();
        }
    }

    private void lay(SlipCanvas c, Slip s) throws IOException {
        float body = paper.body;
        float small = paper.small;
        header(c, s);

        c.gap(body * 1.5f);
        c.paragraph(List.of(new Run(s.kind().titleVi(), paper.title, true, 0, Align.CENTER),
                new Run(s.kind().titleEn(), small + 1, false, GREY, Align.CENTER)), c.left, c.width);
        c.gap(body * 0.8f);

        float labelW = c.width * 0.36f;
        float[] xs = {c.left, c.left + labelW};
        float[] ws = {labelW, c.width - labelW};
        field(c, xs, ws, SlipText.CODE, List.of(new Run(s.dossierCode(), body * 1.15f, true, 0, Align.LEFT)));
        List<Run> procedure = new ArrayList<>(List.of(new Run(SlipText.procedure(s), body, false, 0, Align.LEFT)));
        if (s.procedureNameEn() != null) {
            procedure.add(new Run(s.procedureNameEn(), small, false, GREY, Align.LEFT));
        }
        field(c, xs, ws, SlipText.PROCEDURE, procedure);
        field(c, xs, ws, SlipText.APPLICANT, List.of(new Run(s.applicantName(), body, true, 0, Align.LEFT)));
        if (s.idNumberMasked() != null) {
            field(c, xs, ws, SlipText.ID, List.of(new Run(s.idNumberMasked(), body, false, 0, Align.LEFT)));
        }
        if (s.phone() != null) {
            field(c, xs, ws, SlipText.PHONE, List.of(new Run(s.phone(), body, false, 0, Align.LEFT)));
        }
        field(c, xs, ws, SlipText.RECEIVED,
                List.of(new Run(SlipText.DATE_TIME.format(s.receivedAt()), body, false, 0, Align.LEFT)));
        if (s.issuer().counter() != null) {
            field(c, xs, ws, SlipText.COUNTER, List.of(new Run(s.issuer().counter(), body, false, 0, Align.LEFT)));
        }

        if (!s.documents().isEmpty()) {
            c.gap(body * 0.7f);
            c.paragraph(List.of(new Run(s.kind().documentsVi() + " (" + s.documents().size() + "):", body, true, 0,
                    Align.LEFT), new Run(s.kind().documentsEn(), small, false, GREY, Align.LEFT, true)), c.left, c.width);
            c.gap(body * 0.3f);
            table(c, s.documents());
        }

        c.gap(body * 0.7f);
        if (s.kind() == Slip.Kind.RECEIPT) {
            List<Run> fee = List.of(new Run(SlipText.feeVi(s.feeVnd()), body, false, 0, Align.LEFT),
                    new Run("(" + SlipText.feeEn(s.feeVnd()) + ")", small, false, GREY, Align.LEFT, true));
            List<Run> date = List.of(new Run(SlipText.DATE.format(s.appointmentDate()), paper.title, true, 0, Align.LEFT));
            // The appointment stays on the page of the signatures (the page the citizen looks at).
            c.ensure(c.rowHeight(ws, List.of(label(SlipText.FEE, Align.LEFT, ":"), fee), 1.5f)
                    + c.rowHeight(ws, List.of(label(SlipText.APPOINTMENT, Align.LEFT, ":"), date), 1.5f)
                    + body * 1.2f + closingHeight(c, s));
            field(c, xs, ws, SlipText.FEE, fee);
            field(c, xs, ws, SlipText.APPOINTMENT, date);
        }
        if (s.reason() != null) {
            text(c, SlipText.reason(s.kind()), s.reason());
        }
        if (s.notes() != null) {
            text(c, SlipText.NOTES, s.notes());
        }
        c.gap(body * 1.2f);
        closing(c, s);
    }

    /** Branch at the left, national name and motto at the right, each centred in its column. */
    private void header(SlipCanvas c, Slip s) throws IOException {
        float leftW = c.width * 0.42f;
        float rightW = c.width * 0.56f;
        float rightX = c.left + c.width - rightW;
        float top = c.y;

        // "Parent – unit" as on administrative papers: the parent body in regular type, the unit in bold.
        Locale vi = Locale.forLanguageTag("vi");
        String name = s.issuer().branchName().toUpperCase(vi);
        int dash = name.lastIndexOf(" – ");
        List<Run> branch = dash > 0
                ? List.of(new Run(name.substring(0, dash), paper.body * 0.92f, false, 0, Align.CENTER),
                        new Run(name.substring(dash + 3), paper.body, true, 0, Align.CENTER))
                : List.of(new Run(name, paper.body, true, 0, Align.CENTER));
        c.paragraph(branch, c.left, leftW);
        c.rule(c.left + leftW / 3, c.left + 2 * leftW / 3, c.y - 2);
        c.gap(5);
        if (s.issuer().branchAddress() != null) {
            c.paragraph(List.of(new Run(s.issuer().branchAddress(), paper.small, false, 0, Align.CENTER)), c.left, leftW);
        }
        float leftBottom = c.y;

        c.y = top;
        float nation = Math.min(paper.body, paper.body * rightW / (c.width(SlipText.NATION, paper.body) * 1.04f));
        c.paragraph(List.of(new Run(SlipText.NATION, nation, true, 0, Align.CENTER),
                new Run(SlipText.MOTTO, paper.body, true, 0, Align.CENTER)), rightX, rightW);
        float motto = c.width(SlipText.MOTTO, paper.body);
        c.rule(rightX + (rightW - motto) / 2, rightX + (rightW + motto) / 2, c.y - 2);
        c.gap(paper.body * 0.9f);
        c.paragraph(List.of(new Run(SlipText.placeAndDate(s.receivedAt().toLocalDate()), paper.small + 0.5f, false, 0,
                Align.CENTER)), rightX, rightW);
        c.y = Math.min(leftBottom, c.y);
    }

    private void field(SlipCanvas c, float[] xs, float[] ws, Label label, List<Run> value) throws IOException {
        c.row(xs, ws, List.of(label(label, Align.LEFT, ":"), value), false, false, 1.5f, null);
    }

    /** "Vietnamese:" in bold, the English after it in small grey type, on the same line when it fits. */
    private List<Run> label(Label l, Align a, String colon) {
        return List.of(new Run(l.vi() + colon, paper.body, true, 0, a),
                new Run(l.en(), paper.small, false, GREY, a, true));
    }

    /** A labelled paragraph over the whole width, for reasons and notes, which may be long. */
    private void text(SlipCanvas c, Label label, String text) throws IOException {
        c.gap(paper.body * 0.3f);
        List<Run> runs = new ArrayList<>(label(label, Align.LEFT, ":"));
        runs.add(new Run(text, paper.body, false, 0, Align.LEFT));
        c.paragraph(runs, c.left, c.width);
    }

    private void table(SlipCanvas c, List<Slip.Document> docs) throws IOException {
        float[] ws = {c.width * 0.09f, c.width * 0.66f, c.width * 0.25f};
        float[] xs = {c.left, c.left + ws[0], c.left + ws[0] + ws[1]};
        Runnable header = () -> {
            try {
                c.row(xs, ws, List.of(label(SlipText.NUMBER, Align.CENTER, ""),
                        label(new Label("Tên giấy tờ", "Document"), Align.LEFT, ""), label(SlipText.FORM, Align.LEFT, "")),
                        true, true, 3, null);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };
        header.run();
        for (int i = 0; i < docs.size(); i++) {
            Slip.Document d = docs.get(i);
            List<Run> name = new ArrayList<>(List.of(new Run(d.nameVi(), paper.body, false, 0, Align.LEFT)));
            if (d.nameEn() != null) {
                name.add(new Run(d.nameEn(), paper.small, false, GREY, Align.LEFT));
            }
            c.row(xs, ws, List.of(List.of(new Run(Integer.toString(i + 1), paper.body, false, 0, Align.CENTER)), name,
                    List.of(new Run(d.formVi(), paper.body, false, 0, Align.LEFT),
                            new Run(d.formEn(), paper.small, false, GREY, Align.LEFT, true))), true, false, 3, header);
        }
    }

    /**
     * The QR code in the bottom left corner and the two signature places beside it, then the lookup
     * hint under them: one block, never split over two pages.
     */
    private void closing(SlipCanvas c, Slip s) throws IOException {
        ByteMatrix m = qr(s.lookupLink());
        float module = paper.qr / m.getWidth();
        float qrSize = module * m.getWidth();
        float signX = c.left + qrSize + 8;
        float signW = (c.left + c.width - signX) / 2;
        List<Run> applicant = signature(SlipText.SIGN_APPLICANT, s.applicantName());
        List<Run> clerk = signature(SlipText.SIGN_CLERK, s.issuer().clerkName());
        float gapForSignature = paper.body * 4.5f;
        List<Run> hint = hint(s);
        c.ensure(closingHeight(c, s));

        float top = c.y;
        c.qr(m, c.left, top, module);
        signature(c, applicant, signX, signW, gapForSignature);
        c.y = top;
        signature(c, clerk, signX + signW, signW, gapForSignature);
        c.y = Math.min(c.y, top - qrSize) - paper.body * 0.8f;
        c.paragraph(hint, c.left, c.width);
    }

    private float closingHeight(SlipCanvas c, Slip s) throws IOException {
        float qrSize = paper.qr;
        float signW = (c.width - qrSize - 8) / 2;
        float signH = Math.max(c.height(signature(SlipText.SIGN_APPLICANT, s.applicantName()), signW),
                c.height(signature(SlipText.SIGN_CLERK, s.issuer().clerkName()), signW)) + paper.body * 4.5f;
        return Math.max(qrSize, signH) + paper.body * 0.8f + c.height(hint(s), c.width);
    }

    private List<Run> hint(Slip s) {
        return List.of(new Run(Slip.LOOKUP_HINT_VI, paper.body, true, 0, Align.LEFT),
                new Run(Slip.LOOKUP_HINT_EN, paper.small, false, GREY, Align.LEFT),
                new Run(s.lookupLink(), paper.small, false, GREY, Align.LEFT));
    }

    /** Title, hint and, after the room for the signature, the name. */
    private List<Run> signature(Label who, String name) {
        return List.of(new Run(who.vi(), paper.body, true, 0, Align.CENTER),
                new Run(who.en(), paper.small, false, GREY, Align.CENTER),
                new Run(SlipText.SIGN_HINT.vi(), paper.small, false, 0, Align.CENTER),
                new Run(name, paper.body, true, 0, Align.CENTER));
    }

    private static void signature(SlipCanvas c, List<Run> runs, float x, float w, float room) throws IOException {
        c.paragraph(runs.subList(0, runs.size() - 1), x, w);
        c.gap(room);
        c.paragraph(runs.subList(runs.size() - 1, runs.size()), x, w);
    }

    private static ByteMatrix qr(String link) {
        try {
            return Encoder.encode(link, ErrorCorrectionLevel.M, Map.of(EncodeHintType.CHARACTER_SET, "UTF-8"))
                    .getMatrix();
        } catch (WriterException e) {
            // The link is at most 400 characters (Slip checks), far below a QR code's capacity.
            throw new IllegalStateException("lookup link does not fit a QR code", e);
        }
    }

    private void metadata(PDDocument doc, Slip s) {
        PDDocumentInformation info = doc.getDocumentInformation();
        info.setTitle(s.kind().titleVi() + " – " + s.dossierCode());
        info.setSubject(s.dossierCode());
        info.setKeywords(s.dossierCode() + ", " + s.procedureCode());
        info.setAuthor(s.issuer().branchName());
        info.setCreator("Hệ thống chi nhánh Trung tâm Phục vụ hành chính công Hà Nội");
        info.setCustomMetadataValue("DossierCode", s.dossierCode());
        info.setCustomMetadataValue("SlipKind", s.kind().name());
        GregorianCalendar now = GregorianCalendar.from(ZonedDateTime.now(clock).withZoneSameInstant(Slip.HANOI));
        info.setCreationDate(now);
        info.setModificationDate(now);
        doc.getDocumentCatalog().setLanguage("vi-VN");
        PDViewerPreferences prefs = new PDViewerPreferences(new org.apache.pdfbox.cos.COSDictionary());
        prefs.setDisplayDocTitle(true);
        doc.getDocumentCatalog().setViewerPreferences(prefs);
    }
}
