package vn.hanoi.branch.agent.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * A small report data set written straight into a {@link TestAgent}'s database, whose figures are
 * worked out by hand in {@code report.ReportApiTest} (times are minutes after 08:00 in Hanoi). Used by
 * the counter app's report screen test too.
 */
public final class ReportSeed {
    public static final ZoneId HANOI = ZoneId.of("Asia/Ho_Chi_Minh");
    public static final LocalDate D1 = LocalDate.of(2025, 6, 2); // a Monday
    public static final LocalDate D2 = LocalDate.of(2025, 6, 10);
    public static final LocalDate D3 = LocalDate.of(2025, 7, 1);

    private ReportSeed() {
    }

    /**
     * D1: t1..t5 HT at counter 1 served, waits 1, 2, 3, 4, 10 and service 5, 6, 7, 8, 20; t6 CT no-show
     * at counter 2 (wait 6); t7 CT served at counter 2 without a recorded start (call 2, finish 6); t8 CT
     * cancelled, never called; t9 HT called at counter 1 after 5 and transferred; t10 its copy in CT
     * (issued 8, called 9, served 9..12 at counter 2). D2: t11, t12 HT at counter 1 (3/4, 7/6). D3: t13 HT
     * at counter 3 (12/9). Dossiers d1..d5 and ratings as commented below.
     */
    public static void seed(TestAgent agent) throws Exception {
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

    public static long at(LocalDate day, int minutesAfterEight) {
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

}
