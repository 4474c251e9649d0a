package vn.hanoi.branch.agent.report;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import vn.hanoi.branch.api.Reports;

/**
 * A report as CSV for Excel: UTF-8 with a byte order mark (without it Excel shows Vietnamese letters
 * garbled), fields separated by semicolons (the list separator of Excel under Vietnamese and most
 * European regional settings, where the comma is the decimal mark), decimals with a point, dates
 * yyyy-MM-dd, an empty field for "no value", CRLF line ends. First row: bilingual headers; then one
 * row per period and group; last the totals (group key "*"). Fields with ; " or a line break are quoted.
 */
public final class ReportCsv {
    public static final char SEPARATOR = ';';
    static final String[] HEADERS = {"Kỳ từ / Period start", "Mã nhóm / Group", "Tên nhóm / Group name",
            "Số phát / Tickets issued", "Đã phục vụ / Served", "Vắng mặt / No-shows",
            "Chờ p50 (phút) / Wait p50 (min)", "Chờ p90 (phút) / Wait p90 (min)",
            "Phục vụ p50 (phút) / Service p50 (min)", "Phục vụ p90 (phút) / Service p90 (min)",
            "Hồ sơ tiếp nhận / Dossiers received", "Hồ sơ có kết quả / Dossiers decided",
            "Đúng hạn % / On time %", "Trực tuyến % / Online %", "Lượt đánh giá / Ratings",
            "Hài lòng % / Satisfied %"};

    private ReportCsv() {
    }

    public static byte[] write(Reports.Report r) {
        StringBuilder sb = new StringBuilder();
        line(sb, HEADERS);
        for (Reports.Row row : r.rows()) {
            line(sb, fields(row));
        }
        line(sb, fields(r.totals()));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        out.writeBytes(sb.toString().getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    static String[] fields(Reports.Row w) {
        return new String[] {w.periodStart().toString(), w.groupKey(), w.groupName(), num(w.ticketsIssued()),
                num(w.served()), num(w.noShows()), num(w.waitP50Minutes()), num(w.waitP90Minutes()),
                num(w.serviceP50Minutes()), num(w.serviceP90Minutes()), num(w.dossiersReceived()),
                num(w.dossiersDecided()), num(w.onTimePercent()), num(w.onlineSharePercent()), num(w.ratings()),
                num(w.satisfiedPercent())};
    }

    private static String num(Number n) {
        return n == null ? "" : n.toString();
    }

    private static void line(StringBuilder sb, String[] fields) {
        for (int i = 0; i < fields.length; i++) {
            if (i > 0) {
                sb.append(SEPARATOR);
            }
            String f = fields[i] == null ? "" : fields[i];
            if (f.indexOf(SEPARATOR) >= 0 || f.indexOf('"') >= 0 || f.indexOf('\n') >= 0 || f.indexOf('\r') >= 0) {
                sb.append('"').append(f.replace("\"", "\"\"")).append('"');
            } else {
                sb.append(f);
            }
        }
        sb.append("\r\n");
    }
}
