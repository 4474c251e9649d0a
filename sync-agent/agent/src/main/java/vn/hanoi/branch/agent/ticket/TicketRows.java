package vn.hanoi.branch.agent.ticket;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import vn.hanoi.branch.agent.http.ApiException;
import vn.hanoi.branch.api.PriorityClass;
import vn.hanoi.branch.api.PriorityState;
import vn.hanoi.branch.api.Ticket;
import vn.hanoi.branch.api.TicketState;

/** Reading tickets (and the priority groups) from the database, shared by the queue's handlers. */
final class TicketRows {
    /** Select list of {@link #row}; callers append their WHERE / ORDER BY. */
    static final String SELECT = "SELECT t.id, t.service_id, s.code, t.business_day, t.seq, "
            + "t.display_number, t.state, t.counter_id, c.number, t.issued_at, t.called_at, t.serving_at, "
            + "t.finished_at, t.priority_class, t.priority_state FROM ticket t JOIN service s ON s.id = t.service_id "
            + "LEFT JOIN counter c ON c.id = t.counter_id ";

    private TicketRows() {
    }

    /** The ticket without its queue figures (people ahead, wait estimate). */
    static Ticket require(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(SELECT + "WHERE t.id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw ApiException.notFound("unknown_ticket", "Không tìm thấy số thứ tự này.",
                            "No such ticket.");
                }
                return row(rs);
            }
        }
    }

    static Ticket row(ResultSet rs) throws SQLException {
        String priorityState = rs.getString(15);
        return new Ticket(rs.getLong(1), rs.getLong(2), rs.getString(3), LocalDate.parse(rs.getString(4)),
                rs.getInt(5), rs.getString(6), TicketState.valueOf(rs.getString(7)),
                nullableLong(rs, 8), nullableInt(rs, 9), instant(rs, 10),
                instant(rs, 11), instant(rs, 12), instant(rs, 13), 0, rs.getString(14),
                priorityState == null ? null : PriorityState.valueOf(priorityState), null);
    }

    /** The active priority groups, in the order the kiosk shows them. */
    static List<PriorityClass> priorityClasses(Connection c) throws SQLException {
        List<PriorityClass> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT code, name_vi, name_en, min_age FROM priority_class WHERE active = 1 ORDER BY sort, code");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new PriorityClass(rs.getString(1), rs.getString(2), rs.getString(3), nullableInt(rs, 4)));
            }
        }
        return out;
    }

    static ApiException unknownPriorityClass() {
        return ApiException.badRequest("unknown_priority_class", "Nhóm ưu tiên không tồn tại.",
                "No such priority group.");
    }

    static ApiException invalidTransition(TicketState from, TicketState to) {
        return ApiException.conflict("invalid_transition",
                "Không thể chuyển số từ trạng thái " + from + " sang " + to + ". Hãy tải lại màn hình.",
                "A ticket cannot go from " + from + " to " + to + ". Refresh the screen.");
    }

    private static Long nullableLong(ResultSet rs, int col) throws SQLException {
        long v = rs.getLong(col);
        return rs.wasNull() ? null : v;
    }

    private static Integer nullableInt(ResultSet rs, int col) throws SQLException {
        int v = rs.getInt(col);
        return rs.wasNull() ? null : v;
    }

    private static Instant instant(ResultSet rs, int col) throws SQLException {
        long v = rs.getLong(col);
        return rs.wasNull() ? null : Instant.ofEpochMilli(v);
    }
}
