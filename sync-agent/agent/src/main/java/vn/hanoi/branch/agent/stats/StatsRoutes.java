package vn.hanoi.branch.agent.stats;

import io.javalin.Javalin;
import vn.hanoi.branch.agent.http.Access;
import vn.hanoi.branch.agent.http.ApiServer;

/** The supervisor's figures of the day; supervisors only, although they hold no personal data. */
public final class StatsRoutes implements ApiServer.Routes {
    private final StatsService stats;

    public StatsRoutes(StatsService stats) {
        this.stats = stats;
    }

    @Override
    public void register(Javalin app) {
        app.get("/api/v1/stats/today", ctx -> ctx.json(stats.today()), Access.SUPERVISOR);
    }
}
