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
            try (PreparedStatement ps = c.prepareStatement("SELECT id, number, name_vi, name_en FROM counter WHERE active = 1 ORDER BY number");
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

    private static final String SERVICE_SELECT =
            "SELECT id, code, name_vi, name_en, prefix, number_start, number_end, opens_at, closes_at, active, green_channel FROM service";

    private static ServiceInfo service(ResultSet rs) throws SQLException {
        return new ServiceInfo(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getInt(6), rs.getInt(7), LocalTime.parse(rs.getString(8)), LocalTime.parse(rs.getString(9)),
                rs.getInt(10) == 1, rs.getInt(11) == 1);
    }
}
