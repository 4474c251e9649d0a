package vn.hanoi.branch.agent.branch;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.hanoi.branch.agent.db.Database;
import vn.hanoi.branch.agent.db.WriteTx;
import vn.hanoi.branch.api.BranchInfo;
import vn.hanoi.branch.api.CounterInfo;
import vn.hanoi.branch.api.ServiceInfo;

/**
 * The branch's configuration: itself, its services and its counters. Small and rarely changed, so
 * it is read straight from the database on demand.
 */
public final class BranchDirectory {
    private final Database db;

    public BranchDirectory(Database db) {
        this.db = db;
    }

    public Optional<BranchInfo> branch() {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT code, name_vi, name_en, time_zone FROM branch");
                 ResultSet rs = ps.executeQuery()) {
                return rs.next()
                        ? Optional.of(new BranchInfo(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                        : Optional.empty();
            }
        });
    }

    public ZoneId zone() {
        return branch().map(b -> ZoneId.of(b.timeZone())).orElse(ZoneId.of("Asia/Ho_Chi_Minh"));
    }

    public List<ServiceInfo> services() {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(SERVICE_SELECT + " ORDER BY id");
                 ResultSet rs = ps.executeQuery()) {
                List<ServiceInfo> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(service(rs));
                }
                return out;
            }
        });
    }

    public Optional<ServiceInfo> service(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(SERVICE_SELECT + " WHERE id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(service(rs)) : Optional.empty();
            }
        }
    }

    public List<CounterInfo> counters() {
        return db.read(c -> {
            Map<Long, CounterInfo> byId = new LinkedHashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT id, number, name_vi, name_en FROM counter ORDER BY number");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    byId.put(rs.getLong(1), new CounterInfo(rs.getLong(1), rs.getInt(2), rs.getString(3),
                            rs.getString(4), new ArrayList<>()));
                }
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT counter_id, service_id FROM counter_service ORDER BY counter_id, rank, service_id");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    CounterInfo ci = byId.get(rs.getLong(1));
                    if (ci != null) {
                        ci.serviceIds().add(rs.getLong(2));
                    }
                }
            }
            return List.copyOf(byId.values());
        });
    }

    // ---- configuration writes (seeding, later: IT settings and sync from the city) ----

    public static void upsertBranch(WriteTx tx, BranchInfo b) throws SQLException {
        try (PreparedStatement ps = tx.connection().prepareStatement(
                "INSERT INTO branch (id, code, name_vi, name_en, time_zone) VALUES (1, ?, ?, ?, ?) "
                        + "ON CONFLICT (id) DO UPDATE SET code = excluded.code, name_vi = excluded.name_vi, "
                        + "name_en = excluded.name_en, time_zone = excluded.time_zone")) {
            ps.setString(1, b.code());
            ps.setString(2, b.nameVi());
            ps.setString(3, b.nameEn());
            ps.setString(4, b.timeZone());
            ps.executeUpdate();
        }
    }

    public static long insertService(WriteTx tx, ServiceInfo s) throws SQLException {
        try (PreparedStatement ps = tx.connection().prepareStatement(
                "INSERT INTO service (code, name_vi, name_en, prefix, number_start, number_end, opens_at, closes_at, active, "
                        + "green_channel) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id")) {
            ps.setString(1, s.code());
            ps.setString(2, s.nameVi());
            ps.setString(3, s.nameEn());
            ps.setString(4, s.prefix());
            ps.setInt(5, s.numberStart());
            ps.setInt(6, s.numberEnd());
            ps.setString(7, s.opensAt().toString());
            ps.setString(8, s.closesAt().toString());
            ps.setInt(9, s.active() ? 1 : 0);
            ps.setInt(10, s.greenChannel() ? 1 : 0);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    public static long insertCounter(WriteTx tx, int number, String nameVi, String nameEn, List<Long> serviceIds)
            throws SQLException {
        long id;
        try (PreparedStatement ps = tx.connection().prepareStatement(
                "INSERT INTO counter (number, name_vi, name_en) VALUES (?, ?, ?) RETURNING id")) {
            ps.setInt(1, number);
            ps.setString(2, nameVi);
            ps.setString(3, nameEn);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                id = rs.getLong(1);
            }
        }
        try (PreparedStatement ps = tx.connection().prepareStatement(
                "INSERT INTO counter_service (counter_id, service_id, rank) VALUES (?, ?, ?)")) {
            int rank = 1;
            for (long sid : serviceIds) {
                ps.setLong(1, id);
                ps.setLong(2, sid);
                ps.setInt(3, rank++);
                ps.addBatch();
            }
            ps.executeBatch();
        }
        return id;
    }

    private static final String SERVICE_SELECT =
            "SELECT id, code, name_vi, name_en, prefix, number_start, number_end, opens_at, closes_at, active, green_channel FROM service";

    private static ServiceInfo service(ResultSet rs) throws SQLException {
        return new ServiceInfo(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getInt(6), rs.getInt(7), LocalTime.parse(rs.getString(8)), LocalTime.parse(rs.getString(9)),
                rs.getInt(10) == 1, rs.getInt(11) == 1);
    }
}
