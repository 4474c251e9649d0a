package vn.hanoi.branch.calendar;

import java.util.ArrayList;
import java.util.List;

/**
 * The lunar months from the 11th month of one solar year to the 11th of the next: the unit in which
 * the calendar decides its leap month, because the 11th month is always the one holding the winter
 * solstice. Months 11 and 12 belong to the lunar year named after the first solar year, months 1 to
 * 10 to the next one.
 *
 * @param months the 12 or 13 months in order, each with its first day
 * @param endEpochDay first day of the next 11th month, i.e. one past the last day here
 */
record LunarMonths(List<Month> months, long endEpochDay) {

    /** One lunar month; days are {@link java.time.LocalDate#toEpochDay() epoch days}. */
    record Month(long firstEpochDay, int number, boolean leap, int year) {
    }

    /** Julian day number of 1970-01-01, where epoch days start. */
    private static final long EPOCH_JDN = 2440588;

    /**
     * Months 11 (of {@code solarYear}) to 10 (of the next lunar year), as seen from the time zone
     * {@code offsetHours} east of Greenwich.
     */
    static LunarMonths startingInWinterOf(int solarYear, double offsetHours) {
        long first = monthElevenStart(solarYear, offsetHours);
        long end = monthElevenStart(solarYear + 1, offsetHours);
        int k = (int) Math.round((first + EPOCH_JDN - Astronomy.LUNATION_EPOCH) / Astronomy.SYNODIC_MONTH);
        List<Long> starts = new ArrayList<>();
        for (int i = 0; ; i++) {
            long start = newMoonDay(k + i, offsetHours);
            if (start >= end) {
                break;
            }
            starts.add(start);
        }
        if (starts.getFirst() != first || (starts.size() != 12 && starts.size() != 13)) {
            throw new IllegalStateException("lunations around " + solarYear + " do not add up: " + starts);
        }
        // With 13 months, the first one after the 11th in which the sun enters no new zodiac sign
        // (no major solar term) repeats the month before it.
        int leapIndex = -1;
        if (starts.size() == 13) {
            for (int i = 1; i < 13 && leapIndex < 0; i++) {
                long next = i + 1 < 13 ? starts.get(i + 1) : end;
                if (sign(starts.get(i), offsetHours) == sign(next, offsetHours)) {
                    leapIndex = i;
                }
            }
        }
        List<Month> months = new ArrayList<>(starts.size());
        int number = 10;
        for (int i = 0; i < starts.size(); i++) {
            boolean leap = i == leapIndex;
            if (!leap) {
                number = number % 12 + 1;
            }
            int year = number >= 11 ? solarYear : solarYear + 1;
            months.add(new Month(starts.get(i), number, leap, year));
        }
        return new LunarMonths(List.copyOf(months), end);
    }

    /** The month holding {@code epochDay}, which must lie in this span. */
    Month monthOf(long epochDay) {
        for (int i = months.size() - 1; i >= 0; i--) {
            if (months.get(i).firstEpochDay() <= epochDay) {
                return months.get(i);
            }
        }
        throw new IllegalArgumentException("day " + epochDay + " is before this span");
    }

    /** Days in {@code month}, 29 or 30. */
    int length(Month month) {
        int i = months.indexOf(month);
        long next = i + 1 < months.size() ? months.get(i + 1).firstEpochDay() : endEpochDay;
        return (int) (next - month.firstEpochDay());
    }

    /**
     * First day of the 11th lunar month whose span holds the winter solstice of {@code solarYear}:
     * the last new moon before the end of December, or the one before that if the sun had already
     * passed the solstice (270°) when that month began.
     */
    static long monthElevenStart(int solarYear, double offsetHours) {
        long dec31 = java.time.LocalDate.of(solarYear, 12, 31).toEpochDay();
        int k = (int) Math.floor((dec31 + EPOCH_JDN - Astronomy.LUNATION_EPOCH) / Astronomy.SYNODIC_MONTH);
        long start = newMoonDay(k, offsetHours);
        if (sign(start, offsetHours) >= 9) {
            start = newMoonDay(k - 1, offsetHours);
        }
        return start;
    }

    /** The local civil day (epoch day) on which new moon {@code k} happens. */
    static long newMoonDay(int k, double offsetHours) {
        return (long) Math.floor(Astronomy.newMoon(k) + 0.5 + offsetHours / 24) - EPOCH_JDN;
    }

    /**
     * The 30° sector (0 = from the spring equinox) the sun is in at local midnight starting
     * {@code epochDay}; a month holds a major solar term exactly when the sector changes between its
     * first day and the next month's first day.
     */
    static int sign(long epochDay, double offsetHours) {
        double midnightUt = epochDay + EPOCH_JDN - 0.5 - offsetHours / 24;
        return (int) Math.floor(Astronomy.sunLongitude(midnightUt) / 30);
    }
}
