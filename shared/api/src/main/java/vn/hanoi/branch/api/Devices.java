package vn.hanoi.branch.api;

import java.time.Instant;

/** Paired devices as IT sees them (the administration screens). */
public final class Devices {
    private Devices() {
    }

    /**
     * A paired kiosk, counter PC or hall screen. {@code lastSeenAt}: its last request to the agent (to within
     * a minute), null when never; {@code revokedAt}: its token no longer works, null while it does.
     */
    public record Device(long id, DeviceKind kind, String name, Instant pairedAt, Instant lastSeenAt,
                         Instant revokedAt) {
    }
}
