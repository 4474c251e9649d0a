package vn.hanoi.branch.agent.ticket;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.hanoi.branch.agent.effects.Effects;
import vn.hanoi.branch.agent.auth.Principal;
import vn.hanoi.branch.agent.db.Database;
import vn.hanoi.branch.agent.db.WriteTx;
import vn.hanoi.branch.api.QueueEvent;
import vn.hanoi.branch.api.TicketState;

/**
 * The end of the business day: open tickets closed, unused bookings released, counters closed, figures to
 * the city. A supervisor presses it, or {@link DayCloseSchedule} runs it after closing time; a day with
 * tickets that was never closed (the agent was off) is closed with the next one and its figures sent too.
 */
public final class BusinessDayClose {
    private final Database db;
    private final Effects effects;
    private final TicketTransitions transitions;
    private final ZoneId zone;

    BusinessDayClose(Database db, Effects effects, TicketTransitions transitions, ZoneId zone) {
        this.db = db;
        this.effects = effects;
        this.transitions = transitions;
        this.zone = zone;
    }

    /**
     * Tickets still waiting or called are cancelled, unused bookings of the day released, counters
     * closed. Returns how many tickets were cancelled.
     */
    public int close(Principal staff) {
        return db.write(tx -> close(tx, staff, LocalDate.ofInstant(Instant.ofEpochMilli(tx.now()), zone)));
    }

    /**
     * Closes by itself what nobody closed: every earlier day with tickets, and today once {@code closingTime}
     * has passed. Returns the days closed (none most of the time).
     */
    public List<LocalDate> closeMissed(java.time.LocalTime closingTime) {
        return db.write(tx -> {
            java.time.ZonedDateTime now = Instant.ofEpochMilli(tx.now()).atZone(zone);
            LocalDate today = now.toLocalDate();
            List<LocalDate> due = new ArrayList<>(unclosedDays(tx.connection(), today.minusDays(1)));
            boolean todayDue = !now.toLocalTime().isBefore(closingTime) && !isClosed(tx.connection(), today)
                    && !unclosedDays(tx.connection(), today).isEmpty();
            if (todayDue) {
                due = List.of(today); // closing today closes the earlier days with it
            }
            if (!due.isEmpty()) {
                close(tx, Principal.SYSTEM, due.get(due.size() - 1));
            }
            return due;
        });
    }

    private int close(WriteTx tx, Principal staff, LocalDate day) throws SQLException {
        Connection c = tx.connection();
        LocalDate today = LocalDate.ofInstant(Instant.ofEpochMilli(tx.now()), zone);
        List<Long> open = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT id FROM ticket WHERE business_day <= ? AND state IN ('WAITING', 'CALLED', 'SERVING')")) {
            ps.setString(1, day.toString());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    open.add(rs.getLong(1));
                }
            }
        }
        for (long id : open) {
            // A ticket being served is finished, not cancelled: the citizen was served.
            TicketState to = TicketRows.require(c, id).state() == TicketState.SERVING
                    ? TicketState.DONE : TicketState.CANCELLED;
            transitions.move(tx, staff, id, to, null,
                    to == TicketState.DONE ? QueueEvent.TICKET_DONE : QueueEvent.TICKET_CANCELLED);
        }
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE booking SET state = 'RELEASED' WHERE state = 'BOOKED' AND slot_start < ?")) {
            ps.setLong(1, day.plusDays(1).atStartOfDay(zone).toInstant().toEpochMilli());
            ps.executeUpdate();
        }
        if (day.equals(today)) { // a missed day caught up the next morning leaves today's counters alone
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO counter_state (counter_id, state, reason, since, user_id) "
                            + "SELECT id, 'CLOSED', 'end of day', ?, ? FROM counter WHERE true "
                            + "ON CONFLICT (counter_id) DO UPDATE SET state = 'CLOSED', reason = 'end of day', "
                            + "since = excluded.since, user_id = excluded.user_id")) {
                ps.setLong(1, tx.now());
                ps.setObject(2, staff.userId());
                ps.executeUpdate();
            }
        }
        effects.audit(tx, staff, "branch.end_of_day", "branch", 0, day + ": " + open.size() + " tickets closed");
        effects.queueEvent(tx, QueueEvent.COUNTER_STATE, null, null);
        for (LocalDate d : unclosedDays(c, day.minusDays(1))) {
            dayStatisticsToCity(tx, d); // a missed day's figures, before the day's own
            markClosed(tx, d, staff);
        }
        dayStatisticsToCity(tx, day);
        markClosed(tx, day, staff);
        return open.size();
    }

    /** Days up to {@code last} with tickets that were never closed, oldest first. */
    private static List<LocalDate> unclosedDays(Connection c, LocalDate last) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT DISTINCT business_day FROM ticket WHERE business_day <= ? "
                + "AND business_day NOT IN (SELECT day FROM business_day_closed) ORDER BY business_day")) {
            ps.setString(1, last.toString());
            List<LocalDate> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(LocalDate.parse(rs.getString(1)));
                }
            }
            return out;
        }
    }

    private static boolean isClosed(Connection c, LocalDate day) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM business_day_closed WHERE day = ?")) {
            ps.setString(1, day.toString());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static void markClosed(WriteTx tx, LocalDate day, Principal staff) throws SQLException {
        try (PreparedStatement ps = tx.connection().prepareStatement("INSERT INTO business_day_closed (day, closed_at, automatic) "
                + "VALUES (?, ?, ?) ON CONFLICT (day) DO UPDATE SET closed_at = excluded.closed_at")) {
            ps.setString(1, day.toString());
            ps.setLong(2, tx.now());
            ps.setInt(3, staff == Principal.SYSTEM ? 1 : 0);
            ps.executeUpdate();
        }
    }

    /**
     * The day's figures per service for the city, with the day's close: numbers taken (a transfer's copy not
     * counted), served, no-shows, cancelled, mean wait issue → call in minutes. Counts only, no personal data.
     */
    private void dayStatisticsToCity(WriteTx tx, LocalDate day) throws SQLException {
        List<Map<String, Object>> services = new ArrayList<>();
        try (PreparedStatement ps = tx.connection().prepareStatement("SELECT s.code, "
                + "sum(t.transferred_from IS NULL), sum(t.state = 'DONE'), sum(t.state = 'NO_SHOW'), sum(t.state = 'CANCELLED'), "
                + "avg(CASE WHEN t.called_at IS NOT NULL THEN (t.called_at - t.issued_at) / 60000.0 END) "
                + "FROM ticket t JOIN service s ON s.id = t.service_id WHERE t.business_day = ? GROUP BY s.code ORDER BY s.code")) {
            ps.setString(1, day.toString());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("serviceCode", rs.getString(1));
                    m.put("issued", rs.getInt(2));
                    m.put("served", rs.getInt(3));
                    m.put("noShow", rs.getInt(4));
                    m.put("cancelled", rs.getInt(5));
                    double wait = rs.getDouble(6);
                    m.put("meanWaitMinutes", rs.wasNull() ? null : Math.round(wait * 10) / 10.0);
                    services.add(m);
                }
            }
        }
        effects.toCity(tx, Effects.CityTopic.STATS, day.toString(),
                Map.of("businessDay", day.toString(), "services", services));
    }
}
