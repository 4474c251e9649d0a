package vn.hanoi.branch.api;

import java.time.LocalDate;
import java.util.List;

/**
 * Supervisors' reports: figures per period (day, ISO week from Monday, calendar month) and group
 * (the whole branch, a service, a counter). No personal data: counts, durations and shares only.
 *
 * <p>Percentiles use the <em>nearest-rank</em> method: the p-th percentile of n sorted values is the
 * value at rank ⌈p/100 · n⌉ (1-based), always one of the measured values; none when n = 0. Durations
 * are in minutes rounded to 0.1; shares are percent rounded to 0.1.
 */
public final class Reports {
    private Reports() {
    }

    public enum Period { DAY, WEEK, MONTH }

    public enum GroupBy { BRANCH, SERVICE, COUNTER }

    /**
     * One period and group. {@code ticketsIssued}: numbers handed out (not the copies a transfer makes);
     * {@code served}: tickets finished (DONE); {@code noShows}: tickets that ended as no-show; waits
     * (issue to call) of every called ticket; service times (start of service, or the call when no start
     * was recorded, to finish) of every served ticket; {@code dossiersReceived} and {@code onlineSharePercent}
     * by reception date; {@code onTimePercent} among {@code dossiersDecided} (result ready, with an
     * appointment date, by the date of the result): ready on or before the appointment date;
     * {@code satisfiedPercent}: (very satisfied + satisfied) / {@code ratings}. Counter groups take a
     * dossier's counter from its ticket; tickets never called are in the group with key "-".
     */
    public record Row(LocalDate periodStart, String groupKey, String groupName, int ticketsIssued, int served,
                      int noShows, Double waitP50Minutes, Double waitP90Minutes, Double serviceP50Minutes,
                      Double serviceP90Minutes, int dossiersReceived, int dossiersDecided, Double onTimePercent,
                      Double onlineSharePercent, int ratings, Double satisfiedPercent) {
    }

    /** Rows ordered by period then group; {@code totals} over the whole range (periodStart = from, group "*"). */
    public record Report(LocalDate from, LocalDate to, Period period, GroupBy by, int targetPercent,
                         List<Row> rows, Row totals) {
    }
}
