package vn.hanoi.branch.api;

import java.time.LocalDate;

/**
 * Kiosk asks for a number. Sent with an {@code Idempotency-Key} header that the kiosk keeps until it
 * gets an answer, so a retry after a lost response returns the same ticket instead of a second one.
 *
 * @param priorityClass priority group the citizen declared at the kiosk, or null
 * @param birthDate     from the ID card's chip or QR when the citizen tapped it, or null; the agent
 *                      uses it only to derive age-based priority and does not store it
 */
public record IssueTicketRequest(long serviceId, String priorityClass, LocalDate birthDate) {
    public IssueTicketRequest(long serviceId) {
        this(serviceId, null, null);
    }
}
