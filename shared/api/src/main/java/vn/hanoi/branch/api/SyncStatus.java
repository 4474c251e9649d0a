package vn.hanoi.branch.api;

import java.time.Instant;

/**
 * How the branch's sync with the city stands, for IT (health page) and the supervisor screen.
 *
 * @param configured        false when no city link is set up (changes still queue in the outbox)
 * @param backlog           outbox entries the city has not acknowledged yet
 * @param oldestUnsentAt    creation time of the oldest of them, null when none
 * @param oldestUnsentAgeSeconds its age now, null when none
 * @param documentsQueued   documents (scans, copies) not yet confirmed by the city
 * @param lastSuccessAt     end of the last sync round without error
 * @param lastErrorAt       time of the last error, null when none yet
 * @param lastError         what it was (no personal data), null when none yet
 * @param alert             true when the oldest unsent entry is older than {@code alertAfterMinutes}
 * @param deadLetters       sync items parked for IT (refused by the city, or failing to apply): sync goes on without them
 */
public record SyncStatus(boolean configured, long backlog, Instant oldestUnsentAt, Long oldestUnsentAgeSeconds,
                         long documentsQueued, Instant lastSuccessAt, Instant lastErrorAt, String lastError, boolean alert,
                         int alertAfterMinutes, long deadLetters) {
}
