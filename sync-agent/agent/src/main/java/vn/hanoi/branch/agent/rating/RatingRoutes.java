package vn.hanoi.branch.agent.rating;

import io.javalin.Javalin;
import vn.hanoi.branch.agent.http.Access;
import vn.hanoi.branch.agent.http.ApiServer;
import vn.hanoi.branch.agent.http.Http;
import vn.hanoi.branch.api.Ratings;

/** HTTP endpoints of citizens' satisfaction ratings. */
public final class RatingRoutes implements ApiServer.Routes {
    private final RatingService ratings;

    public RatingRoutes(RatingService ratings) {
        this.ratings = ratings;
    }

    @Override
    public void register(Javalin app) {
        // From the screens the citizen touches only: not a clerk's session, not a hall screen.
        app.post("/api/v1/tickets/{id}/rating", ctx -> {
            RatingService.Recorded r = ratings.rate(Http.principal(ctx), Http.pathId(ctx, "id"),
                    Http.body(ctx, Ratings.RatingRequest.class));
            ctx.status(r.created() ? 201 : 200).json(r.rating());
        }, Access.CITIZEN_DEVICE);
        app.get("/api/v1/tickets/{id}/rating", ctx -> ctx.json(ratings.get(Http.pathId(ctx, "id"))), Access.DEVICE);
        app.get("/api/v1/ratings/summary", ctx -> ctx.json(ratings.summary(ctx.queryParam("from"), ctx.queryParam("to"))),
                Access.SUPERVISOR);
    }
}
