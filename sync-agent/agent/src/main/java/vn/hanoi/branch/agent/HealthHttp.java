package vn.hanoi.branch.agent;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import vn.hanoi.branch.agent.db.Database;
import vn.hanoi.branch.agent.event.EventHub;
import vn.hanoi.branch.agent.setup.SetupState;
import vn.hanoi.branch.api.Health;

/** Health (for IT and monitoring) and the OpenAPI description of the LAN API (the route table points here). */
final class HealthHttp {
    private final Database db;
    private final EventHub events;
    private final Instant startedAt;
    private final byte[] openApi;
    private final java.util.function.Supplier<vn.hanoi.branch.api.SyncStatus> sync;

    HealthHttp(Database db, EventHub events, Instant startedAt,
                 java.util.function.Supplier<vn.hanoi.branch.api.SyncStatus> sync) {
        this.sync = sync;
        this.db = db;
        this.events = events;
        this.startedAt = startedAt;
        try (InputStream in = HealthHttp.class.getResourceAsStream("/openapi.json")) {
            this.openApi = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** 200 when the database answers (status "not_set_up" before branch-agent setup), 503 (degraded) when not. */
    void health(Context ctx) {
        boolean dbOk = db.healthy();
        boolean setUp = dbOk && db.read(SetupState::isSetUp);
        String status = !dbOk ? "degraded" : setUp ? "ok" : Health.NOT_SET_UP;
        ctx.status(dbOk ? 200 : 503).json(new Health(status, Agent.version(), startedAt, dbOk,
                dbOk ? events.lastId() : -1, events.subscriberCount(), dbOk ? sync.get() : null,
                dbOk && !setUp ? SetupState.MESSAGE_VI : null, dbOk && !setUp ? SetupState.MESSAGE_EN : null));
    }

    void openApi(Context ctx) {
        ctx.contentType("application/json").result(openApi);
    }
}
