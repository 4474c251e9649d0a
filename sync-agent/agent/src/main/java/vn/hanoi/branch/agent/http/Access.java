package vn.hanoi.branch.agent.http;

import io.javalin.security.RouteRole;
import vn.hanoi.branch.agent.auth.Principal;
import vn.hanoi.branch.api.DeviceKind;
import vn.hanoi.branch.api.Role;

/** Who may call an endpoint. Every route declares exactly one; the server checks it before the handler. */
public enum Access implements RouteRole {
    /** Health, OpenAPI, pairing: nothing to protect or needed before any token exists. */
    PUBLIC,
    /** Any paired device or staff session (reads of the public queue). */
    DEVICE,
    /** A paired kiosk (issuing numbers). */
    KIOSK,
    /**
     * A screen the citizen touches: a paired kiosk, or a counter PC's device token without a staff
     * session (its customer-facing window). Citizens' ratings come only from these, never from a
     * clerk's session or a hall screen.
     */
    CITIZEN_DEVICE,
    /** A logged-in clerk or above. */
    STAFF,
    /**
     * A staff member's own session, also while a password change is due after IT reset it (the only
     * calls such a session may make: change the password, sign out).
     */
    OWN_SESSION,
    SUPERVISOR,
    IT,
    /** Monitoring (metrics): an IT session, or any caller on the agent's own machine (loopback), never the LAN. */
    MONITORING;

    public boolean allows(Principal p) {
        return switch (this) {
            case PUBLIC -> true;
            case DEVICE -> p != null;
            case KIOSK -> p != null && p.deviceKind() == DeviceKind.KIOSK && !p.isStaff();
            case CITIZEN_DEVICE -> p != null && !p.isStaff()
                    && (p.deviceKind() == DeviceKind.KIOSK || p.deviceKind() == DeviceKind.COUNTER);
            case STAFF, OWN_SESSION -> p != null && p.hasRole(Role.CLERK);
            case SUPERVISOR -> p != null && p.hasRole(Role.SUPERVISOR);
            case IT, MONITORING -> p != null && p.role() == Role.IT;
        };
    }
}
