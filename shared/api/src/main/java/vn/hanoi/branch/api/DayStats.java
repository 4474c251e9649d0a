package vn.hanoi.branch.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The business day so far, for supervisors: counts and times only, no personal data (tickets carry
 * none, and staff are not named). Times are seconds; an average is null when nothing was measured yet.
 *
 * @param servedToday       tickets finished (DONE) today
 * @param avgWaitSeconds    mean of issue to call over tickets called today
 * @param avgServiceSeconds mean of start of service to finish over tickets finished today
 * @param hourly            issued and served per hour of the branch's clock, from the first to the last
 *                          hour with activity (empty when nothing happened yet)
 * @param waitBuckets       how long the tickets called today had waited
 */
public record DayStats(
        LocalDate businessDay,
        Instant at,
        int waiting,
        int servedToday,
        Double avgWaitSeconds,
        Double avgServiceSeconds,
        List<ServiceStats> services,
        List<CounterStats> counters,
        List<HourStats> hourly,
        List<WaitBucket> waitBuckets) {

    /** @param longestWaitSeconds how long the oldest waiting ticket has waited (0 when nobody waits) */
    public record ServiceStats(long serviceId, String code, String nameVi, String nameEn, int waiting,
                               long longestWaitSeconds, int servedToday, Double avgWaitSeconds,
                               Double avgServiceSeconds) {
    }

    /** @param currentNumber the number called or being served at the counter, or null */
    public record CounterStats(long counterId, int number, CounterState state, String reason,
                               String currentNumber, int servedToday) {
    }

    /** @param hour 0-23 in the branch's time zone */
    public record HourStats(int hour, int issued, int served) {
    }

    /** Waits of at least {@code fromMinutes} and below {@code toMinutes} (null: no upper bound). */
    public record WaitBucket(int fromMinutes, Integer toMinutes, int count) {
    }
}
