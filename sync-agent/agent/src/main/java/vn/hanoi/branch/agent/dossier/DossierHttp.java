package vn.hanoi.branch.agent.dossier;

import io.javalin.http.Context;
import vn.hanoi.branch.agent.http.ApiException;
import vn.hanoi.branch.agent.http.Http;
import vn.hanoi.branch.api.Dossiers;

/** The dossier endpoints that read query parameters or a body first (the route table points here). */
public final class DossierHttp {
    private final DossierHandlers dossiers;

    public DossierHttp(DossierHandlers dossiers) {
        this.dossiers = dossiers;
    }

    /** The tracking list: {@code ?state=}, {@code ?overdue=true}, {@code ?limit=} (default 200). */
    public void list(Context ctx) {
        ctx.json(dossiers.queries().list(ctx.queryParam("state") == null ? null : state(ctx.queryParam("state")),
                "true".equals(ctx.queryParam("overdue")), limit(ctx.queryParam("limit"))));
    }

    public void changeState(Context ctx) {
        Dossiers.StateChange s = Http.body(ctx, Dossiers.StateChange.class);
        ctx.json(dossiers.progress().changeState(Http.principal(ctx), Http.pathId(ctx, "id"), s.state(), s.noteVi(),
                s.noteEn()));
    }

    private static int limit(String s) {
        try {
            return s == null ? 200 : Integer.parseInt(s);
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("bad_limit", "Giới hạn số dòng không hợp lệ.", "The limit must be a number.");
        }
    }

    private static Dossiers.State state(String s) {
        try {
            return Dossiers.State.valueOf(s.toUpperCase());
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("bad_state", "Trạng thái hồ sơ không hợp lệ: " + s,
                    "Unknown dossier state: " + s);
        }
    }
}
