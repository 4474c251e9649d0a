package vn.hanoi.branch.agent.db;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

/** One write waiting for the writer: its work, its caller's future, and who got to it first (writer or deadline). */
final class Pending<T> {
    private static final int QUEUED = 0;
    private static final int RUNNING = 1;
    private static final int WITHDRAWN = 2;

    final WriteWork<T> work;
    final CompletableFuture<T> result = new CompletableFuture<>();
    private final AtomicInteger state = new AtomicInteger();

    Pending(WriteWork<T> work) {
        this.work = work;
    }

    /** The writer takes it; false when its caller already gave up. */
    boolean start() {
        return state.compareAndSet(QUEUED, RUNNING);
    }

    /** The caller gives up; false when the writer already runs it (its outcome is then unknown). */
    boolean withdraw() {
        return state.compareAndSet(QUEUED, WITHDRAWN);
    }

    @SuppressWarnings("unchecked")
    void complete(Object r) {
        result.complete((T) r);
    }
}
