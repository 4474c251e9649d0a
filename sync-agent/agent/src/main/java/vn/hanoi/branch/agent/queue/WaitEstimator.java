package vn.hanoi.branch.agent.queue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Waiting estimate per service, from live service times.
 *
 * <p>Method: {@code minutes = ceil(ahead × mean time per ticket ÷ capacity)}. The mean time per
 * ticket is taken over the last {@value #SAMPLES} tickets of that service finished today, from the
 * call to done (so the walk to the desk counts); with fewer than {@value #MIN_SAMPLES} of them the
 * default applies. Capacity is the number of open counters serving the service, each counted by its
 * share of work: a counter that also serves other services gives this service the fraction
 * {@code (waiting here + 1) ÷ (waiting for all its services + 1)}. Paused and closed counters count
 * nothing (a closed branch still counts one, to give a figure). Priority is ignored, so a normal
 * ticket may wait a little longer: the day simulator measures the error (QueueDayBenchmark).
 *
 * <p>Capacity and mean are kept per service for {@value #FRESH_SECONDS} s of agent time: they move
 * slowly, while counting them over a long line on every issue cost more than the issue itself.
 */
public final class WaitEstimator {
    static final int SAMPLES = 20;
    static final int MIN_SAMPLES = 3;

    static final int FRESH_SECONDS = 15;

    private final ZoneId zone;
    private final Clock clock;
    private final double defaultServiceMinutes;
    private final Map<Long, Inputs> cache = new ConcurrentHashMap<>();

    private record Inputs(LocalDate day, long computedAt, double perTicket, double capacity) {
    }

    public WaitEstimator(ZoneId zone, Clock clock, double defaultServiceMinutes) {
        this.zone = zone;
        this.clock = clock;
        this.defaultServiceMinutes = defaultServiceMinutes;
    }

    /** Forget cached inputs (a counter opened, paused or closed: capacity changed at once). */
    public void invalidate() {
        cache.clear();
    }

    /** Minutes a ticket with {@code ahead} tickets in front of it can expect to wait. */
    public int minutesFor(Connection c, long serviceId, LocalDate day, int ahead) throws SQLException {
        long now = clock.millis();
        Inputs in = cache.get(serviceId);
        if (in == null || !in.day().equals(day) || now - in.computedAt() > FRESH_SECONDS * 1000L || now < in.computedAt()) {
            in = new Inputs(day, now, meanServiceMinutes(c, serviceId, day), Math.max(1.0, capacity(c, serviceId, day)));
            cache.put(serviceId, in);
        }
        return (int) Math.ceil(ahead * in.perTicket() / in.capacity());
    }

    double meanServiceMinutes(Connection c, long serviceId, LocalDate day) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT avg(d), count(*) FROM (SELECT finished_at - called_at AS d FROM ticket "
                        + "WHERE service_id = ? AND business_day = ? AND state = 'DONE' AND called_at IS NOT NULL "
                        + "ORDER BY finished_at DESC LIMIT " + SAMPLES + ")")) {
            ps.setLong(1, serviceId);
            ps.setString(2, day.toString());
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next() && rs.getInt(2) >= MIN_SAMPLES) {
                    return rs.getDouble(1) / 60_000.0;
                }
            }
        }
        return defaultServiceMinutes;
    }

    private double capacity(Connection c, long serviceId, LocalDate day) throws SQLException {
        long dayStart = day.atStartOfDay(zone).toInstant().toEpochMilli();
        // Per open counter serving this service: waiting for this service and for all its services.
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT cs.counter_id, "
                        + "(SELECT count(*) FROM ticket t WHERE t.business_day = ? AND t.state = 'WAITING' AND t.service_id = ?), "
                        + "(SELECT count(*) FROM ticket t JOIN counter_service o ON o.service_id = t.service_id "
                        + "  WHERE o.counter_id = cs.counter_id AND t.business_day = ? AND t.state = 'WAITING') "
                        + "FROM counter_service cs LEFT JOIN counter_state st ON st.counter_id = cs.counter_id "
                        + "WHERE cs.service_id = ? AND NOT (coalesce(st.state, 'OPEN') <> 'OPEN' AND st.since >= ?)")) {
            ps.setString(1, day.toString());
            ps.setLong(2, serviceId);
            ps.setString(3, day.toString());
            ps.setLong(4, serviceId);
            ps.setLong(5, dayStart);
            double capacity = 0;
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    capacity += (rs.getInt(2) + 1.0) / (rs.getInt(3) + 1.0);
                }
            }
            return capacity;
        }
    }
}
