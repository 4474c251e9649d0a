package vn.hanoi.branch.agent.device;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import vn.hanoi.branch.agent.effects.Effects;
import vn.hanoi.branch.agent.auth.Principal;
import vn.hanoi.branch.agent.auth.Tokens;
import vn.hanoi.branch.agent.db.Database;
import vn.hanoi.branch.agent.db.WriteTx;
import vn.hanoi.branch.agent.http.ApiException;
import vn.hanoi.branch.api.DeviceKind;
import vn.hanoi.branch.api.Devices;
import vn.hanoi.branch.api.Pairing;

/**
 * Pairing of kiosks, counter PCs and screens. IT creates a one-time code (valid a few minutes) for a
 * device kind; the device presents it once and receives its long-lived token.
 */
public final class DeviceRegistry {
    public static final Duration CODE_VALIDITY = Duration.ofMinutes(15);
    /** How stale "last seen" may be: one write per device and minute at most, not one per request. */
    private static final Duration SEEN_RESOLUTION = Duration.ofMinutes(1);

    private final Database db;
    private final Effects effects;
    /** When each device's last-seen time was last written, so that busy devices do not load the writer. */
    private final Map<Long, Long> seenWritten = new ConcurrentHashMap<>();

    public DeviceRegistry(Database db, Effects effects) {
        this.db = db;
        this.effects = effects;
    }

    public Pairing.Code createCode(Principal who, Pairing.CodeRequest req) {
        return createCode(who, req, CODE_VALIDITY);
    }

    public Pairing.Code createCode(Principal who, Pairing.CodeRequest req, Duration validity) {
        if (req == null || req.kind() == null) {
            throw ApiException.badRequest("missing_kind", "Hãy chọn loại thiết bị (KIOSK, COUNTER, SCREEN).",
                    "Choose a device kind (KIOSK, COUNTER, SCREEN).");
        }
        String name = req.name() == null || req.name().isBlank() ? req.kind().name().toLowerCase() : req.name().trim();
        return db.write(tx -> insertCode(tx, who, req.kind(), name, validity));
    }

    /** Creates a pairing code in its own transaction. */
    public Pairing.Code insertCodeNow(Principal who, DeviceKind kind, String name, Duration validity) {
        return db.write(tx -> insertCode(tx, who, kind, name, validity));
    }

    /** Creates a pairing code in the caller's transaction (also used by seeding and the command line). */
    public Pairing.Code insertCode(WriteTx tx, Principal who, DeviceKind kind, String name, Duration validity)
            throws SQLException {
        String code = Tokens.newPairingCode();
        long expires = tx.now() + validity.toMillis();
        try (PreparedStatement ps = tx.connection().prepareStatement(
                "INSERT INTO pairing_code (code, kind, name, created_at, expires_at) VALUES (?, ?, ?, ?, ?)")) {
            ps.setString(1, code);
            ps.setString(2, kind.name());
            ps.setString(3, name);
            ps.setLong(4, tx.now());
            ps.setLong(5, expires);
            ps.executeUpdate();
        }
        effects.audit(tx, who, "device.pairing_code", "device", null, kind + " " + name);
        return new Pairing.Code(code, kind, name, Instant.ofEpochMilli(expires));
    }

    /** Trades a valid, unused code for a device token. */
    public Pairing.Result pair(Pairing.Request req) {
        if (req == null || req.code() == null || req.code().isBlank()) {
            throw ApiException.badRequest("missing_code", "Hãy nhập mã ghép nối.", "Enter the pairing code.");
        }
        String token = Tokens.newToken();
        return db.write(tx -> {
            DeviceKind kind;
            String name;
            try (PreparedStatement ps = tx.connection().prepareStatement(
                    "SELECT kind, name FROM pairing_code WHERE code = ? AND used_at IS NULL AND expires_at > ?")) {
                ps.setString(1, req.code().trim());
                ps.setLong(2, tx.now());
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        throw new ApiException(401, "invalid_pairing_code",
                                "Mã ghép nối không đúng, đã dùng hoặc đã hết hạn. Hãy xin bộ phận IT mã mới.",
                                "The pairing code is wrong, used or expired. Ask IT for a new code.");
                    }
                    kind = DeviceKind.valueOf(rs.getString(1));
                    name = req.deviceName() == null || req.deviceName().isBlank() ? rs.getString(2) : req.deviceName().trim();
                }
            }
            long id;
            try (PreparedStatement ps = tx.connection().prepareStatement(
                    "INSERT INTO device (kind, name, token_hash, paired_at) VALUES (?, ?, ?, ?) RETURNING id")) {
                ps.setString(1, kind.name());
                ps.setString(2, name);
                ps.setString(3, Tokens.hash(token));
                ps.setLong(4, tx.now());
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    id = rs.getLong(1);
                }
            }
            try (PreparedStatement ps = tx.connection().prepareStatement(
                    "UPDATE pairing_code SET used_at = ?, device_id = ? WHERE code = ?")) {
                ps.setLong(1, tx.now());
                ps.setLong(2, id);
                ps.setString(3, req.code().trim());
                ps.executeUpdate();
            }
            effects.audit(tx, new Principal(id, kind, null, null), "device.pair", "device", id, kind + " " + name);
            return new Pairing.Result(id, kind, name, token);
        });
    }

    /** Every paired device, newest first, with its last request to the agent. */
    public List<Devices.Device> list() {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT id, kind, name, paired_at, last_seen_at, revoked_at FROM device ORDER BY id DESC");
                 ResultSet rs = ps.executeQuery()) {
                List<Devices.Device> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(new Devices.Device(rs.getLong(1), DeviceKind.valueOf(rs.getString(2)), rs.getString(3),
                            Instant.ofEpochMilli(rs.getLong(4)), instant(rs, 5), instant(rs, 6)));
                }
                return out;
            }
        });
    }

    /** The device of an authenticated request called now; written at most once a minute per device. */
    public void seen(Principal p, long now) {
        if (p == null || p.deviceId() == null) {
            return;
        }
        Long last = seenWritten.get(p.deviceId());
        if (last != null && now - last < SEEN_RESOLUTION.toMillis()) {
            return;
        }
        seenWritten.put(p.deviceId(), now);
        db.write(tx -> {
            try (PreparedStatement ps = tx.connection().prepareStatement(
                    "UPDATE device SET last_seen_at = ? WHERE id = ?")) {
                ps.setLong(1, tx.now());
                ps.setLong(2, p.deviceId());
                ps.executeUpdate();
            }
            return null;
        });
    }

    /**
     * Locks a device out (lost or replaced): its token and the sessions on it are refused from its next
     * request on, with a message saying so. Nobody revokes the device they are signed in on.
     */
    public void revoke(Principal who, long deviceId) {
        if (who.deviceId() != null && who.deviceId() == deviceId) {
            throw ApiException.conflict("own_device", "Không thể thu hồi thiết bị bạn đang dùng để đăng nhập.",
                    "You cannot revoke the device you are signed in on.");
        }
        db.write(tx -> {
            try (PreparedStatement ps = tx.connection().prepareStatement(
                    "UPDATE device SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL")) {
                ps.setLong(1, tx.now());
                ps.setLong(2, deviceId);
                if (ps.executeUpdate() == 0) {
                    throw ApiException.notFound("unknown_device", "Không tìm thấy thiết bị.", "No such device.");
                }
            }
            effects.audit(tx, who, "device.revoke", "device", deviceId, null);
            return null;
        });
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        long ms = rs.getLong(column);
        return rs.wasNull() ? null : Instant.ofEpochMilli(ms);
    }
}
