package vn.hanoi.branch.client;

import vn.hanoi.branch.api.Bookings;
import vn.hanoi.branch.api.Dossiers;
import vn.hanoi.branch.api.IssueTicketRequest;
import vn.hanoi.branch.api.Ratings;
import vn.hanoi.branch.api.Ticket;

/** A paired kiosk (its device token): numbers, booking check-in, self-declaration, ratings, IT sign-in. */
public final class KioskClient extends DeviceClient {
    KioskClient(Transport agent) {
        super(agent);
    }

    /**
     * Issues a ticket. The same {@code idempotencyKey} always yields the same ticket, so a kiosk that
     * lost the answer retries with the key it used and never prints a second number.
     */
    public Ticket issueTicket(long serviceId, String idempotencyKey) {
        return issueTicket(new IssueTicketRequest(serviceId), idempotencyKey);
    }

    /** Issues with the citizen's declared priority or date of birth from the ID card. */
    public Ticket issueTicket(IssueTicketRequest request, String idempotencyKey) {
        return agent.post("tickets", request, idempotencyKey, Ticket.class);
    }

    /** Check-in of an online booking; safe to retry after a lost answer. */
    public Bookings.CheckIn checkIn(String bookingCode) {
        return agent.post("bookings/check-in", new Bookings.CheckInRequest(bookingCode), null, Bookings.CheckIn.class);
    }

    /** The self-declaration for a ticket; sending it again replaces the draft. */
    public Dossiers.Declaration declare(long ticketId, Dossiers.DeclarationRequest declaration) {
        return agent.put("tickets/" + ticketId + "/declaration", declaration, Dossiers.Declaration.class);
    }

    /** A citizen's rating of a ticket served today (by the ticket's QR). Safe to retry with the same answer. */
    public Ratings.Rating rate(long ticketId, Ratings.RatingRequest rating) {
        return CustomerWindowClient.rate(agent, ticketId, rating);
    }

    /**
     * Signs staff in on this kiosk (IT leaving the citizens' screens). The session is a client of its
     * own: this kiosk client keeps acting as the kiosk.
     */
    public StaffSession login(String username, String password) {
        return StaffSession.open(agent, username, password);
    }
}
