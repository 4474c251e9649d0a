package vn.hanoi.branch.agent.db;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;

/**
 * The writer's transaction as seen by one unit of work. Side effects that must only happen once the
 * data is durable (pushing events to screens) are registered with {@link #afterCommit}.
 */
public final class WriteTx {
    private final Connection connection;
    private final long now;
    private final List<Runnable> afterCommit = new ArrayList<>();

    WriteTx(Connection connection, long now) {
        this.connection = connection;
        this.now = now;
    }

    public Connection connection() {
        return connection;
    }

    /** Wall-clock time of this unit of work, epoch milliseconds. */
    public long now() {
        return now;
    }

    public void afterCommit(Runnable r) {
        afterCommit.add(r);
    }

    List<Runnable> afterCommitActions() {
        return afterCommit;
    }
}
