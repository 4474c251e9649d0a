package vn.hanoi.branch.agent.rating;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import vn.hanoi.branch.agent.effects.Effects;
import vn.hanoi.branch.agent.auth.Principal;
import vn.hanoi.branch.agent.db.Database;
import vn.hanoi.branch.agent.http.ApiException;
import vn.hanoi.branch.api.DeviceKind;
import vn.hanoi.branch.api.Ratings;
import vn.hanoi.branch.api.Ratings.Level;
import vn.hanoi.branch.api.Ratings.Rating;
import vn.hanoi.branch.api.Ratings.Reason;

/**
 * Citizens' satisfaction ratings. A ticket served (DONE) today may be rated once, from a device the
 * citizen touches (the counter's customer-facing window or a kiosk); the counter and service are copied
 * from the ticket. The same answer sent again is a retry and gets the stored rating back; a different
 * one is refused. Supervisors read the counts per level, per counter and per service against the
 * city's target.
 */
public final class RatingService {
    /** Longest period one summary covers: a year, enough for the yearly report. */
    static final int MAX_SUMMARY_DAYS = 366;
    private static final int MAX_COMMENTS = 100;

    private static final String SELECT = "SELECT r.id, r.ticket_id, t.display_number, r.business_day, r.level, "
            + "r.reason_code, r.reason_text, r.counter_id, c.number, r.service_id, s.code, r.device_id, r.device_kind, "
            + "r.rated_at FROM rating r JOIN ticket t ON t.id = r.ticket_id JOIN service s ON s.id = r.service_id "
            + "LEFT JOIN counter c ON c.id = r.counter_id ";

    private final Database db;
    private final Effects effects;
    private final Clock clock;
    private final ZoneId zone;
    private final int targetPercent;

    public RatingService(Database db, Effects effects, Clock clock, ZoneId zone, int targetPercent) {
        if (targetPercent < 1 || targetPercent > 100) {
            throw new IllegalArgumentException("rating.target.percent must be 1..100, not " + targetPercent);
        }
        this.db = db;
        this.effects = effects;
        this.clock = clock;
        this.zone = zone;
        this.targetPercent = targetPercent;
    }

    /** A stored rating and whether this call stored it (false: the same answer had been stored before). */
    public record Recorded(Rating rating, boolean created) {
    }

    /** Records the citizen's answer for a ticket; see the class comment for the rules. */
    public Recorded rate(Principal device, long ticketId, Ratings.RatingRequest request) {
        if (request.level() == null) {
            throw ApiException.badRequest("missing_level", "Hãy chọn mức độ hài lòng.",
                    "Choose how satisfied the citizen is (level).");
        }
        String text = cleanText(request.reasonText());
        if (text != null && text.length() > Ratings.MAX_REASON_TEXT) {
            throw ApiException.badRequest("reason_too_long",
                    "Lý do quá dài (tối đa " + Ratings.MAX_REASON_TEXT + " ký tự).",
                    "The reason is too long (at most " + Ratings.MAX_REASON_TEXT + " characters).");
        }
        Level level = request.level();
        Reason reason = request.reason();
        return db.write(tx -> {
            Connection c = tx.connection();
            Optional<Rating> existing = find(c, ticketId);
            if (existing.isPresent()) {
                Rating r = existing.get();
                if (r.level() == level && r.reason() == reason && Objects.equals(r.reasonText(), text)) {
                    return new Recorded(r, false); // a retry after a lost answer
                }
                throw ApiException.conflict("already_rated", "Số này đã được đánh giá. Mỗi lượt phục vụ chỉ đánh giá một lần.",
                        "This ticket has already been rated. Each visit can be rated once.");
            }
            long serviceId;
            Long counterId;
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT state, business_day, counter_id, service_id FROM ticket WHERE id = ?")) {
                ps.setLong(1, ticketId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        throw ApiException.notFound("unknown_ticket", "Không tìm thấy số thứ tự này.", "No such ticket.");
                    }
                    if (!"DONE".equals(rs.getString(1))) {
                        throw ApiException.conflict("ticket_not_served",
                                "Chỉ có thể đánh giá sau khi đã được phục vụ xong.",
                                "A ticket can be rated only after it has been served.");
                    }
                    LocalDate today = LocalDate.ofInstant(Instant.ofEpochMilli(tx.now()), zone);
                    if (!today.toString().equals(rs.getString(2))) {
                        throw ApiException.conflict("rating_closed",
                                "Chỉ có thể đánh giá trong ngày được phục vụ.",
                                "A visit can be rated only on the day it was served.");
                    }
                    long counter = rs.getLong(3);
                    counterId = rs.wasNull() ? null : counter;
                    serviceId = rs.getLong(4);
                }
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO rating (ticket_id, business_day, level, reason_code, reason_text, counter_id, service_id, "
                            + "device_id, device_kind, rated_at) "
                            + "SELECT id, business_day, ?, ?, ?, ?, ?, ?, ?, ? FROM ticket WHERE id = ?")) {
                ps.setString(1, level.name());
                ps.setString(2, reason == null ? null : reason.name());
                ps.setString(3, text);
                ps.setObject(4, counterId);
                ps.setLong(5, serviceId);
                ps.setLong(6, device.deviceId());
                ps.setString(7, device.deviceKind().name());
                ps.setLong(8, tx.now());
                ps.setLong(9, ticketId);
                ps.executeUpdate();
            }
            // The free text stays out of the audit trail: the rating row holds it, the trail says who and what.
            effects.audit(tx, device, "rating.create", "ticket", ticketId,
                    level.name() + (reason == null ? "" : " " + reason.name()) + (text == null ? "" : " +text"));
            // The city gets the answer and its reason code; the citizen's own words stay in the branch (they may
            // name people).
            java.util.Map<String, Object> toCity = new java.util.LinkedHashMap<>();
            toCity.put("ticketId", ticketId);
            toCity.put("level", level.name());
            toCity.put("reason", reason == null ? null : reason.name());
            toCity.put("counterId", counterId);
            toCity.put("serviceId", serviceId);
            toCity.put("ratedAt", tx.now());
            effects.toCity(tx, Effects.CityTopic.RATING,
                    String.valueOf(ticketId), toCity);
            return new Recorded(find(c, ticketId).orElseThrow(), true);
        });
    }

    /** The rating of a ticket, or 404 when it has none. */
    public Rating get(long ticketId) {
        return db.read(c -> find(c, ticketId)).orElseThrow(() -> ApiException.notFound("not_rated",
                "Số này chưa được đánh giá.", "This ticket has not been rated."));
    }

    /**
     * Summary of the business days {@code from}..{@code to} (ISO dates, both included). Without
     * {@code from}: today; without {@code to}: up to today.
     */
    public Ratings.Summary summary(String fromText, String toText) {
        LocalDate today = LocalDate.now(clock.withZone(zone));
        LocalDate from = date(fromText, "from", today);
        LocalDate to = date(toText, "to", from.isAfter(today) ? from : today);
        if (to.isBefore(from)) {
            throw ApiException.badRequest("bad_period", "Ngày bắt đầu phải trước hoặc bằng ngày kết thúc.",
                    "'from' must not be after 'to'.");
        }
        if (from.plusDays(MAX_SUMMARY_DAYS).isBefore(to.plusDays(1))) {
            throw ApiException.badRequest("period_too_long", "Khoảng thời gian tối đa là " + MAX_SUMMARY_DAYS + " ngày.",
                    "The period can be at most " + MAX_SUMMARY_DAYS + " days.");
        }
        String f = from.toString();
        String t = to.toString();
        LocalDate fromDay = from;
        LocalDate toDay = to;
        return db.read(c -> new Ratings.Summary(fromDay, toDay, targetPercent, overall(c, f, t), byCounter(c, f, t),
                byService(c, f, t), reasons(c, f, t), comments(c, f, t)));
    }

    // ---- summary parts ----

    private Ratings.Counts overall(Connection c, String from, String to) throws SQLException {
        Map<Level, Integer> n = new EnumMap<>(Level.class);
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT level, count(*) FROM rating WHERE business_day BETWEEN ? AND ? GROUP BY level")) {
            ps.setString(1, from);
            ps.setString(2, to);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    n.put(Level.valueOf(rs.getString(1)), rs.getInt(2));
                }
            }
        }
        return counts(n);
    }

    private record Group(long id, int number, String code, String nameVi, String nameEn, Map<Level, Integer> n) {
    }

    private List<Ratings.ByCounter> byCounter(Connection c, String from, String to) throws SQLException {
        List<Ratings.ByCounter> out = new ArrayList<>();
        for (Group g : groups(c, "SELECT k.id, k.number, NULL, k.name_vi, k.name_en, r.level, count(*) FROM rating r "
                + "JOIN counter k ON k.id = r.counter_id WHERE r.business_day BETWEEN ? AND ? "
                + "GROUP BY k.id, r.level ORDER BY k.number", from, to)) {
            out.add(new Ratings.ByCounter(g.id(), g.number(), g.nameVi(), g.nameEn(), counts(g.n())));
        }
        return out;
    }

    private List<Ratings.ByService> byService(Connection c, String from, String to) throws SQLException {
        List<Ratings.ByService> out = new ArrayList<>();
        for (Group g : groups(c, "SELECT s.id, 0, s.code, s.name_vi, s.name_en, r.level, count(*) FROM rating r "
                + "JOIN service s ON s.id = r.service_id WHERE r.business_day BETWEEN ? AND ? "
                + "GROUP BY s.id, r.level ORDER BY s.id", from, to)) {
            out.add(new Ratings.ByService(g.id(), g.code(), g.nameVi(), g.nameEn(), counts(g.n())));
        }
        return out;
    }

    private static List<Group> groups(Connection c, String sql, String from, String to) throws SQLException {
        Map<Long, Group> groups = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, from);
            ps.setString(2, to);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Group g = groups.computeIfAbsent(rs.getLong(1), id -> {
                        try {
                            return new Group(id, rs.getInt(2), rs.getString(3), rs.getString(4), rs.getString(5),
                                    new EnumMap<>(Level.class));
                        } catch (SQLException e) {
                            throw new IllegalStateException(e);
                        }
                    });
                    g.n().put(Level.valueOf(rs.getString(6)), rs.getInt(7));
                }
            }
        }
        return List.copyOf(groups.values());
    }

    private static List<Ratings.ReasonCount> reasons(Connection c, String from, String to) throws SQLException {
        List<Ratings.ReasonCount> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT reason_code, count(*) AS n FROM rating "
                + "WHERE business_day BETWEEN ? AND ? AND reason_code IS NOT NULL GROUP BY reason_code "
                + "ORDER BY n DESC, reason_code")) {
            ps.setString(1, from);
            ps.setString(2, to);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Reason r = Reason.valueOf(rs.getString(1));
                    out.add(new Ratings.ReasonCount(r, r.textVi, r.textEn, rs.getInt(2)));
                }
            }
        }
        return out;
    }

    private static List<Ratings.Comment> comments(Connection c, String from, String to) throws SQLException {
        List<Ratings.Comment> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT r.business_day, r.level, r.reason_code, r.reason_text, "
                + "k.number, s.code FROM rating r JOIN service s ON s.id = r.service_id "
                + "LEFT JOIN counter k ON k.id = r.counter_id "
                + "WHERE r.business_day BETWEEN ? AND ? AND r.reason_text IS NOT NULL "
                + "ORDER BY r.rated_at DESC, r.id DESC LIMIT " + MAX_COMMENTS)) {
            ps.setString(1, from);
            ps.setString(2, to);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String reason = rs.getString(3);
                    int number = rs.getInt(5);
                    Integer counterNumber = rs.wasNull() ? null : number;
                    out.add(new Ratings.Comment(LocalDate.parse(rs.getString(1)), Level.valueOf(rs.getString(2)),
                            reason == null ? null : Reason.valueOf(reason), rs.getString(4), counterNumber, rs.getString(6)));
                }
            }
        }
        return out;
    }

    /** Counts of one group against the target; the comparison is exact (integers), the percent rounded down. */
    Ratings.Counts counts(Map<Level, Integer> n) {
        int very = n.getOrDefault(Level.VERY_SATISFIED, 0);
        int ok = n.getOrDefault(Level.SATISFIED, 0);
        int not = n.getOrDefault(Level.NOT_SATISFIED, 0);
        int total = very + ok + not;
        if (total == 0) {
            return new Ratings.Counts(0, 0, 0, 0, null, null);
        }
        long satisfied = very + ok;
        double percent = (satisfied * 1000 / total) / 10.0;
        return new Ratings.Counts(very, ok, not, total, percent, satisfied * 100 >= (long) targetPercent * total);
    }

    // ---- helpers ----

    private static LocalDate date(String text, String name, LocalDate fallback) {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest("bad_date", "Ngày không hợp lệ (" + name + "): dùng dạng yyyy-MM-dd.",
                    "Bad date for '" + name + "': use yyyy-MM-dd.");
        }
    }

    /** Trimmed, control characters turned into spaces, blank → null. */
    static String cleanText(String s) {
        if (s == null) {
            return null;
        }
        String t = s.replaceAll("\\p{Cntrl}", " ").strip();
        return t.isEmpty() ? null : java.text.Normalizer.normalize(t, java.text.Normalizer.Form.NFC);
    }

    private static Optional<Rating> find(Connection c, long ticketId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(SELECT + "WHERE r.ticket_id = ?")) {
            ps.setLong(1, ticketId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                String reason = rs.getString(6);
                long counter = rs.getLong(8);
                Long counterId = rs.wasNull() ? null : counter;
                int number = rs.getInt(9);
                Integer counterNumber = rs.wasNull() ? null : number;
                return Optional.of(new Rating(rs.getLong(1), rs.getLong(2), rs.getString(3),
                        LocalDate.parse(rs.getString(4)), Level.valueOf(rs.getString(5)),
                        reason == null ? null : Reason.valueOf(reason), rs.getString(7), counterId, counterNumber,
                        rs.getLong(10), rs.getString(11), rs.getLong(12), DeviceKind.valueOf(rs.getString(13)),
                        Instant.ofEpochMilli(rs.getLong(14))));
            }
        }
    }
}
