package vn.hanoi.branch.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ServiceDayTest {
    private static final ServiceDay.Span DAY = new ServiceDay.Span(LocalTime.of(7, 30), LocalTime.of(17, 0));
    /** Monday, Wednesday and Friday; 2026-12-07 is a Monday. */
    private static final Map<DayOfWeek, ServiceDay.Span> MON_WED_FRI =
            Map.of(DayOfWeek.MONDAY, DAY, DayOfWeek.WEDNESDAY, DAY, DayOfWeek.FRIDAY, DAY);

    @ParameterizedTest
    @CsvSource({"2026-12-07T07:29:59, false", "2026-12-07T07:30, true", "2026-12-07T17:00:59, true",
            "2026-12-07T17:01, false", "2026-12-08T10:00, false"})
    void hoursAreToTheMinuteWithTheClosingMinuteIncluded(String at, boolean open) {
        assertThat(ServiceDay.of(MON_WED_FRI, null, 999, 0).openAt(LocalDateTime.parse(at))).isEqualTo(open);
    }

    @ParameterizedTest
    @CsvSource({"2026-12-07T06:00, 2026-12-07T07:30", "2026-12-07T18:00, 2026-12-09T07:30",
            "2026-12-11T17:30, 2026-12-14T07:30"})
    void theNextOpeningSkipsClosedDays(String at, String next) {
        assertThat(ServiceDay.of(MON_WED_FRI, null, 999, 0).nextOpening(LocalDateTime.parse(at)))
                .contains(LocalDateTime.parse(next));
    }

    @Test
    void theCapNeverExceedsTheRangeAndTheKeptShareRoundsUp() {
        ServiceDay day = ServiceDay.of(MON_WED_FRI, 300, 99, 10);
        assertThat(day.capacity()).isEqualTo(99);
        assertThat(day.kept()).isEqualTo(10); // 9.9 rounded up
        assertThat(ServiceDay.of(MON_WED_FRI, null, 50, 0).capacity()).isEqualTo(50);
    }

    @Test
    void walkInsLeaveTheKeptShareAndBookingsBeyondItTakeFromWalkIns() {
        ServiceDay day = ServiceDay.of(MON_WED_FRI, 10, 999, 30); // 3 kept
        LocalDateTime monday = LocalDateTime.parse("2026-12-07T09:00");
        assertThat(day.walkIn(monday, 6, 0)).isEqualTo(ServiceDay.Verdict.OPEN);
        assertThat(day.walkIn(monday, 7, 0)).isEqualTo(ServiceDay.Verdict.KEPT_FOR_BOOKINGS);
        assertThat(day.walkIn(monday, 5, 4)).isEqualTo(ServiceDay.Verdict.OPEN);
        assertThat(day.walkIn(monday, 6, 4)).isEqualTo(ServiceDay.Verdict.FULL);
        assertThat(day.booked(monday, 9)).isEqualTo(ServiceDay.Verdict.OPEN);
        assertThat(day.booked(monday, 10)).isEqualTo(ServiceDay.Verdict.FULL);
        assertThat(day.walkIn(LocalDateTime.parse("2026-12-08T09:00"), 0, 0)).isEqualTo(ServiceDay.Verdict.CLOSED);
    }
}
