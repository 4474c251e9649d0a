package vn.hanoi.branch.calendar;

import java.time.LocalDate;
import java.util.Optional;

/**
 * A day on which offices are closed for a reason other than the ordinary weekend, as shown to
 * citizens and clerks. A holiday that falls on a Saturday or Sunday is listed too: the weekend is
 * then a holiday, and the compensatory day after it is listed with kind {@link Kind#COMPENSATORY}.
 *
 * @param holiday the public holiday this day belongs to, if any (an extra day off swapped with a
 *                make-up Saturday has none)
 */
public record DayOff(LocalDate date, Kind kind, Optional<PublicHoliday> holiday, String nameVi, String nameEn) {

    public enum Kind {
        /** A day of a public holiday by the computed rules. */
        HOLIDAY,
        /** The next working day, given because a holiday fell on a weekend (Labour Code art. 111(3)). */
        COMPENSATORY,
        /** From the override list: what the government announced for that year. */
        ANNOUNCED
    }

    static DayOff holiday(LocalDate date, PublicHoliday holiday) {
        return new DayOff(date, Kind.HOLIDAY, Optional.of(holiday), holiday.nameVi(), holiday.nameEn());
    }

    static DayOff compensating(LocalDate date, PublicHoliday holiday) {
        return new DayOff(date, Kind.COMPENSATORY, Optional.of(holiday),
                "Nghỉ bù " + holiday.nameVi(), holiday.nameEn() + " (compensatory day off)");
    }
}
