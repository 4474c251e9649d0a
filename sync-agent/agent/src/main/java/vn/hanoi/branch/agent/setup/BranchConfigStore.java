package vn.hanoi.branch.agent.setup;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.hanoi.branch.agent.branch.HallNotices;
import vn.hanoi.branch.agent.db.WriteTx;

/**
 * The branch configuration's rows: reads them as a {@link BranchSetup} and writes one entity at a time.
 * Writes are upserts keyed by code or number, so a service keeps its id (and its tickets and reports)
 * across renames; "deactivate" is an upsert with {@code active = false}. Callers go through
 * {@link BranchConfiguration}, which checks the rules and records the audit row and the event.
 */
public final class BranchConfigStore {

    private BranchConfigStore() {
    }

    /** The configuration in the database; empty when the branch has not been set up. */
    public static Optional<BranchSetup> read(Connection c) throws SQLException {
        BranchSetup.Identity identity = null;
        Integer target = null;
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT code, agency_code, name_vi, name_en, address, time_zone, satisfaction_target_percent FROM branch");
             ResultSet rs = ps.executeQuery()) {
            if (rs.next()) {
                identity = new BranchSetup.Identity(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6));
                target = (Integer) rs.getObject(7);
            }
        }
        if (identity == null) {
            return Optional.empty();
        }
        return Optional.of(new BranchSetup(identity, services(c), counters(c), priorityClasses(c), hallNotices(c), target));
    }

    private static List<BranchSetup.Service> services(Connection c) throws SQLException {
        Map<Long, EnumMap<DayOfWeek, BranchSetup.Hours>> hours = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT service_id, weekday, opens_at, closes_at FROM service_hours");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                hours.computeIfAbsent(rs.getLong(1), k -> new EnumMap<>(DayOfWeek.class)).put(DayOfWeek.of(rs.getInt(2)),
                        new BranchSetup.Hours(LocalTime.parse(rs.getString(3)), LocalTime.parse(rs.getString(4))));
            }
        }
        List<BranchSetup.Service> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT id, code, prefix, name_vi, name_en, number_start, number_end, green_channel, daily_cap, "
                        + "booking_share_percent, active FROM service ORDER BY id");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new BranchSetup.Service(rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getInt(6), rs.getInt(7), hours.getOrDefault(rs.getLong(1), new EnumMap<>(DayOfWeek.class)),
                        rs.getInt(8) == 1, (Integer) rs.getObject(9), rs.getInt(10), rs.getInt(11) == 1));
            }
        }
        return out;
    }

    private static List<BranchSetup.Counter> counters(Connection c) throws SQLException {
        Map<Long, List<String>> served = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT cs.counter_id, s.code FROM counter_service cs "
                + "JOIN service s ON s.id = cs.service_id ORDER BY cs.counter_id, cs.rank, s.id");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                served.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getString(2));
            }
        }
        List<BranchSetup.Counter> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT id, number, name_vi, name_en, area, active FROM counter ORDER BY number");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new BranchSetup.Counter(rs.getInt(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        served.getOrDefault(rs.getLong(1), List.of()), rs.getInt(6) == 1));
            }
        }
        return out;
    }

    private static List<BranchSetup.PriorityClass> priorityClasses(Connection c) throws SQLException {
        List<BranchSetup.PriorityClass> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT code, name_vi, name_en, min_age, sort, active FROM priority_class ORDER BY sort, code");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new BranchSetup.PriorityClass(rs.getString(1), rs.getString(2), rs.getString(3),
                        (Integer) rs.getObject(4), rs.getInt(5), rs.getInt(6) == 1));
            }
        }
        return out;
    }

    /** The ticker set up for the hall, or null when none was (the agent's setting hall.notices applies). */
    public static List<HallNotices.Notice> hallNotices(Connection c) throws SQLException {
        List<HallNotices.Notice> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT text_vi, text_en FROM hall_notice ORDER BY position");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new HallNotices.Notice(rs.getString(1), rs.getString(2)));
            }
        }
        return out.isEmpty() ? null : out;
    }

    public static void writeBranch(WriteTx tx, BranchSetup.Identity b, Integer satisfactionTargetPercent)
            throws SQLException {
        try (PreparedStatement ps = tx.connection().prepareStatement(
                "INSERT INTO branch (id, code, agency_code, name_vi, name_en, address, time_zone, satisfaction_target_percent) "
                        + "VALUES (1, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET code = excluded.code, "
                        + "agency_code = excluded.agency_code, name_vi = excluded.name_vi, name_en = excluded.name_en, "
                        + "address = excluded.address, time_zone = excluded.time_zone, "
                        + "satisfaction_target_percent = excluded.satisfaction_target_percent")) {
            ps.setString(1, b.code());
            ps.setString(2, b.agencyCode() == null ? "" : b.agencyCode());
            ps.setString(3, b.nameVi());
            ps.setString(4, b.nameEn());
            ps.setString(5, b.address() == null ? "" : b.address());
            ps.setString(6, b.timeZone());
            setNullable(ps, 7, satisfactionTargetPercent);
            ps.executeUpdate();
        }
    }

    /** Adds the service or changes the one with its code (same id: tickets and reports follow a rename). */
    public static long writeService(WriteTx tx, BranchSetup.Service s) throws SQLException {
        long id;
        LocalTime opens = s.hours().values().stream().map(BranchSetup.Hours::opens).min(Comparator.naturalOrder())
                .orElse(LocalTime.of(7, 30));
        LocalTime closes = s.hours().values().stream().map(BranchSetup.Hours::closes).max(Comparator.naturalOrder())
                .orElse(LocalTime.of(17, 0));
        try (PreparedStatement ps = tx.connection().prepareStatement(
                "INSERT INTO service (code, prefix, name_vi, name_en, number_start, number_end, opens_at, closes_at, "
                        + "green_channel, daily_cap, booking_share_percent, active) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                        + "ON CONFLICT (code) DO UPDATE SET prefix = excluded.prefix, name_vi = excluded.name_vi, "
                        + "name_en = excluded.name_en, number_start = excluded.number_start, number_end = excluded.number_end, "
                        + "opens_at = excluded.opens_at, closes_at = excluded.closes_at, green_channel = excluded.green_channel, "
                        + "daily_cap = excluded.daily_cap, booking_share_percent = excluded.booking_share_percent, "
                        + "active = excluded.active RETURNING id")) {
            ps.setString(1, s.code());
            ps.setString(2, s.prefix());
            ps.setString(3, s.nameVi());
            ps.setString(4, s.nameEn());
            ps.setInt(5, s.numberStart());
            ps.setInt(6, s.numberEnd());
            ps.setString(7, opens.toString());
            ps.setString(8, closes.toString());
            ps.setInt(9, s.greenChannel() ? 1 : 0);
            setNullable(ps, 10, s.dailyCap());
            ps.setInt(11, s.bookingSharePercent());
            ps.setInt(12, s.active() ? 1 : 0);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                id = rs.getLong(1);
            }
        }
        try (PreparedStatement ps = tx.connection().prepareStatement("DELETE FROM service_hours WHERE service_id = ?")) {
            ps.setLong(1, id);
            ps.executeUpdate();
        }
        try (PreparedStatement ps = tx.connection().prepareStatement(
                "INSERT INTO service_hours (service_id, weekday, opens_at, closes_at) VALUES (?, ?, ?, ?)")) {
            for (var e : new EnumMap<>(s.hours()).entrySet()) {
                ps.setLong(1, id);
                ps.setInt(2, e.getKey().getValue());
                ps.setString(3, e.getValue().opens().toString());
                ps.setString(4, e.getValue().closes().toString());
                ps.addBatch();
            }
            ps.executeBatch();
        }
        return id;
    }

    /**
     * Adds the counter or changes the one with its number; its services are replaced, ranked in list order.
     * A deactivated counter is closed, so no ticket is called there.
     */
    public static long writeCounter(WriteTx tx, BranchSetup.Counter c) throws SQLException {
        long id;
        try (PreparedStatement ps = tx.connection().prepareStatement(
                "INSERT INTO counter (number, name_vi, name_en, area, active) VALUES (?, ?, ?, ?, ?) "
                        + "ON CONFLICT (number) DO UPDATE SET name_vi = excluded.name_vi, name_en = excluded.name_en, "
                        + "area = excluded.area, active = excluded.active RETURNING id")) {
            ps.setInt(1, c.number());
            ps.setString(2, c.nameVi());
            ps.setString(3, c.nameEn());
            ps.setString(4, c.area());
            ps.setInt(5, c.active() ? 1 : 0);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                id = rs.getLong(1);
            }
        }
        try (PreparedStatement ps = tx.connection().prepareStatement("DELETE FROM counter_service WHERE counter_id = ?")) {
            ps.setLong(1, id);
            ps.executeUpdate();
        }
        try (PreparedStatement ps = tx.connection().prepareStatement("INSERT INTO counter_service (counter_id, service_id, rank) "
                + "SELECT ?, id, ? FROM service WHERE code = ?")) {
            int rank = 1;
            for (String code : c.services()) {
                ps.setLong(1, id);
                ps.setInt(2, rank++);
                ps.setString(3, code);
                ps.addBatch();
            }
            ps.executeBatch();
        }
        if (!c.active()) {
            try (PreparedStatement ps = tx.connection().prepareStatement(
                    "UPDATE counter_state SET state = 'CLOSED', reason = 'deactivated', since = ? WHERE counter_id = ?")) {
                ps.setLong(1, tx.now());
                ps.setLong(2, id);
                ps.executeUpdate();
            }
        }
        return id;
    }

    public static void writePriorityClass(WriteTx tx, BranchSetup.PriorityClass p) throws SQLException {
        try (PreparedStatement ps = tx.connection().prepareStatement(
                "INSERT INTO priority_class (code, name_vi, name_en, min_age, sort, active) VALUES (?, ?, ?, ?, ?, ?) "
                        + "ON CONFLICT (code) DO UPDATE SET name_vi = excluded.name_vi, name_en = excluded.name_en, "
                        + "min_age = excluded.min_age, sort = excluded.sort, active = excluded.active")) {
            ps.setString(1, p.code());
            ps.setString(2, p.nameVi());
            ps.setString(3, p.nameEn());
            setNullable(ps, 4, p.minAge());
            ps.setInt(5, p.sort());
            ps.setInt(6, p.active() ? 1 : 0);
            ps.executeUpdate();
        }
    }

    public static void writeHallNotices(WriteTx tx, List<HallNotices.Notice> notices) throws SQLException {
        try (PreparedStatement ps = tx.connection().prepareStatement("DELETE FROM hall_notice")) {
            ps.executeUpdate();
        }
        try (PreparedStatement ps = tx.connection().prepareStatement(
                "INSERT INTO hall_notice (position, text_vi, text_en) VALUES (?, ?, ?)")) {
            int i = 1;
            for (HallNotices.Notice n : notices) {
                ps.setInt(1, i++);
                ps.setString(2, n.vi());
                ps.setString(3, n.en());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private static void setNullable(PreparedStatement ps, int i, Integer value) throws SQLException {
        if (value == null) {
            ps.setNull(i, Types.INTEGER);
        } else {
            ps.setInt(i, value);
        }
    }
}
