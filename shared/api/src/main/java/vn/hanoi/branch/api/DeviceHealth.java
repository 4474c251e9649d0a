package vn.hanoi.branch.api;

import java.time.Instant;

/** Print jobs kept with their tickets, and device faults raised as alerts for branch IT. */
public final class DeviceHealth {
    private DeviceHealth() {
    }

    /**
     * What a kiosk reports after a print job.
     *
     * @param status the printer's status after the job (a {@code PrinterStatus} name, e.g. PAPER_OUT)
     */
    public record PrintReport(boolean printed, String status, boolean reprint, int bytes) {
    }

    /** @param copy 1 for the first paper copy of the ticket, 2 and more for reprints; 0 when nothing printed */
    public record PrintJob(long id, long ticketId, long deviceId, Instant at, boolean printed, String status,
                           boolean reprint, int copy) {
    }

    /**
     * A device's own view of one of its parts; {@code ok} false raises an alert, true clears it.
     *
     * @param component e.g. "printer", "card-reader", "scanner"
     */
    public record ComponentStatus(String component, boolean ok, String status, String messageVi, String messageEn) {
    }

    public record Alert(long id, long deviceId, String deviceName, String component, String status,
                        String messageVi, String messageEn, Instant raisedAt) {
    }
}
