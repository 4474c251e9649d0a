package vn.hanoi.branch.agent.testing;

import java.sql.PreparedStatement;
import java.sql.ResultSet;

/** The audit rows a test expects a change to leave. */
public final class AuditTrail {
    private AuditTrail() {
    }

    /** How many audit rows of {@code action} the agent's database holds. */
    public static long count(TestAgent agent, String action) {
        return agent.agent().database().read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM audit_log WHERE action = ?")) {
                ps.setString(1, action);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }
}
