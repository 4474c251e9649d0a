package vn.hanoi.branch.api;

import java.time.Instant;

/**
 * Agent health, for IT, monitoring and the installer smoke test; {@code sync}: the city link's figures.
 * {@code status} "not_set_up" (HTTP 200: the agent itself is fine): no branch configuration yet, and
 * {@code setupVi}/{@code setupEn} say what to do next; both null once the branch is set up.
 */
public record Health(String status, String version, Instant startedAt, boolean database, long lastEventId,
                     int eventSubscribers, SyncStatus sync, String setupVi, String setupEn) {
    public static final String NOT_SET_UP = "not_set_up";
}
