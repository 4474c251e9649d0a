package vn.hanoi.branch.agent.branch;

import io.javalin.Javalin;
import vn.hanoi.branch.agent.http.Access;
import vn.hanoi.branch.agent.http.ApiException;
import vn.hanoi.branch.agent.http.ApiServer;

/** Read-only branch configuration for kiosks, counters and screens. */
public final class BranchRoutes implements ApiServer.Routes {
    private final BranchDirectory directory;

    public BranchRoutes(BranchDirectory directory) {
        this.directory = directory;
    }

    @Override
    public void register(Javalin app) {
        app.get("/api/v1/branch", ctx -> ctx.json(directory.branch().orElseThrow(() ->
                ApiException.notFound("branch_not_configured", "Chi nhánh chưa được cấu hình.",
                        "The branch is not configured yet."))), Access.DEVICE);
        app.get("/api/v1/services", ctx -> ctx.json(directory.services()), Access.DEVICE);
        app.get("/api/v1/counters", ctx -> ctx.json(directory.counters()), Access.DEVICE);
    }
}
