package vn.hanoi.branch.agent.setup;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import vn.hanoi.branch.agent.http.ApiException;

/**
 * Whether the branch has been set up. An installed agent starts on an empty database: until IT runs
 * {@code branch-agent setup}, health, the apps and every queue command say so with the next step,
 * instead of pretending to work with no services.
 */
public final class SetupState {
    public static final String CODE = "branch_not_set_up";
    public static final String MESSAGE_VI = "Chưa thiết lập chi nhánh. Bước tiếp theo: bộ phận CNTT chạy "
            + "'sudo branch-agent setup --file /etc/branch-agent/branch.yaml' (xem README-IT).";
    public static final String MESSAGE_EN = "Branch not set up yet. Next step: IT runs "
            + "'sudo branch-agent setup --file /etc/branch-agent/branch.yaml' (see README-IT).";

    private SetupState() {
    }

    public static boolean isSetUp(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM branch"); ResultSet rs = ps.executeQuery()) {
            return rs.next();
        }
    }

    /** The refusal of a command that needs a set-up branch (503: the agent runs, the branch does not yet). */
    public static ApiException notSetUp() {
        return new ApiException(503, CODE, MESSAGE_VI, MESSAGE_EN);
    }

    static SetupProblem notSetUpProblem() {
        return new SetupProblem("branch", 0, MESSAGE_VI, MESSAGE_EN);
    }
}
