package vn.hanoi.branch.agent.event;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.hanoi.branch.agent.db.Database;
import vn.hanoi.branch.agent.db.WriteTx;
import vn.hanoi.branch.api.Json;
import vn.hanoi.branch.api.QueueEvent;
import vn.hanoi.branch.api.Ticket;

/**
 * Queue events: persisted in the same transaction as the change they describe, pushed to
 * subscribers once committed.
 *
 * <p>Each subscriber has its own bounded queue and its own (virtual) thread, so a slow TV on bad Wi-Fi
 * never holds up the writer or the other screens. A subscriber first replays what it missed from the
 * database, then follows live events; one that falls too far behind is switched back to replaying
 * from the database, so nothing is ever dropped. Events written by another process on the same file
 * (the command line's {@code setup}) reach subscribers at their next quiet heartbeat.
 */
public final class EventHub implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EventHub.class);
    private static final int REPLAY_PAGE = 500;
    private static final int LIVE_BUFFER = 1_000;

    private final Database db;
    private final Duration heartbeat;
    private final Set<Subscription> subscriptions = ConcurrentHashMap.newKeySet();
    private volatile long lastPublished;

    public EventHub(Database db, Duration heartbeat) {
        this.db = db;
        this.heartbeat = heartbeat;
        this.lastPublished = lastId();
    }

    /**
     * Records an event in the caller's transaction; subscribers see it after the commit. Features write
     * events through {@link vn.hanoi.branch.agent.effects.Effects}, which also sends them to the city.
     */
    public QueueEvent append(WriteTx tx, String type, Ticket ticket, Long counterId) throws SQLException {
        long id;
        try (PreparedStatement ps = tx.connection().prepareStatement(
                "INSERT INTO queue_event (type, at, payload) VALUES (?, ?, '') RETURNING id")) {
            ps.setString(1, type);
            ps.setLong(2, tx.now());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                id = rs.getLong(1);
            }
        }
        QueueEvent event = new QueueEvent(id, type, Instant.ofEpochMilli(tx.now()), ticket, counterId);
        try (PreparedStatement ps = tx.connection().prepareStatement("UPDATE queue_event SET payload = ? WHERE id = ?")) {
            ps.setString(1, Json.mapper().writeValueAsString(event));
            ps.setLong(2, id);
            ps.executeUpdate();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        tx.afterCommit(() -> publish(event));
        return event;
    }

    public long lastId() {
        return db.read(c -> {
            try (Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT coalesce(max(id), 0) FROM queue_event")) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    /** Events with id greater than {@code afterId}, oldest first. */
    public List<QueueEvent> since(long afterId, int limit) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT payload FROM queue_event WHERE id > ? ORDER BY id LIMIT ?")) {
                ps.setLong(1, afterId);
                ps.setInt(2, limit);
                List<QueueEvent> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(Json.mapper().readValue(rs.getString(1), QueueEvent.class));
                    }
                } catch (IOException e) {
                    throw new SQLException("corrupt queue event payload", e);
                }
                return out;
            }
        });
    }

    public int subscriberCount() {
        return subscriptions.size();
    }

    /**
     * Starts delivering every event after {@code afterId} to {@code sink} until it closes. Returns at
     * once; delivery runs on the subscription's own thread.
     */
    public Subscription subscribe(long afterId, EventSink sink) {
        Subscription s = new Subscription(afterId, sink);
        subscriptions.add(s); // registered before replay starts, so nothing falls between the two
        Thread.ofVirtual().name("events-" + afterId).start(s::run);
        return s;
    }

    private void publish(QueueEvent e) {
        lastPublished = e.id();
        for (Subscription s : subscriptions) {
            s.offer(e);
        }
    }

    @Override
    public void close() {
        for (Subscription s : subscriptions) {
            s.cancel();
        }
    }

    /** One subscriber's delivery. */
    public final class Subscription {
        private final EventSink sink;
        private final BlockingQueue<QueueEvent> live = new ArrayBlockingQueue<>(LIVE_BUFFER);
        private volatile boolean lagging;
        private volatile boolean cancelled;
        private long delivered;

        private Subscription(long afterId, EventSink sink) {
            this.sink = sink;
            this.delivered = afterId;
        }

        void offer(QueueEvent e) {
            if (!live.offer(e)) {
                lagging = true;
            }
        }

        public void cancel() {
            cancelled = true;
            live.offer(new QueueEvent(-1, "", Instant.EPOCH, null, null)); // wakes the thread
        }

        private void run() {
            try {
                replay();
                while (!cancelled && sink.isOpen()) {
                    QueueEvent e = live.poll(heartbeat.toMillis(), TimeUnit.MILLISECONDS);
                    if (lagging) {
                        lagging = false;
                        live.clear();
                        replay();
                    } else if (e == null) {
                        // quiet: also the moment to pick up events another process wrote (branch-agent setup)
                        long latest = lastId();
                        if (latest > delivered) {
                            replay(latest);
                        } else {
                            sink.heartbeat();
                        }
                    } else if (e.id() > delivered + 1) {
                        replay(e.id()); // a gap: another process wrote events in between; the database has them
                    } else if (e.id() > delivered) {
                        deliver(e);
                    }
                }
            } catch (IOException e) {
                LOG.debug("event subscriber gone: {}", e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                LOG.warn("event subscriber failed", e);
            } finally {
                subscriptions.remove(this);
            }
        }

        private void replay() throws IOException {
            replay(lastPublished);
        }

        private void replay(long upTo) throws IOException {
            while (delivered < upTo && !cancelled) {
                List<QueueEvent> page = since(delivered, REPLAY_PAGE);
                if (page.isEmpty()) {
                    return;
                }
                for (QueueEvent e : page) {
                    deliver(e);
                }
            }
        }

        private void deliver(QueueEvent e) throws IOException {
            sink.send(e);
            delivered = e.id();
        }
    }
}
