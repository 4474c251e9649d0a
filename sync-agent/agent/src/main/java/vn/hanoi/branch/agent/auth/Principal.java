package vn.hanoi.branch.agent.auth;

import vn.hanoi.branch.api.DeviceKind;
import vn.hanoi.branch.api.Role;

/**
 * Who is calling: a paired device, and on counter PCs also the logged-in staff member. Recorded with
 * every state change and audit entry. {@code passwordChangeDue}: the staff member signed in with a
 * password IT reset, and may do nothing but choose a new one (or sign out).
 */
public record Principal(Long deviceId, DeviceKind deviceKind, Long userId, Role role, boolean passwordChangeDue) {
    /** The agent itself (start-up, command line, scheduled jobs). */
    public static final Principal SYSTEM = new Principal(null, null, null, null);

    public Principal(Long deviceId, DeviceKind deviceKind, Long userId, Role role) {
        this(deviceId, deviceKind, userId, role, false);
    }

    public boolean isStaff() {
        return userId != null;
    }

    public boolean hasRole(Role min) {
        return role != null && role.atLeast(min);
    }
}
