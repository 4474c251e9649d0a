package vn.hanoi.branch.calendar;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class PublicHolidaysTest {
    private static final PublicHolidays LAW = PublicHolidays.labourCode();

    private static List<LocalDate> days(List<DayOff> offs) {
        return offs.stream().map(DayOff::date).toList();
    }

    private static List<LocalDate> dates(String... iso) {
        return java.util.Arrays.stream(iso).map(LocalDate::parse).toList();
    }

    @Test
    void year2026ByTheRulesAlone() {
        // 2026 needs no announcement for Tết: the default split gives the announced 16-20 February.
        assertThat(days(LAW.of(2026))).containsExactlyElementsOf(dates(
                "2026-01-01",
                "2026-02-16", "2026-02-17", "2026-02-18", "2026-02-19", "2026-02-20",
                "2026-04-26", "2026-04-27",              // Hùng Kings on a Sunday, Monday off instead
                "2026-04-30", "2026-05-01",
                "2026-09-01", "2026-09-02",
                "2026-11-24"));
        assertThat(LAW.of(2026).get(7).kind()).isEqualTo(DayOff.Kind.COMPENSATORY);
    }

    @Test
    void twoWeekendHolidaysGiveTwoDifferentCompensatoryDays() {
        // 2023: Hùng Kings Saturday 29/4, 30/4 Sunday, 1/5 Monday: off until Wednesday 3/5, as announced.
        List<DayOff> april = LAW.of(2023).stream()
                .filter(d -> d.date().getMonthValue() == 4 || d.date().getMonthValue() == 5).toList();
        assertThat(days(april)).containsExactlyElementsOf(dates(
                "2023-04-29", "2023-04-30", "2023-05-01", "2023-05-02", "2023-05-03"));
        assertThat(april.get(3).nameVi()).isEqualTo("Nghỉ bù Giỗ Tổ Hùng Vương");
        assertThat(april.get(4).nameEn()).isEqualTo("Reunification Day (compensatory day off)");
        // 2022: 30/4 and 1/5 on the weekend, Monday and Tuesday off.
        assertThat(days(LAW.of(2022))).contains(LocalDate.of(2022, 5, 2), LocalDate.of(2022, 5, 3));
        // 1 January 2023 was a Sunday.
        assertThat(days(LAW.of(2023))).contains(LocalDate.of(2023, 1, 2));
    }

    @ParameterizedTest(name = "National Day {0}: {1} and 2 September")
    @CsvSource({"2021, 2021-09-03", "2022, 2022-09-01", "2023, 2023-09-01", "2024, 2024-09-03",
            "2025, 2025-09-01", "2026, 2026-09-01"})
    void nationalDayNeighbourIsTheOneTheGovernmentPicked(int year, LocalDate neighbour) {
        assertThat(PublicHolidays.usualNationalDayNeighbour(LocalDate.of(year, 9, 2))).isEqualTo(neighbour);
        assertThat(LAW.of(year)).anyMatch(d -> d.date().equals(neighbour)
                && d.holiday().orElseThrow() == PublicHoliday.NATIONAL_DAY);
    }

    @Test
    void nationalDayOnASaturdayGivesFridayAndTheFollowingMonday() {
        assertThat(days(LAW.of(2023)).stream().filter(d -> d.getMonthValue() == 9))
                .containsExactlyElementsOf(dates("2023-09-01", "2023-09-02", "2023-09-04"));
    }

    @Test
    void tetSplitIsConfigurable() {
        // Default for 2024 (Tết on a Saturday): 30 Tết Friday 9/2 to mùng 4, two compensatory days.
        assertThat(days(LAW.of(2024)).stream().filter(d -> d.getMonthValue() == 2)).containsExactlyElementsOf(
                dates("2024-02-09", "2024-02-10", "2024-02-11", "2024-02-12", "2024-02-13",
                        "2024-02-14", "2024-02-15"));
        // Two days before Tết and three after gives what was announced for 2024: 8-14 February.
        PublicHolidays twoBefore = LAW.withTetDays(-2, 5);
        assertThat(days(twoBefore.of(2024)).stream().filter(d -> d.getMonthValue() == 2)).containsExactlyElementsOf(
                dates("2024-02-08", "2024-02-09", "2024-02-10", "2024-02-11", "2024-02-12",
                        "2024-02-13", "2024-02-14"));
    }

    @Test
    void cultureDayFrom2026Only() {
        assertThat(LAW.of(2025)).noneMatch(d -> d.holiday().orElseThrow() == PublicHoliday.CULTURE_DAY);
        assertThat(LAW.of(2027)).anyMatch(d -> d.date().equals(LocalDate.of(2027, 11, 24)));
        assertThat(LAW.withCultureDayFrom(Integer.MAX_VALUE).of(2027))
                .noneMatch(d -> d.holiday().orElseThrow() == PublicHoliday.CULTURE_DAY);
    }

    @Test
    void leftOutHolidaysTakeTheirCompensatoryDaysWithThem() {
        List<DayOff> withoutTet = LAW.of(2024, Set.of(PublicHoliday.TET));
        assertThat(withoutTet).noneMatch(d -> d.holiday().orElseThrow() == PublicHoliday.TET);
        assertThat(withoutTet).hasSize(LAW.of(2024).size() - 7);
    }

    @Test
    void everyDayHasBothNames() {
        for (int year = 2024; year <= 2030; year++) {
            assertThat(LAW.of(year)).allSatisfy(d -> {
                assertThat(d.nameVi()).isNotBlank();
                assertThat(d.nameEn()).isNotBlank();
            });
        }
        assertThat(PublicHoliday.TET.nameVi()).isEqualTo("Tết Nguyên đán");
        assertThat(PublicHoliday.HUNG_KINGS.nameEn()).isEqualTo("Hùng Kings' Commemoration Day");
    }
}
