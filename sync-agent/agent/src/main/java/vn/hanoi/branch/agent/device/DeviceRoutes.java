package vn.hanoi.branch.agent.device;

import io.javalin.Javalin;
import vn.hanoi.branch.agent.http.Access;
import vn.hanoi.branch.agent.http.ApiServer;
import vn.hanoi.branch.agent.http.Http;
import vn.hanoi.branch.api.Pairing;

/** Pairing codes (IT) and the pairing call itself (public: the device has no token yet). */
public final class DeviceRoutes implements ApiServer.Routes {
    private final DeviceRegistry devices;

    public DeviceRoutes(DeviceRegistry devices) {
        this.devices = devices;
    }

    @Override
    public void register(Javalin app) {
        app.post("/api/v1/devices/pairing-codes", ctx -> ctx.status(201)
                .json(devices.createCode(Http.principal(ctx), Http.body(ctx, Pairing.CodeRequest.class))), Access.IT);
        app.post("/api/v1/devices/pair", ctx -> ctx.status(201)
                .json(devices.pair(Http.body(ctx, Pairing.Request.class))), Access.PUBLIC);
        app.delete("/api/v1/devices/{id}", ctx -> {
            devices.revoke(Http.principal(ctx), Http.pathId(ctx, "id"));
            ctx.status(204);
        }, Access.IT);
    }
}
