package vn.hanoi.branch.kiosk.ticket;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.hanoi.branch.api.ServiceInfo;
import vn.hanoi.branch.api.PriorityState;
import vn.hanoi.branch.api.Ticket;
import vn.hanoi.branch.api.TicketState;
import vn.hanoi.branch.code.TicketQr;
import vn.hanoi.branch.printer.TicketPrint;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;

/**
 * What the kiosk puts on paper for an issued number. The kiosk's printing and IT's
 * {@code PrinterTool print-ticket} both go through here, so the sample IT prints is the real layout.
 */
public final class KioskTicket {
    private static final Logger LOG = LoggerFactory.getLogger(KioskTicket.class);

    private KioskTicket() {
    }

    /**
     * @param priorityNameVi the priority class's Vietnamese name when the ticket has priority, else null
     * @param notice         a line for the citizen under the number (a late booking), or null
     * @param lookupBase     the lookup site of the ticket's QR code
     */
    public static TicketPrint of(String branchName, String branchCode, ServiceInfo s, Ticket t, String priorityNameVi,
                                 String notice, String lookupBase) {
        return new TicketPrint(branchName, s == null ? "" : s.nameVi(), s == null ? null : s.nameEn(),
                t.displayNumber(), t.isPriority() && priorityNameVi != null ? "ƯU TIÊN – " + priorityNameVi : null,
                LocalDateTime.ofInstant(t.issuedAt(), ZoneId.systemDefault()), t.waitingAhead(), t.estimateMinutes(),
                lookupLink(branchCode, t, lookupBase), notice, false);
    }

    /** A sample ticket with every field filled, marked as a test in the notice line. */
    public static TicketPrint sample(String lookupBase) {
        ServiceInfo s = new ServiceInfo(1, "HT", "Hộ tịch", "Civil status", "A", 1, 999,
                LocalTime.of(7, 30), LocalTime.of(17, 0), true, false);
        Ticket t = new Ticket(0, 1, "HT", LocalDate.now(), 0, "A000", TicketState.WAITING, null, null, Instant.now(),
                null, null, null, 3, "elderly", PriorityState.DECLARED, 12);
        return of("Trung tâm Phục vụ hành chính công phường Cửa Nam", "CN01", s, t, "Người cao tuổi",
                "Phiếu in thử, không có giá trị / Test ticket, not valid", lookupBase);
    }

    /** The ticket's QR: a phone opens the lookup page, the kiosk's scanner shows where to go. */
    private static String lookupLink(String branchCode, Ticket t, String lookupBase) {
        try {
            return branchCode == null ? null : new TicketQr(branchCode, t.businessDay(), t.displayNumber()).link(lookupBase);
        } catch (IllegalArgumentException e) {
            LOG.warn("no QR on ticket {}: {}", t.id(), e.getMessage());
            return null;
        }
    }
}
