package vn.hanoi.branch.calendar;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LunarCalendarTest {
    private static final VietnameseLunarCalendar VN = VietnameseLunarCalendar.VIETNAM;
    private static final VietnameseLunarCalendar CN = VietnameseLunarCalendar.CHINA;

    @ParameterizedTest(name = "Tết {0} is {1}")
    @CsvSource({
            "2020, 2020-01-25", "2021, 2021-02-12", "2022, 2022-02-01", "2023, 2023-01-22",
            "2024, 2024-02-10", "2025, 2025-01-29", "2026, 2026-02-17", "2027, 2027-02-06",
            "2028, 2028-01-26", "2029, 2029-02-13", "2030, 2030-02-02",
    })
    void tetDates(int year, LocalDate tet) {
        assertThat(VN.newYear(year)).isEqualTo(tet);
        assertThat(VN.toLunar(tet)).isEqualTo(LunarDate.of(1, 1, year));
        assertThat(VN.toLunar(tet.minusDays(1)).year()).isEqualTo(year - 1);
    }

    @Test
    void utcPlusSevenMovesTet1985And2007AwayFromTheChineseDate() {
        assertThat(VN.newYear(1985)).isEqualTo("1985-01-21");
        assertThat(CN.newYear(1985)).isEqualTo("1985-02-20");
        assertThat(VN.newYear(2007)).isEqualTo("2007-02-17");
        assertThat(CN.newYear(2007)).isEqualTo("2007-02-18");
        // The new moon of 2 February 2030 is at 23:07 in Hanoi, 00:07 on the 3rd in Beijing.
        assertThat(VN.newYear(2030)).isEqualTo("2030-02-02");
        assertThat(CN.newYear(2030)).isEqualTo("2030-02-03");
        // 1968: the North switched to UTC+7 and had Tết a day before the South (29 vs. 30 January).
        assertThat(VN.newYear(1968)).isEqualTo("1968-01-29");
        assertThat(CN.newYear(1968)).isEqualTo("1968-01-30");
        // In 1984-85 the time zone moved the leap month: China repeated the 10th month of 1984,
        // Vietnam the 2nd of 1985, so their months were one apart all winter.
        assertThat(CN.leapMonth(1984)).hasValue(10);
        assertThat(VN.leapMonth(1984)).isEmpty();
        assertThat(VN.leapMonth(1985)).hasValue(2);
        // In other years the two agree.
        assertThat(CN.newYear(2024)).isEqualTo(VN.newYear(2024));
    }

    @ParameterizedTest(name = "mid-autumn {0} is {1}")
    @CsvSource({"2022, 2022-09-10", "2023, 2023-09-29", "2024, 2024-09-17", "2025, 2025-10-06"})
    void midAutumn(int year, LocalDate date) {
        assertThat(VN.toSolar(15, 8, year)).isEqualTo(date);
    }

    @ParameterizedTest(name = "Hùng Kings {0} is {1}")
    @CsvSource({"2023, 2023-04-29", "2024, 2024-04-18", "2025, 2025-04-07", "2026, 2026-04-26"})
    void hungKingsDay(int year, LocalDate date) {
        assertThat(VN.toSolar(10, 3, year)).isEqualTo(date);
    }

    @Test
    void leapMonths() {
        assertThat(VN.leapMonth(2020)).hasValue(4);
        assertThat(VN.toLunar(LocalDate.of(2020, 5, 23))).isEqualTo(new LunarDate(1, 4, 2020, true));
        assertThat(VN.toLunar(LocalDate.of(2020, 5, 22))).isEqualTo(new LunarDate(30, 4, 2020, false));
        assertThat(VN.leapMonth(2023)).hasValue(2);
        assertThat(VN.toSolar(new LunarDate(1, 2, 2023, true))).isEqualTo("2023-03-22");
        assertThat(VN.leapMonth(2025)).hasValue(6);
        assertThat(VN.toSolar(new LunarDate(1, 6, 2025, true))).isEqualTo("2025-07-25");
        assertThat(VN.leapMonth(2024)).isEmpty();
        assertThat(VN.leapMonth(2017)).hasValue(6);
    }

    @Test
    void aLeapMonthThatDoesNotExistIsRefusedByName() {
        assertThatThrownBy(() -> VN.toSolar(new LunarDate(1, 5, 2020, true)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no leap month 5");
    }

    @Test
    void theThirtiethOfAShortMonthIsRefused() {
        // Lunar 12/2024 (Giáp Thìn) has 29 days: Tết 2025 follows 29/12.
        assertThat(VN.lengthOf(12, false, 2024)).isEqualTo(29);
        assertThatThrownBy(() -> VN.toSolar(30, 12, 2024)).hasMessageContaining("only 29 days");
    }

    @Test
    void outsideTheSupportedRangeIsRefused() {
        assertThatThrownBy(() -> VN.toLunar(LocalDate.of(1899, 12, 31)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> VN.toLunar(LocalDate.of(2101, 1, 1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void everyDayFrom1900To2100RoundTripsAndDaysFollowEachOther() {
        LunarDate previous = null;
        int leapMonths = 0;
        for (LocalDate d = VietnameseLunarCalendar.FIRST_SUPPORTED;
             !d.isAfter(VietnameseLunarCalendar.LAST_SUPPORTED); d = d.plusDays(1)) {
            LunarDate lunar = VN.toLunar(d);
            assertThat(VN.toSolar(lunar)).as("round trip of %s (%s)", d, lunar).isEqualTo(d);
            if (previous != null) {
                if (lunar.day() == 1) {
                    assertThat(previous.day()).as("month before %s", d).isIn(29, 30);
                    if (lunar.leap()) {
                        leapMonths++;
                        assertThat(lunar.month()).isEqualTo(previous.month());
                    } else {
                        assertThat(lunar.month()).isEqualTo(previous.month() % 12 + 1);
                    }
                    assertThat(lunar.year()).isEqualTo(lunar.month() == 1 && !lunar.leap()
                            ? previous.year() + 1 : previous.year());
                } else {
                    assertThat(lunar).isEqualTo(new LunarDate(previous.day() + 1, previous.month(),
                            previous.year(), previous.leap()));
                }
            }
            previous = lunar;
        }
        // 7 leap months every 19 years (Metonic cycle): about 74 in 201 years.
        assertThat(leapMonths).isBetween(72, 76);
    }
}
