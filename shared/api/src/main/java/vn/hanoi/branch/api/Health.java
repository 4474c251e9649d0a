package vn.hanoi.branch.api;

import java.time.Instant;
import java.util.List;

/**
 * Agent health, for IT, monitoring and the installer smoke test; {@code sync}: the city link's figures.
 * {@code status} is "ok", "warning" (working, but IT must act: see {@code problems}) or "degraded" (answered
 * with 503: writes fail). {@code diskFreeBytes}: the least free space of the agent's data folders, as of the
 * last periodic check.
 */
public record Health(String status, String version, Instant startedAt, boolean database, long lastEventId,
                     int eventSubscribers, SyncStatus sync, Long diskFreeBytes, List<Problem> problems) {

    /** Something IT must know, in both languages. */
    public record Problem(String code, String messageVi, String messageEn) {
    }
}
