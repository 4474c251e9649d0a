package vn.hanoi.branch.agent.retention;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.hanoi.branch.agent.testing.BusyBranch;
import vn.hanoi.branch.agent.testing.SimulatedClock;

/**
 * A year of business days without any city link, retention running daily: every growing table stays within
 * what its horizon allows, and the database file stops growing once the longest horizon has passed (SQLite
 * reuses the pages pruning frees). Short horizons and a small load keep it to a minute; the month benchmark
 * measures the busy branch with the defaults. No dossiers here: their records are kept by design (see Pruning).
 */
class RetentionYearTest {
    private static final ZoneId HANOI = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final int TICKETS = 40;
    private static final int TICKET_DAYS = 60;
    private static final int HISTORY_DAYS = 30;
    private static final int EVENT_DAYS = 7;

    @Test
    void aYearWithoutCityLinkStaysWithinTheRetentionHorizons() throws Exception {
        Path shm = Path.of("/dev/shm");
        Path dir = Files.createTempDirectory(Files.isDirectory(shm) ? shm : Path.of(System.getProperty("java.io.tmpdir")),
                "retention-year"); // the size is what counts here, not the fsyncs
        LocalDate day = LocalDate.of(2026, 1, 5);
        SimulatedClock clock = new SimulatedClock(day.atStartOfDay(HANOI).toInstant(), HANOI);
        Map<String, String> settings = Map.of("retention.queue.events.days", Integer.toString(EVENT_DAYS),
                "retention.outbox.unlinked.days", Integer.toString(HISTORY_DAYS),
                "retention.inbox.seen.days", Integer.toString(HISTORY_DAYS),
                "retention.history.days", Integer.toString(HISTORY_DAYS),
                "retention.tickets.days", Integer.toString(TICKET_DAYS),
                "retention.audit.days", Integer.toString(TICKET_DAYS));
        List<Long> sizeByMonth = new ArrayList<>();
        Map<String, Long> rows;
        try (BusyBranch branch = BusyBranch.start(dir, settings, clock, new BusyBranch.Load(TICKETS, 0, 0, 40))) {
            Path db = branch.testAgent().databaseFile();
            int businessDays = 0;
            for (LocalDate end = day.plusYears(1); day.isBefore(end); day = day.plusDays(1)) {
                if (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
                    continue;
                }
                branch.day(day);
                branch.agent().housekeeping().run();
                if (++businessDays % 21 == 0) {
                    long bytes = usedBytes(db);
                    sizeByMonth.add(bytes);
                    System.out.printf("retention year: month %2d, %s, database %,d bytes in use, file %,d bytes%n",
                            sizeByMonth.size(), day, bytes, Files.size(db));
                }
            }
            rows = BusyBranch.rowCounts(db, List.of("ticket", "ticket_sequence", "ticket_transition", "queue_event", "outbox",
                    "audit_log", "dossier", "content_file", "rating", "print_job"));
            System.out.println("retention year: rows after a year " + rows);
            assertThat(businessDays).isGreaterThan(250);
        }
        // (closing the branch removed its folder)
        // each table within its horizon: calendar days of the horizon, at most 5/7 of them business days, plus today
        int ticketDays = TICKET_DAYS * 5 / 7 + 2;
        assertThat(rows.get("ticket")).isLessThanOrEqualTo((long) ticketDays * TICKETS);
        assertThat(rows.get("ticket_sequence")).isLessThanOrEqualTo((long) ticketDays * 5);
        assertThat(rows.get("ticket_transition")).isLessThanOrEqualTo((long) (HISTORY_DAYS * 5 / 7 + 2) * TICKETS * 3);
        assertThat(rows.get("queue_event")).isLessThanOrEqualTo((long) (EVENT_DAYS * 5 / 7 + 2) * TICKETS * 4);
        assertThat(rows.get("outbox")).isLessThanOrEqualTo((long) (HISTORY_DAYS * 5 / 7 + 2) * TICKETS * 10);
        assertThat(rows.get("audit_log")).isLessThanOrEqualTo((long) ticketDays * TICKETS * 4);
        // the file stops growing once the longest horizon has passed: the last month is no bigger than month 5 (+10 %)
        assertThat(sizeByMonth.getLast()).isLessThanOrEqualTo(sizeByMonth.get(4) * 11 / 10);
    }

    /** Pages in use (the file minus its free list): what the data takes, as SQLite will reuse free pages. */
    private static long usedBytes(Path db) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement st = c.createStatement()) {
            return pragma(st, "page_count") * pragma(st, "page_size") - pragma(st, "freelist_count") * pragma(st, "page_size");
        }
    }

    private static long pragma(Statement st, String name) throws SQLException {
        try (ResultSet rs = st.executeQuery("PRAGMA " + name)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
