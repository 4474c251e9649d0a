package vn.hanoi.branch.shared.api;

import java.time.Instant;

/**
 * One change of the queue, as pushed on the event stream. Ids are strictly increasing; a client that
 * reconnects with the last id it saw receives everything after it, also across agent restarts.
 */
public record QueueEvent(long id, String type, Instant at, Ticket ticket, Long counterId) {
    public static final String TICKET_ISSUED = "ticket.issued";
    public static final String TICKET_CALLED = "ticket.called";
    public static final String TICKET_RECALLED = "ticket.recalled";
    public static final String TICKET_SERVING = "ticket.serving";
    public static final String TICKET_DONE = "ticket.done";
    public static final String TICKET_NO_SHOW = "ticket.no_show";
    public static final String TICKET_CANCELLED = "ticket.cancelled";
    public static final String TICKET_TRANSFERRED = "ticket.transferred";
}
