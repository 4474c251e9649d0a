package vn.hanoi.branch.api;

import java.time.Instant;
import java.util.List;

/**
 * Agent health, for IT, monitoring and the installer smoke test; {@code sync}: the city link's figures.
 * {@code status} is "ok", "warning" (working, but IT must act: see {@code problems}), "degraded" (answered
 * with 503: writes fail) or "not_set_up" (HTTP 200: the agent itself is fine): no branch configuration yet, and
 * {@code setupVi}/{@code setupEn} say what to do next; both null once the branch is set up.
 * {@code diskFreeBytes}: the least free space of the agent's data folders, as of the last periodic check.
 * {@code backup}: backups, their trial restore, and a warning when they are not a safe second copy.
 */
public record Health(String status, String version, Instant startedAt, boolean database, long lastEventId,
                     int eventSubscribers, SyncStatus sync, String setupVi, String setupEn, Long diskFreeBytes,
                     List<Problem> problems, BackupHealth backup) {
    public static final String NOT_SET_UP = "not_set_up";

    /** Something IT must know, in both languages. */
    public record Problem(String code, String messageVi, String messageEn) {
    }
}
