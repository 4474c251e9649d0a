package vn.hanoi.branch.api;

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
    /** A no-show came back within the return window and waits again at its old place. */
    public static final String TICKET_RETURNED = "ticket.returned";
    /** Something else about the ticket changed (priority confirmed or revoked). */
    public static final String TICKET_UPDATED = "ticket.updated";
    /** A counter opened, paused or closed ({@code counterId} set, no ticket; both null at end of day). */
    public static final String COUNTER_STATE = "counter.state";
    /** A device alert was raised or cleared (no ticket): supervisor and IT screens reload the alerts. */
    public static final String DEVICE_ALERT = "device.alert";
    /**
     * The branch configuration changed (services, counters, hours, priority classes, hall notices), by
     * {@code branch-agent setup} or an administration screen (no ticket): apps and screens reload it.
     */
    public static final String CONFIG_CHANGED = "config.changed";
}
