package vn.hanoi.branch.agent.ticket;

import io.javalin.Javalin;
import io.javalin.http.Context;
import java.util.Optional;
import vn.hanoi.branch.agent.http.Access;
import vn.hanoi.branch.agent.http.ApiException;
import vn.hanoi.branch.agent.http.ApiServer;
import vn.hanoi.branch.agent.http.Http;
import vn.hanoi.branch.api.IssueTicketRequest;
import vn.hanoi.branch.api.Ticket;
import vn.hanoi.branch.api.CounterRequests;
import vn.hanoi.branch.api.TransferRequest;

/** HTTP endpoints of the queue: issuing, calling and moving tickets, and the queue snapshot. */
public final class TicketRoutes implements ApiServer.Routes {
    private static final int MAX_KEY_LENGTH = 100;
    private final TicketService tickets;

    public TicketRoutes(TicketService tickets) {
        this.tickets = tickets;
    }

    @Override
    public void register(Javalin app) {
        app.get("/api/v1/queue", ctx -> ctx.json(tickets.snapshot()), Access.DEVICE);
        app.post("/api/v1/tickets", this::issue, Access.KIOSK);
        app.get("/api/v1/tickets/today/{number}", ctx -> ctx.json(tickets.findToday(ctx.pathParam("number"))),
                Access.DEVICE);
        app.get("/api/v1/tickets/{id}", ctx -> ctx.json(tickets.get(Http.pathId(ctx, "id"))), Access.DEVICE);
        app.post("/api/v1/counters/{id}/call-next", this::callNext, Access.STAFF);
        app.post("/api/v1/tickets/{id}/recall",
                ctx -> ctx.json(tickets.recall(Http.principal(ctx), Http.pathId(ctx, "id"))), Access.STAFF);
        app.post("/api/v1/tickets/{id}/serve",
                ctx -> ctx.json(tickets.serve(Http.principal(ctx), Http.pathId(ctx, "id"))), Access.STAFF);
        app.post("/api/v1/tickets/{id}/finish",
                ctx -> ctx.json(tickets.finish(Http.principal(ctx), Http.pathId(ctx, "id"))), Access.STAFF);
        app.post("/api/v1/tickets/{id}/no-show",
                ctx -> ctx.json(tickets.noShow(Http.principal(ctx), Http.pathId(ctx, "id"))), Access.STAFF);
        app.post("/api/v1/tickets/{id}/cancel",
                ctx -> ctx.json(tickets.cancel(Http.principal(ctx), Http.pathId(ctx, "id"))), Access.STAFF);
        app.post("/api/v1/tickets/{id}/transfer", ctx -> ctx.json(tickets.transfer(Http.principal(ctx),
                Http.pathId(ctx, "id"), Http.body(ctx, TransferRequest.class))), Access.STAFF);
        app.post("/api/v1/tickets/{id}/return", ctx -> ctx.json(
                tickets.returnFromNoShow(Http.principal(ctx), Http.pathId(ctx, "id"))), Access.STAFF);
        app.post("/api/v1/tickets/{id}/priority", ctx -> ctx.json(tickets.setPriority(Http.principal(ctx),
                Http.pathId(ctx, "id"), Http.body(ctx, CounterRequests.PriorityChange.class))), Access.STAFF);
        app.post("/api/v1/counters/{id}/call", ctx -> ctx.json(tickets.callNumber(Http.principal(ctx),
                Http.pathId(ctx, "id"), Http.body(ctx, CounterRequests.CallNumber.class).displayNumber())), Access.STAFF);
        app.post("/api/v1/counters/{id}/state", ctx -> ctx.json(tickets.setCounterState(Http.principal(ctx),
                Http.pathId(ctx, "id"), Http.body(ctx, CounterRequests.StateChange.class))), Access.STAFF);
        app.post("/api/v1/branch/end-of-day", ctx -> ctx.json(
                java.util.Map.of("closedTickets", tickets.endOfDay(Http.principal(ctx)))), Access.SUPERVISOR);
        app.get("/api/v1/priority-classes", ctx -> ctx.json(tickets.priorityClasses()), Access.DEVICE);
    }

    private void issue(Context ctx) {
        String key = ctx.header("Idempotency-Key");
        if (key == null || key.isBlank() || key.length() > MAX_KEY_LENGTH) {
            throw ApiException.badRequest("missing_idempotency_key",
                    "Thiếu khóa chống trùng (Idempotency-Key) của yêu cầu lấy số.",
                    "An Idempotency-Key header (1-100 characters) is required to issue a ticket.");
        }
        IssueTicketRequest req = Http.body(ctx, IssueTicketRequest.class);
        TicketService.Issued issued = tickets.issue(Http.principal(ctx), req, key);
        ctx.status(issued.created() ? 201 : 200).json(issued.ticket());
    }

    private void callNext(Context ctx) {
        Optional<Ticket> t = tickets.callNext(Http.principal(ctx), Http.pathId(ctx, "id"));
        if (t.isPresent()) {
            ctx.json(t.get());
        } else {
            ctx.status(204);
        }
    }
}
