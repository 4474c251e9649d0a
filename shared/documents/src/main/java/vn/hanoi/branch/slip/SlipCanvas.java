package vn.hanoi.branch.slip;

import com.google.zxing.qrcode.encoder.ByteMatrix;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.state.RenderingMode;
import vn.hanoi.branch.slip.SlipPdf.Paper;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A cursor over pages: {@code y} is the top of the next thing drawn; {@link #ensure} starts a new
 * page when the next thing does not fit above the footer.
 */
final class SlipCanvas {
    /** The grey of secondary text (English labels, hints, page footers). */
    static final float GREY = 0.35f;

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

    record Seg(String text, float size, boolean bold, float grey) {
    }

    /** One line of text, possibly of parts in different sizes on a common baseline. */
    record Line(List<Seg> segs, Align align) {
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

    SlipCanvas(PDDocument doc, PDType0Font font, Paper paper, String continued) throws IOException {
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
