package vn.hanoi.branch.kiosk.lookup;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import vn.hanoi.branch.api.ApiError;
import vn.hanoi.branch.api.Dossiers;
import vn.hanoi.branch.api.Ratings;
import vn.hanoi.branch.api.Ticket;
import vn.hanoi.branch.client.KioskClient;
import vn.hanoi.branch.client.AgentException;

import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * Looking something up at the kiosk: a dossier by the code on its appointment slip (typed or
 * scanned), or a ticket by its number (scanned from the ticket's QR) to learn where to go.
 */
public final class LookupModel {
    private static final String CODE_KEYS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-";

    private final KioskClient agent;
    private final Executor background;
    private final Executor ui;
    private final ReadOnlyStringWrapper code = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<Dossiers.Lookup> dossier = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Ticket> ticket = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<ApiError> problem = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final ReadOnlyObjectWrapper<Ratings.Rating> rated = new ReadOnlyObjectWrapper<>();

    public LookupModel(KioskClient agent, Executor background, Executor ui) {
        this.agent = agent;
        this.background = background;
        this.ui = ui;
    }

    public ReadOnlyStringProperty codeProperty() {
        return code.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Dossiers.Lookup> dossierProperty() {
        return dossier.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Ticket> ticketProperty() {
        return ticket.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<ApiError> problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** The citizen's rating of the scanned ticket once sent, else null. */
    public ReadOnlyObjectProperty<Ratings.Rating> ratedProperty() {
        return rated.getReadOnlyProperty();
    }

    /**
     * A served ticket scanned at the kiosk can be rated there (for citizens who left the counter before
     * the customer window asked). The agent takes one rating per ticket.
     */
    public void rate(Ratings.Level level) {
        Ticket t = ticket.get();
        if (t == null || busy.get()) {
            return;
        }
        busy.set(true);
        problem.set(null);
        background.execute(() -> {
            try {
                Ratings.Rating r = agent.rate(t.id(), Ratings.RatingRequest.of(level));
                ui.execute(() -> {
                    busy.set(false);
                    rated.set(r);
                });
            } catch (AgentException e) {
                ui.execute(() -> {
                    busy.set(false);
                    problem.set(e.error());
                });
            }
        });
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** Keys of the on-screen keypad for dossier codes. */
    public static String keys() {
        return CODE_KEYS;
    }

    public void type(char key) {
        if (CODE_KEYS.indexOf(Character.toUpperCase(key)) >= 0 && code.get().length() < 30) {
            code.set(code.get() + Character.toUpperCase(key));
        }
    }

    public void backspace() {
        String c = code.get();
        code.set(c.isEmpty() ? c : c.substring(0, c.length() - 1));
    }

    /** Looks up the typed code. */
    public void submit() {
        if (!code.get().isBlank()) {
            lookupDossier(code.get());
        }
    }

    public void lookupDossier(String dossierCode) {
        code.set(dossierCode);
        run(() -> agent.lookupDossier(dossierCode), dossier);
    }

    public void lookupTicket(String displayNumber) {
        run(() -> agent.ticketToday(displayNumber), ticket);
    }

    public void clear() {
        rated.set(null);
        code.set("");
        dossier.set(null);
        ticket.set(null);
        problem.set(null);
        busy.set(false);
    }

    private <T> void run(Supplier<T> call, ReadOnlyObjectWrapper<T> into) {
        rated.set(null);
        dossier.set(null);
        ticket.set(null);
        problem.set(null);
        busy.set(true);
        background.execute(() -> {
            try {
                T result = call.get();
                ui.execute(() -> {
                    busy.set(false);
                    into.set(result);
                });
            } catch (AgentException e) {
                ui.execute(() -> {
                    busy.set(false);
                    problem.set(e.error());
                });
            }
        });
    }
}
