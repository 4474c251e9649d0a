package vn.hanoi.branch.agent.setup;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Refuses a configuration that would strand citizens: a service deactivated while tickets wait for it; a
 * counter deactivated while a ticket is called or served there or waits to be sent there. The reason names
 * the service or counter and how many tickets wait. (An active service that no active counter serves is
 * already against the rules, waiting tickets or not: {@link SetupRules}.)
 */
final class WaitingTickets {

    private WaitingTickets() {
    }

    static List<SetupProblem> stranded(Connection c, BranchSetup target) throws SQLException {
        List<SetupProblem> out = new ArrayList<>();
        Map<String, Integer> waiting = counts(c, "SELECT s.code, count(*) FROM ticket t JOIN service s ON s.id = t.service_id "
                + "WHERE t.state = 'WAITING' GROUP BY s.code");
        for (BranchSetup.Service s : target.services()) {
            Integer n = waiting.get(s.code());
            if (n != null && !s.active()) {
                out.add(new SetupProblem("services." + s.code(), 0,
                        "Không thể ngừng dịch vụ " + s.code() + ": còn " + n + " số đang chờ. Hãy phục vụ hoặc chuyển các số này trước.",
                        "Service " + s.code() + " cannot be deactivated: " + n + " tickets are waiting. Serve or transfer them first."));
            }
        }
        Map<String, Integer> atCounter = counts(c, "SELECT CAST(k.number AS TEXT), count(*) FROM ticket t "
                + "JOIN counter k ON k.id = t.counter_id AND t.state IN ('CALLED', 'SERVING') "
                + "OR k.id = t.target_counter_id AND t.state = 'WAITING' GROUP BY k.number");
        for (BranchSetup.Counter k : target.counters()) {
            Integer n = atCounter.get(String.valueOf(k.number()));
            if (n != null && !k.active()) {
                out.add(new SetupProblem("counters." + k.number(), 0,
                        "Không thể ngừng quầy " + k.number() + ": " + n + " số đang được gọi, phục vụ hoặc chờ tại quầy này.",
                        "Counter " + k.number() + " cannot be deactivated: " + n + " tickets are called, served or waiting there."));
            }
        }
        return out;
    }

    private static Map<String, Integer> counts(Connection c, String sql) throws SQLException {
        Map<String, Integer> out = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.put(rs.getString(1), rs.getInt(2));
            }
        }
        return out;
    }
}
