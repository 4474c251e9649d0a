package vn.hanoi.branch.kiosk.ticket;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import vn.hanoi.branch.api.Bookings;
import vn.hanoi.branch.api.ServiceInfo;
import vn.hanoi.branch.api.Ticket;
import vn.hanoi.branch.i18n.I18n;
import vn.hanoi.branch.printer.PrinterStatus;

import java.util.Locale;

/** The ticket screen's view model: the number on screen and what the citizen must know about it. */
public final class TicketModel {
    private final BranchOffer offer;
    private final ReadOnlyObjectWrapper<Ticket> ticket = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<ServiceInfo> service = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<PrinterStatus> printerProblem = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Boolean> declarationSent = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Bookings.CheckIn> checkIn = new ReadOnlyObjectWrapper<>();

    TicketModel(BranchOffer offer) {
        this.offer = offer;
    }

    public ReadOnlyObjectProperty<Ticket> ticketProperty() {
        return ticket.getReadOnlyProperty();
    }

    /** The service the number is for. */
    public ReadOnlyObjectProperty<ServiceInfo> serviceProperty() {
        return service.getReadOnlyProperty();
    }

    /** Non-null when the ticket was issued but did not come out of the printer. */
    public ReadOnlyObjectProperty<PrinterStatus> printerProblemProperty() {
        return printerProblem.getReadOnlyProperty();
    }

    /** After a ticket with a declaration: true when the agent has it, false when it could not be sent. */
    public ReadOnlyObjectProperty<Boolean> declarationSentProperty() {
        return declarationSent.getReadOnlyProperty();
    }

    /** The booking check-in that produced the ticket on screen, or null for a walk-in number. */
    public ReadOnlyObjectProperty<Bookings.CheckIn> checkInProperty() {
        return checkIn.getReadOnlyProperty();
    }

    /** The name of the ticket's priority group in the language, or null for an ordinary number. */
    public String priorityName(Locale l) {
        Ticket t = ticket.get();
        if (t == null || !t.isPriority()) {
            return null;
        }
        return offer.priorityClass(t.priorityClass()).map(p -> I18n.EN.equals(l) ? p.nameEn() : p.nameVi())
                .orElse(t.priorityClass());
    }

    void show(IssuedTicket issued) {
        service.set(issued.service());
        checkIn.set(issued.checkIn());
        declarationSent.set(issued.declarationSent());
        ticket.set(issued.ticket());
        printerProblem.set(issued.printed().printed() ? null : issued.printed().statusAfter());
    }

    void clear() {
        ticket.set(null);
        service.set(null);
        printerProblem.set(null);
        declarationSent.set(null);
        checkIn.set(null);
    }
}
