package vn.hanoi.branch.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The public holidays of a year as the rules give them, before any government announcement:
 * <ul>
 *   <li>1 January; 30 April; 1 May; lunar 10/3 (Hùng Kings); 24 November from 2026;</li>
 *   <li>Tết: by default the last day of the lunar year and lunar 1/1 to 1/4, the split the law's
 *       examples use (1 day before, 4 after); the Prime Minister fixes the real five days each year,
 *       so the split is {@link #withTetDays configurable} and a year's announcement goes into the
 *       override list;</li>
 *   <li>National Day: 2 September and one neighbour, by default the one
 *       {@link #usualNationalDayNeighbour the government usually picks};</li>
 *   <li>for every holiday day on a Saturday or Sunday, a compensatory day off on the next working
 *       day (Labour Code art. 111(3)), taken in date order so that two weekend holidays give two
 *       different days.</li>
 * </ul>
 * These are the 2019 Labour Code's rules (two days of National Day since 2021); earlier years are
 * computed with them too, which is fine for counting forward from today but not history.
 */
public final class PublicHolidays {
    public static final int CULTURE_DAY_FIRST_YEAR = 2026;

    private static final PublicHolidays LABOUR_CODE =
            new PublicHolidays(VietnameseLunarCalendar.VIETNAM, -1, 5, PublicHolidays::usualNationalDayNeighbour,
                    CULTURE_DAY_FIRST_YEAR);

    /** Picks the second National Day holiday, 1 or 3 September, from 2 September's date. */
    @FunctionalInterface
    public interface NationalDayNeighbour {
        LocalDate pick(LocalDate secondOfSeptember);
    }

    private final VietnameseLunarCalendar lunar;
    private final int tetFirstDay;
    private final int tetDays;
    private final NationalDayNeighbour nationalDayNeighbour;
    private final int cultureDayFrom;

    private PublicHolidays(VietnameseLunarCalendar lunar, int tetFirstDay, int tetDays,
                           NationalDayNeighbour nationalDayNeighbour, int cultureDayFrom) {
        this.lunar = lunar;
        this.tetFirstDay = tetFirstDay;
        this.tetDays = tetDays;
        this.nationalDayNeighbour = nationalDayNeighbour;
        this.cultureDayFrom = cultureDayFrom;
    }

    /** The rules as the law sets them, with the defaults described above. */
    public static PublicHolidays labourCode() {
        return LABOUR_CODE;
    }

    /**
     * Tết as {@code days} days starting {@code firstDay} days from lunar 1/1 (-1: the last day of
     * the old year, -2: the day before it, ...).
     */
    public PublicHolidays withTetDays(int firstDay, int days) {
        if (days < 1 || firstDay > 0 || firstDay + days < 1) {
            throw new IllegalArgumentException("Tết must be at least one day and include lunar 1/1: "
                    + firstDay + ", " + days + " days");
        }
        return new PublicHolidays(lunar, firstDay, days, nationalDayNeighbour, cultureDayFrom);
    }

    public PublicHolidays withNationalDayNeighbour(NationalDayNeighbour rule) {
        return new PublicHolidays(lunar, tetFirstDay, tetDays, rule, cultureDayFrom);
    }

    /** Culture Day from {@code firstYear}; {@link Integer#MAX_VALUE} never. */
    public PublicHolidays withCultureDayFrom(int firstYear) {
        return new PublicHolidays(lunar, tetFirstDay, tetDays, nationalDayNeighbour, firstYear);
    }

    /** The lunar dates at another time zone; for tests and what-ifs. */
    public PublicHolidays withLunarCalendar(VietnameseLunarCalendar calendar) {
        return new PublicHolidays(calendar, tetFirstDay, tetDays, nationalDayNeighbour, cultureDayFrom);
    }

    /**
     * The neighbour that joins National Day to a weekend where one is adjacent: 2 September on a
     * Tuesday, Friday or Saturday → 1 September; on a Monday, Thursday or Sunday → 3 September; on a
     * Wednesday → 1 September. This reproduces every decision since the second day was added:
     * 2021 (Thu, 2-3), 2022 (Fri, 1-2), 2023 (Sat, 1-2, Monday 4 compensatory), 2024 (Mon, 2-3),
     * 2025 (Tue, 1-2), 2026 (Wed, 1-2).
     */
    public static LocalDate usualNationalDayNeighbour(LocalDate secondOfSeptember) {
        return switch (secondOfSeptember.getDayOfWeek()) {
            case MONDAY, THURSDAY, SUNDAY -> secondOfSeptember.plusDays(1);
            case TUESDAY, WEDNESDAY, FRIDAY, SATURDAY -> secondOfSeptember.minusDays(1);
        };
    }

    /** Every holiday day of {@code year} and the compensatory days they give, by date. */
    public List<DayOff> of(int year) {
        return of(year, Set.of());
    }

    /**
     * As {@link #of(int)}, without the holidays in {@code leaveOut} and their compensatory days:
     * for a year whose announcement fixes those days itself.
     */
    public List<DayOff> of(int year, Set<PublicHoliday> leaveOut) {
        List<DayOff> days = new ArrayList<>();
        add(days, leaveOut, PublicHoliday.NEW_YEAR, LocalDate.of(year, 1, 1));
        if (!leaveOut.contains(PublicHoliday.TET)) {
            LocalDate newYear = lunar.newYear(year);
            for (int i = 0; i < tetDays; i++) {
                days.add(DayOff.holiday(newYear.plusDays(tetFirstDay + i), PublicHoliday.TET));
            }
        }
        add(days, leaveOut, PublicHoliday.HUNG_KINGS, lunar.toSolar(10, 3, year));
        add(days, leaveOut, PublicHoliday.REUNIFICATION_DAY, LocalDate.of(year, 4, 30));
        add(days, leaveOut, PublicHoliday.LABOUR_DAY, LocalDate.of(year, 5, 1));
        LocalDate nationalDay = LocalDate.of(year, 9, 2);
        LocalDate neighbour = nationalDayNeighbour.pick(nationalDay);
        if (!neighbour.equals(nationalDay.minusDays(1)) && !neighbour.equals(nationalDay.plusDays(1))) {
            throw new IllegalStateException("the National Day neighbour must be 1 or 3 September, not " + neighbour);
        }
        add(days, leaveOut, PublicHoliday.NATIONAL_DAY, nationalDay);
        add(days, leaveOut, PublicHoliday.NATIONAL_DAY, neighbour);
        if (year >= cultureDayFrom) {
            add(days, leaveOut, PublicHoliday.CULTURE_DAY, LocalDate.of(year, 11, 24));
        }
        days.sort(Comparator.comparing(DayOff::date));

        Set<LocalDate> taken = new HashSet<>();
        days.forEach(d -> taken.add(d.date()));
        List<DayOff> compensatory = new ArrayList<>();
        for (DayOff day : days) {
            if (isWeekend(day.date())) {
                LocalDate next = day.date().plusDays(1);
                while (isWeekend(next) || taken.contains(next)) {
                    next = next.plusDays(1);
                }
                taken.add(next);
                compensatory.add(DayOff.compensating(next, day.holiday().orElseThrow()));
            }
        }
        days.addAll(compensatory);
        days.sort(Comparator.comparing(DayOff::date));
        return List.copyOf(days);
    }

    private static void add(List<DayOff> days, Set<PublicHoliday> leaveOut, PublicHoliday holiday, LocalDate date) {
        if (!leaveOut.contains(holiday)) {
            days.add(DayOff.holiday(date, holiday));
        }
    }

    static boolean isWeekend(LocalDate date) {
        DayOfWeek d = date.getDayOfWeek();
        return d == DayOfWeek.SATURDAY || d == DayOfWeek.SUNDAY;
    }
}
