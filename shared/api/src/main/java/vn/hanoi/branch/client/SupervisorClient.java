package vn.hanoi.branch.client;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import vn.hanoi.branch.api.Bookings;
import vn.hanoi.branch.api.BranchSettings;
import vn.hanoi.branch.api.DayStats;
import vn.hanoi.branch.api.DeviceHealth;
import vn.hanoi.branch.api.Ratings;
import vn.hanoi.branch.api.Reports;
import vn.hanoi.branch.api.BackupHealth;
import vn.hanoi.branch.api.Health;
import vn.hanoi.branch.api.SyncStatus;

/**
 * A supervisor's (or IT's) session: the day's figures, reports, satisfaction, alerts, bookings, the
 * end of the business day, and the branch's settings (services, counters, hall notices). Queue work at the counter goes through the same session's {@link DeskClient}.
 */
public final class SupervisorClient extends DeviceClient {
    SupervisorClient(Transport session) {
        super(session);
    }

    /** The figures of the business day so far (waiting, times, counters, hourly). */
    public DayStats statsToday() {
        return agent.get("stats/today", DayStats.class);
    }

    /** Closes the business day (waiting tickets cancelled, bookings released, counters closed). */
    public int endOfDay() {
        return agent.post("branch/end-of-day", null, null, JsonNode.class).get("closedTickets").asInt();
    }

    /** Open device alerts. */
    public List<DeviceHealth.Alert> alerts() {
        return agent.get("alerts", new TypeReference<List<DeviceHealth.Alert>>() { });
    }

    /** The backups as health shows them (the newest, the trial restore, and IT's warning); null when health fails. */
    public BackupHealth backups() {
        try {
            return agent.get("health", Health.class).backup();
        } catch (AgentException e) {
            return null; // a degraded agent answers 503: the screen's other panels say what matters then
        }
    }

    /** The city sync's figures: backlog, oldest unsent, last success and error. */
    public SyncStatus syncStatus() {
        return agent.get("sync/status", SyncStatus.class);
    }

    public Bookings.Booking createBooking(Bookings.NewBooking booking) {
        return agent.post("bookings", booking, null, Bookings.Booking.class);
    }

    /**
     * Satisfaction of the business days {@code from}..{@code to} (both included); null {@code from} is
     * today, null {@code to} is up to today.
     */
    public Ratings.Summary ratingSummary(LocalDate from, LocalDate to) {
        Map<String, LocalDate> period = new HashMap<>();
        period.put("from", from);
        period.put("to", to);
        return agent.get("ratings/summary", period, Ratings.Summary.class);
    }

    /** The report of the business days {@code from}..{@code to} (both included) per period and group. */
    public Reports.Report report(LocalDate from, LocalDate to, Reports.Period period, Reports.GroupBy by) {
        return agent.get("reports", reportQuery(from, to, period, by), Reports.Report.class);
    }

    /** The same report as CSV for Excel (UTF-8 with BOM, ';' separated). */
    public byte[] reportCsv(LocalDate from, LocalDate to, Reports.Period period, Reports.GroupBy by) {
        return agent.bytes("reports.csv", reportQuery(from, to, period, by));
    }

    /** The same report as PDF (table and chart). */
    public byte[] reportPdf(LocalDate from, LocalDate to, Reports.Period period, Reports.GroupBy by) {
        return agent.bytes("reports.pdf", reportQuery(from, to, period, by));
    }

    /** The services as the administration screen edits them: names, hours per weekday, active. */
    public List<BranchSettings.Service> serviceSettings() {
        return agent.get("settings/services", new TypeReference<List<BranchSettings.Service>>() { });
    }

    /**
     * Changes a service's names, hours or whether it is offered; the agent checks it with the setup file's
     * rules (400 with every problem, 409 when it would strand waiting tickets), audits it, and every kiosk,
     * counter and hall screen reloads it.
     */
    public BranchSettings.Service saveService(BranchSettings.Service service) {
        return agent.put("settings/services/" + service.code(), service, BranchSettings.Service.class);
    }

    public List<BranchSettings.Counter> counterSettings() {
        return agent.get("settings/counters", new TypeReference<List<BranchSettings.Counter>>() { });
    }

    /** Renames a counter, changes its services and their order, or takes it out of use (as {@link #saveService}). */
    public BranchSettings.Counter saveCounter(BranchSettings.Counter counter) {
        return agent.put("settings/counters/" + counter.number(), counter, BranchSettings.Counter.class);
    }

    public BranchSettings.Notices hallNotices() {
        return agent.get("settings/hall-notices", BranchSettings.Notices.class);
    }

    /** Replaces the hall screens' ticker. */
    public BranchSettings.Notices saveHallNotices(BranchSettings.Notices notices) {
        return agent.put("settings/hall-notices", notices, BranchSettings.Notices.class);
    }

    private static Map<String, Object> reportQuery(LocalDate from, LocalDate to, Reports.Period period,
                                                   Reports.GroupBy by) {
        return Map.of("from", from, "to", to, "period", period.name(), "by", by.name());
    }
}
