package vn.hanoi.branch.agent.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneId;
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
import vn.hanoi.branch.agent.testing.TestAgent;
import vn.hanoi.branch.shared.api.Reports;
import vn.hanoi.branch.shared.api.Reports.GroupBy;
import vn.hanoi.branch.shared.api.Reports.Period;
import vn.hanoi.branch.shared.api.Role;
import vn.hanoi.branch.shared.client.AgentClient;
import vn.hanoi.branch.shared.client.AgentException;

/**
 * Reports over HTTP against a real agent on a small data set whose figures are worked out by hand
 * (times are minutes after 08:00 in Hanoi; see {@link #seed}).
 */
class ReportApiTest {
    static final ZoneId HANOI = ZoneId.of("Asia/Ho_Chi_Minh");
    static final LocalDate D1 = LocalDate.of(2025, 6, 2); // a Monday
    static final LocalDate D2 = LocalDate.of(2025, 6, 10);
    static final LocalDate D3 = LocalDate.of(2025, 7, 1);

    private static TestAgent agent;
    private static AgentClient supervisor;

    @BeforeAll
    static void start() throws Exception {
        agent = TestAgent.start();
        supervisor = agent.staffClient(Role.SUPERVISOR);
        seed(agent);
    }

    @AfterAll
    static void stop() {
        agent.close();
    }

    /**
     * D1: t1..t5 HT at counter 1 served, waits 1, 2, 3, 4, 10 and service 5, 6, 7, 8, 20; t6 CT no-show
     * at counter 2 (wait 6); t7 CT served at counter 2 without a recorded start (call 2, finish 6); t8 CT
     * cancelled, never called; t9 HT called at counter 1 after 5 and transferred; t10 its copy in CT
     * (issued 8, called 9, served 9..12 at counter 2). D2: t11, t12 HT at counter 1 (3/4, 7/6). D3: t13 HT
     * at counter 3 (12/9). Dossiers d1..d5 and ratings as commented below.
     */
    static void seed(TestAgent agent) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + agent.databaseFile())) {
            c.setAutoCommit(false);
            ticket(c, 1, 1, D1, "DONE", 1L, 0, 1, 1, 6, null);
            ticket(c, 2, 1, D1, "DONE", 1L, 0, 2, 2, 8, null);
            ticket(c, 3, 1, D1, "DONE", 1L, 0, 3, 3, 10, null);
            ticket(c, 4, 1, D1, "DONE", 1L, 0, 4, 4, 12, null);
            ticket(c, 5, 1, D1, "DONE", 1L, 0, 10, 10, 30, null);
            ticket(c, 6, 2, D1, "NO_SHOW", 2L, 0, 6, null, null, null);
            ticket(c, 7, 2, D1, "DONE", 2L, 0, 2, null, 6, null);
            ticket(c, 8, 2, D1, "CANCELLED", null, 30, null, null, null, null);
            ticket(c, 9, 1, D1, "TRANSFERRED", 1L, 0, 5, 6, null, null);
            ticket(c, 10, 2, D1, "DONE", 2L, 8, 9, 9, 12, 9L);
            ticket(c, 11, 1, D2, "DONE", 1L, 0, 3, 3, 7, null);
            ticket(c, 12, 1, D2, "DONE", 1L, 0, 7, 7, 13, null);
            ticket(c, 13, 1, D3, "DONE", 3L, 0, 12, 12, 21, null);
            try (Statement st = c.createStatement()) {
                st.executeUpdate("INSERT INTO device (id, kind, name, token_hash, paired_at) VALUES (900, 'KIOSK', 'k', 'report-test', 0)");
                st.executeUpdate("INSERT INTO procedure (code, name_vi, name_en, service_id, processing_days, definition) "
                        + "VALUES ('RPT-HT', 'Thủ tục HT', 'HT procedure', 1, 3, '{}'), "
                        + "('RPT-CT', 'Thủ tục CT', 'CT procedure', 2, 2, '{}')");
            }
            // d1 on time (ticket 1, counter 1); d2 online and late (ticket 7, CT, counter 2); d3 online,
            // no ticket, undecided; d4 refused (never counted as decided); d5 received before the range,
            // decided on time within it.
            dossier(c, 1, "RPT-HT", 1L, "RESULT_READY", false, at(D1, 60), "2025-06-05", at(LocalDate.of(2025, 6, 5), 120));
            dossier(c, 2, "RPT-CT", 7L, "RESULT_READY", true, at(D1, 70), "2025-06-04", at(LocalDate.of(2025, 6, 6), 0));
            dossier(c, 3, "RPT-HT", null, "RECEIVED", true, at(LocalDate.of(2025, 6, 3), 0), "2025-06-20", null);
            dossier(c, 4, "RPT-HT", 11L, "REFUSED", false, at(D2, 10), "2025-06-15", at(LocalDate.of(2025, 6, 12), 0));
            dossier(c, 5, "RPT-HT", null, "RETURNED", false, at(LocalDate.of(2025, 5, 30), 0), "2025-06-03",
                    at(LocalDate.of(2025, 6, 3), 0));
            rating(c, 1, "VERY_SATISFIED");
            rating(c, 2, "VERY_SATISFIED");
            rating(c, 3, "SATISFIED");
            rating(c, 4, "NOT_SATISFIED");
            rating(c, 5, "SATISFIED");
            rating(c, 7, "SATISFIED");
            rating(c, 13, "NOT_SATISFIED");
            c.commit();
        }
    }

    static long at(LocalDate day, int minutesAfterEight) {
        return day.atTime(8, 0).plusMinutes(minutesAfterEight).atZone(HANOI).toInstant().toEpochMilli();
    }

    private static void ticket(Connection c, long id, long service, LocalDate day, String state, Long counter,
                               int issued, Integer called, Integer serving, Integer finished, Long from) throws Exception {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO ticket (id, service_id, business_day, seq, "
                + "display_number, state, counter_id, issued_at, called_at, serving_at, finished_at, transferred_from, "
                + "position_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setLong(1, id);
            ps.setLong(2, service);
            ps.setString(3, day.toString());
            ps.setLong(4, id);
            ps.setString(5, "R" + id);
            ps.setString(6, state);
            ps.setObject(7, counter);
            ps.setLong(8, at(day, issued));
            ps.setObject(9, called == null ? null : at(day, called));
            ps.setObject(10, serving == null ? null : at(day, serving));
            ps.setObject(11, finished == null ? null : at(day, finished));
            ps.setObject(12, from);
            ps.setLong(13, at(day, issued));
            ps.executeUpdate();
        }
    }

    private static void dossier(Connection c, long id, String procedure, Long ticket, String state, boolean online,
                                long receivedAt, String appointment, Long resultAt) throws Exception {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO dossier (id, code, ticket_id, procedure_code, state, "
                + "appointment_date, created_at, updated_at, online, received_at, result_at) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setLong(1, id);
            ps.setString(2, "RPT-" + id);
            ps.setObject(3, ticket);
            ps.setString(4, procedure);
            ps.setString(5, state);
            ps.setString(6, appointment);
            ps.setLong(7, receivedAt);
            ps.setLong(8, receivedAt);
            ps.setInt(9, online ? 1 : 0);
            ps.setLong(10, receivedAt);
            ps.setObject(11, resultAt);
            ps.executeUpdate();
        }
    }

    private static void rating(Connection c, long ticket, String level) throws Exception {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO rating (ticket_id, business_day, level, counter_id, "
                + "service_id, device_id, device_kind, rated_at) SELECT id, business_day, ?, counter_id, service_id, 900, "
                + "'KIOSK', finished_at FROM ticket WHERE id = ?")) {
            ps.setString(1, level);
            ps.setLong(2, ticket);
            ps.executeUpdate();
        }
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
        AgentClient clerk = agent.clerkClient();
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
        var account = agent.staffAccount(Role.SUPERVISOR);
        return agent.pairedClient(vn.hanoi.branch.shared.api.DeviceKind.COUNTER)
                .login(account.username(), account.password()).token();
    }
}
