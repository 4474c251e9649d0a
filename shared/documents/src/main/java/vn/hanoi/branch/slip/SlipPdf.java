package vn.hanoi.branch.slip;

import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.google.zxing.qrcode.encoder.ByteMatrix;
import com.google.zxing.qrcode.encoder.Encoder;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.state.RenderingMode;
import org.apache.pdfbox.pdmodel.interactive.viewerpreferences.PDViewerPreferences;
import vn.hanoi.branch.pdf.PdfFonts;
import vn.hanoi.branch.slip.SlipText.Label;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.GregorianCalendar;
import java.util.HashMap;
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

    private static final float GREY = 0.35f;
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
            Canvas c = new Canvas(doc, PdfFonts.load(doc, font), paper,
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

    private void lay(Canvas c, Slip s) throws IOException {
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
    private void header(Canvas c, Slip s) throws IOException {
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

    private void field(Canvas c, float[] xs, float[] ws, Label label, List<Run> value) throws IOException {
        c.row(xs, ws, List.of(label(label, Align.LEFT, ":"), value), false, false, 1.5f, null);
    }

    /** "Vietnamese:" in bold, the English after it in small grey type, on the same line when it fits. */
    private List<Run> label(Label l, Align a, String colon) {
        return List.of(new Run(l.vi() + colon, paper.body, true, 0, a),
                new Run(l.en(), paper.small, false, GREY, a, true));
    }

    /** A labelled paragraph over the whole width, for reasons and notes, which may be long. */
    private void text(Canvas c, Label label, String text) throws IOException {
        c.gap(paper.body * 0.3f);
        List<Run> runs = new ArrayList<>(label(label, Align.LEFT, ":"));
        runs.add(new Run(text, paper.body, false, 0, Align.LEFT));
        c.paragraph(runs, c.left, c.width);
    }

    private void table(Canvas c, List<Slip.Document> docs) throws IOException {
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
    private void closing(Canvas c, Slip s) throws IOException {
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

    private float closingHeight(Canvas c, Slip s) throws IOException {
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

    private static void signature(Canvas c, List<Run> runs, float x, float w, float room) throws IOException {
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

    enum Align { LEFT, CENTER }

    /**
     * A paragraph of one size and weight; {@code grey} 0 is black. An {@code inline} run goes on the
     * previous run's last line when it fits there whole (the English label after the Vietnamese one).
     */
    record Run(String text, float size, boolean bold, float grey, Align align, boolean inline) {
        Run(String text, float size, boolean bold, float grey, Align align) {
            this(text, size, bold, grey, align, false);
        }
    }

    private record Seg(String text, float size, boolean bold, float grey) {
    }

    /** One line of text, possibly of parts in different sizes on a common baseline. */
    private record Line(List<Seg> segs, Align align) {
        Line(String text, float size, boolean bold, float grey, Align align) {
            this(List.of(new Seg(text, size, bold, grey)), align);
        }

        float size() {
            return (float) segs.stream().mapToDouble(Seg::size).max().orElse(0);
        }

        float leading() {
            return size() * 1.3f;
        }
    }

    /**
     * A cursor over pages: {@code y} is the top of the next thing drawn; {@link #ensure} starts a new
     * page when the next thing does not fit above the footer.
     */
    private static final class Canvas {
        final PDDocument doc;
        final PDType0Font font;
        final Paper paper;
        final String continued;
        final float left;
        final float width;
        final float top;
        final float bottom;
        final Map<Integer, Boolean> glyphs = new HashMap<>();
        PDPageContentStream cs;
        float y;

        Canvas(PDDocument doc, PDType0Font font, Paper paper, String continued) throws IOException {
            this.doc = doc;
            this.font = font;
            this.paper = paper;
            this.continued = continued;
            this.left = paper.margin;
            this.width = paper.size.getWidth() - 2 * paper.margin;
            this.top = paper.size.getHeight() - paper.margin;
            this.bottom = paper.margin + paper.small * 2.5f;
            newPage();
        }

        void newPage() throws IOException {
            boolean first = cs == null;
            close();
            PDPage page = new PDPage(paper.size);
            doc.addPage(page);
            cs = new PDPageContentStream(doc, page);
            y = top;
            if (!first) {
                paragraph(List.of(new Run(continued, paper.small, false, GREY, Align.LEFT)), left, width);
                gap(paper.small);
            }
        }

        void close() throws IOException {
            if (cs != null) {
                cs.close();
            }
        }

        void ensure(float h) throws IOException {
            if (y - h < bottom) {
                newPage();
            }
        }

        void gap(float h) {
            y -= h;
        }

        float width(String s, float size) throws IOException {
            return font.getStringWidth(s) / 1000f * size;
        }

        /** Lines of the runs wrapped to {@code w}: at spaces, and inside a word longer than the line. */
        List<Line> lay(List<Run> runs, float w) throws IOException {
            List<Line> lines = new ArrayList<>();
            for (Run r : runs) {
                if (r.text() == null || r.text().isBlank()) {
                    continue;
                }
                float room = r.bold() ? w * 0.97f : w;
                if (r.inline() && !lines.isEmpty()) {
                    Line last = lines.getLast();
                    String text = " " + printable(r.text()).strip();
                    if (width(last) + width(text, r.size()) <= w * 0.97f) {
                        List<Seg> segs = new ArrayList<>(last.segs());
                        segs.add(new Seg(text, r.size(), r.bold(), r.grey()));
                        lines.set(lines.size() - 1, new Line(segs, last.align()));
                        continue;
                    }
                }
                StringBuilder cur = new StringBuilder();
                for (String word : printable(r.text()).strip().split(" +")) {
                    String tryLine = cur.isEmpty() ? word : cur + " " + word;
                    if (width(tryLine, r.size()) <= room) {
                        cur.setLength(0);
                        cur.append(tryLine);
                        continue;
                    }
                    if (!cur.isEmpty()) {
                        lines.add(new Line(cur.toString(), r.size(), r.bold(), r.grey(), r.align()));
                        cur.setLength(0);
                    }
                    while (width(word, r.size()) > room) {
                        int cut = word.offsetByCodePoints(0, 1);
                        while (cut < word.length()
                                && width(word.substring(0, word.offsetByCodePoints(cut, 1)), r.size()) <= room) {
                            cut = word.offsetByCodePoints(cut, 1);
                        }
                        lines.add(new Line(word.substring(0, cut), r.size(), r.bold(), r.grey(), r.align()));
                        word = word.substring(cut);
                    }
                    cur.append(word);
                }
                if (!cur.isEmpty()) {
                    lines.add(new Line(cur.toString(), r.size(), r.bold(), r.grey(), r.align()));
                }
            }
            return lines;
        }

        float width(Line l) throws IOException {
            float w = 0;
            for (Seg g : l.segs()) {
                w += width(g.text(), g.size());
            }
            return w;
        }

        float height(List<Run> runs, float w) throws IOException {
            return (float) lay(runs, w).stream().mapToDouble(Line::leading).sum();
        }

        /** Line by line, so that a long paragraph goes on to the next page. */
        void paragraph(List<Run> runs, float x, float w) throws IOException {
            for (Line l : lay(runs, w)) {
                ensure(l.leading());
                show(l, x, w, y);
                y -= l.leading();
            }
        }

        /**
         * One row of cells, top-aligned, kept on one page (a Slip's texts are short enough for a row
         * to fit on one); {@code onBreak} redraws a table header on the new page.
         */
        float rowHeight(float[] ws, List<List<Run>> cells, float pad) throws IOException {
            float h = 0;
            for (int i = 0; i < cells.size(); i++) {
                h = Math.max(h, height(cells.get(i), ws[i] - 2 * pad));
            }
            return h + 2 * pad;
        }

        void row(float[] xs, float[] ws, List<List<Run>> cells, boolean borders, boolean fill, float pad,
                 Runnable onBreak) throws IOException {
            List<List<Line>> laid = new ArrayList<>();
            float h = 0;
            for (int i = 0; i < cells.size(); i++) {
                List<Line> l = lay(cells.get(i), ws[i] - 2 * pad);
                laid.add(l);
                h = Math.max(h, (float) l.stream().mapToDouble(Line::leading).sum());
            }
            h += 2 * pad;
            if (y - h < bottom) {
                newPage();
                if (onBreak != null) {
                    onBreak.run();
                }
            }
            float rowTop = y;
            float total = 0;
            for (float wi : ws) {
                total += wi;
            }
            if (fill) {
                cs.setNonStrokingColor(0.9f);
                cs.addRect(xs[0], rowTop - h, total, h);
                cs.fill();
            }
            for (int i = 0; i < laid.size(); i++) {
                float ly = rowTop - pad;
                for (Line l : laid.get(i)) {
                    show(l, xs[i] + pad, ws[i] - 2 * pad, ly);
                    ly -= l.leading();
                }
            }
            if (borders) {
                cs.setStrokingColor(0f);
                cs.setLineWidth(0.6f);
                for (int i = 0; i < xs.length; i++) {
                    cs.addRect(xs[i], rowTop - h, ws[i], h);
                }
                cs.stroke();
            }
            y = rowTop - h;
        }

        void rule(float x1, float x2, float at) throws IOException {
            cs.setStrokingColor(0f);
            cs.setLineWidth(0.7f);
            cs.moveTo(x1, at);
            cs.lineTo(x2, at);
            cs.stroke();
        }

        /** The QR symbol as filled squares (runs of dark modules merged), its top left at (x, top). */
        void qr(ByteMatrix m, float x, float top, float module) throws IOException {
            cs.setNonStrokingColor(0f);
            for (int row = 0; row < m.getHeight(); row++) {
                int col = 0;
                while (col < m.getWidth()) {
                    if (m.get(col, row) != 1) {
                        col++;
                        continue;
                    }
                    int start = col;
                    while (col < m.getWidth() && m.get(col, row) == 1) {
                        col++;
                    }
                    cs.addRect(x + start * module, top - (row + 1) * module, (col - start) * module, module);
                }
            }
            cs.fill();
        }

        /** Draws one line with its top at {@code lineTop}; its parts share the baseline of the largest. */
        void show(Line l, float x, float w, float lineTop) throws IOException {
            float tx = l.align() == Align.CENTER ? x + (w - width(l)) / 2 : x;
            float baseline = lineTop - l.size();
            for (Seg g : l.segs()) {
                cs.beginText();
                cs.setFont(font, g.size());
                cs.setNonStrokingColor(g.grey());
                if (g.bold()) {
                    cs.setRenderingMode(RenderingMode.FILL_STROKE);
                    cs.setStrokingColor(g.grey());
                    cs.setLineWidth(g.size() * 0.035f);
                } else {
                    cs.setRenderingMode(RenderingMode.FILL);
                }
                cs.newLineAtOffset(tx, baseline);
                cs.showText(g.text());
                cs.endText();
                tx += width(g.text(), g.size());
            }
            cs.setNonStrokingColor(0f);
        }

        /** A letter the font lacks (an emoji, a CJK character) becomes "?" rather than failing the slip. */
        String printable(String s) {
            StringBuilder b = new StringBuilder(s.length());
            s.codePoints().forEach(cp -> {
                boolean ok = glyphs.computeIfAbsent(cp, c -> {
                    try {
                        font.encode(new String(Character.toChars(c)));
                        return font.getStringWidth(new String(Character.toChars(c))) >= 0;
                    } catch (IOException | IllegalArgumentException e) {
                        return false;
                    }
                });
                b.appendCodePoint(ok ? cp : '?');
            });
            return b.toString();
        }

        /** "code · Trang i/n · Page i/n" at the foot of every page. */
        void footers(String code) throws IOException {
            int n = doc.getNumberOfPages();
            for (int i = 0; i < n; i++) {
                PDPage page = doc.getPage(i);
                try (PDPageContentStream f = new PDPageContentStream(doc, page, PDPageContentStream.AppendMode.APPEND,
                        true, true)) {
                    cs = f;
                    String text = code + " · Trang " + (i + 1) + "/" + n + " · Page " + (i + 1) + "/" + n;
                    show(new Line(text, paper.small, false, GREY, Align.LEFT),
                            left + width - width(text, paper.small), 0, paper.margin + paper.small * 1.2f);
                }
            }
            cs = null;
        }
    }
}
