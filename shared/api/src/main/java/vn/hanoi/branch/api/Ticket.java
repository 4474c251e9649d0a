package vn.hanoi.branch.api;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A queue ticket as the LAN API shows it. Holds no personal data: the hall screen and every
 * subscriber of the event stream may see it.
 *
 * @param seq           position in the service's numbering for the business day, 1..N without gaps
 * @param displayNumber what is printed, shown and spoken, e.g. "1005" or "B2003"
 * @param waitingAhead    tickets of the same service ahead of this one (0 unless waiting)
 * @param priorityClass   code of the priority group (e.g. ELDERLY), or null for a normal ticket
 * @param estimateMinutes expected wait from now, or null when not waiting or unknown
 */
public record Ticket(
        long id,
        long serviceId,
        String serviceCode,
        LocalDate businessDay,
        int seq,
        String displayNumber,
        TicketState state,
        Long counterId,
        Integer counterNumber,
        Instant issuedAt,
        Instant calledAt,
        Instant servingAt,
        Instant finishedAt,
        int waitingAhead,
        String priorityClass,
        PriorityState priorityState,
        Integer estimateMinutes) {

    /** True when the ticket is served as priority now (declared, from the card, or confirmed). */
    public boolean isPriority() {
        return priorityClass != null && priorityState != PriorityState.REVOKED;
    }
}
