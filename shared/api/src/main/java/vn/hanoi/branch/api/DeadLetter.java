package vn.hanoi.branch.api;

import java.time.Instant;

/**
 * A sync item that could not go through and waits for IT: an outbox event the city refused for good
 * ({@code OUT}), or an item from the city that kept failing to apply ({@code IN}). Sync goes on without it;
 * IT retries it once the cause is fixed.
 *
 * @param stream  the outbox topic or the city stream
 * @param itemKey the outbox id, or the city's item id
 * @param reason  the city's refusal or the apply error (ids and codes, no personal data)
 */
public record DeadLetter(long id, String direction, String stream, String itemKey, String reason, int attempts,
                         Instant failedAt, Instant parkedAt) {
}
