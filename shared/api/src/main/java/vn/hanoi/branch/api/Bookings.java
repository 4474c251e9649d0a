package vn.hanoi.branch.api;

import java.time.Instant;

/** Numbers taken online before coming: created by the city (sync) or through the API, checked in at the kiosk. */
public final class Bookings {
    private Bookings() {
    }

    public enum State { BOOKED, CHECKED_IN, RELEASED }

    /** @param code what the citizen types or scans at the kiosk; generated when null */
    public record NewBooking(String code, long serviceId, Instant slotStart) {
    }

    public record Booking(String code, long serviceId, Instant slotStart, State state, Long ticketId) {
    }

    public record CheckInRequest(String code) {
    }

    /**
     * @param onTime false when the citizen came after the window: the ticket joined the normal line
     * @param noticeVi what to tell the citizen (null when on time)
     */
    public record CheckIn(Ticket ticket, boolean onTime, String noticeVi, String noticeEn) {
    }
}
