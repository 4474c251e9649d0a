package vn.hanoi.branch.agent.booking;

import vn.hanoi.branch.agent.effects.Effects;
import vn.hanoi.branch.agent.auth.Principal;
import vn.hanoi.branch.agent.db.Database;
import vn.hanoi.branch.agent.http.ApiException;
import vn.hanoi.branch.agent.ticket.TicketIssuing;
import vn.hanoi.branch.code.CodeSyntax;
import vn.hanoi.branch.api.Bookings;
import vn.hanoi.branch.api.Bookings.Booking;
import vn.hanoi.branch.api.IssueTicketRequest;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/**
 * Online bookings. A booking checked in within its window (from {@code before} ahead of the slot to
 * {@code after} past it) gets a ticket placed at its slot in the line; a late citizen joins the normal
 * line with a notice; an early one is told when to come back. Unused bookings are released at the end
 * of the day.
 */
public final class BookingService {
    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("HH:mm");

    private final Database db;
    private final TicketIssuing tickets;
    private final Effects effects;
    private final ZoneId zone;
    private final Duration before;
    private final Duration after;
    private final SecureRandom random = new SecureRandom();

    public BookingService(Database db, TicketIssuing tickets, Effects effects, ZoneId zone, Duration before, Duration after) {
        this.db = db;
        this.tickets = tickets;
        this.effects = effects;
        this.zone = zone;
        this.before = before;
        this.after = after;
    }

    public Booking create(Principal who, Bookings.NewBooking b) {
        if (b.slotStart() == null) {
            throw ApiException.badRequest("missing_slot", "Thiếu giờ hẹn.", "The booking needs a slot time.");
        }
        String code = b.code() == null || b.code().isBlank() ? newCode() : normalise(b.code());
        return db.write(tx -> insert(tx, who, new Bookings.NewBooking(code, b.serviceId(), b.slotStart())));
    }

    /**
     * Inserts a booking in the caller's transaction (the API's, or the city sync's applying a pulled booking);
     * 409 {@code booking_exists} when the code is taken.
     */
    public Booking insert(vn.hanoi.branch.agent.db.WriteTx tx, Principal who, Bookings.NewBooking b) throws SQLException {
        String code = normalise(b.code());
        {
            Connection c = tx.connection();
            try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM service WHERE id = ? AND active = 1")) {
                ps.setLong(1, b.serviceId());
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        throw ApiException.badRequest("unknown_service", "Dịch vụ không tồn tại.", "No such service.");
                    }
                }
            }
            if (find(c, code).isPresent()) {
                throw ApiException.conflict("booking_exists", "Mã đặt lịch đã tồn tại.", "This booking code exists already.");
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO booking (code, service_id, slot_start, state, created_at) VALUES (?, ?, ?, 'BOOKED', ?)")) {
                ps.setString(1, code);
                ps.setLong(2, b.serviceId());
                ps.setLong(3, b.slotStart().toEpochMilli());
                ps.setLong(4, tx.now());
                ps.executeUpdate();
            }
            effects.audit(tx, who, "booking.create", "booking", 0, code);
            return find(c, code).orElseThrow();
        }
    }

    public Booking get(String code) {
        return db.read(c -> find(c, normalise(code)).orElseThrow(BookingService::unknown));
    }

    /** Check-in at the kiosk; idempotent per kiosk and booking, so a retry after a lost answer is safe. */
    public Bookings.CheckIn checkIn(Principal kiosk, String rawCode) {
        Bookings.CheckIn in = checkInTx(kiosk, normalise(rawCode));
        return new Bookings.CheckIn(tickets.withQueueFigures(in.ticket()), in.onTime(), in.noticeVi(), in.noticeEn());
    }

    private Bookings.CheckIn checkInTx(Principal kiosk, String code) {
        return db.write(tx -> {
            Connection c = tx.connection();
            Booking b = find(c, code).orElseThrow(BookingService::unknown);
            Instant now = Instant.ofEpochMilli(tx.now());
            if (b.state() == Bookings.State.CHECKED_IN) {
                // The same kiosk retrying a lost answer gets its ticket back; anyone else is told it is used.
                TicketIssuing.Issued again = tickets.issueIn(tx, kiosk, new IssueTicketRequest(b.serviceId()), null,
                        b.slotStart(), "booking:" + code);
                if (again.created()) {
                    throw ApiException.conflict("booking_used", "Mã đặt lịch này đã được sử dụng.",
                            "This booking has already been checked in.");
                }
                return new Bookings.CheckIn(again.ticket(), true, null, null);
            }
            if (b.state() == Bookings.State.RELEASED || !b.slotStart().atZone(zone).toLocalDate().equals(now.atZone(zone).toLocalDate())) {
                throw ApiException.conflict("booking_not_today", "Lịch hẹn này không phải hôm nay hoặc đã hết hiệu lực. Vui lòng lấy số thông thường.",
                        "This booking is not for today or has expired. Please take a normal number.");
            }
            Instant opens = b.slotStart().minus(before);
            if (now.isBefore(opens)) {
                String at = HOUR.format(opens.atZone(zone));
                throw ApiException.conflict("booking_too_early", "Chưa đến giờ nhận lịch hẹn. Vui lòng quay lại từ " + at + ".",
                        "Too early for this booking. Please come back from " + at + ".");
            }
            boolean onTime = !now.isAfter(b.slotStart().plus(after));
            // One key per booking: a second check-in of the same code finds the ticket instead of a new one.
            TicketIssuing.Issued issued = tickets.issueIn(tx, kiosk, new IssueTicketRequest(b.serviceId()),
                    onTime ? b.slotStart().toEpochMilli() : null, b.slotStart(), "booking:" + code);
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE booking SET state = 'CHECKED_IN', ticket_id = ? WHERE code = ?")) {
                ps.setLong(1, issued.ticket().id());
                ps.setString(2, code);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE ticket SET booking_code = ? WHERE id = ?")) {
                ps.setString(1, code);
                ps.setLong(2, issued.ticket().id());
                ps.executeUpdate();
            }
            effects.audit(tx, kiosk, "booking.check_in", "ticket", issued.ticket().id(), code + (onTime ? "" : " late"));
            return onTime ? new Bookings.CheckIn(issued.ticket(), true, null, null)
                    : new Bookings.CheckIn(issued.ticket(), false,
                    "Bạn đến muộn so với giờ hẹn nên số của bạn được xếp vào hàng chờ thông thường.",
                    "You came after your booked time, so your number joins the normal line.");
        });
    }

    private static ApiException unknown() {
        return ApiException.notFound("unknown_booking", "Không tìm thấy mã đặt lịch. Hãy kiểm tra lại mã hoặc lấy số thông thường.",
                "No such booking code. Check the code or take a normal number.");
    }

    private static String normalise(String code) {
        return code == null ? "" : code.trim().toUpperCase().replace(" ", "");
    }

    private String newCode() {
        // The kiosk's keypad offers exactly this alphabet (no 0/O, 1/I, which elderly people type one for the other).
        StringBuilder sb = new StringBuilder(CodeSyntax.BOOKING_LENGTH);
        for (int i = 0; i < CodeSyntax.BOOKING_LENGTH; i++) {
            sb.append(CodeSyntax.BOOKING_ALPHABET.charAt(random.nextInt(CodeSyntax.BOOKING_ALPHABET.length())));
        }
        return sb.toString();
    }

    private static Optional<Booking> find(Connection c, String code) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT code, service_id, slot_start, state, ticket_id FROM booking WHERE code = ?")) {
            ps.setString(1, code);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                long ticket = rs.getLong(5);
                Long ticketId = rs.wasNull() ? null : ticket;
                return Optional.of(new Booking(rs.getString(1), rs.getLong(2), Instant.ofEpochMilli(rs.getLong(3)),
                        Bookings.State.valueOf(rs.getString(4)), ticketId));
            }
        }
    }
}
