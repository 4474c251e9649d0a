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
    private final TicketIssuing issuing;
    private final TicketMoves moves;
    private final CounterDesk counters;
    private final BusinessDayClose dayClose;
    private final QueueQueries queries;

    public TicketRoutes(TicketHandlers tickets) {
        this.issuing = tickets.issuing();
        this.moves = tickets.moves();
        this.counters = tickets.counters();
        this.dayClose = tickets.dayClose();
        this.queries = tickets.queries();
    }

    @Override
    public void register(Javalin app) {
        app.get("/api/v1/queue", ctx -> ctx.json(queries.snapshot()), Access.DEVICE);
        app.post("/api/v1/tickets", this::issue, Access.KIOSK);
        app.get("/api/v1/tickets/today/{number}", ctx -> ctx.json(queries.findToday(ctx.pathParam("number"))),
                Access.DEVICE);
        app.get("/api/v1/tickets/{id}", ctx -> ctx.json(queries.get(Http.pathId(ctx, "id"))), Access.DEVICE);
        app.post("/api/v1/counters/{id}/call-next", this::callNext, Access.STAFF);
        app.post("/api/v1/tickets/{id}/recall",
                ctx -> ctx.json(moves.recall(Http.principal(ctx), Http.pathId(ctx, "id"))), Access.STAFF);
        app.post("/api/v1/tickets/{id}/serve",
                ctx -> ctx.json(moves.serve(Http.principal(ctx), Http.pathId(ctx, "id"))), Access.STAFF);
        app.post("/api/v1/tickets/{id}/finish",
                ctx -> ctx.json(moves.finish(Http.principal(ctx), Http.pathId(ctx, "id"))), Access.STAFF);
        app.post("/api/v1/tickets/{id}/no-show",
                ctx -> ctx.json(moves.noShow(Http.principal(ctx), Http.pathId(ctx, "id"))), Access.STAFF);
        app.post("/api/v1/tickets/{id}/cancel",
                ctx -> ctx.json(moves.cancel(Http.principal(ctx), Http.pathId(ctx, "id"))), Access.STAFF);
        app.post("/api/v1/tickets/{id}/transfer", ctx -> ctx.json(moves.transfer(Http.principal(ctx),
                Http.pathId(ctx, "id"), Http.body(ctx, TransferRequest.class))), Access.STAFF);
        app.post("/api/v1/tickets/{id}/return", ctx -> ctx.json(
                moves.returnFromNoShow(Http.principal(ctx), Http.pathId(ctx, "id"))), Access.STAFF);
        app.post("/api/v1/tickets/{id}/priority", ctx -> ctx.json(moves.setPriority(Http.principal(ctx),
                Http.pathId(ctx, "id"), Http.body(ctx, CounterRequests.PriorityChange.class))), Access.STAFF);
        app.post("/api/v1/counters/{id}/call", ctx -> ctx.json(moves.callNumber(Http.principal(ctx),
                Http.pathId(ctx, "id"), Http.body(ctx, CounterRequests.CallNumber.class).displayNumber())), Access.STAFF);
        app.post("/api/v1/counters/{id}/state", ctx -> ctx.json(counters.setState(Http.principal(ctx),
                Http.pathId(ctx, "id"), Http.body(ctx, CounterRequests.StateChange.class))), Access.STAFF);
        app.post("/api/v1/branch/end-of-day", ctx -> ctx.json(
                java.util.Map.of("closedTickets", dayClose.close(Http.principal(ctx)))), Access.SUPERVISOR);
        app.get("/api/v1/priority-classes", ctx -> ctx.json(queries.priorityClasses()), Access.DEVICE);
    }

    private void issue(Context ctx) {
        String key = ctx.header("Idempotency-Key");
        if (key == null || key.isBlank() || key.length() > MAX_KEY_LENGTH) {
            throw ApiException.badRequest("missing_idempotency_key",
                    "Thiếu khóa chống trùng (Idempotency-Key) của yêu cầu lấy số.",
                    "An Idempotency-Key header (1-100 characters) is required to issue a ticket.");
        }
        IssueTicketRequest req = Http.body(ctx, IssueTicketRequest.class);
        TicketIssuing.Issued issued = issuing.issue(Http.principal(ctx), req, key);
        ctx.status(issued.created() ? 201 : 200).json(issued.ticket());
    }

    private void callNext(Context ctx) {
        Optional<Ticket> t = moves.callNext(Http.principal(ctx), Http.pathId(ctx, "id"));
        if (t.isPresent()) {
            ctx.json(t.get());
        } else {
            ctx.status(204);
        }
    }
}
