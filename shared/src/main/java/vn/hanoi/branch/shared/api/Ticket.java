package vn.hanoi.branch.shared.api;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A queue ticket as the LAN API shows it. Holds no personal data: the hall screen and every
 * subscriber of the event stream may see it.
 *
 * @param seq           position in the service's numbering for the business day, 1..N without gaps
 * @param displayNumber what is printed, shown and spoken, e.g. "1005" or "B2003"
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
        int waitingAhead) {
}
