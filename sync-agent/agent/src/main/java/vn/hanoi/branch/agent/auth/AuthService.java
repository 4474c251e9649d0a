package vn.hanoi.branch.agent.auth;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import vn.hanoi.branch.agent.effects.Effects;
import vn.hanoi.branch.agent.db.Database;
import vn.hanoi.branch.agent.db.WriteTx;
import vn.hanoi.branch.agent.http.ApiException;
import vn.hanoi.branch.api.DeviceKind;
import vn.hanoi.branch.api.Role;
import vn.hanoi.branch.api.Sessions;

/**
 * Staff accounts and sessions, and the resolution of a bearer token to a {@link Principal}.
 *
 * <p>Staff log in on a paired device; the session token then stands for both the person and the
 * device. Repeated wrong passwords lock the username for a while, since a slow hash alone does not
 * stop someone guessing at a counter.
 */
public final class AuthService {
    private static final Duration SESSION_LENGTH = Duration.ofHours(12);
    private static final int MAX_FAILURES = 5;
    private static final Duration LOCKOUT = Duration.ofMinutes(2);

    private final Database db;
    private final Effects effects;
    private final Clock clock;
    private final Map<String, Failures> failures = new ConcurrentHashMap<>();

    public AuthService(Database db, Effects effects, Clock clock) {
        this.db = db;
        this.effects = effects;
        this.clock = clock;
    }

    /** The principal a bearer token stands for, if the token is valid now. */
    public Optional<Principal> authenticate(String token) {
        if (token == null || token.isBlank()) {
            return Optional.empty();
        }
        String hash = Tokens.hash(token);
        long now = clock.millis();
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT id, kind FROM device WHERE token_hash = ? AND revoked_at IS NULL")) {
                ps.setString(1, hash);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        return Optional.of(new Principal(rs.getLong(1), DeviceKind.valueOf(rs.getString(2)), null, null));
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT s.device_id, d.kind, u.id, u.role, u.must_change_password FROM user_session s "
                            + "JOIN app_user u ON u.id = s.user_id "
                            + "LEFT JOIN device d ON d.id = s.device_id "
                            + "WHERE s.token_hash = ? AND s.ended_at IS NULL AND s.expires_at > ? AND u.active = 1 "
                            + "AND (d.id IS NULL OR d.revoked_at IS NULL)")) {
                ps.setString(1, hash);
                ps.setLong(2, now);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        long deviceId = rs.getLong(1);
                        Long device = rs.wasNull() ? null : deviceId;
                        String kind = rs.getString(2);
                        return Optional.of(new Principal(device, kind == null ? null : DeviceKind.valueOf(kind),
                                rs.getLong(3), Role.valueOf(rs.getString(4)), rs.getInt(5) == 1));
                    }
                }
            }
            return Optional.empty();
        });
    }

    /**
     * Why a token that {@link #authenticate} did not accept is refused: a revoked device is told so in words
     * its screen can show (IT must pair it again), anything else is the generic 401.
     */
    public ApiException refusal(String token) {
        boolean revoked = token != null && db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT 1 FROM device WHERE token_hash = ? AND revoked_at IS NOT NULL")) {
                ps.setString(1, Tokens.hash(token));
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next();
                }
            }
        });
        return revoked ? new ApiException(401, "device_revoked",
                "Thiết bị này đã bị thu hồi quyền truy cập. Vui lòng báo bộ phận IT để ghép nối lại.",
                "This device's access has been revoked. Please ask IT to pair it again.")
                : ApiException.unauthorized();
    }

    /** Logs a staff member in on the calling device. */
    public Sessions.Session login(Principal device, Sessions.Login login) {
        if (login == null || login.username() == null || login.password() == null) {
            throw ApiException.badRequest("missing_credentials", "Hãy nhập tên đăng nhập và mật khẩu.",
                    "Enter a username and a password.");
        }
        String username = login.username().trim().toLowerCase();
        Failures f = failures.get(username);
        if (f != null && f.lockedUntil > clock.millis()) {
            throw new ApiException(429, "locked", "Sai mật khẩu quá nhiều lần. Vui lòng thử lại sau ít phút.",
                    "Too many wrong passwords. Please try again in a few minutes.");
        }
        Optional<UserRow> user = db.read(c -> findUser(c, username));
        if (user.isEmpty() || !user.get().active || !Passwords.verify(login.password().toCharArray(), user.get().hash)) {
            failures.compute(username, (k, old) -> {
                Failures n = old == null ? new Failures() : old;
                n.count++;
                if (n.count >= MAX_FAILURES) {
                    n.lockedUntil = clock.millis() + LOCKOUT.toMillis();
                    n.count = 0;
                }
                return n;
            });
            db.write(tx -> {
                effects.audit(tx, device, "session.login_failed", "user", username, null);
                return null;
            });
            throw new ApiException(401, "bad_credentials", "Tên đăng nhập hoặc mật khẩu không đúng.",
                    "Wrong username or password.");
        }
        failures.remove(username);
        UserRow u = user.get();
        String token = Tokens.newToken();
        db.write(tx -> {
            try (PreparedStatement ps = tx.connection().prepareStatement(
                    "INSERT INTO user_session (token_hash, user_id, device_id, created_at, expires_at) VALUES (?, ?, ?, ?, ?)")) {
                ps.setString(1, Tokens.hash(token));
                ps.setLong(2, u.id);
                ps.setObject(3, device.deviceId());
                ps.setLong(4, tx.now());
                ps.setLong(5, tx.now() + SESSION_LENGTH.toMillis());
                ps.executeUpdate();
            }
            effects.audit(tx, new Principal(device.deviceId(), device.deviceKind(), u.id, u.role), "session.login",
                    "user", u.id, null);
            return null;
        });
        return new Sessions.Session(token, u.toUser(), u.mustChangePassword);
    }

    public void logout(Principal who, String token) {
        db.write(tx -> {
            try (PreparedStatement ps = tx.connection().prepareStatement(
                    "UPDATE user_session SET ended_at = ? WHERE token_hash = ? AND ended_at IS NULL")) {
                ps.setLong(1, tx.now());
                ps.setString(2, Tokens.hash(token));
                ps.executeUpdate();
            }
            effects.audit(tx, who, "session.logout", "user", who.userId(), null);
            return null;
        });
    }

    public Sessions.User createUser(Principal who, Sessions.NewUser nu) {
        validateNewUser(nu);
        String hash = Passwords.hash(nu.password().toCharArray());
        return db.write(tx -> {
            Sessions.User u = insertUser(tx, nu, hash);
            effects.audit(tx, who, "user.create", "user", u.id(), u.username() + " " + u.role());
            return u;
        });
    }

    /** Inserts a user in the caller's transaction; the password must already be hashed. */
    public static Sessions.User insertUser(WriteTx tx, Sessions.NewUser nu, String passwordHash) throws SQLException {
        String username = nu.username().trim().toLowerCase();
        if (findUser(tx.connection(), username).isPresent()) {
            throw ApiException.conflict("user_exists", "Tên đăng nhập đã tồn tại.", "This username is taken.");
        }
        try (PreparedStatement ps = tx.connection().prepareStatement(
                "INSERT INTO app_user (username, display_name, password_hash, role, created_at) VALUES (?, ?, ?, ?, ?) "
                        + "RETURNING id")) {
            ps.setString(1, username);
            ps.setString(2, nu.displayName());
            ps.setString(3, passwordHash);
            ps.setString(4, nu.role().name());
            ps.setLong(5, tx.now());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return new Sessions.User(rs.getLong(1), username, nu.displayName(), nu.role());
            }
        }
    }

    public static void validateNewUser(Sessions.NewUser nu) {
        if (nu == null || nu.username() == null || !nu.username().trim().matches("[A-Za-z0-9._-]{3,32}")
                || nu.displayName() == null || nu.displayName().isBlank() || nu.role() == null) {
            throw ApiException.badRequest("invalid_user",
                    "Tên đăng nhập gồm 3-32 ký tự chữ, số, dấu chấm, gạch; cần có họ tên và vai trò.",
                    "Username: 3-32 letters, digits, dots, dashes; a display name and a role are required.");
        }
        checkPassword(nu.password());
    }

    /** The one rule for a new password, wherever it is chosen (new account, reset, own change). */
    public static void checkPassword(String password) {
        if (password == null || password.length() < 10) {
            throw ApiException.badRequest("weak_password", "Mật khẩu cần ít nhất 10 ký tự.",
                    "The password needs at least 10 characters.");
        }
    }

    static Optional<UserRow> findUser(Connection c, String username) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT id, username, display_name, password_hash, role, active, must_change_password FROM app_user "
                        + "WHERE username = ?")) {
            ps.setString(1, username);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next()
                        ? Optional.of(new UserRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        Role.valueOf(rs.getString(5)), rs.getInt(6) == 1, rs.getInt(7) == 1))
                        : Optional.empty();
            }
        }
    }

    record UserRow(long id, String username, String displayName, String hash, Role role, boolean active,
                   boolean mustChangePassword) {
        Sessions.User toUser() {
            return new Sessions.User(id, username, displayName, role);
        }
    }

    private static final class Failures {
        int count;
        long lockedUntil;
    }
}
