package vn.hanoi.branch.agent.dossier;

import io.javalin.Javalin;
import vn.hanoi.branch.agent.http.Access;
import vn.hanoi.branch.agent.http.ApiServer;
import vn.hanoi.branch.agent.http.Http;
import vn.hanoi.branch.shared.api.Dossiers;

/** HTTP endpoints of procedures, self-declarations and dossiers. */
public final class DossierRoutes implements ApiServer.Routes {
    private final ProcedureCatalog catalog;
    private final DossierService dossiers;

    public DossierRoutes(ProcedureCatalog catalog, DossierService dossiers) {
        this.catalog = catalog;
        this.dossiers = dossiers;
    }

    @Override
    public void register(Javalin app) {
        app.get("/api/v1/procedures", ctx -> ctx.json(catalog.list()), Access.DEVICE);
        app.put("/api/v1/tickets/{id}/declaration", ctx -> ctx.json(dossiers.declare(Http.principal(ctx),
                Http.pathId(ctx, "id"), Http.body(ctx, Dossiers.DeclarationRequest.class))), Access.KIOSK);
        app.get("/api/v1/tickets/{id}/declaration", ctx -> ctx.json(
                dossiers.declarationOfTicket(Http.principal(ctx), Http.pathId(ctx, "id"))), Access.STAFF);
        app.post("/api/v1/dossiers/{id}/receive", ctx -> ctx.json(
                dossiers.receive(Http.principal(ctx), Http.pathId(ctx, "id"))), Access.STAFF);
        app.post("/api/v1/dossiers/{id}/state", ctx -> {
            Dossiers.StateChange s = Http.body(ctx, Dossiers.StateChange.class);
            ctx.json(dossiers.changeState(Http.principal(ctx), Http.pathId(ctx, "id"), s.state(), s.noteVi(), s.noteEn()));
        }, Access.STAFF);
        app.get("/api/v1/dossiers/lookup/{code}", ctx -> ctx.json(dossiers.lookup(ctx.pathParam("code"))), Access.DEVICE);
    }
}
