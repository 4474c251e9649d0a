package vn.hanoi.branch.calendar;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Solar (Gregorian) ↔ lunar dates of the Vietnamese calendar, computed from the sky rather than
 * read from a table:
 * <ul>
 *   <li>a month starts on the local day of a new moon;</li>
 *   <li>the 11th month is the one holding the winter solstice;</li>
 *   <li>when 13 new moons start between two 11th months, the first month after the 11th in which
 *       the sun reaches no major solar term (multiple of 30° of longitude) is the leap month and
 *       repeats the number of the month before it.</li>
 * </ul>
 * "Local day" is what makes the calendar Vietnamese: Vietnam has reckoned it at UTC+7 since 1968,
 * while the Chinese calendar uses UTC+8. A new moon between 16:00 and 17:00 UT is on different days
 * in the two, which moved Tết 1985 (21 January in Vietnam, 20 February in China) and Tết 2007
 * (17 vs. 18 February). Before 1968 North Vietnam published the UTC+8 calendar; {@link #VIETNAM}
 * nevertheless uses UTC+7 throughout, which is how today's almanacs and converters print those years
 * too, and {@link #CHINA} is there for the older reading and for comparison.
 *
 * <p>Supported: solar dates from 1900-01-01 to 2100-12-31 and the lunar dates in between; the
 * astronomical series are accurate enough there, further out they drift.
 */
public final class VietnameseLunarCalendar {
    public static final LocalDate FIRST_SUPPORTED = LocalDate.of(1900, 1, 1);
    public static final LocalDate LAST_SUPPORTED = LocalDate.of(2100, 12, 31);
    /** The calendar of Vietnam (UTC+7). */
    public static final VietnameseLunarCalendar VIETNAM = new VietnameseLunarCalendar(ZoneOffset.ofHours(7));
    /** The same rules at UTC+8: the Chinese calendar. */
    public static final VietnameseLunarCalendar CHINA = new VietnameseLunarCalendar(ZoneOffset.ofHours(8));

    private final ZoneOffset offset;
    private final double offsetHours;
    /** Keyed by the solar year whose winter opens the span; a few hundred small entries at most. */
    private final Map<Integer, LunarMonths> spans = new ConcurrentHashMap<>();

    public VietnameseLunarCalendar(ZoneOffset offset) {
        this.offset = offset;
        this.offsetHours = offset.getTotalSeconds() / 3600.0;
    }

    public ZoneOffset offset() {
        return offset;
    }

    public LunarDate toLunar(LocalDate date) {
        checkSupported(date);
        long day = date.toEpochDay();
        int winter = day >= LunarMonths.monthElevenStart(date.getYear(), offsetHours)
                ? date.getYear() : date.getYear() - 1;
        LunarMonths.Month month = span(winter).monthOf(day);
        return new LunarDate((int) (day - month.firstEpochDay()) + 1, month.number(), month.year(), month.leap());
    }

    /**
     * The solar date of a lunar one.
     *
     * @throws IllegalArgumentException if that year has no such leap month, the month has 29 days
     *         and {@code day} is 30, or the date is outside the supported range
     */
    public LocalDate toSolar(LunarDate lunar) {
        LunarMonths span = span(lunar.month() >= 11 ? lunar.year() : lunar.year() - 1);
        for (LunarMonths.Month month : span.months()) {
            if (month.number() == lunar.month() && month.leap() == lunar.leap()) {
                int length = span.length(month);
                if (lunar.day() > length) {
                    throw new IllegalArgumentException(
                            "lunar month " + describe(lunar) + " has only " + length + " days");
                }
                LocalDate date = LocalDate.ofEpochDay(month.firstEpochDay() + lunar.day() - 1);
                checkSupported(date);
                return date;
            }
        }
        throw new IllegalArgumentException("lunar year " + lunar.year() + " has no leap month " + lunar.month());
    }

    /** The solar date of a day in an ordinary (not leap) lunar month. */
    public LocalDate toSolar(int day, int month, int year) {
        return toSolar(LunarDate.of(day, month, year));
    }

    /** Tết: the first day of lunar year {@code year}. */
    public LocalDate newYear(int year) {
        return toSolar(1, 1, year);
    }

    /** The month that lunar year {@code year} repeats, if it has a leap month. */
    public OptionalInt leapMonth(int year) {
        // Months 1-10 of the year sit in the span of the winter before it, 11-12 in the next one.
        for (LunarMonths.Month m : span(year - 1).months()) {
            if (m.leap() && m.year() == year) {
                return OptionalInt.of(m.number());
            }
        }
        for (LunarMonths.Month m : span(year).months()) {
            if (m.leap() && m.year() == year) {
                return OptionalInt.of(m.number());
            }
        }
        return OptionalInt.empty();
    }

    /** Days in a lunar month, 29 or 30. */
    public int lengthOf(int month, boolean leap, int year) {
        LunarMonths span = span(month >= 11 ? year : year - 1);
        for (LunarMonths.Month m : span.months()) {
            if (m.number() == month && m.leap() == leap) {
                return span.length(m);
            }
        }
        throw new IllegalArgumentException("lunar year " + year + " has no leap month " + month);
    }

    private LunarMonths span(int winterYear) {
        return spans.computeIfAbsent(winterYear, y -> LunarMonths.startingInWinterOf(y, offsetHours));
    }

    private static String describe(LunarDate lunar) {
        return lunar.month() + (lunar.leap() ? " nhuận" : "") + "/" + lunar.year();
    }

    private static void checkSupported(LocalDate date) {
        if (date.isBefore(FIRST_SUPPORTED) || date.isAfter(LAST_SUPPORTED)) {
            throw new IllegalArgumentException(
                    date + " is outside the supported range " + FIRST_SUPPORTED + ".." + LAST_SUPPORTED);
        }
    }
}
