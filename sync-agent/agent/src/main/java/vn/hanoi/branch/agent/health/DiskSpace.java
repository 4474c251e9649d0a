package vn.hanoi.branch.agent.health;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.hanoi.branch.agent.http.ApiException;

/**
 * Free space of the agent's data folders (database, documents) against the floor IT set
 * ({@code disk.free.floor.mb}). Below the floor the agent refuses new documents (scans, certified copies: the
 * big writes) so that the little space left keeps the queue running: tickets and calls are a few hundred
 * bytes each. Reading free space is one statfs call, cheap enough for every upload.
 */
public final class DiskSpace {
    private static final Logger LOG = LoggerFactory.getLogger(DiskSpace.class);

    private final List<Path> folders;
    private final long floorBytes;

    public DiskSpace(List<Path> folders, long floorBytes) {
        this.folders = List.copyOf(folders);
        this.floorBytes = floorBytes;
    }

    public long floorBytes() {
        return floorBytes;
    }

    /** The least usable space of the data folders, bytes (a folder not created yet counts its parent's). */
    public long freeBytes() {
        long min = Long.MAX_VALUE;
        for (Path f : folders) {
            Path p = f.toAbsolutePath();
            while (p != null && !Files.exists(p)) {
                p = p.getParent();
            }
            if (p == null) {
                continue;
            }
            try {
                min = Math.min(min, Files.getFileStore(p).getUsableSpace());
            } catch (IOException e) {
                LOG.warn("cannot read free space of {}: {}", p, e.getMessage());
            }
        }
        return min == Long.MAX_VALUE ? -1 : min;
    }

    public boolean belowFloor(long free) {
        return free >= 0 && free < floorBytes;
    }

    /**
     * Refuses a new document of {@code bytes} when storing it would leave less than the floor; the clerk gets
     * a message to give the paper back or keep it, IT the reason in the log and on health.
     */
    public void requireRoomFor(long bytes) {
        long free = freeBytes();
        if (free >= 0 && free - bytes < floorBytes) {
            LOG.warn("document refused: {} MB free on the data disk, below the floor of {} MB (disk.free.floor.mb)",
                    free >> 20, floorBytes >> 20);
            throw lowSpace();
        }
    }

    /** The clerk's message when documents cannot be stored (floor reached, or the disk actually full). */
    public static ApiException lowSpace() {
        return new ApiException(507, "disk_low",
                "Máy chủ chi nhánh sắp hết dung lượng nên tạm ngừng nhận tài liệu quét. Việc cấp số vẫn tiếp tục. "
                        + "Hãy giữ bản giấy và báo bộ phận IT.",
                "The branch server is low on disk space and has stopped accepting scanned documents for now. Tickets "
                        + "still work. Keep the paper copy and tell IT.");
    }
}
