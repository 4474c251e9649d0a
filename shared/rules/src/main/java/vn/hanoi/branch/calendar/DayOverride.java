package vn.hanoi.branch.calendar;

import java.time.LocalDate;
import java.util.Optional;

/**
 * One line's worth of a year's announcement: a date that is {@link Type#OFF off} or a
 * {@link Type#WORK working day} whatever the computed rules say.
 *
 * @param replaces for an OFF day: the public holiday whose computed days (and their compensatory
 *                 days) this year's announcement replaces, e.g. {@code TET}
 */
public record DayOverride(LocalDate date, Type type, String nameVi, String nameEn, Optional<PublicHoliday> replaces) {

    public enum Type {
        /** Offices are closed: an announced holiday day, a swapped day off, an extra day off. */
        OFF,
        /** Offices are open: a make-up Saturday, or a computed day off cancelled. */
        WORK
    }

    public DayOverride {
        if (type == Type.WORK && replaces.isPresent()) {
            throw new IllegalArgumentException("a working day cannot replace a holiday");
        }
    }
}
