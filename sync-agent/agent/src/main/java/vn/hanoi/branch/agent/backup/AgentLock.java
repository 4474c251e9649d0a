package vn.hanoi.branch.agent.backup;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * "An agent runs on this database": an OS file lock on {@code <db>.lock}, held for the agent's life.
 * The OS releases it when the process dies, even by SIGKILL, so a stale lock never blocks a restart.
 * Restore refuses to run while it is held; a second agent on the same file refuses to start.
 */
public final class AgentLock implements AutoCloseable {
    private final FileChannel channel;
    private final FileLock lock;

    private AgentLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** The lock, or null when another process (or this one) holds it. */
    public static AgentLock tryAcquire(Path dbFile) throws IOException {
        Path file = dbFile.toAbsolutePath().resolveSibling(dbFile.getFileName() + ".lock");
        Files.createDirectories(file.getParent());
        FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        try {
            FileLock l = ch.tryLock();
            if (l == null) {
                ch.close();
                return null;
            }
            return new AgentLock(ch, l);
        } catch (OverlappingFileLockException e) {
            ch.close();
            return null;
        }
    }

    @Override
    public void close() throws IOException {
        lock.release();
        channel.close();
    }
}
