package vn.hanoi.branch.agent.ticket;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import vn.hanoi.branch.agent.db.Database;
import vn.hanoi.branch.agent.http.ApiException;
import vn.hanoi.branch.api.PriorityClass;
import vn.hanoi.branch.api.QueueSnapshot;
import vn.hanoi.branch.api.Ticket;

/** Reading the queue: the snapshot screens draw, one ticket, today's ticket by number, the priority groups. */
public final class QueueQueries {
    private final Database db;
    private final QueueFigures figures;
    private final CounterDesk counters;
    private final Clock clock;
    private final ZoneId zone;

    QueueQueries(Database db, QueueFigures figures, CounterDesk counters, Clock clock, ZoneId zone) {
        this.db = db;
        this.figures = figures;
        this.counters = counters;
        this.clock = clock;
        this.zone = zone;
    }

    private LocalDate businessDay() {
        return LocalDate.now(clock.withZone(zone));
    }

    public List<PriorityClass> priorityClasses() {
        return db.read(TicketRows::priorityClasses);
    }

    public Ticket get(long ticketId) {
        return db.read(c -> figures.load(c, ticketId));
    }

    /**
     * Today's ticket with this number (the latest, should a number repeat after a range wrapped), so a
     * citizen who scans a ticket at the kiosk learns its state and, once called, the counter.
     */
    public Ticket findToday(String displayNumber) {
        String number = displayNumber == null ? "" : displayNumber.strip().toUpperCase();
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT id FROM ticket WHERE business_day = ? AND display_number = ? ORDER BY id DESC LIMIT 1")) {
                ps.setString(1, businessDay().toString());
                ps.setString(2, number);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        throw ApiException.notFound("unknown_number", "Không có số " + number + " trong ngày hôm nay.",
                                "There is no number " + number + " today.");
                    }
                    return figures.load(c, rs.getLong(1));
                }
            }
        });
    }

    /** Everything a screen or counter needs to draw the queue, consistent with one event id. */
    public QueueSnapshot snapshot() {
        return db.read(c -> {
            c.setAutoCommit(false); // one read transaction: counts and last event id agree
            try {
                LocalDateTime now = LocalDateTime.now(clock.withZone(zone));
                LocalDate day = now.toLocalDate();
                long lastEvent;
                try (PreparedStatement ps = c.prepareStatement("SELECT coalesce(max(id), 0) FROM queue_event");
                     ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    lastEvent = rs.getLong(1);
                }
                List<QueueSnapshot.ServiceWaiting> services = new ArrayList<>();
                try (PreparedStatement ps = c.prepareStatement(
                        "SELECT s.id, s.code, s.name_vi, s.name_en, "
                                + "(SELECT count(*) FROM ticket t WHERE t.business_day = ? AND t.state = 'WAITING' "
                                + "AND t.service_id = s.id) FROM service s WHERE s.active = 1 ORDER BY s.id")) {
                    ps.setString(1, day.toString());
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            services.add(new QueueSnapshot.ServiceWaiting(rs.getLong(1), rs.getString(2),
                                    rs.getString(3), rs.getString(4), rs.getInt(5),
                                    figures.minutesFor(c, rs.getLong(1), day, rs.getInt(5)),
                                    ServiceAvailability.forWalkIn(c, rs.getLong(1), now, day)));
                        }
                    }
                }
                List<QueueSnapshot.CounterStatus> desks = new ArrayList<>();
                try (PreparedStatement ps = c.prepareStatement("SELECT id, number FROM counter ORDER BY number");
                     ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        desks.add(counters.status(c, rs.getLong(1)));
                    }
                }
                List<Ticket> recent = new ArrayList<>();
                try (PreparedStatement ps = c.prepareStatement(TicketRows.SELECT
                        + "WHERE t.business_day = ? AND t.called_at IS NOT NULL ORDER BY t.called_at DESC, t.id DESC LIMIT 10")) {
                    ps.setString(1, day.toString());
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            recent.add(TicketRows.row(rs));
                        }
                    }
                }
                return new QueueSnapshot(day, lastEvent, services, desks, recent);
            } finally {
                c.rollback();
                c.setAutoCommit(true);
            }
        });
    }
}
