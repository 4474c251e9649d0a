package vn.hanoi.branch.api;

/**
 * Move a ticket to another service and/or to one counter.
 *
 * @param serviceId    target service, or null to keep the ticket's service
 * @param counterId    the counter that must call it, or null for any counter of the service
 * @param keepPosition true: the ticket keeps its original place in line; false: it joins at the end
 */
public record TransferRequest(Long serviceId, Long counterId, boolean keepPosition) {
}
