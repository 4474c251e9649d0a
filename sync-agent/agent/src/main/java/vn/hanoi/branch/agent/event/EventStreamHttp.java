package vn.hanoi.branch.agent.event;

import io.javalin.http.sse.SseClient;
import java.io.IOException;
import vn.hanoi.branch.api.Json;
import vn.hanoi.branch.api.QueueEvent;

/**
 * Server-sent events of the queue. Resume point: the standard {@code Last-Event-ID} header (sent by
 * browsers' EventSource on reconnect) or {@code ?after=} for a first connection after a snapshot. Without
 * either, or too far back, the client gets {@code queue.reload} instead of the whole history (EventHub).
 */
public final class EventStreamHttp {
    private final EventHub hub;

    public EventStreamHttp(EventHub hub) {
        this.hub = hub;
    }

    /** Follows the queue from the resume point until the client goes away. */
    public void follow(SseClient client) {
        client.keepAlive();
        long after = resumePoint(client);
        EventHub.Subscription s = hub.subscribe(after, new SseSink(client));
        client.onClose(s::cancel);
    }

    private static long resumePoint(SseClient client) {
        String last = client.ctx().header("Last-Event-ID");
        if (last == null || last.isBlank()) {
            last = client.ctx().queryParam("after");
        }
        try {
            return last == null || last.isBlank() ? EventHub.UNKNOWN : Math.max(0, Long.parseLong(last.trim()));
        } catch (NumberFormatException e) {
            return EventHub.UNKNOWN;
        }
    }

    private record SseSink(SseClient client) implements EventSink {
        @Override
        public void send(QueueEvent e) throws IOException {
            client.sendEvent(e.type(), Json.mapper().writeValueAsString(e), Long.toString(e.id()));
            if (client.terminated()) {
                throw new IOException("client disconnected");
            }
        }

        @Override
        public void heartbeat() throws IOException {
            client.sendComment("heartbeat");
            if (client.terminated()) {
                throw new IOException("client disconnected");
            }
        }

        @Override
        public boolean isOpen() {
            return !client.terminated();
        }
    }
}
