package vn.hanoi.branch.kiosk.ticket;

import vn.hanoi.branch.api.ApiError;
import vn.hanoi.branch.api.Dossiers;
import vn.hanoi.branch.api.PriorityClass;
import vn.hanoi.branch.api.ServiceInfo;
import vn.hanoi.branch.client.AgentException;
import vn.hanoi.branch.kiosk.identity.Citizen;
import vn.hanoi.branch.kiosk.ticket.TakeNumberModel.Step;

import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * A number being asked for, a walk-in's or a booking's: the wait screen while the agent answers, then
 * the ticket, or the problem with a retry when trying again cannot give a second ticket.
 *
 * <p>Never twice: a tap creates one idempotency key, and every retry of that tap sends the same key,
 * so a request whose answer was lost returns the ticket already issued instead of a new one.
 */
final class Issuing {
    private final TicketIssuer issuer;
    private final TicketModel ticket;
    private final ProblemModel problem;
    private final Executor background;
    private final Executor ui;
    private final Consumer<Step> goTo;

    /** @param goTo moves the flow to a step (on the FX thread) */
    Issuing(TicketIssuer issuer, TicketModel ticket, ProblemModel problem, Executor background, Executor ui,
            Consumer<Step> goTo) {
        this.issuer = issuer;
        this.ticket = ticket;
        this.problem = problem;
        this.background = background;
        this.ui = ui;
        this.goTo = goTo;
    }

    /** @param form the self-declaration to send with the number, or null */
    void walkIn(ServiceInfo s, PriorityClass group, Citizen who, Dossiers.DeclarationRequest form) {
        issue(s, group, who, form, UUID.randomUUID().toString());
    }

    private void issue(ServiceInfo s, PriorityClass group, Citizen who, Dossiers.DeclarationRequest form, String key) {
        ask(() -> issuer.issue(s, group, who, form, key), () -> issue(s, group, who, form, key));
    }

    /** Safe to retry: the agent keeps one ticket per booking. */
    void checkIn(String code) {
        ask(() -> issuer.checkIn(code), () -> checkIn(code));
    }

    private void ask(Request request, Runnable again) {
        goTo.accept(Step.ISSUING);
        problem.clear();
        background.execute(() -> {
            try {
                IssuedTicket issued = request.send();
                ui.execute(() -> {
                    ticket.show(issued);
                    goTo.accept(Step.TICKET);
                });
            } catch (AgentException e) {
                // Unreachable or a server fault: the request may have been carried out, so only a retry
                // with the same key is safe. A refusal (4xx) is final for this tap.
                boolean retryable = e.isUnreachable() || e.status() >= 500;
                ui.execute(() -> fail(e.error(), retryable ? again : null));
            }
        });
    }

    void fail(ApiError error, Runnable retryWith) {
        problem.show(error, retryWith);
        goTo.accept(Step.PROBLEM);
    }

    private interface Request {
        IssuedTicket send();
    }
}
