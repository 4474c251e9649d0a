package vn.hanoi.branch.calendar;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which days the service centers work, for appointment dates on receipts: Monday to Friday, minus
 * the {@link PublicHolidays computed holidays}, with the {@link HolidayOverrides announced
 * exceptions} winning over both. Immutable and safe to share; each year is worked out once.
 *
 * <p>Counting rule for processing times: the day the dossier is received does not count, counting
 * starts on the next working day, and the appointment is the last day counted. A dossier received
 * on Friday with a 3-working-day time is due on Wednesday; one received on a Saturday (centers that
 * open then) or during Tết counts from the first working day after. The same rule gives
 * {@link #workingDaysBetween}, so {@code workingDaysBetween(d, addWorkingDays(d, n)) == n}.
 */
public final class WorkingCalendar {
    private final PublicHolidays rules;
    private final HolidayOverrides overrides;
    private final Map<Integer, Year> years = new ConcurrentHashMap<>();

    private WorkingCalendar(PublicHolidays rules, HolidayOverrides overrides) {
        this.rules = rules;
        this.overrides = overrides;
    }

    /** The Labour Code's rules with the announcements shipped in this version; one shared instance. */
    public static WorkingCalendar standard() {
        return Standard.INSTANCE;
    }

    /** Loaded on first use: the bundled file is read once per process. */
    private static final class Standard {
        static final WorkingCalendar INSTANCE =
                new WorkingCalendar(PublicHolidays.labourCode(), HolidayOverrides.bundled());
    }

    /** {@link #standard()} plus a branch's own list, which wins where both name a date. */
    public static WorkingCalendar standardWith(Path branchOverrides) throws IOException {
        return of(PublicHolidays.labourCode(), HolidayOverrides.bundled().then(HolidayOverrides.load(branchOverrides)));
    }

    public static WorkingCalendar of(PublicHolidays rules, HolidayOverrides overrides) {
        return new WorkingCalendar(rules, overrides);
    }

    public boolean isWorkingDay(LocalDate date) {
        Year year = year(date.getYear());
        if (year.work.contains(date)) {
            return true;
        }
        return !year.off.containsKey(date) && !PublicHolidays.isWeekend(date);
    }

    /**
     * The appointment date for a processing time of {@code workingDays}: the {@code workingDays}-th
     * working day after {@code receivedOn} (which itself never counts). Zero gives
     * {@code receivedOn} back: a same-day result.
     */
    public LocalDate addWorkingDays(LocalDate receivedOn, int workingDays) {
        if (workingDays < 0) {
            throw new IllegalArgumentException("a processing time is not negative: " + workingDays);
        }
        LocalDate day = receivedOn;
        for (int counted = 0; counted < workingDays; ) {
            day = day.plusDays(1);
            if (isWorkingDay(day)) {
                counted++;
            }
        }
        return day;
    }

    /**
     * Working days after {@code from} up to and including {@code to}: how many working days a
     * dossier received on {@code from} has used by the end of {@code to}. Negative when {@code to}
     * is before {@code from}.
     */
    public int workingDaysBetween(LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            return -workingDaysBetween(to, from);
        }
        int count = 0;
        for (LocalDate d = from.plusDays(1); !d.isAfter(to); d = d.plusDays(1)) {
            if (isWorkingDay(d)) {
                count++;
            }
        }
        return count;
    }

    /**
     * The days off of {@code year} other than ordinary weekends, for display: holiday days (also
     * those on a weekend), compensatory days, and announced days off; minus any day announced as a
     * working day. By date.
     */
    public List<DayOff> holidays(int year) {
        return List.copyOf(year(year).off.values());
    }

    /** Saturdays and Sundays announced as working days in {@code year} (make-up days), by date. */
    public List<DayOverride> makeUpWorkingDays(int year) {
        return overrides.inYear(year).stream()
                .filter(o -> o.type() == DayOverride.Type.WORK && PublicHolidays.isWeekend(o.date()))
                .toList();
    }

    /** What closes offices on {@code date}, if anything but the weekend. */
    public Optional<DayOff> dayOff(LocalDate date) {
        return Optional.ofNullable(year(date.getYear()).off.get(date));
    }

    private Year year(int year) {
        return years.computeIfAbsent(year, this::plan);
    }

    private Year plan(int year) {
        TreeMap<LocalDate, DayOff> off = new TreeMap<>();
        Set<LocalDate> work = new HashSet<>();
        for (DayOff d : rules.of(year, overrides.replacedIn(year))) {
            off.put(d.date(), d);
        }
        for (DayOverride o : overrides.inYear(year)) {
            if (o.type() == DayOverride.Type.OFF) {
                off.put(o.date(), new DayOff(o.date(), DayOff.Kind.ANNOUNCED, o.replaces(), o.nameVi(), o.nameEn()));
            } else {
                off.remove(o.date());
                work.add(o.date());
            }
        }
        return new Year(off, Set.copyOf(work));
    }

    private record Year(TreeMap<LocalDate, DayOff> off, Set<LocalDate> work) {
    }
}
