package vn.hanoi.branch.client;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import okhttp3.Dispatcher;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.sse.EventSource;
import okhttp3.sse.EventSourceListener;
import okhttp3.sse.EventSources;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.hanoi.branch.api.Json;
import vn.hanoi.branch.api.QueueEvent;
import vn.hanoi.branch.retry.Backoff;

/**
 * Server-sent queue events with resume: after a drop it reconnects with {@code Last-Event-ID} set to
 * the last event delivered, so no event is missed and none is delivered twice. When the agent cannot replay
 * what was missed (too far behind) it sends {@link QueueEvent#RELOAD}: the consumer reloads its snapshot.
 */
public final class EventStream implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EventStream.class);

    /** Connection state, for a status line in the UI. */
    public enum Status { CONNECTING, CONNECTED, DISCONNECTED, CLOSED }

    private final OkHttpClient http;
    private final HttpUrl url;
    private final Supplier<String> token;
    private final Consumer<QueueEvent> onEvent;
    private final Consumer<Status> onStatus;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "event-stream-reconnect");
        t.setDaemon(true);
        return t;
    });
    private volatile long lastId;
    private volatile EventSource source;
    private volatile boolean closed;
    private final Backoff backoff = Backoff.doubling(Duration.ofMillis(200), Duration.ofSeconds(5));

    EventStream(OkHttpClient base, HttpUrl url, Supplier<String> token, long afterId,
                Consumer<QueueEvent> onEvent, Consumer<Status> onStatus) {
        // SSE is long-lived: no read timeout; the agent sends a comment every few seconds as heartbeat.
        // Its own dispatcher: OkHttp's default allows 5 concurrent calls per host, and a stream holds one for good.
        Dispatcher dispatcher = new Dispatcher();
        dispatcher.setMaxRequests(64);
        dispatcher.setMaxRequestsPerHost(64);
        this.http = base.newBuilder().dispatcher(dispatcher)
                .readTimeout(Duration.ofSeconds(30)).callTimeout(Duration.ZERO).build();
        this.url = url;
        this.token = token;
        this.lastId = afterId;
        this.onEvent = onEvent;
        this.onStatus = onStatus;
        connect();
    }

    public long lastEventId() {
        return lastId;
    }

    private synchronized void connect() {
        if (closed) {
            return;
        }
        onStatus.accept(Status.CONNECTING);
        Request.Builder req = new Request.Builder().url(url).header("Last-Event-ID", Long.toString(lastId));
        String t = token.get();
        if (t != null) {
            req.header("Authorization", "Bearer " + t);
        }
        source = EventSources.createFactory(http).newEventSource(req.build(), new Listener());
    }

    private synchronized void scheduleReconnect() {
        if (closed) {
            return;
        }
        onStatus.accept(Status.DISCONNECTED);
        timer.schedule(this::connect, backoff.next().toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void close() {
        closed = true;
        EventSource s = source;
        if (s != null) {
            s.cancel();
        }
        timer.shutdownNow();
        onStatus.accept(Status.CLOSED);
    }

    private final class Listener extends EventSourceListener {
        @Override
        public void onOpen(EventSource es, Response response) {
            synchronized (EventStream.this) {
                backoff.reset();
            }
            onStatus.accept(Status.CONNECTED);
        }

        @Override
        public void onEvent(EventSource es, String id, String type, String data) {
            try {
                QueueEvent e = Json.mapper().readValue(data, QueueEvent.class);
                if (QueueEvent.RELOAD.equals(e.type())) {
                    lastId = e.id(); // may go back (a restored agent): from here on the agent's numbering counts
                    onEvent.accept(e);
                    return;
                }
                if (e.id() <= lastId) {
                    return; // already delivered before a reconnect
                }
                lastId = e.id();
                onEvent.accept(e);
            } catch (IOException ex) {
                LOG.warn("ignoring undecodable event id={} type={}", id, type);
            } catch (RuntimeException ex) {
                LOG.error("event handler failed for event id={}", id, ex);
            }
        }

        @Override
        public void onClosed(EventSource es) {
            scheduleReconnect();
        }

        @Override
        public void onFailure(EventSource es, Throwable t, Response response) {
            if (response != null) {
                response.close();
            }
            scheduleReconnect();
        }
    }
}
