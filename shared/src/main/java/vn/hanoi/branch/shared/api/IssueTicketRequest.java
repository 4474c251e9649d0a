package vn.hanoi.branch.shared.api;

/**
 * Kiosk asks for a number. Sent with an {@code Idempotency-Key} header that the kiosk keeps until it
 * gets an answer, so a retry after a lost response returns the same ticket instead of a second one.
 */
public record IssueTicketRequest(long serviceId) {
}
