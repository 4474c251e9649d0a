package vn.hanoi.branch.agent.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.hanoi.branch.agent.testing.ReportSeed;
import vn.hanoi.branch.agent.testing.TestAgent;
import vn.hanoi.branch.api.Reports;
import vn.hanoi.branch.api.Reports.GroupBy;
import vn.hanoi.branch.api.Reports.Period;
import vn.hanoi.branch.api.Role;
import vn.hanoi.branch.client.SupervisorClient;
import vn.hanoi.branch.client.AgentException;

/**
 * Reports over HTTP against a real agent on a small data set whose figures are worked out by hand
 * (see {@link ReportSeed}).
 */
class ReportApiTest {
    static final LocalDate D1 = ReportSeed.D1;
    static final LocalDate D2 = ReportSeed.D2;

    private static TestAgent agent;
    private static SupervisorClient supervisor;

    @BeforeAll
    static void start() throws Exception {
        agent = TestAgent.start();
        supervisor = agent.supervisorClient();
        ReportSeed.seed(agent);
    }

    @AfterAll
    static void stop() {
        agent.close();
    }

    private static Reports.Report report(Period period, GroupBy by) {
        return supervisor.report(LocalDate.of(2025, 6, 1), LocalDate.of(2025, 7, 31), period, by);
    }

    private static Reports.Row row(Reports.Report r, LocalDate start, String key) {
        return r.rows().stream().filter(x -> x.periodStart().equals(start) && x.groupKey().equals(key)).findFirst()
                .orElseThrow(() -> new AssertionError("no row " + start + " " + key + " in " + r.rows()));
    }

    @Test
    void monthsOfTheBranchWithTotals() {
        Reports.Report r = report(Period.MONTH, GroupBy.BRANCH);
        assertThat(r.rows()).hasSize(2);
        assertThat(r.targetPercent()).isEqualTo(95);
        Reports.Row june = r.rows().get(0);
        assertThat(june.periodStart()).isEqualTo(LocalDate.of(2025, 6, 1));
        // waits 1,1,2,2,3,3,4,5,6,7,10: p50 = 6th = 3, p90 = 10th = 7; services 3,4,4,5,6,6,7,8,20: 5th = 6, 9th = 20
        assertThat(june).isEqualTo(new Reports.Row(LocalDate.of(2025, 6, 1), june.groupKey(), june.groupName(),
                11, 9, 1, 3.0, 7.0, 6.0, 20.0, 4, 3, 66.6, 50.0, 6, 83.3));
        Reports.Row july = r.rows().get(1);
        assertThat(july).isEqualTo(new Reports.Row(LocalDate.of(2025, 7, 1), july.groupKey(), july.groupName(),
                1, 1, 0, 12.0, 12.0, 9.0, 9.0, 0, 0, null, null, 1, 0.0));
        // all: waits + 12 → p50 = 6th = 3, p90 = 11th = 10; services + 9 → 5th = 6, 9th = 9
        assertThat(r.totals()).isEqualTo(new Reports.Row(LocalDate.of(2025, 6, 1), "*", r.totals().groupName(),
                12, 10, 1, 3.0, 10.0, 6.0, 9.0, 4, 3, 66.6, 50.0, 7, 71.4));
    }

    @Test
    void weeksByService() {
        Reports.Report r = report(Period.WEEK, GroupBy.SERVICE);
        Reports.Row ht = row(r, D1, "HT");
        assertThat(ht.groupName()).isNotBlank();
        assertThat(ht).isEqualTo(new Reports.Row(D1, "HT", ht.groupName(), 6, 5, 0, 3.0, 10.0, 7.0, 20.0,
                2, 2, 100.0, 50.0, 5, 80.0));
        Reports.Row ct = row(r, D1, "CT");
        assertThat(ct).isEqualTo(new Reports.Row(D1, "CT", ct.groupName(), 3, 2, 1, 2.0, 6.0, 3.0, 4.0,
                1, 1, 0.0, 100.0, 1, 100.0));
        Reports.Row htWeek2 = row(r, LocalDate.of(2025, 6, 9), "HT");
        assertThat(htWeek2.ticketsIssued()).isEqualTo(2);
        assertThat(htWeek2.dossiersReceived()).isEqualTo(1);
        assertThat(htWeek2.dossiersDecided()).isZero(); // refused
        assertThat(row(r, LocalDate.of(2025, 6, 30), "HT").ticketsIssued()).isEqualTo(1);
        assertThat(r.rows().stream().map(Reports.Row::periodStart).toList()).isSorted();
    }

    @Test
    void daysByCounterWithTheNeverCalledApart() {
        Reports.Report r = supervisor.report(D1, D1, Period.DAY, GroupBy.COUNTER);
        assertThat(r.rows()).extracting(Reports.Row::groupKey).containsExactly("1", "2", "-");
        Reports.Row c1 = row(r, D1, "1");
        assertThat(c1.ticketsIssued()).isEqualTo(6);
        assertThat(c1.served()).isEqualTo(5);
        assertThat(c1.dossiersReceived()).isEqualTo(1);
        assertThat(c1.ratings()).isEqualTo(5);
        Reports.Row c2 = row(r, D1, "2");
        assertThat(c2.ticketsIssued()).isEqualTo(2);
        assertThat(c2.served()).isEqualTo(2);
        assertThat(c2.noShows()).isEqualTo(1);
        assertThat(c2.onlineSharePercent()).isEqualTo(100.0);
        assertThat(row(r, D1, "-").ticketsIssued()).isEqualTo(1);
        assertThat(r.totals().ticketsIssued()).isEqualTo(9);
    }

    @Test
    void csvParsedBackEqualsTheJsonFigures() throws Exception {
        Reports.Report r = report(Period.WEEK, GroupBy.SERVICE);
        byte[] csv = supervisor.reportCsv(LocalDate.of(2025, 6, 1), LocalDate.of(2025, 7, 31), Period.WEEK, GroupBy.SERVICE);
        assertThat(Arrays.copyOf(csv, 3)).containsExactly(0xEF, 0xBB, 0xBF);
        String text = new String(csv, 3, csv.length - 3, StandardCharsets.UTF_8);
        List<String> lines = new ArrayList<>(Arrays.asList(text.split("\r\n")));
        assertThat(lines.get(0)).startsWith("Kỳ từ / Period start;").contains("Hài lòng % / Satisfied %");
        lines.remove(0);
        List<Reports.Row> expected = new ArrayList<>(r.rows());
        expected.add(r.totals());
        List<Reports.Row> parsed = lines.stream().map(ReportApiTest::parse).toList();
        assertThat(parsed).isEqualTo(expected);
    }

    private static Reports.Row parse(String line) {
        String[] f = line.split(";", -1);
        assertThat(f).hasSize(16);
        return new Reports.Row(LocalDate.parse(f[0]), f[1], f[2], Integer.parseInt(f[3]), Integer.parseInt(f[4]),
                Integer.parseInt(f[5]), d(f[6]), d(f[7]), d(f[8]), d(f[9]), Integer.parseInt(f[10]),
                Integer.parseInt(f[11]), d(f[12]), d(f[13]), Integer.parseInt(f[14]), d(f[15]));
    }

    private static Double d(String s) {
        return s.isEmpty() ? null : Double.valueOf(s);
    }

    @Test
    void pdfHasTheVietnameseHeadersTheTotalsAndAnEmbeddedFont() throws Exception {
        Reports.Report r = report(Period.MONTH, GroupBy.BRANCH);
        byte[] pdf = supervisor.reportPdf(LocalDate.of(2025, 6, 1), LocalDate.of(2025, 7, 31), Period.MONTH, GroupBy.BRANCH);
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(doc);
            assertThat(text).contains("Báo cáo hoạt động", "Số phát", "Đã phục vụ", "Chờ p90", "Đúng hạn %",
                    "Trực tuyến %", "Hài lòng %", "TỔNG CỘNG", "2025-06-01", "2025-07-01");
            String totalsLine = text.lines().filter(l -> l.contains("TỔNG CỘNG")).findFirst().orElseThrow();
            Reports.Row t = r.totals();
            assertThat(totalsLine).contains(" " + t.ticketsIssued() + " ", " " + t.served() + " ",
                    t.waitP90Minutes().toString(), t.onTimePercent().toString(), t.satisfiedPercent().toString());
            PDFont font = doc.getPage(0).getResources().getFont(doc.getPage(0).getResources().getFontNames().iterator().next());
            assertThat(font.isEmbedded()).isTrue();
            assertThat(font.getName()).contains("DejaVu");
        }
    }

    @Test
    void onlySupervisorsAndBadQueriesAreRefusedBilingually() throws Exception {
        SupervisorClient clerk = agent.staffSession(Role.CLERK).supervisor();
        for (String path : List.of("reports", "reports.csv", "reports.pdf")) {
            try (Response resp = new OkHttpClient().newCall(new Request.Builder()
                    .url(agent.baseUrl() + "/api/v1/" + path + "?from=2025-06-01&to=2025-06-30").build()).execute()) {
                assertThat(resp.code()).isEqualTo(401);
            }
        }
        assertThatThrownBy(() -> clerk.report(D1, D1, Period.DAY, GroupBy.BRANCH))
                .isInstanceOfSatisfying(AgentException.class, e -> assertThat(e.error().status()).isEqualTo(403));
        assertThatThrownBy(() -> clerk.reportCsv(D1, D1, Period.DAY, GroupBy.BRANCH))
                .isInstanceOfSatisfying(AgentException.class, e -> assertThat(e.error().status()).isEqualTo(403));
        assertThatThrownBy(() -> clerk.reportPdf(D1, D1, Period.DAY, GroupBy.BRANCH))
                .isInstanceOfSatisfying(AgentException.class, e -> assertThat(e.error().status()).isEqualTo(403));
        assertThatThrownBy(() -> supervisor.report(D2, D1, Period.DAY, GroupBy.BRANCH))
                .isInstanceOfSatisfying(AgentException.class, e -> assertThat(e.error().code()).isEqualTo("bad_period"));
        assertThatThrownBy(() -> supervisor.report(D1, D1.plusDays(400), Period.DAY, GroupBy.BRANCH))
                .isInstanceOfSatisfying(AgentException.class, e -> assertThat(e.error().code()).isEqualTo("period_too_long"));
        String token = supervisorToken();
        try (Response resp = new OkHttpClient().newCall(new Request.Builder()
                .url(agent.baseUrl() + "/api/v1/reports?period=YEAR").header("Authorization", "Bearer " + token).build())
                .execute()) {
            assertThat(resp.code()).isEqualTo(400);
            assertThat(resp.body().string()).contains("bad_period", "không hợp lệ");
        }
    }

    private static String supervisorToken() {
        return agent.sessionToken(Role.SUPERVISOR);
    }
}
