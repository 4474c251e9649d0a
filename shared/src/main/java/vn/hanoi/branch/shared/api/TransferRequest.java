package vn.hanoi.branch.shared.api;

/** Move a ticket to another service; the queue-rules issue adds counters and keeping position. */
public record TransferRequest(long serviceId) {
}
