package vn.hanoi.branch.agent.device;

import vn.hanoi.branch.agent.effects.Effects;
import vn.hanoi.branch.agent.auth.Principal;
import vn.hanoi.branch.agent.db.Database;
import vn.hanoi.branch.agent.db.WriteTx;
import vn.hanoi.branch.agent.http.ApiException;
import vn.hanoi.branch.api.DeviceHealth;
import vn.hanoi.branch.api.QueueEvent;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Print jobs and device alerts. A kiosk reports each job with its ticket; a job that did not print,
 * or a part that reports a fault, raises one alert per device and part, which stays open (and on
 * the supervisor and IT screens) until the device reports the part is fine.
 */
public final class DeviceHealthService {
    private static final String PRINTER = "printer";

    private final Database db;
    private final Effects effects;

    public DeviceHealthService(Database db, Effects effects) {
        this.db = db;
        this.effects = effects;
    }

    public DeviceHealth.PrintJob recordPrint(Principal device, long ticketId, DeviceHealth.PrintReport r) {
        if (r.status() == null || r.status().isBlank()) {
            throw ApiException.badRequest("missing_status", "Thiếu trạng thái máy in.", "The printer status is missing.");
        }
        return db.write(tx -> {
            Connection c = tx.connection();
            try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM ticket WHERE id = ?")) {
                ps.setLong(1, ticketId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        throw ApiException.notFound("unknown_ticket", "Không tìm thấy số thứ tự này.", "No such ticket.");
                    }
                }
            }
            int copiesBefore;
            try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM print_job WHERE ticket_id = ? AND printed = 1")) {
                ps.setLong(1, ticketId);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    copiesBefore = rs.getInt(1);
                }
            }
            long id;
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO print_job (ticket_id, device_id, at, printed, status, reprint, bytes) "
                            + "VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id")) {
                ps.setLong(1, ticketId);
                ps.setObject(2, device.deviceId());
                ps.setLong(3, tx.now());
                ps.setInt(4, r.printed() ? 1 : 0);
                ps.setString(5, r.status());
                ps.setInt(6, r.reprint() ? 1 : 0);
                ps.setInt(7, r.bytes());
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    id = rs.getLong(1);
                }
            }
            effects.audit(tx, device, r.reprint() ? "ticket.reprint" : "ticket.print", "ticket", ticketId,
                    (r.printed() ? "printed " : "not printed ") + r.status());
            boolean fault = !r.printed() || !("READY".equals(r.status()) || "PAPER_NEAR_END".equals(r.status()));
            if (fault) {
                raise(tx, device, PRINTER, r.status(), "Máy in kiosk: " + r.status(), "Kiosk printer: " + r.status());
            } else {
                clear(tx, device, PRINTER);
            }
            return new DeviceHealth.PrintJob(id, ticketId, device.deviceId() == null ? 0 : device.deviceId(),
                    Instant.ofEpochMilli(tx.now()), r.printed(), r.status(), r.reprint(), r.printed() ? copiesBefore + 1 : 0);
        });
    }

    public List<DeviceHealth.PrintJob> printJobs(long ticketId) {
        return db.read(c -> {
            List<DeviceHealth.PrintJob> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT id, ticket_id, coalesce(device_id, 0), at, printed, status, reprint FROM print_job "
                            + "WHERE ticket_id = ? ORDER BY id")) {
                ps.setLong(1, ticketId);
                try (ResultSet rs = ps.executeQuery()) {
                    int copy = 0;
                    while (rs.next()) {
                        boolean printed = rs.getInt(5) == 1;
                        out.add(new DeviceHealth.PrintJob(rs.getLong(1), rs.getLong(2), rs.getLong(3),
                                Instant.ofEpochMilli(rs.getLong(4)), printed, rs.getString(6), rs.getInt(7) == 1,
                                printed ? ++copy : 0));
                    }
                }
            }
            return out;
        });
    }

    /** A device reports one of its parts; a fault raises an alert, an all-clear closes it. */
    public void report(Principal device, DeviceHealth.ComponentStatus s) {
        if (device.deviceId() == null || s.component() == null || s.component().isBlank()) {
            throw ApiException.badRequest("missing_component", "Thiếu tên bộ phận hoặc thiết bị.",
                    "The device and the component are required.");
        }
        db.write(tx -> {
            if (s.ok()) {
                clear(tx, device, s.component());
            } else {
                raise(tx, device, s.component(), s.status() == null ? "ERROR" : s.status(),
                        s.messageVi() == null ? s.component() : s.messageVi(),
                        s.messageEn() == null ? s.component() : s.messageEn());
            }
            return null;
        });
    }

    public List<DeviceHealth.Alert> openAlerts() {
        return db.read(c -> {
            List<DeviceHealth.Alert> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT a.id, a.device_id, d.name, a.component, a.status, a.message_vi, a.message_en, a.raised_at "
                            + "FROM device_alert a JOIN device d ON d.id = a.device_id WHERE a.cleared_at IS NULL "
                            + "ORDER BY a.raised_at");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new DeviceHealth.Alert(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getString(6), rs.getString(7), Instant.ofEpochMilli(rs.getLong(8))));
                }
            }
            return out;
        });
    }

    private void raise(WriteTx tx, Principal device, String component, String status, String vi, String en)
            throws SQLException {
        Connection c = tx.connection();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT status FROM device_alert WHERE device_id = ? AND component = ? AND cleared_at IS NULL")) {
            ps.setObject(1, device.deviceId());
            ps.setString(2, component);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next() && status.equals(rs.getString(1))) {
                    return; // already raised: one alert per fault, not one per ticket
                }
            }
        }
        clear(tx, device, component);
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO device_alert (device_id, component, status, message_vi, message_en, raised_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?)")) {
            ps.setObject(1, device.deviceId());
            ps.setString(2, component);
            ps.setString(3, status);
            ps.setString(4, vi);
            ps.setString(5, en);
            ps.setLong(6, tx.now());
            ps.executeUpdate();
        }
        effects.audit(tx, device, "device.alert", "device", device.deviceId() == null ? 0 : device.deviceId(),
                component + " " + status);
        effects.queueEvent(tx, QueueEvent.DEVICE_ALERT, null, null);
    }

    private void clear(WriteTx tx, Principal device, String component) throws SQLException {
        try (PreparedStatement ps = tx.connection().prepareStatement(
                "UPDATE device_alert SET cleared_at = ? WHERE device_id = ? AND component = ? AND cleared_at IS NULL")) {
            ps.setLong(1, tx.now());
            ps.setObject(2, device.deviceId());
            ps.setString(3, component);
            if (ps.executeUpdate() > 0) {
                effects.queueEvent(tx, QueueEvent.DEVICE_ALERT, null, null);
            }
        }
    }
}
