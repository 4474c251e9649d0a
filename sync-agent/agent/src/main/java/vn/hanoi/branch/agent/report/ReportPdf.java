package vn.hanoi.branch.agent.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import vn.hanoi.branch.pdf.PdfFonts;
import vn.hanoi.branch.api.Reports;

/**
 * A report as an A4 landscape PDF: title, range, a bar chart of the tickets issued per period (all
 * groups together), then the table (Vietnamese headers) over as many pages as it takes, totals last.
 * The font is DejaVu Sans, embedded ({@link PdfFonts}).
 */
public final class ReportPdf {
    static final String[] HEADERS = {"Kỳ từ", "Nhóm", "Số phát", "Đã phục vụ", "Vắng", "Chờ p50", "Chờ p90",
            "PV p50", "PV p90", "HS nhận", "HS có KQ", "Đúng hạn %", "Trực tuyến %", "Đánh giá", "Hài lòng %"};
    private static final float[] WIDTHS = {62, 150, 46, 52, 38, 44, 44, 44, 44, 44, 46, 54, 60, 44, 54};
    private static final float MARGIN = 36;
    private static final float ROW = 13;

    private ReportPdf() {
    }

    public static byte[] write(Reports.Report r, String branchName) {
        try (PDDocument doc = new PDDocument()) {
            PDType0Font font = PdfFonts.load(doc, null);
            PDRectangle size = new PDRectangle(PDRectangle.A4.getHeight(), PDRectangle.A4.getWidth());
            PDPage page = new PDPage(size);
            doc.addPage(page);
            PDPageContentStream cs = new PDPageContentStream(doc, page);
            float y = size.getHeight() - MARGIN;
            text(cs, font, 14, MARGIN, y, "Báo cáo hoạt động" + (branchName == null ? "" : " – " + branchName));
            y -= 16;
            text(cs, font, 9, MARGIN, y, "Branch report · từ / from " + r.from() + " đến / to " + r.to()
                    + " · kỳ / period " + r.period() + " · theo / by " + r.by()
                    + " · thời gian: phút, bách phân vị hạng gần nhất (nearest rank)");
            y -= 12;
            y = chart(cs, font, r, MARGIN, y - 8, size.getWidth() - 2 * MARGIN, 150);
            y -= 18;
            y = header(cs, font, y);
            List<Reports.Row> rows = new ArrayList<>(r.rows());
            rows.add(r.totals());
            for (int i = 0; i < rows.size(); i++) {
                if (y < MARGIN + ROW) {
                    cs.close();
                    page = new PDPage(size);
                    doc.addPage(page);
                    cs = new PDPageContentStream(doc, page);
                    y = header(cs, font, size.getHeight() - MARGIN);
                }
                boolean totals = i == rows.size() - 1;
                if (totals) {
                    cs.setLineWidth(0.8f);
                    cs.moveTo(MARGIN, y + ROW - 3);
                    cs.lineTo(MARGIN + sum(WIDTHS), y + ROW - 3);
                    cs.stroke();
                }
                cells(cs, font, y, cellsOf(rows.get(i), totals));
                y -= ROW;
            }
            cs.close();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String[] cellsOf(Reports.Row w, boolean totals) {
        return new String[] {totals ? "TỔNG CỘNG" : w.periodStart().toString(),
                totals ? "" : w.groupKey() + " – " + w.groupName(), n(w.ticketsIssued()), n(w.served()), n(w.noShows()),
                n(w.waitP50Minutes()), n(w.waitP90Minutes()), n(w.serviceP50Minutes()), n(w.serviceP90Minutes()),
                n(w.dossiersReceived()), n(w.dossiersDecided()), n(w.onTimePercent()), n(w.onlineSharePercent()),
                n(w.ratings()), n(w.satisfiedPercent())};
    }

    private static String n(Number v) {
        return v == null ? "—" : v.toString();
    }

    private static float header(PDPageContentStream cs, PDType0Font font, float y) throws IOException {
        cells(cs, font, y, HEADERS);
        cs.setLineWidth(0.5f);
        cs.moveTo(MARGIN, y - 3);
        cs.lineTo(MARGIN + sum(WIDTHS), y - 3);
        cs.stroke();
        return y - ROW;
    }

    private static void cells(PDPageContentStream cs, PDType0Font font, float y, String[] cells) throws IOException {
        float x = MARGIN;
        for (int i = 0; i < cells.length; i++) {
            String s = cells[i];
            // cut what does not fit the column (only names are long: numbers always fit)
            if (s.length() > 12) {
                while (s.length() > 1 && font.getStringWidth(s) / 1000 * 7.5f > WIDTHS[i] - 3) {
                    s = s.substring(0, s.length() - 1);
                }
            }
            text(cs, font, 7.5f, x, y, s);
            x += WIDTHS[i];
        }
    }

    /** Bars of the tickets issued per period start (all groups summed); returns the y below the chart. */
    private static float chart(PDPageContentStream cs, PDType0Font font, Reports.Report r, float x, float top,
                               float width, float height) throws IOException {
        Map<java.time.LocalDate, Integer> perPeriod = new TreeMap<>();
        for (Reports.Row row : r.rows()) {
            perPeriod.merge(row.periodStart(), row.ticketsIssued(), Integer::sum);
        }
        text(cs, font, 9, x, top, "Số phát theo kỳ / Tickets issued per period");
        float base = top - height;
        float left = x + 36;
        float plotW = width - 40;
        int max = perPeriod.values().stream().mapToInt(Integer::intValue).max().orElse(0);
        cs.setLineWidth(0.5f);
        cs.moveTo(left, base);
        cs.lineTo(left + plotW, base);
        cs.moveTo(left, base);
        cs.lineTo(left, top - 10);
        cs.stroke();
        text(cs, font, 7, x, top - 16, Integer.toString(max));
        text(cs, font, 7, x, base, "0");
        if (max > 0) {
            int n = perPeriod.size();
            float slot = plotW / n;
            float bar = Math.max(0.5f, slot * 0.7f);
            int labelEvery = Math.max(1, (int) Math.ceil(n / (plotW / 52)));
            int i = 0;
            cs.setNonStrokingColor(0.16f, 0.38f, 0.70f);
            for (Map.Entry<java.time.LocalDate, Integer> e : perPeriod.entrySet()) {
                float h = (height - 26) * e.getValue() / max;
                cs.addRect(left + i * slot + (slot - bar) / 2, base, bar, h);
                i++;
            }
            cs.fill();
            cs.setNonStrokingColor(0f, 0f, 0f);
            i = 0;
            for (java.time.LocalDate d : perPeriod.keySet()) {
                if (i % labelEvery == 0) {
                    text(cs, font, 6, left + i * slot, base - 9, d.toString());
                }
                i++;
            }
        }
        return base - 12;
    }

    private static void text(PDPageContentStream cs, PDType0Font font, float size, float x, float y, String s)
            throws IOException {
        cs.beginText();
        cs.setFont(font, size);
        cs.newLineAtOffset(x, y);
        cs.showText(s);
        cs.endText();
    }

    private static float sum(float[] v) {
        float s = 0;
        for (float f : v) {
            s += f;
        }
        return s;
    }
}
