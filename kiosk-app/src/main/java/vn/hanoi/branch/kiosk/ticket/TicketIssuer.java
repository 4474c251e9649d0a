package vn.hanoi.branch.kiosk.ticket;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.hanoi.branch.api.Bookings;
import vn.hanoi.branch.api.Dossiers;
import vn.hanoi.branch.api.IssueTicketRequest;
import vn.hanoi.branch.api.PriorityClass;
import vn.hanoi.branch.api.ServiceInfo;
import vn.hanoi.branch.api.Ticket;
import vn.hanoi.branch.client.KioskClient;
import vn.hanoi.branch.client.AgentException;
import vn.hanoi.branch.kiosk.identity.Citizen;
import vn.hanoi.branch.printer.PrintOutcome;

/**
 * Gets a number from the agent, a walk-in's or a booking's, sends the self-declaration with it and
 * prints it. Blocking: called on a background thread. An {@link AgentException} means no ticket.
 */
final class TicketIssuer {
    private static final Logger LOG = LoggerFactory.getLogger(TicketIssuer.class);

    private final KioskClient agent;
    private final BranchOffer offer;
    private final TicketPrinting printing;

    TicketIssuer(KioskClient agent, BranchOffer offer, TicketPrinting printing) {
        this.agent = agent;
        this.offer = offer;
        this.printing = printing;
    }

    /**
     * A walk-in's number. The same {@code key} on a retry returns the ticket already issued.
     *
     * @param form the self-declaration to send with the number, or null
     */
    IssuedTicket issue(ServiceInfo s, PriorityClass group, Citizen who, Dossiers.DeclarationRequest form, String key) {
        // Only the date of birth leaves the kiosk with the ticket (for age priority); the agent does not keep it.
        Ticket t = agent.issueTicket(new IssueTicketRequest(s.id(), group == null ? null : group.code(),
                who == null ? null : who.dateOfBirth()), key);
        Boolean sent = form == null ? null : sendDeclaration(t, form);
        PrintOutcome printed = printing.print(s, t, null);
        return new IssuedTicket(s, t, printed, sent, null);
    }

    /** A booking's number; safe to repeat, the agent keeps one ticket per booking. */
    IssuedTicket checkIn(String code) {
        Bookings.CheckIn in = agent.checkIn(code);
        ServiceInfo s = offer.service(in.ticket().serviceId()).orElse(null);
        PrintOutcome printed = printing.print(s, in.ticket(), in.noticeVi());
        return new IssuedTicket(s, in.ticket(), printed, null, in);
    }

    /** The ticket stands either way; a declaration the agent refused or did not get is told, not retried. */
    private boolean sendDeclaration(Ticket t, Dossiers.DeclarationRequest form) {
        try {
            agent.declare(t.id(), form);
            return true;
        } catch (AgentException e) {
            LOG.warn("declaration for ticket {} not stored: {}", t.id(), e.error().code());
            return false;
        }
    }
}
