package vn.hanoi.branch.api;

import java.time.Instant;

/**
 * Agent health, for IT, monitoring and the installer smoke test; {@code sync}: the city link's figures;
 * {@code backup}: backups, their trial restore, and a warning when they are not a safe second copy.
 */
public record Health(String status, String version, Instant startedAt, boolean database, long lastEventId,
                     int eventSubscribers, SyncStatus sync, BackupHealth backup) {
}
