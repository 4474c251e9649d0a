package vn.hanoi.branch.agent.report;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import vn.hanoi.branch.agent.branch.BranchDirectory;
import vn.hanoi.branch.agent.db.Database;
import vn.hanoi.branch.agent.http.ApiException;
import vn.hanoi.branch.api.Reports;
import vn.hanoi.branch.api.Reports.GroupBy;
import vn.hanoi.branch.api.Reports.Period;

/**
 * Reports over business days from..to: tickets, waits and service times (nearest-rank p50/p90, see
 * {@link Percentiles}), dossiers, satisfaction; per day, ISO week or month and per branch, service or
 * counter. Definitions are on {@link Reports.Row}; they match the day's figures of
 * {@code stats.StatsService} (a wait is issue to call of each called ticket, "issued" leaves out the
 * copies a transfer makes).
 *
 * <p>Cost: one range scan per table along covering indexes (V8), counted in SQL per day, service and
 * counter; the durations come back as one list per such group (a JDBC column read per ticket would cost
 * more than the scan) and are sorted here for the percentiles. A year of a branch (500,000 tickets) takes
 * well under a second (ReportBenchmark). No personal data is read.
 */
public final class ReportService {
    static final int MAX_DAYS = 366;

    private final Database db;
    private final BranchDirectory directory;
    private final Clock clock;
    private final int targetPercent;

    public ReportService(Database db, BranchDirectory directory, Clock clock, int targetPercent) {
        this.db = db;
        this.directory = directory;
        this.clock = clock;
        this.targetPercent = targetPercent;
    }

    /** Accumulated figures of one period and group. */
    private static final class Acc {
        int issued;
        int served;
        int noShows;
        final Percentiles.Values waits = new Percentiles.Values();
        final Percentiles.Values services = new Percentiles.Values();
        int received;
        int online;
        int decided;
        int onTime;
        int ratings;
        int satisfied;
    }

    private record Group(String key, String name, long sort) {
    }

    private record Key(LocalDate start, long group) {
    }

    /** Parses and checks the query, then builds the report. */
    public Reports.Report report(String fromText, String toText, String periodText, String byText) {
        LocalDate today = LocalDate.now(clock.withZone(directory.zone()));
        LocalDate from = date(fromText, "from", today.withDayOfMonth(1));
        LocalDate to = date(toText, "to", today);
        Period period = choice(Period.class, periodText, Period.DAY, "period", "DAY, WEEK, MONTH");
        GroupBy by = choice(GroupBy.class, byText, GroupBy.BRANCH, "by", "BRANCH, SERVICE, COUNTER");
        if (to.isBefore(from)) {
            throw ApiException.badRequest("bad_period", "Ngày bắt đầu phải trước hoặc bằng ngày kết thúc.",
                    "'from' must not be after 'to'.");
        }
        if (from.plusDays(MAX_DAYS).isBefore(to.plusDays(1))) {
            throw ApiException.badRequest("period_too_long", "Khoảng thời gian tối đa là " + MAX_DAYS + " ngày.",
                    "The period can be at most " + MAX_DAYS + " days.");
        }
        return report(from, to, period, by);
    }

    public Reports.Report report(LocalDate from, LocalDate to, Period period, GroupBy by) {
        ZoneId zone = directory.zone();
        return db.read(c -> {
            Map<Long, Group> groups = groups(c, by);
            Map<Key, Acc> accs = new HashMap<>();
            Acc total = new Acc();
            Map<String, LocalDate> periodOfDay = new HashMap<>();
            String f = from.toString();
            String t = to.toString();
            long fromMs = from.atStartOfDay(zone).toInstant().toEpochMilli();
            long toMs = to.plusDays(1).atStartOfDay(zone).toInstant().toEpochMilli();
            // Dossier times are grouped in SQL by the hour since the report's first local midnight: every
            // local midnight after it is a whole number of hours later (also across summer time shifts).
            Map<Long, LocalDate> periodOfHour = new HashMap<>();
            java.util.function.LongFunction<LocalDate> periodOfHourBucket = h -> periodOfHour.computeIfAbsent(h,
                    x -> start(java.time.Instant.ofEpochMilli(fromMs + x * 3_600_000L).atZone(zone).toLocalDate(), period));
            // The appointment day ends at the next local midnight, at the UTC offset of the report's first day.
            long offsetMs = zone.getRules().getOffset(java.time.Instant.ofEpochMilli(fromMs)).getTotalSeconds() * 1000L;

            // Tickets: counted in SQL per day, service and counter along the covering index ticket_report
            // (no sort), with the durations of each such group as one list of tenths of a minute: a
            // JDBC column read per ticket would cost three times the whole query.
            try (PreparedStatement ps = c.prepareStatement("SELECT business_day, service_id, coalesce(counter_id, -1), "
                    + "sum(transferred_from IS NULL), sum(state = 'DONE'), sum(state = 'NO_SHOW'), "
                    + "group_concat(" + tenths("called_at - issued_at") + "), "
                    + "group_concat(CASE WHEN state = 'DONE' AND finished_at IS NOT NULL THEN "
                    + tenths("finished_at - coalesce(serving_at, called_at)") + " END) "
                    + "FROM ticket WHERE business_day BETWEEN ? AND ? GROUP BY business_day, service_id, counter_id")) {
                ps.setString(1, f);
                ps.setString(2, t);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        LocalDate start = periodOfDay.computeIfAbsent(rs.getString(1), d -> start(LocalDate.parse(d), period));
                        long g = switch (by) {
                            case BRANCH -> 0;
                            case SERVICE -> rs.getLong(2);
                            case COUNTER -> rs.getLong(3);
                        };
                        Acc a = accs.computeIfAbsent(new Key(start, g), k -> new Acc());
                        int issued = rs.getInt(4);
                        int served = rs.getInt(5);
                        int noShows = rs.getInt(6);
                        a.issued += issued;
                        total.issued += issued;
                        a.served += served;
                        total.served += served;
                        a.noShows += noShows;
                        total.noShows += noShows;
                        parseInto(rs.getString(7), a.waits, total.waits);
                        parseInto(rs.getString(8), a.services, total.services);
                    }
                }
            }

            // Dossiers received in the range (by reception time), and decided in the range (by result time),
            // counted in SQL per hour and group.
            String dossierGroup = switch (by) {
                case BRANCH -> "0";
                case SERVICE -> "p.service_id";
                case COUNTER -> "coalesce(t.counter_id, -1)";
            };
            String joins = " FROM dossier d" + (by == GroupBy.SERVICE ? " JOIN procedure p ON p.code = d.procedure_code" : "")
                    + (by == GroupBy.COUNTER ? " LEFT JOIN ticket t ON t.id = d.ticket_id" : "");
            try (PreparedStatement ps = c.prepareStatement("SELECT (d.received_at - ?) / 3600000, " + dossierGroup
                    + ", count(*), sum(d.online <> 0)" + joins + " WHERE d.received_at >= ? AND d.received_at < ? GROUP BY 1, 2")) {
                ps.setLong(1, fromMs);
                ps.setLong(2, fromMs);
                ps.setLong(3, toMs);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        Acc a = accs.computeIfAbsent(new Key(periodOfHourBucket.apply(rs.getLong(1)), rs.getLong(2)),
                                k -> new Acc());
                        int n = rs.getInt(3);
                        int online = rs.getInt(4);
                        a.received += n;
                        total.received += n;
                        a.online += online;
                        total.online += online;
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT (d.result_at - ?) / 3600000, " + dossierGroup
                    + ", count(*), sum(d.result_at < (unixepoch(d.appointment_date) + 86400) * 1000 - ?)" + joins
                    + " WHERE d.result_at >= ? AND d.result_at < ? AND d.appointment_date IS NOT NULL "
                    + "AND d.state <> 'REFUSED' GROUP BY 1, 2")) {
                ps.setLong(1, fromMs);
                ps.setLong(2, offsetMs);
                ps.setLong(3, fromMs);
                ps.setLong(4, toMs);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        Acc a = accs.computeIfAbsent(new Key(periodOfHourBucket.apply(rs.getLong(1)), rs.getLong(2)),
                                k -> new Acc());
                        int n = rs.getInt(3);
                        int onTime = rs.getInt(4);
                        a.decided += n;
                        total.decided += n;
                        a.onTime += onTime;
                        total.onTime += onTime;
                    }
                }
            }

            // Ratings: counted in SQL on the covering index rating_report.
            try (PreparedStatement ps = c.prepareStatement("SELECT business_day, CASE ? WHEN 'SERVICE' THEN service_id "
                    + "WHEN 'COUNTER' THEN coalesce(counter_id, -1) ELSE 0 END, level, count(*) FROM rating "
                    + "WHERE business_day BETWEEN ? AND ? GROUP BY business_day, service_id, counter_id, level")) {
                ps.setString(1, by.name());
                ps.setString(2, f);
                ps.setString(3, t);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        LocalDate start = periodOfDay.computeIfAbsent(rs.getString(1), d -> start(LocalDate.parse(d), period));
                        Acc a = accs.computeIfAbsent(new Key(start, rs.getLong(2)), k -> new Acc());
                        int n = rs.getInt(4);
                        boolean satisfied = !"NOT_SATISFIED".equals(rs.getString(3));
                        a.ratings += n;
                        total.ratings += n;
                        if (satisfied) {
                            a.satisfied += n;
                            total.satisfied += n;
                        }
                    }
                }
            }

            Map<Key, Acc> sorted = new TreeMap<>(Comparator.comparing(Key::start)
                    .thenComparingLong(k -> group(groups, k.group()).sort()));
            sorted.putAll(accs);
            List<Reports.Row> rows = new ArrayList<>();
            for (Map.Entry<Key, Acc> e : sorted.entrySet()) {
                Group g = group(groups, e.getKey().group());
                rows.add(row(e.getKey().start(), g.key(), g.name(), e.getValue()));
            }
            Reports.Row totals = row(from, "*", "Tổng cộng", total);
            return new Reports.Report(from, to, period, by, targetPercent, rows, totals);
        });
    }

    /** The first day of the period holding {@code day}: itself, the Monday of its ISO week, the 1st of its month. */
    static LocalDate start(LocalDate day, Period period) {
        return switch (period) {
            case DAY -> day;
            case WEEK -> day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case MONTH -> day.withDayOfMonth(1);
        };
    }

    private static Reports.Row row(LocalDate start, String key, String name, Acc a) {
        Long[] w = a.waits.percentiles(50, 90);
        Long[] s = a.services.percentiles(50, 90);
        return new Reports.Row(start, key, name, a.issued, a.served, a.noShows, minutes(w[0]), minutes(w[1]),
                minutes(s[0]), minutes(s[1]), a.received, a.decided, percent(a.onTime, a.decided),
                percent(a.online, a.received), a.ratings, percent(a.satisfied, a.ratings));
    }

    /**
     * SQL of a duration in milliseconds as whole tenths of a minute, rounded half up (negative clock
     * skew counts as 0; NULL stays NULL). Rounding keeps the order, so the nearest-rank percentile of
     * the rounded values is the rounded percentile of the exact ones.
     */
    static String tenths(String millisExpr) {
        return "((max(0, " + millisExpr + ") + 3000) / 6000)";
    }

    /** The same rounding in Java, for tests. */
    static long tenths(long millis) {
        return (Math.max(0, millis) + 3000) / 6000;
    }

    /** Adds a group_concat list of integers (null: none) to both value lists. */
    static void parseInto(String list, Percentiles.Values a, Percentiles.Values total) {
        if (list == null) {
            return;
        }
        long v = 0;
        boolean any = false;
        for (int i = 0, n = list.length(); i < n; i++) {
            char ch = list.charAt(i);
            if (ch == ',') {
                a.add(v);
                total.add(v);
                v = 0;
                any = false;
            } else {
                v = v * 10 + (ch - '0');
                any = true;
            }
        }
        if (any) {
            a.add(v);
            total.add(v);
        }
    }

    /** Tenths of a minute as minutes. */
    static Double minutes(Long tenths) {
        return tenths == null ? null : tenths / 10.0;
    }

    /** Percent rounded down to 0.1 (as the ratings summary: 94.96% does not show as 95.0%); none of none. */
    static Double percent(int part, int of) {
        return of == 0 ? null : (1000L * part / of) / 10.0;
    }

    private static Group group(Map<Long, Group> groups, long id) {
        Group g = groups.get(id);
        return g != null ? g : id < 0 ? new Group("-", "Chưa gọi / không có quầy", Long.MAX_VALUE)
                : new Group(Long.toString(id), "#" + id, Long.MAX_VALUE - 1);
    }

    private static Map<Long, Group> groups(Connection c, GroupBy by) throws SQLException {
        Map<Long, Group> out = new HashMap<>();
        String sql = switch (by) {
            case BRANCH -> "SELECT 0, code, name_vi, 0 FROM branch";
            case SERVICE -> "SELECT id, code, name_vi, id FROM service";
            case COUNTER -> "SELECT id, CAST(number AS TEXT), name_vi, number FROM counter";
        };
        try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.put(rs.getLong(1), new Group(rs.getString(2), rs.getString(3), rs.getLong(4)));
            }
        }
        if (by == GroupBy.BRANCH) {
            out.putIfAbsent(0L, new Group("BRANCH", "Chi nhánh", 0));
        }
        return out;
    }

    private static LocalDate date(String text, String name, LocalDate dflt) {
        if (text == null || text.isBlank()) {
            return dflt;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest("bad_date", "Ngày không hợp lệ (" + name + "), dùng dạng yyyy-MM-dd.",
                    "Invalid date '" + name + "', use yyyy-MM-dd.");
        }
    }

    private static <E extends Enum<E>> E choice(Class<E> type, String text, E dflt, String name, String allowed) {
        if (text == null || text.isBlank()) {
            return dflt;
        }
        try {
            return Enum.valueOf(type, text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("bad_" + name, "Giá trị '" + name + "' không hợp lệ; chọn một trong: " + allowed + ".",
                    "Invalid '" + name + "'; use one of: " + allowed + ".");
        }
    }
}
