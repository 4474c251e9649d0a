package vn.hanoi.branch.agent.auth;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import vn.hanoi.branch.agent.db.Database;
import vn.hanoi.branch.agent.db.WriteTx;
import vn.hanoi.branch.agent.effects.Effects;
import vn.hanoi.branch.agent.http.ApiException;
import vn.hanoi.branch.api.Role;
import vn.hanoi.branch.api.Staff;

/**
 * IT's work on staff accounts besides creating them ({@link AuthService#createUser}): the list, disabling
 * an account, and resetting a forgotten password to a temporary one that its owner must replace at the next
 * sign-in; and everyone's change of their own password. Every change is audited; passwords never are.
 *
 * <p>Object-level rule: nobody disables their own account (so an IT member always leaves at least
 * themselves to manage accounts and devices).
 */
public final class StaffAccounts {
    private final Database db;
    private final Effects effects;

    public StaffAccounts(Database db, Effects effects) {
        this.db = db;
        this.effects = effects;
    }

    public List<Staff.Account> list() {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT id, username, display_name, role, active, "
                    + "must_change_password, created_at FROM app_user ORDER BY username");
                 ResultSet rs = ps.executeQuery()) {
                List<Staff.Account> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(new Staff.Account(rs.getLong(1), rs.getString(2), rs.getString(3),
                            Role.valueOf(rs.getString(4)), rs.getInt(5) == 1, rs.getInt(6) == 1,
                            Instant.ofEpochMilli(rs.getLong(7))));
                }
                return out;
            }
        });
    }

    /** Disables an account: its open sessions end now and it can no longer sign in. */
    public Staff.Account disable(Principal who, long userId) {
        if (who.userId() != null && who.userId() == userId) {
            throw ApiException.conflict("own_account", "Không thể tự vô hiệu hóa tài khoản của chính mình.",
                    "You cannot disable your own account.");
        }
        return db.write(tx -> {
            Staff.Account a = account(tx, userId);
            update(tx, "UPDATE app_user SET active = 0 WHERE id = ?", userId);
            endSessions(tx, userId);
            effects.audit(tx, who, "user.disable", "user", userId, a.username());
            return account(tx, userId);
        });
    }

    /**
     * Sets a temporary password; the owner's open sessions end, and the next sign-in may do nothing but
     * choose a new password.
     */
    public Staff.Account resetPassword(Principal who, long userId, Staff.PasswordReset reset) {
        AuthService.checkPassword(reset.temporaryPassword());
        String hash = Passwords.hash(reset.temporaryPassword().toCharArray());
        return db.write(tx -> {
            Staff.Account a = account(tx, userId);
            try (PreparedStatement ps = tx.connection().prepareStatement(
                    "UPDATE app_user SET password_hash = ?, must_change_password = 1 WHERE id = ?")) {
                ps.setString(1, hash);
                ps.setLong(2, userId);
                ps.executeUpdate();
            }
            endSessions(tx, userId);
            effects.audit(tx, who, "user.password_reset", "user", userId, a.username());
            return account(tx, userId);
        });
    }

    /** The signed-in staff member replaces their password (required after a reset); the session goes on. */
    public void changeOwnPassword(Principal who, Staff.PasswordChange change) {
        if (change.currentPassword() == null) {
            throw ApiException.badRequest("missing_credentials", "Hãy nhập mật khẩu hiện tại.",
                    "Enter the current password.");
        }
        AuthService.checkPassword(change.newPassword());
        if (change.newPassword().equals(change.currentPassword())) {
            throw ApiException.badRequest("same_password", "Mật khẩu mới phải khác mật khẩu hiện tại.",
                    "The new password must differ from the current one.");
        }
        String stored = db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT password_hash FROM app_user WHERE id = ?")) {
                ps.setLong(1, who.userId());
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getString(1);
                }
            }
        });
        if (!Passwords.verify(change.currentPassword().toCharArray(), stored)) {
            throw new ApiException(401, "bad_credentials", "Mật khẩu hiện tại không đúng.",
                    "The current password is wrong.");
        }
        String hash = Passwords.hash(change.newPassword().toCharArray());
        db.write(tx -> {
            try (PreparedStatement ps = tx.connection().prepareStatement(
                    "UPDATE app_user SET password_hash = ?, must_change_password = 0 WHERE id = ?")) {
                ps.setString(1, hash);
                ps.setLong(2, who.userId());
                ps.executeUpdate();
            }
            effects.audit(tx, who, "user.password_change", "user", who.userId(), null);
            return null;
        });
    }

    private static Staff.Account account(WriteTx tx, long userId) throws SQLException {
        try (PreparedStatement ps = tx.connection().prepareStatement("SELECT id, username, display_name, role, "
                + "active, must_change_password, created_at FROM app_user WHERE id = ?")) {
            ps.setLong(1, userId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw ApiException.notFound("unknown_user", "Không tìm thấy tài khoản.", "No such account.");
                }
                return new Staff.Account(rs.getLong(1), rs.getString(2), rs.getString(3), Role.valueOf(rs.getString(4)),
                        rs.getInt(5) == 1, rs.getInt(6) == 1, Instant.ofEpochMilli(rs.getLong(7)));
            }
        }
    }

    private static void endSessions(WriteTx tx, long userId) throws SQLException {
        try (PreparedStatement ps = tx.connection().prepareStatement(
                "UPDATE user_session SET ended_at = ? WHERE user_id = ? AND ended_at IS NULL")) {
            ps.setLong(1, tx.now());
            ps.setLong(2, userId);
            ps.executeUpdate();
        }
    }

    private static void update(WriteTx tx, String sql, long id) throws SQLException {
        try (PreparedStatement ps = tx.connection().prepareStatement(sql)) {
            ps.setLong(1, id);
            ps.executeUpdate();
        }
    }
}
