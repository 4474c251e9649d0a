package vn.hanoi.branch.agent.stats;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import vn.hanoi.branch.agent.db.Database;
import vn.hanoi.branch.agent.ticket.QueueQueries;
import vn.hanoi.branch.api.DayStats;
import vn.hanoi.branch.api.QueueSnapshot;

/**
 * The supervisor's figures of the business day, computed from the ticket table on each request (a
 * branch has a few thousand tickets a day: one indexed scan, well under the cost of a screen refresh).
 *
 * <p>Definitions: a wait is issue to call of each ticket called today (a transferred ticket's new
 * line counts as its own wait, from the transfer); a service time is start of service to finish of
 * each ticket finished today; "issued" counts numbers handed out (not the copies a transfer makes);
 * "served" counts finished tickets. Counter states come from the queue snapshot, so that "paused
 * today" means the same here as at the counters.
 */
public final class StatsService {
    private static final int[] BUCKET_BOUNDS_MINUTES = {0, 5, 10, 20, 30, 45, 60};

    private final Database db;
    private final QueueQueries tickets;
    private final Clock clock;
    private final ZoneId zone;

    public StatsService(Database db, QueueQueries tickets, Clock clock, ZoneId zone) {
        this.db = db;
        this.tickets = tickets;
        this.clock = clock;
        this.zone = zone;
    }

    private static final class Acc {
        int waiting;
        long oldestWaitingIssuedAt = Long.MAX_VALUE;
        int served;
        long waitSum;
        int waitCount;
        long serviceSum;
        int serviceCount;

        Double avgWait() {
            return waitCount == 0 ? null : waitSum / 1000.0 / waitCount;
        }

        Double avgService() {
            return serviceCount == 0 ? null : serviceSum / 1000.0 / serviceCount;
        }
    }

    public DayStats today() {
        long now = clock.millis();
        LocalDate day = LocalDate.ofInstant(Instant.ofEpochMilli(now), zone);
        QueueSnapshot snapshot = tickets.snapshot();
        return db.read(c -> {
            Map<Long, Acc> byService = new HashMap<>();
            Map<Long, Integer> servedByCounter = new HashMap<>();
            Acc all = new Acc();
            int[] issuedByHour = new int[24];
            int[] servedByHour = new int[24];
            int[] buckets = new int[BUCKET_BOUNDS_MINUTES.length];
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT service_id, state, counter_id, issued_at, called_at, serving_at, finished_at, "
                            + "transferred_from FROM ticket WHERE business_day = ?")) {
                ps.setString(1, day.toString());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        Acc s = byService.computeIfAbsent(rs.getLong(1), k -> new Acc());
                        String state = rs.getString(2);
                        long issued = rs.getLong(4);
                        Long called = nullableLong(rs, 5);
                        Long serving = nullableLong(rs, 6);
                        Long finished = nullableLong(rs, 7);
                        if (rs.getObject(8) == null) {
                            issuedByHour[hour(issued)]++;
                        }
                        if ("WAITING".equals(state)) {
                            s.waiting++;
                            all.waiting++;
                            s.oldestWaitingIssuedAt = Math.min(s.oldestWaitingIssuedAt, issued);
                        }
                        if (called != null) {
                            long wait = Math.max(0, called - issued);
                            s.waitSum += wait;
                            s.waitCount++;
                            all.waitSum += wait;
                            all.waitCount++;
                            buckets[bucket(wait)]++;
                        }
                        if ("DONE".equals(state) && finished != null) {
                            s.served++;
                            all.served++;
                            servedByHour[hour(finished)]++;
                            long counter = rs.getLong(3);
                            if (!rs.wasNull()) {
                                servedByCounter.merge(counter, 1, Integer::sum);
                            }
                            if (serving != null) {
                                long service = Math.max(0, finished - serving);
                                s.serviceSum += service;
                                s.serviceCount++;
                                all.serviceSum += service;
                                all.serviceCount++;
                            }
                        }
                    }
                }
            }
            List<DayStats.ServiceStats> services = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT id, code, name_vi, name_en FROM service WHERE active = 1 ORDER BY id");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Acc s = byService.getOrDefault(rs.getLong(1), new Acc());
                    long longest = s.waiting == 0 ? 0 : Math.max(0, (now - s.oldestWaitingIssuedAt) / 1000);
                    services.add(new DayStats.ServiceStats(rs.getLong(1), rs.getString(2), rs.getString(3),
                            rs.getString(4), s.waiting, longest, s.served, s.avgWait(), s.avgService()));
                }
            }
            List<DayStats.CounterStats> counters = snapshot.counters().stream()
                    .map(cs -> new DayStats.CounterStats(cs.counterId(), cs.number(), cs.state(), cs.reason(),
                            cs.current() == null ? null : cs.current().displayNumber(),
                            servedByCounter.getOrDefault(cs.counterId(), 0)))
                    .toList();
            return new DayStats(day, Instant.ofEpochMilli(now), all.waiting, all.served, all.avgWait(),
                    all.avgService(), services, counters, hourly(issuedByHour, servedByHour), waitBuckets(buckets));
        });
    }

    private static Long nullableLong(ResultSet rs, int col) throws SQLException {
        long v = rs.getLong(col);
        return rs.wasNull() ? null : v;
    }

    private int hour(long epochMillis) {
        return Instant.ofEpochMilli(epochMillis).atZone(zone).getHour();
    }

    private static int bucket(long waitMillis) {
        long minutes = waitMillis / 60_000;
        int i = BUCKET_BOUNDS_MINUTES.length - 1;
        while (minutes < BUCKET_BOUNDS_MINUTES[i]) {
            i--;
        }
        return i;
    }

    private static List<DayStats.HourStats> hourly(int[] issued, int[] served) {
        int first = 24;
        int last = -1;
        for (int h = 0; h < 24; h++) {
            if (issued[h] + served[h] > 0) {
                first = Math.min(first, h);
                last = h;
            }
        }
        List<DayStats.HourStats> out = new ArrayList<>();
        for (int h = first; h <= last; h++) {
            out.add(new DayStats.HourStats(h, issued[h], served[h]));
        }
        return out;
    }

    private static List<DayStats.WaitBucket> waitBuckets(int[] counts) {
        List<DayStats.WaitBucket> out = new ArrayList<>();
        for (int i = 0; i < counts.length; i++) {
            out.add(new DayStats.WaitBucket(BUCKET_BOUNDS_MINUTES[i],
                    i + 1 < BUCKET_BOUNDS_MINUTES.length ? BUCKET_BOUNDS_MINUTES[i + 1] : null, counts[i]));
        }
        return out;
    }
}
