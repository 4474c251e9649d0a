package vn.hanoi.branch.agent.http;

import io.javalin.security.RouteRole;
import vn.hanoi.branch.agent.auth.Principal;
import vn.hanoi.branch.shared.api.DeviceKind;
import vn.hanoi.branch.shared.api.Role;

/** Who may call an endpoint. Every route declares exactly one; the server checks it before the handler. */
public enum Access implements RouteRole {
    /** Health, OpenAPI, pairing: nothing to protect or needed before any token exists. */
    PUBLIC,
    /** Any paired device or staff session (reads of the public queue). */
    DEVICE,
    /** A paired kiosk (issuing numbers). */
    KIOSK,
    /** A logged-in clerk or above. */
    STAFF,
    SUPERVISOR,
    IT;

    public boolean allows(Principal p) {
        return switch (this) {
            case PUBLIC -> true;
            case DEVICE -> p != null;
            case KIOSK -> p != null && p.deviceKind() == DeviceKind.KIOSK && !p.isStaff();
            case STAFF -> p != null && p.hasRole(Role.CLERK);
            case SUPERVISOR -> p != null && p.hasRole(Role.SUPERVISOR);
            case IT -> p != null && p.role() == Role.IT;
        };
    }
}
