package vn.hanoi.branch.agent.metrics;

import io.javalin.http.Context;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import vn.hanoi.branch.agent.db.Database;
import vn.hanoi.branch.agent.db.WriteRefused;
import vn.hanoi.branch.agent.db.WriteStats;
import vn.hanoi.branch.agent.event.EventHub;
import vn.hanoi.branch.agent.health.HealthMonitor;
import vn.hanoi.branch.agent.http.RequestStats;
import vn.hanoi.branch.agent.sync.Outbox;

/**
 * The agent's figures in the Prometheus text format (version 0.0.4), for IT's monitoring: the single writer
 * (latency, queue, refusals, watchdog), requests by route and status, event stream subscribers, the outbox
 * backlog and its age, disk free against the floor, the write probe, the newest backup's age.
 *
 * <p>Written by hand rather than with Micrometer: a dozen figures the agent already counts, one text format,
 * and no registry, meter binder or extra jars in every branch's package. Each scrape reads the counters in
 * memory plus two small queries (outbox backlog over its partial index, the newest backup file).
 */
public final class Metrics {
    private final Database db;
    private final RequestStats requests;
    private final EventHub events;
    private final HealthMonitor health;
    private final Supplier<Optional<Instant>> newestBackup;
    private final LongSupplier deadLetters;
    private final Clock clock;

    public Metrics(Database db, RequestStats requests, EventHub events, HealthMonitor health,
                   Supplier<Optional<Instant>> newestBackup, LongSupplier deadLetters, Clock clock) {
        this.deadLetters = deadLetters;
        this.db = db;
        this.requests = requests;
        this.events = events;
        this.health = health;
        this.newestBackup = newestBackup;
        this.clock = clock;
    }

    /** GET /api/v1/metrics. */
    public void scrape(Context ctx) {
        ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(text());
    }

    public String text() {
        PrometheusText out = new PrometheusText();
        WriteStats w = db.stats();
        out.histogram("branch_agent_db_write_seconds", "Time callers waited for a write: queue plus commit (fsync).",
                WriteStats.BOUNDS, w::bucket, w.count(), w.sumSeconds());
        out.gauge("branch_agent_db_write_queue_depth", "Writes waiting for the single writer now.", db.queueDepth());
        out.header("branch_agent_db_writes_refused_total", "counter",
                "Writes refused: busy (queue full), timeout, uncertain, writer_down, disk_full.");
        for (WriteRefused.Reason r : WriteRefused.Reason.values()) {
            out.sample("branch_agent_db_writes_refused_total", Map.of("reason", r.name().toLowerCase()), w.refusedCount(r));
        }
        out.gauge("branch_agent_db_writer_up", "1 while the writer thread works, 0 once the watchdog declared it lost.",
                db.writerLost() == null ? 1 : 0);
        out.gauge("branch_agent_db_writer_busy_seconds", "How long the running commit has taken so far (0 when idle).",
                db.writerBusySeconds());

        HealthMonitor.Snapshot h = health.last();
        out.gauge("branch_agent_write_probe_ok", "1 when the last periodic write probe committed.", h.writeOk() ? 1 : 0);
        out.gauge("branch_agent_write_probe_seconds", "How long the last write probe took.", h.writeSeconds());
        out.gauge("branch_agent_disk_free_bytes", "Least free space of the database and documents folders (last check).",
                h.diskFreeBytes());
        out.gauge("branch_agent_disk_floor_bytes", "Below this free space new documents are refused (disk.free.floor.mb).",
                health.disk().floorBytes());

        out.header("branch_agent_http_requests_total", "counter", "Requests answered, by method, route and status.");
        Map<RequestStats.Key, RequestStats.Totals> byRoute = requests.snapshot();
        byRoute.forEach((k, t) -> out.sample("branch_agent_http_requests_total", labels(k), t.count()));
        out.header("branch_agent_http_request_seconds_total", "counter", "Time spent answering, by method, route and status.");
        byRoute.forEach((k, t) -> out.sample("branch_agent_http_request_seconds_total", labels(k), t.seconds()));

        out.gauge("branch_agent_event_subscribers", "Open event streams (counters, hall screens).", events.subscriberCount());

        Outbox.Backlog backlog = Outbox.backlog(db);
        long now = clock.millis();
        out.gauge("branch_agent_outbox_backlog", "Outbox events not yet acknowledged by the city.", backlog.size());
        out.gauge("branch_agent_outbox_oldest_age_seconds", "Age of the oldest unacknowledged outbox event (0 when none).",
                backlog.oldestCreatedAt() == null ? 0 : (now - backlog.oldestCreatedAt()) / 1000.0);
        out.gauge("branch_agent_sync_dead_letters", "Sync items parked for IT: refused by the city or failing to apply"
                + " (branch-agent dead-letters).", deadLetters.getAsLong());
        Optional<Instant> newest = newestBackup.get();
        out.gauge("branch_agent_backup_age_seconds", "Age of the newest backup (-1 when there is none).",
                newest.map(t -> (now - t.toEpochMilli()) / 1000.0).orElse(-1.0));
        return out.toString();
    }

    private static Map<String, String> labels(RequestStats.Key k) {
        return new java.util.LinkedHashMap<>(Map.of("method", k.method(), "route", k.route(),
                "status", Integer.toString(k.status())));
    }
}
