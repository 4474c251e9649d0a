package vn.hanoi.branch.agent.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import vn.hanoi.branch.api.Reports.Period;

/** The percentile method (nearest rank), rounding and period starts. */
class PercentilesTest {
    @Test
    void nearestRankIsTheCeilingOfPTimesNAndAlwaysAMeasuredValue() {
        assertThat(Percentiles.rank(50, 1)).isEqualTo(1);
        assertThat(Percentiles.rank(90, 1)).isEqualTo(1);
        assertThat(Percentiles.rank(50, 4)).isEqualTo(2);
        assertThat(Percentiles.rank(50, 5)).isEqualTo(3);
        assertThat(Percentiles.rank(90, 10)).isEqualTo(9);
        assertThat(Percentiles.rank(90, 11)).isEqualTo(10);
        assertThat(Percentiles.rank(100, 7)).isEqualTo(7);
        assertThat(Percentiles.of(50, 4, 1, 3, 2)).isEqualTo(2);
        assertThat(Percentiles.of(90, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1)).isEqualTo(9);
        assertThat(Percentiles.of(90, 1, 2, 3, 100)).isEqualTo(100);
        assertThat(Percentiles.of(50, 7)).isEqualTo(7);
        assertThat(new Percentiles.Values().percentiles(50, 90)).containsExactly(null, null);
        assertThatThrownBy(() -> Percentiles.rank(0, 3)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void exactAtTheBoundariesForLargeN() {
        Percentiles.Values v = new Percentiles.Values();
        for (int i = 1000; i >= 1; i--) {
            v.add(i);
        }
        assertThat(v.percentiles(50, 90)).containsExactly(500L, 900L);
        v.add(1001);
        assertThat(v.percentiles(50, 90)).containsExactly(501L, 901L); // ceil(500.5), ceil(900.9)
    }

    @Test
    void roundingOfMinutesAndPercents() {
        assertThat(ReportService.tenths(90_000L)).isEqualTo(15);
        assertThat(ReportService.tenths(62_999L)).isEqualTo(10);
        assertThat(ReportService.tenths(63_000L)).isEqualTo(11);
        assertThat(ReportService.tenths(-5_000L)).isZero();
        assertThat(ReportService.minutes(15L)).isEqualTo(1.5);
        assertThat(ReportService.minutes(null)).isNull();
        Percentiles.Values a = new Percentiles.Values();
        Percentiles.Values all = new Percentiles.Values();
        ReportService.parseInto("12,0,7,105", a, all);
        ReportService.parseInto(null, a, all);
        ReportService.parseInto("3", a, all);
        assertThat(a.size()).isEqualTo(5);
        assertThat(all.percentiles(50, 100)).containsExactly(7L, 105L);
        assertThat(ReportService.percent(2, 3)).isEqualTo(66.6);
        assertThat(ReportService.percent(1899, 2000)).isEqualTo(94.9); // 94.95 does not show as 95.0
        assertThat(ReportService.percent(0, 0)).isNull();
    }

    @Test
    void periodStarts() {
        LocalDate sunday = LocalDate.of(2025, 6, 8);
        assertThat(ReportService.start(sunday, Period.DAY)).isEqualTo(sunday);
        assertThat(ReportService.start(sunday, Period.WEEK)).isEqualTo(LocalDate.of(2025, 6, 2));
        assertThat(ReportService.start(LocalDate.of(2025, 6, 2), Period.WEEK)).isEqualTo(LocalDate.of(2025, 6, 2));
        assertThat(ReportService.start(sunday, Period.MONTH)).isEqualTo(LocalDate.of(2025, 6, 1));
    }
}
