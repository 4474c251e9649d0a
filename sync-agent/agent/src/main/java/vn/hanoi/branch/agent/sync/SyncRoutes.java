package vn.hanoi.branch.agent.sync;

import io.javalin.Javalin;
import java.util.function.Supplier;
import vn.hanoi.branch.agent.http.Access;
import vn.hanoi.branch.agent.http.ApiServer;
import vn.hanoi.branch.api.SyncStatus;

/** The sync figures for IT and supervisors (also inside {@code /api/v1/health}). */
public final class SyncRoutes implements ApiServer.Routes {
    private final Supplier<SyncStatus> status;

    public SyncRoutes(Supplier<SyncStatus> status) {
        this.status = status;
    }

    @Override
    public void register(Javalin app) {
        app.get("/api/v1/sync/status", ctx -> ctx.json(status.get()), Access.SUPERVISOR);
    }
}
