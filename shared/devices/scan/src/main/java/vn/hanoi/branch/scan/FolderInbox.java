package vn.hanoi.branch.scan;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Scan-to-folder, what most office scanners offer (SMB share or USB folder, on Windows and Linux): the
 * scanner drops files into {@code dir}; a scan takes every file there whose size has stopped changing
 * (a file still being written is left for the next time), in the order they arrived, waiting up to
 * {@code firstFileWait} for the first one. A file moves to {@code done/} only after all its pages were
 * handed over (and so spooled), so a crash never loses one: it is simply read again. A file that cannot
 * be read goes to {@code rejected/} with the reason shown to the clerk.
 */
public final class FolderInbox implements ScanSource {
    private final Path dir;
    private final Duration firstFileWait;
    private final Duration settle;

    public FolderInbox(Path dir, Duration firstFileWait, Duration settle) {
        this.dir = dir;
        this.firstFileWait = firstFileWait;
        this.settle = settle;
    }

    public FolderInbox(Path dir) {
        this(dir, Duration.ofSeconds(30), Duration.ofMillis(700));
    }

    @Override
    public String name() {
        return "Thư mục quét / Scan folder: " + dir;
    }

    @Override
    public int scan(ScanSettings settings, PageSink sink, BooleanSupplier cancelled) throws ScanException {
        try {
            Files.createDirectories(dir);
            long deadline = System.nanoTime() + firstFileWait.toNanos();
            List<Path> files = stable(waiting());
            while (files.isEmpty() && !cancelled.getAsBoolean() && System.nanoTime() < deadline) {
                // Nothing finished yet: wait for a file to appear (or the one arriving to be complete).
                waitForAny(cancelled, deadline);
                files = stable(waiting());
            }
            int pages = 0;
            ScanException firstProblem = null;
            for (Path f : files) {
                if (cancelled.getAsBoolean()) {
                    break;
                }
                try {
                    pages += FileImport.read(f, settings, sink, cancelled);
                    moveTo(f, "done");
                } catch (ScanException e) {
                    moveTo(f, "rejected");
                    if (firstProblem == null) {
                        firstProblem = e;
                    }
                }
            }
            if (pages == 0 && firstProblem != null) {
                throw firstProblem;
            }
            if (pages == 0 && files.isEmpty()) {
                throw new ScanException("no_paper", "Chưa có tệp nào trong thư mục quét " + dir + ".",
                        "No file has arrived in the scan folder " + dir + ".");
            }
            return pages;
        } catch (IOException e) {
            throw new ScanException("scanner_failed", "Không dùng được thư mục quét " + dir + ": " + e.getMessage(),
                    "The scan folder " + dir + " cannot be used: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    /** Files waiting, oldest first; hidden and temporary files (a scanner's upload in progress) are not. */
    List<Path> waiting() throws IOException {
        List<Path> out = new ArrayList<>();
        try (var s = Files.list(dir)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                String n = p.getFileName().toString();
                if (Files.isRegularFile(p) && !n.startsWith(".") && !n.startsWith("~") && !n.endsWith(".tmp")
                        && !n.endsWith(".part")) {
                    out.add(p);
                }
            }
        }
        out.sort(Comparator.comparing((Path p) -> {
            try {
                return Files.getLastModifiedTime(p).toMillis();
            } catch (IOException e) {
                return Long.MAX_VALUE;
            }
        }).thenComparing(p -> p.getFileName().toString()));
        return out;
    }

    private void waitForAny(BooleanSupplier cancelled, long deadline) throws IOException, InterruptedException {
        if (!waiting().isEmpty()) {
            return; // one is arriving: check again after the settle time
        }
        try (WatchService ws = FileSystems.getDefault().newWatchService()) {
            dir.register(ws, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY);
            while (waiting().isEmpty() && !cancelled.getAsBoolean() && System.nanoTime() < deadline) {
                // Polled too (every 250 ms): watch events do not arrive for every network share.
                var key = ws.poll(250, TimeUnit.MILLISECONDS);
                if (key != null) {
                    key.pollEvents();
                    key.reset();
                }
            }
        }
    }

    /** Those whose size and time did not change over the settle time. */
    private List<Path> stable(List<Path> files) throws IOException, InterruptedException {
        List<long[]> before = new ArrayList<>();
        for (Path f : files) {
            before.add(new long[] {Files.size(f), Files.getLastModifiedTime(f).toMillis()});
        }
        Thread.sleep(settle.toMillis());
        List<Path> out = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            Path f = files.get(i);
            if (Files.exists(f) && Files.size(f) == before.get(i)[0] && Files.size(f) > 0
                    && Files.getLastModifiedTime(f).toMillis() == before.get(i)[1]) {
                out.add(f);
            }
        }
        return out;
    }

    private void moveTo(Path f, String sub) throws IOException {
        Path target = dir.resolve(sub);
        Files.createDirectories(target);
        Path to = target.resolve(f.getFileName());
        if (Files.exists(to)) {
            to = target.resolve(System.currentTimeMillis() + "-" + f.getFileName());
        }
        try {
            Files.move(f, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(f, to);
        }
    }
}
