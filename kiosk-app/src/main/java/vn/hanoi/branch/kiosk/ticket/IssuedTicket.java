package vn.hanoi.branch.kiosk.ticket;

import vn.hanoi.branch.api.Bookings;
import vn.hanoi.branch.api.ServiceInfo;
import vn.hanoi.branch.api.Ticket;
import vn.hanoi.branch.printer.PrintOutcome;

/**
 * A number the agent gave, with what happened around it.
 *
 * @param service         the service, null when the kiosk does not know it (a booking for a closed one)
 * @param declarationSent null without a declaration, else whether the agent has it
 * @param checkIn         the booking check-in that gave the number, or null for a walk-in
 */
record IssuedTicket(ServiceInfo service, Ticket ticket, PrintOutcome printed, Boolean declarationSent,
                    Bookings.CheckIn checkIn) {
}
