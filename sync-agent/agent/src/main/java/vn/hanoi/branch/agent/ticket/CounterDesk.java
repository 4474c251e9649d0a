package vn.hanoi.branch.agent.ticket;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.OptionalLong;
import vn.hanoi.branch.agent.effects.Effects;
import vn.hanoi.branch.agent.auth.Principal;
import vn.hanoi.branch.agent.db.Database;
import vn.hanoi.branch.agent.http.ApiException;
import vn.hanoi.branch.api.CounterRequests;
import vn.hanoi.branch.api.CounterState;
import vn.hanoi.branch.api.QueueEvent;
import vn.hanoi.branch.api.QueueSnapshot;

/** Counters opening, pausing and closing, and whether a counter may call now. */
public final class CounterDesk {
    private final Database db;
    private final Effects effects;
    private final QueueFigures figures;
    private final Clock clock;
    private final ZoneId zone;

    CounterDesk(Database db, Effects effects, QueueFigures figures, Clock clock, ZoneId zone) {
        this.db = db;
        this.effects = effects;
        this.figures = figures;
        this.clock = clock;
        this.zone = zone;
    }

    /**
     * Opens, pauses or closes a counter. A closed counter hands the tickets sent to it back to their
     * service's line (keeping their place), so nobody waits for a desk that will not call.
     */
    public QueueSnapshot.CounterStatus setState(Principal staff, long counterId, CounterRequests.StateChange change) {
        return db.write(tx -> {
            Connection c = tx.connection();
            requireCounter(c, counterId);
            if (change.state() == null) {
                throw ApiException.badRequest("missing_state", "Thiếu trạng thái quầy.", "The counter state is missing.");
            }
            if (change.state() != CounterState.OPEN && activeTicketAt(c, counterId).isPresent()) {
                throw ApiException.conflict("counter_busy",
                        "Hãy hoàn thành số đang phục vụ trước khi tạm dừng hoặc đóng quầy.",
                        "Finish the current ticket before pausing or closing the counter.");
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO counter_state (counter_id, state, reason, since, user_id) VALUES (?, ?, ?, ?, ?) "
                            + "ON CONFLICT (counter_id) DO UPDATE SET state = excluded.state, reason = excluded.reason, "
                            + "since = excluded.since, user_id = excluded.user_id")) {
                ps.setLong(1, counterId);
                ps.setString(2, change.state().name());
                ps.setString(3, change.reason());
                ps.setLong(4, tx.now());
                ps.setObject(5, staff.userId());
                ps.executeUpdate();
            }
            if (change.state() == CounterState.CLOSED) {
                try (PreparedStatement ps = c.prepareStatement(
                        "UPDATE ticket SET target_counter_id = NULL WHERE target_counter_id = ? AND state = 'WAITING'")) {
                    ps.setLong(1, counterId);
                    ps.executeUpdate();
                }
            }
            effects.audit(tx, staff, "counter." + change.state().name().toLowerCase(), "counter", counterId,
                    change.reason() == null ? "" : change.reason());
            effects.queueEvent(tx, QueueEvent.COUNTER_STATE, null, counterId);
            tx.afterCommit(figures::invalidate);
            return status(c, counterId);
        });
    }

    /** The counter's state today: a pause or closure of an earlier day does not carry over. */
    QueueSnapshot.CounterStatus status(Connection c, long counterId) throws SQLException {
        int number;
        try (PreparedStatement ps = c.prepareStatement("SELECT number FROM counter WHERE id = ?")) {
            ps.setLong(1, counterId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                number = rs.getInt(1);
            }
        }
        CounterState state = CounterState.OPEN;
        String reason = null;
        try (PreparedStatement ps = c.prepareStatement("SELECT state, reason, since FROM counter_state WHERE counter_id = ?")) {
            ps.setLong(1, counterId);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next() && LocalDate.ofInstant(Instant.ofEpochMilli(rs.getLong(3)), zone)
                        .equals(LocalDate.now(clock.withZone(zone)))) {
                    state = CounterState.valueOf(rs.getString(1));
                    reason = rs.getString(2);
                }
            }
        }
        OptionalLong active = activeTicketAt(c, counterId);
        return new QueueSnapshot.CounterStatus(counterId, number,
                active.isPresent() ? figures.load(c, active.getAsLong()) : null, state, reason);
    }

    /** The counter exists, is open and has no ticket in progress. */
    void requireReadyToCall(Connection c, long counterId) throws SQLException {
        requireCounter(c, counterId);
        if (activeTicketAt(c, counterId).isPresent()) {
            throw ApiException.conflict("counter_busy",
                    "Quầy đang phục vụ một số khác. Hãy hoàn thành hoặc đánh dấu vắng mặt trước khi gọi số mới.",
                    "This counter still has a ticket in progress. Finish it or mark it as no-show first.");
        }
        CounterState state = status(c, counterId).state();
        if (state != CounterState.OPEN) {
            throw ApiException.conflict("counter_not_open",
                    "Quầy đang " + (state == CounterState.PAUSED ? "tạm dừng" : "đóng") + ": hãy mở lại quầy trước khi gọi số.",
                    "The counter is " + state.name().toLowerCase() + ": reopen it before calling.");
        }
    }

    static void requireCounter(Connection c, long counterId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT active FROM counter WHERE id = ?")) {
            ps.setLong(1, counterId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw ApiException.notFound("unknown_counter", "Quầy không tồn tại.", "No such counter.");
                }
                if (rs.getInt(1) != 1) {
                    throw ApiException.conflict("counter_inactive", "Quầy này đã ngừng hoạt động (cấu hình chi nhánh).",
                            "This counter has been deactivated (branch configuration).");
                }
            }
        }
    }

    private static OptionalLong activeTicketAt(Connection c, long counterId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT id FROM ticket WHERE counter_id = ? AND state IN ('CALLED', 'SERVING') ORDER BY id DESC LIMIT 1")) {
            ps.setLong(1, counterId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? OptionalLong.of(rs.getLong(1)) : OptionalLong.empty();
            }
        }
    }
}
