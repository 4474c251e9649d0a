package vn.hanoi.branch.agent.auth;

import io.javalin.Javalin;
import vn.hanoi.branch.agent.http.Access;
import vn.hanoi.branch.agent.http.ApiServer;
import vn.hanoi.branch.agent.http.Http;
import vn.hanoi.branch.api.Sessions;

/** Staff login/logout on a paired device, and account creation by IT. */
public final class AuthRoutes implements ApiServer.Routes {
    private final AuthService auth;

    public AuthRoutes(AuthService auth) {
        this.auth = auth;
    }

    @Override
    public void register(Javalin app) {
        app.post("/api/v1/sessions", ctx -> ctx.status(201)
                .json(auth.login(Http.principal(ctx), Http.body(ctx, Sessions.Login.class))), Access.DEVICE);
        app.delete("/api/v1/sessions/current", ctx -> {
            auth.logout(Http.principal(ctx), Http.bearer(ctx));
            ctx.status(204);
        }, Access.STAFF);
        app.post("/api/v1/users", ctx -> ctx.status(201)
                .json(auth.createUser(Http.principal(ctx), Http.body(ctx, Sessions.NewUser.class))), Access.IT);
    }
}
