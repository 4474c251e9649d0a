package vn.hanoi.branch.agent.device;

import io.javalin.Javalin;
import vn.hanoi.branch.agent.http.Access;
import vn.hanoi.branch.agent.http.ApiServer;
import vn.hanoi.branch.agent.http.Http;
import vn.hanoi.branch.api.DeviceHealth;

/** HTTP endpoints of print jobs and device alerts. */
public final class DeviceHealthRoutes implements ApiServer.Routes {
    private final DeviceHealthService health;

    public DeviceHealthRoutes(DeviceHealthService health) {
        this.health = health;
    }

    @Override
    public void register(Javalin app) {
        app.post("/api/v1/tickets/{id}/print-jobs", ctx -> ctx.status(201).json(health.recordPrint(
                Http.principal(ctx), Http.pathId(ctx, "id"), Http.body(ctx, DeviceHealth.PrintReport.class))), Access.DEVICE);
        app.get("/api/v1/tickets/{id}/print-jobs", ctx -> ctx.json(health.printJobs(Http.pathId(ctx, "id"))), Access.DEVICE);
        app.post("/api/v1/devices/self/status", ctx -> {
            health.report(Http.principal(ctx), Http.body(ctx, DeviceHealth.ComponentStatus.class));
            ctx.status(204);
        }, Access.DEVICE);
        app.get("/api/v1/alerts", ctx -> ctx.json(health.openAlerts()), Access.SUPERVISOR);
    }
}
