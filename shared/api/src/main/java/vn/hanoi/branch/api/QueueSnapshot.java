package vn.hanoi.branch.api;

import java.time.LocalDate;
import java.util.List;

/**
 * The whole visible queue at one event id: what a counter or screen loads on start, before it
 * follows the event stream from {@code lastEventId}.
 */
public record QueueSnapshot(
        LocalDate businessDay,
        long lastEventId,
        List<ServiceWaiting> services,
        List<CounterStatus> counters,
        List<Ticket> recentCalls) {

    /**
     * @param estimateMinutes expected wait of a ticket taken now, or null when unknown
     * @param availability    whether a walk-in gets a number now, and why not: the kiosk shows it as the agent says
     */
    public record ServiceWaiting(long serviceId, String code, String nameVi, String nameEn, int waiting,
                                 Integer estimateMinutes, Availability availability) {
    }

    /** Whether a walk-in gets a number of a service now; when not, why, in Vietnamese and English. */
    public record Availability(Status status, String vi, String en) {
        public enum Status {
            OPEN,
            /** Outside today's opening hours. */
            CLOSED,
            /** The day's numbers are all given out. */
            FULL,
            /** The numbers left are kept for booked citizens. */
            KEPT_FOR_BOOKINGS
        }

        public boolean open() {
            return status == Status.OPEN;
        }
    }

    /**
     * @param nameVi the counter's name as the hall screen shows it (IT may rename counters while the branch works)
     * @param reason why the counter is paused, or null
     */
    public record CounterStatus(long counterId, int number, String nameVi, String nameEn, Ticket current,
                                CounterState state, String reason) {
    }
}
