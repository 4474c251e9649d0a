package vn.hanoi.branch.agent.ticket;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import vn.hanoi.branch.agent.http.ApiException;
import vn.hanoi.branch.api.QueueSnapshot.Availability;
import vn.hanoi.branch.api.QueueSnapshot.Availability.Status;
import vn.hanoi.branch.ticket.ServiceDay;

/**
 * The branch's setup applied to taking a number: opening hours, daily cap and the share kept for bookings,
 * read from the database and judged by {@link ServiceDay}. Issuing refuses with the same words the service
 * listing gives the kiosk, so what a tile says and what a tap gets never disagree.
 */
final class ServiceAvailability {
    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("HH:mm");
    private static final String[] WEEKDAY_VI = {"thứ Hai", "thứ Ba", "thứ Tư", "thứ Năm", "thứ Sáu", "thứ Bảy", "Chủ nhật"};

    private ServiceAvailability() {
    }

    /** Whether a walk-in gets a number of the service at {@code now} (branch time), and why not. */
    static Availability forWalkIn(Connection c, long serviceId, LocalDateTime now, LocalDate day) throws SQLException {
        ServiceDay rule = load(c, serviceId);
        int[] counts = issuedToday(c, serviceId, day);
        return explain(rule, rule.walkIn(now, counts[0], counts[1]), now);
    }

    /** Throws the refusal a walk-in or a booked citizen gets, or returns when the number may be issued. */
    static void require(Connection c, long serviceId, LocalDateTime now, LocalDate day, LocalDateTime bookedSlot)
            throws SQLException {
        ServiceDay rule = load(c, serviceId);
        int[] counts = issuedToday(c, serviceId, day);
        ServiceDay.Verdict verdict = bookedSlot == null
                ? rule.walkIn(now, counts[0], counts[1])
                : rule.booked(bookedSlot, counts[0] + counts[1]);
        Availability a = explain(rule, verdict, now);
        if (!a.open()) {
            String code = switch (a.status()) {
                case CLOSED -> "service_closed";
                case FULL -> "no_more_numbers";
                default -> "kept_for_bookings";
            };
            throw ApiException.conflict(code, a.vi(), a.en());
        }
    }

    private static Availability explain(ServiceDay rule, ServiceDay.Verdict verdict, LocalDateTime now) {
        return switch (verdict) {
            case OPEN -> new Availability(Status.OPEN, "", "");
            case FULL -> new Availability(Status.FULL, "Đã hết số hôm nay.", "No more numbers today.");
            case KEPT_FOR_BOOKINGS -> new Availability(Status.KEPT_FOR_BOOKINGS,
                    "Đã hết số hôm nay. Số còn lại dành cho người đã đặt lịch.",
                    "No more numbers today. The numbers left are kept for bookings.");
            case CLOSED -> closed(rule, now);
        };
    }

    private static Availability closed(ServiceDay rule, LocalDateTime now) {
        String todayVi = rule.hoursOn(now.getDayOfWeek()).map(s -> "hôm nay " + span(s)).orElse("hôm nay nghỉ");
        String todayEn = rule.hoursOn(now.getDayOfWeek()).map(s -> "today " + span(s)).orElse("closed today");
        String vi = "Ngoài giờ làm việc (" + todayVi + ").";
        String en = "Outside opening hours (" + todayEn + ").";
        var next = rule.nextOpening(now);
        if (next.isPresent()) {
            LocalDateTime at = next.get();
            long days = at.toLocalDate().toEpochDay() - now.toLocalDate().toEpochDay();
            String whenVi = days == 0 ? "hôm nay" : days == 1 ? "ngày mai" : WEEKDAY_VI[at.getDayOfWeek().getValue() - 1];
            String whenEn = days == 0 ? "today" : days == 1 ? "tomorrow"
                    : at.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH);
            vi += " Mở lại " + whenVi + " lúc " + HOUR.format(at) + ".";
            en += " Opens again " + whenEn + " at " + HOUR.format(at) + ".";
        }
        return new Availability(Status.CLOSED, vi, en);
    }

    private static String span(ServiceDay.Span s) {
        return HOUR.format(s.opens()) + "–" + HOUR.format(s.closes());
    }

    private static ServiceDay load(Connection c, long serviceId) throws SQLException {
        Map<DayOfWeek, ServiceDay.Span> hours = new EnumMap<>(DayOfWeek.class);
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT weekday, opens_at, closes_at FROM service_hours WHERE service_id = ?")) {
            ps.setLong(1, serviceId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    hours.put(DayOfWeek.of(rs.getInt(1)),
                            new ServiceDay.Span(LocalTime.parse(rs.getString(2)), LocalTime.parse(rs.getString(3))));
                }
            }
        }
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT daily_cap, number_end - number_start + 1, booking_share_percent FROM service WHERE id = ?")) {
            ps.setLong(1, serviceId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                Integer cap = (Integer) rs.getObject(1);
                return ServiceDay.of(hours, cap, rs.getInt(2), rs.getInt(3));
            }
        }
    }

    /** {walk-ins, booked} numbers of the service given out on the business day, whatever became of them. */
    private static int[] issuedToday(Connection c, long serviceId, LocalDate day) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT count(*) FILTER (WHERE booking_code IS NULL), count(*) FILTER (WHERE booking_code IS NOT NULL) "
                        + "FROM ticket WHERE service_id = ? AND business_day = ?")) {
            ps.setLong(1, serviceId);
            ps.setString(2, day.toString());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return new int[] {rs.getInt(1), rs.getInt(2)};
            }
        }
    }
}
