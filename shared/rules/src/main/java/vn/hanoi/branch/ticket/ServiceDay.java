package vn.hanoi.branch.ticket;

import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;

/**
 * Whether a service gives out a number now, as its branch set it up: opening hours per weekday (in the
 * branch's time zone), the day's capacity (the daily cap, never more than the number range holds) and the
 * share of it kept for online bookings. The agent decides with this when it issues and when it lists its
 * services; the kiosk only shows the agent's answer.
 *
 * <p>Hours are to the minute and the closing minute still counts: "07:30-17:00" gives numbers until
 * 17:00:59, and "00:00-23:59" is the whole day.
 *
 * @param hours    opening and closing time per weekday; a missing day is closed
 * @param capacity numbers the service may give out in one business day
 * @param kept     of those, how many are kept for booked citizens
 */
public record ServiceDay(Map<DayOfWeek, Span> hours, int capacity, int kept) {

    /** One day's opening hours. */
    public record Span(LocalTime opens, LocalTime closes) {
    }

    /** What a citizen gets now. */
    public enum Verdict {
        OPEN,
        /** Outside the day's hours. */
        CLOSED,
        /** The day's numbers are all given out. */
        FULL,
        /** What is left is kept for bookings: walk-ins are refused, booked citizens served. */
        KEPT_FOR_BOOKINGS
    }

    public ServiceDay {
        hours = Map.copyOf(hours);
    }

    /**
     * @param dailyCap            the configured cap, or null when the number range is the only limit
     * @param rangeSize           how many numbers the service's range holds
     * @param bookingSharePercent part of the capacity kept for bookings, rounded up to a whole number
     */
    public static ServiceDay of(Map<DayOfWeek, Span> hours, Integer dailyCap, int rangeSize, int bookingSharePercent) {
        int capacity = dailyCap == null ? rangeSize : Math.min(dailyCap, rangeSize);
        int kept = (int) Math.ceil(capacity * bookingSharePercent / 100.0);
        return new ServiceDay(hours, capacity, kept);
    }

    public Optional<Span> hoursOn(DayOfWeek day) {
        return Optional.ofNullable(hours.get(day));
    }

    public boolean openAt(LocalDateTime at) {
        LocalTime minute = at.toLocalTime().truncatedTo(ChronoUnit.MINUTES);
        return hoursOn(at.getDayOfWeek()).filter(s -> !minute.isBefore(s.opens()) && !minute.isAfter(s.closes())).isPresent();
    }

    /** The next time the service opens after {@code at} (within a week), or empty when it never opens. */
    public Optional<LocalDateTime> nextOpening(LocalDateTime at) {
        for (int d = 0; d <= 7; d++) {
            LocalDateTime day = at.toLocalDate().plusDays(d).atStartOfDay();
            Optional<LocalDateTime> opens = hoursOn(day.getDayOfWeek()).map(s -> day.with(s.opens()));
            if (opens.isPresent() && opens.get().isAfter(at)) {
                return opens;
            }
        }
        return Optional.empty();
    }

    /**
     * A walk-in's number: within hours, and only while the numbers kept for bookings not yet checked in
     * stay free.
     *
     * @param walkIns walk-in numbers given out today
     * @param booked  numbers given to booked citizens today
     */
    public Verdict walkIn(LocalDateTime at, int walkIns, int booked) {
        if (!openAt(at)) {
            return Verdict.CLOSED;
        }
        if (walkIns + booked >= capacity) {
            return Verdict.FULL;
        }
        return walkIns + Math.max(booked, kept) >= capacity ? Verdict.KEPT_FOR_BOOKINGS : Verdict.OPEN;
    }

    /**
     * A booked citizen's number: the slot must be within hours (they may arrive a little before opening
     * for the first slot) and a number must be left.
     */
    public Verdict booked(LocalDateTime slot, int issued) {
        if (!openAt(slot)) {
            return Verdict.CLOSED;
        }
        return issued >= capacity ? Verdict.FULL : Verdict.OPEN;
    }
}
