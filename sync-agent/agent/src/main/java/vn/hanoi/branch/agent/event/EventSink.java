package vn.hanoi.branch.agent.event;

import java.io.IOException;
import vn.hanoi.branch.api.QueueEvent;

/** Where a subscriber's events go (an SSE connection). Calls come from one thread at a time. */
public interface EventSink {
    void send(QueueEvent event) throws IOException;

    /** Keeps idle connections alive and lets both ends notice a dead one. */
    void heartbeat() throws IOException;

    boolean isOpen();
}
