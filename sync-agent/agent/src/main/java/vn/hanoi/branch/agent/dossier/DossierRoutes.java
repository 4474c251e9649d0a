package vn.hanoi.branch.agent.dossier;

import io.javalin.Javalin;
import vn.hanoi.branch.agent.http.Access;
import vn.hanoi.branch.agent.http.ApiServer;
import vn.hanoi.branch.agent.http.Http;
import vn.hanoi.branch.api.Dossiers;

/** HTTP endpoints of procedures, self-declarations and dossiers. */
public final class DossierRoutes implements ApiServer.Routes {
    private final ProcedureCatalog catalog;
    private final SelfDeclaration declarations;
    private final DossierReception reception;
    private final DossierProgress progress;
    private final DossierQueries queries;
    private final CertifiedCopies copies;

    public DossierRoutes(ProcedureCatalog catalog, DossierHandlers dossiers, CertifiedCopies copies) {
        this.catalog = catalog;
        this.declarations = dossiers.declarations();
        this.reception = dossiers.reception();
        this.progress = dossiers.progress();
        this.queries = dossiers.queries();
        this.copies = copies;
    }

    private static int limit(String s) {
        try {
            return s == null ? 200 : Integer.parseInt(s);
        } catch (NumberFormatException e) {
            throw vn.hanoi.branch.agent.http.ApiException.badRequest("bad_limit", "Giới hạn số dòng không hợp lệ.",
                    "The limit must be a number.");
        }
    }

    private static Dossiers.State state(String s) {
        try {
            return Dossiers.State.valueOf(s.toUpperCase());
        } catch (IllegalArgumentException e) {
            throw vn.hanoi.branch.agent.http.ApiException.badRequest("bad_state", "Trạng thái hồ sơ không hợp lệ: " + s,
                    "Unknown dossier state: " + s);
        }
    }

    @Override
    public void register(Javalin app) {
        app.get("/api/v1/procedures", ctx -> ctx.json(catalog.list()), Access.DEVICE);
        app.put("/api/v1/tickets/{id}/declaration", ctx -> ctx.json(declarations.declare(Http.principal(ctx),
                Http.pathId(ctx, "id"), Http.body(ctx, Dossiers.DeclarationRequest.class))), Access.KIOSK);
        app.get("/api/v1/tickets/{id}/declaration", ctx -> ctx.json(
                declarations.declarationOfTicket(Http.principal(ctx), Http.pathId(ctx, "id"))), Access.STAFF);
        app.post("/api/v1/dossiers", ctx -> ctx.status(201).json(
                reception.receive(Http.principal(ctx), Http.body(ctx, Dossiers.Reception.class))), Access.STAFF);
        app.get("/api/v1/dossiers", ctx -> ctx.json(queries.list(
                ctx.queryParam("state") == null ? null : state(ctx.queryParam("state")),
                "true".equals(ctx.queryParam("overdue")),
                limit(ctx.queryParam("limit")))), Access.STAFF);
        app.get("/api/v1/dossiers/{id}", ctx -> ctx.json(queries.get(Http.principal(ctx), Http.pathId(ctx, "id"))),
                Access.STAFF);
        app.post("/api/v1/dossiers/{id}/state", ctx -> {
            Dossiers.StateChange s = Http.body(ctx, Dossiers.StateChange.class);
            ctx.json(progress.changeState(Http.principal(ctx), Http.pathId(ctx, "id"), s.state(), s.noteVi(), s.noteEn()));
        }, Access.STAFF);
        app.post("/api/v1/dossiers/{id}/hand-over", ctx -> ctx.json(progress.handOver(Http.principal(ctx),
                Http.pathId(ctx, "id"), Http.body(ctx, Dossiers.HandOver.class))), Access.STAFF);
        app.put("/api/v1/dossiers/{id}/certified-copy", ctx -> ctx.json(copies.certify(Http.principal(ctx),
                Http.pathId(ctx, "id"), ctx.bodyAsBytes())), Access.STAFF);
        app.get("/api/v1/dossiers/{id}/certified-copy", ctx -> ctx.contentType("application/pdf")
                .result(copies.get(Http.principal(ctx), Http.pathId(ctx, "id"))), Access.STAFF);
        app.get("/api/v1/dossiers/lookup/{code}", ctx -> ctx.json(queries.lookup(ctx.pathParam("code"))), Access.DEVICE);
    }
}
