package vn.hanoi.branch.api;

/** Bodies of the counter operations. */
public final class CounterRequests {
    private CounterRequests() {
    }

    /** Call one ticket out of turn, by its display number (today, any service this counter may call). */
    public record CallNumber(String displayNumber) {
    }

    /** Pause or close a counter; the reason is shown to supervisors. */
    public record StateChange(CounterState state, String reason) {
    }

    /** Confirm or revoke a ticket's priority, or give one (class with CONFIRMED). */
    public record PriorityChange(String priorityClass, PriorityState state) {
    }
}
