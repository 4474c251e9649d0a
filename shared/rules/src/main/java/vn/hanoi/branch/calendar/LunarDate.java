package vn.hanoi.branch.calendar;

/**
 * A day of the Vietnamese lunisolar calendar (âm lịch). {@code year} is the Gregorian year in which
 * that lunar year's Tết falls, so lunar 1/1/2025 is 29 January 2025 and lunar 30/12/2024 the day
 * before. {@code leap} marks the day as being in the intercalary month (tháng nhuận) that repeats
 * {@code month}.
 *
 * <p>A record only checks the ranges every lunar date has; whether the month has a 30th day or the
 * year that leap month is for {@link VietnameseLunarCalendar#toSolar(LunarDate)} to say.
 */
public record LunarDate(int day, int month, int year, boolean leap) {

    public LunarDate {
        if (day < 1 || day > 30) {
            throw new IllegalArgumentException("lunar day " + day + " is not in 1..30");
        }
        if (month < 1 || month > 12) {
            throw new IllegalArgumentException("lunar month " + month + " is not in 1..12");
        }
    }

    /** A day of an ordinary (not intercalary) month. */
    public static LunarDate of(int day, int month, int year) {
        return new LunarDate(day, month, year, false);
    }

    /** The way Vietnamese calendars print it: {@code 10/3/2024}, {@code 1/4 nhuận/2020}. */
    @Override
    public String toString() {
        return day + "/" + month + (leap ? " nhuận" : "") + "/" + year;
    }
}
