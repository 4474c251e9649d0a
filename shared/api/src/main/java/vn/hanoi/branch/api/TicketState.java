package vn.hanoi.branch.api;

import java.util.EnumSet;
import java.util.Set;

/**
 * Life of a queue ticket. The allowed moves are declared here once; the agent enforces them and the
 * apps use them only to enable buttons.
 */
public enum TicketState {
    WAITING, CALLED, SERVING, DONE, NO_SHOW, TRANSFERRED, CANCELLED;

    public Set<TicketState> next() {
        return switch (this) {
            case WAITING -> EnumSet.of(CALLED, CANCELLED, TRANSFERRED);
            // A called citizen may come back to the same counter (recall keeps CALLED), be served,
            // not turn up, or be sent to another service. Finishing straight from CALLED is one call for a
            // clerk who did not mark the start of service (the service time then counts from the call).
            case CALLED -> EnumSet.of(SERVING, DONE, NO_SHOW, TRANSFERRED, CANCELLED);
            case SERVING -> EnumSet.of(DONE, TRANSFERRED);
            // A no-show who returns within the return window is put back in the queue.
            case NO_SHOW -> EnumSet.of(WAITING);
            case DONE, TRANSFERRED, CANCELLED -> EnumSet.noneOf(TicketState.class);
        };
    }

    public boolean canMoveTo(TicketState target) {
        return next().contains(target);
    }

    /** A ticket that occupies a counter. */
    public boolean isActive() {
        return this == CALLED || this == SERVING;
    }
}
