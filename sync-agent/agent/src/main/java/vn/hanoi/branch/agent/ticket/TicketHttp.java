package vn.hanoi.branch.agent.ticket;

import io.javalin.http.Context;
import java.util.Optional;
import vn.hanoi.branch.agent.http.ApiException;
import vn.hanoi.branch.agent.http.Http;
import vn.hanoi.branch.api.IssueTicketRequest;
import vn.hanoi.branch.api.Ticket;

/** The queue endpoints whose answer depends on more than the handler's result (the route table points here). */
public final class TicketHttp {
    private static final int MAX_KEY_LENGTH = 100;
    private final TicketHandlers tickets;

    public TicketHttp(TicketHandlers tickets) {
        this.tickets = tickets;
    }

    /** 201 for a new ticket, 200 when the same Idempotency-Key was answered before. */
    public void issue(Context ctx) {
        String key = ctx.header("Idempotency-Key");
        if (key == null || key.isBlank() || key.length() > MAX_KEY_LENGTH) {
            throw ApiException.badRequest("missing_idempotency_key",
                    "Thiếu khóa chống trùng (Idempotency-Key) của yêu cầu lấy số.",
                    "An Idempotency-Key header (1-100 characters) is required to issue a ticket.");
        }
        IssueTicketRequest req = Http.body(ctx, IssueTicketRequest.class);
        TicketIssuing.Issued issued = tickets.issuing().issue(Http.principal(ctx), req, key);
        ctx.status(issued.created() ? 201 : 200).json(issued.ticket());
    }

    /** 204 when nobody waits for this counter. */
    public void callNext(Context ctx) {
        Optional<Ticket> t = tickets.moves().callNext(Http.principal(ctx), Http.pathId(ctx, "id"));
        if (t.isPresent()) {
            ctx.json(t.get());
        } else {
            ctx.status(204);
        }
    }
}
