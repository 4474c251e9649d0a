package vn.hanoi.branch.calendar;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WorkingCalendarTest {
    private static final WorkingCalendar CAL = WorkingCalendar.standard();

    private static Set<LocalDate> dates(String isoList) {
        return Arrays.stream(isoList.split(" ")).map(LocalDate::parse).collect(Collectors.toCollection(TreeSet::new));
    }

    /**
     * The published calendars: weekdays the offices were closed, weekend days they were open.
     * Sources are listed in holiday-overrides.csv.
     */
    @ParameterizedTest(name = "{0} as announced")
    @CsvSource(delimiter = '|', value = {
            "2024 | 2024-01-01 2024-02-08 2024-02-09 2024-02-12 2024-02-13 2024-02-14 2024-04-18 "
                    + "2024-04-29 2024-04-30 2024-05-01 2024-09-02 2024-09-03 | 2024-05-04",
            "2025 | 2025-01-01 2025-01-27 2025-01-28 2025-01-29 2025-01-30 2025-01-31 2025-04-07 "
                    + "2025-04-30 2025-05-01 2025-05-02 2025-09-01 2025-09-02 | 2025-04-26",
            "2026 | 2026-01-01 2026-01-02 2026-02-16 2026-02-17 2026-02-18 2026-02-19 2026-02-20 "
                    + "2026-04-27 2026-04-30 2026-05-01 2026-08-31 2026-09-01 2026-09-02 2026-11-24 "
                    + "| 2026-01-10 2026-08-22",
    })
    void yearsMatchThePublishedCalendar(int year, String closedWeekdays, String openWeekendDays) {
        Set<LocalDate> closed = new TreeSet<>();
        Set<LocalDate> open = new TreeSet<>();
        for (LocalDate d = LocalDate.of(year, 1, 1); d.getYear() == year; d = d.plusDays(1)) {
            boolean weekend = PublicHolidays.isWeekend(d);
            if (!weekend && !CAL.isWorkingDay(d)) {
                closed.add(d);
            }
            if (weekend && CAL.isWorkingDay(d)) {
                open.add(d);
            }
        }
        assertThat(closed).containsExactlyElementsOf(dates(closedWeekdays));
        assertThat(open).containsExactlyElementsOf(dates(openWeekendDays));
    }

    @Test
    void receptionDayDoesNotCountAndWeekendsAreSkipped() {
        // Friday 15 March 2024 + 3 working days: Monday, Tuesday, Wednesday.
        assertThat(CAL.addWorkingDays(LocalDate.of(2024, 3, 15), 3)).isEqualTo("2024-03-20");
        assertThat(CAL.addWorkingDays(LocalDate.of(2024, 3, 14), 1)).isEqualTo("2024-03-15");
        // Received on a Saturday: counting starts Monday.
        assertThat(CAL.addWorkingDays(LocalDate.of(2024, 3, 16), 1)).isEqualTo("2024-03-18");
        assertThat(CAL.addWorkingDays(LocalDate.of(2024, 3, 16), 0)).isEqualTo("2024-03-16");
    }

    @Test
    void acrossTet() {
        // Friday 24 January 2025, the last day before the 9-day Tết break: 3 working days is 5 February.
        assertThat(CAL.addWorkingDays(LocalDate.of(2025, 1, 24), 3)).isEqualTo("2025-02-05");
        // Received during the break (a clerk on duty): counting starts Monday 3 February.
        assertThat(CAL.addWorkingDays(LocalDate.of(2025, 1, 29), 1)).isEqualTo("2025-02-03");
        // 2026: Friday 13 February + 5 working days.
        assertThat(CAL.addWorkingDays(LocalDate.of(2026, 2, 13), 5)).isEqualTo("2026-02-27");
        // 2024's announcement replaced the computed Tết: Thursday 15 February was a working day.
        assertThat(CAL.isWorkingDay(LocalDate.of(2024, 2, 15))).isTrue();
        assertThat(CAL.isWorkingDay(LocalDate.of(2024, 2, 8))).isFalse();
    }

    @Test
    void aMakeUpSaturdayCounts() {
        // Thursday 24 April 2025 + 2: Friday 25, then make-up Saturday 26 April.
        assertThat(CAL.addWorkingDays(LocalDate.of(2025, 4, 24), 2)).isEqualTo("2025-04-26");
        // Tuesday 29 April 2025 + 1: 30/4, 1/5, the swapped Friday 2/5 and the weekend are off.
        assertThat(CAL.addWorkingDays(LocalDate.of(2025, 4, 29), 1)).isEqualTo("2025-05-05");
        // Friday 9 January 2026 + 1: Saturday 10 January is worked in exchange for Friday 2 January.
        assertThat(CAL.addWorkingDays(LocalDate.of(2026, 1, 9), 1)).isEqualTo("2026-01-10");
        assertThat(CAL.makeUpWorkingDays(2026)).extracting(DayOverride::date)
                .containsExactly(LocalDate.of(2026, 1, 10), LocalDate.of(2026, 8, 22));
    }

    @Test
    void workingDaysBetweenUndoesAddWorkingDays() {
        for (LocalDate d = LocalDate.of(2024, 1, 1); d.getYear() <= 2026; d = d.plusDays(1)) {
            for (int n = 0; n <= 15; n++) {
                LocalDate due = CAL.addWorkingDays(d, n);
                assertThat(CAL.workingDaysBetween(d, due)).as("%s + %d = %s", d, n, due).isEqualTo(n);
                assertThat(CAL.isWorkingDay(due) || n == 0).isTrue();
            }
        }
        assertThat(CAL.workingDaysBetween(LocalDate.of(2025, 2, 5), LocalDate.of(2025, 1, 24))).isEqualTo(-3);
        assertThat(CAL.workingDaysBetween(LocalDate.of(2025, 1, 24), LocalDate.of(2025, 1, 24))).isZero();
    }

    @Test
    void aNegativeProcessingTimeIsRefused() {
        assertThatThrownBy(() -> CAL.addWorkingDays(LocalDate.of(2025, 1, 1), -1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void holidaysForDisplay() {
        var holidays = CAL.holidays(2025);
        // The whole Tết break, weekends included, under the announced name.
        assertThat(holidays).filteredOn(d -> d.date().getMonthValue() <= 2)
                .extracting(DayOff::date).hasSize(10)   // 1 January + 25/1..2/2
                .contains(LocalDate.of(2025, 1, 25), LocalDate.of(2025, 2, 2));
        assertThat(CAL.dayOff(LocalDate.of(2025, 1, 29)).orElseThrow().nameVi())
                .isEqualTo("Nghỉ Tết Nguyên đán Ất Tỵ");
        assertThat(CAL.dayOff(LocalDate.of(2025, 5, 2)).orElseThrow().kind()).isEqualTo(DayOff.Kind.ANNOUNCED);
        assertThat(CAL.dayOff(LocalDate.of(2025, 4, 7)).orElseThrow().holiday()).contains(PublicHoliday.HUNG_KINGS);
        assertThat(holidays).extracting(DayOff::date).doesNotContain(LocalDate.of(2025, 4, 26));
        assertThat(holidays).extracting(DayOff::date).isSorted();
    }

    @Test
    void yearsWithoutAnnouncementFallBackToTheRules() {
        // 2027: nothing bundled; Tết (6 February, a Saturday) by the default rule.
        assertThat(CAL.isWorkingDay(LocalDate.of(2027, 2, 5))).isFalse();   // last day of the year
        assertThat(CAL.isWorkingDay(LocalDate.of(2027, 2, 10))).isFalse();  // compensatory
        assertThat(CAL.isWorkingDay(LocalDate.of(2027, 2, 12))).isTrue();
    }

    @Test
    void aBranchListAddsNextYearAndCorrectsABundledDate(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("holidays-branch.csv");
        Files.writeString(file, """
                # made-up example, not an announcement
                date,type,nameVi,nameEn,holiday
                2027-02-04..2027-02-10,OFF,Nghỉ Tết Nguyên đán Đinh Mùi,Lunar New Year (Tết) break,TET
                2027-02-20,WORK,Làm bù,Make-up working day,
                2026-11-24,WORK,Làm việc,Working day,
                """);
        WorkingCalendar cal = WorkingCalendar.standardWith(file);
        assertThat(cal.isWorkingDay(LocalDate.of(2027, 2, 4))).isFalse();
        assertThat(cal.isWorkingDay(LocalDate.of(2027, 2, 11))).isTrue();   // computed compensatory day gone
        assertThat(cal.isWorkingDay(LocalDate.of(2027, 2, 20))).isTrue();
        assertThat(cal.isWorkingDay(LocalDate.of(2026, 11, 24))).isTrue();
        assertThat(cal.isWorkingDay(LocalDate.of(2026, 2, 16))).isFalse();  // bundled lines still there
    }
}
