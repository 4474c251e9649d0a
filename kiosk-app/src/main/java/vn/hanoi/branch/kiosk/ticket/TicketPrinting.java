package vn.hanoi.branch.kiosk.ticket;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.hanoi.branch.api.DeviceHealth;
import vn.hanoi.branch.api.ServiceInfo;
import vn.hanoi.branch.api.Ticket;
import vn.hanoi.branch.client.KioskClient;
import vn.hanoi.branch.client.AgentException;
import vn.hanoi.branch.code.OurQr;
import vn.hanoi.branch.printer.PrintOutcome;
import vn.hanoi.branch.printer.PrinterStatus;
import vn.hanoi.branch.printer.TicketPrinter;


/**
 * Prints an issued ticket and keeps the job with the ticket in the agent (which raises a printer alert
 * for IT). Runs on a background thread; a printer that fails never loses the ticket on screen.
 */
final class TicketPrinting {
    private static final Logger LOG = LoggerFactory.getLogger(TicketPrinting.class);

    private final KioskClient agent;
    private final TicketPrinter printer;
    private final BranchOffer offer;
    private volatile String lookupBase = OurQr.DEFAULT_BASE;

    TicketPrinting(KioskClient agent, TicketPrinter printer, BranchOffer offer) {
        this.agent = agent;
        this.printer = printer;
        this.offer = offer;
    }

    /** The lookup site printed in ticket QR codes (the kiosk's {@code --qr-base}). */
    void setLookupBase(String base) {
        this.lookupBase = OurQr.normaliseBase(base);
    }

    /** @param notice a line for the citizen under the number (a late booking), or null */
    PrintOutcome print(ServiceInfo s, Ticket t, String notice) {
        PrintOutcome outcome = printOnly(s, t, notice);
        try {
            agent.recordPrint(t.id(), new DeviceHealth.PrintReport(outcome.printed(), outcome.statusAfter().name(),
                    false, outcome.bytesSent()));
        } catch (AgentException e) {
            // The ticket is on screen either way; the job record is lost only if the agent went away
            // between issuing and now, and the next job's report raises or clears the alert.
            LOG.warn("print job of ticket {} not recorded: {}", t.id(), e.error().code());
        }
        return outcome;
    }

    private PrintOutcome printOnly(ServiceInfo s, Ticket t, String notice) {
        try {
            String priority = offer.priorityClass(t.priorityClass()).map(p -> p.nameVi()).orElse(null);
            return printer.print(KioskTicket.of(offer.branchNameProperty().get(), offer.branchCode(), s, t, priority,
                    notice, lookupBase));
        } catch (RuntimeException e) {
            LOG.error("printer failed on ticket {}", t.id(), e);
            return new PrintOutcome(false, PrinterStatus.ERROR, 0);
        }
    }
}
