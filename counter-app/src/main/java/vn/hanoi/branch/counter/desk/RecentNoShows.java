package vn.hanoi.branch.counter.desk;

import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import vn.hanoi.branch.api.Ticket;
import vn.hanoi.branch.api.TicketState;

import java.util.Optional;

/** This counter's no-shows of today that have not come back, newest first, the last few only (UI thread). */
final class RecentNoShows {
    /** How many of this counter's no-shows the desk keeps at hand for a return. */
    static final int KEPT = 10;

    private final ObservableList<Ticket> tickets = FXCollections.observableArrayList();
    private final ObservableList<Ticket> view = FXCollections.unmodifiableObservableList(tickets);

    ObservableList<Ticket> view() {
        return view;
    }

    /** Keeps a ticket of this counter if it is a no-show not yet kept. */
    void remember(Ticket t) {
        if (t == null || t.state() != TicketState.NO_SHOW || tickets.stream().anyMatch(n -> n.id() == t.id())) {
            return;
        }
        tickets.add(0, t);
        if (tickets.size() > KEPT) {
            tickets.remove(KEPT, tickets.size());
        }
    }

    /** The kept no-show with this number as the clerk typed it. */
    Optional<Ticket> byNumber(String displayNumber) {
        return tickets.stream().filter(n -> n.displayNumber().equalsIgnoreCase(displayNumber)).findFirst();
    }

    void returned(long ticketId) {
        tickets.removeIf(n -> n.id() == ticketId);
    }

    void clear() {
        tickets.clear();
    }
}
