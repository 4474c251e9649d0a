package vn.hanoi.branch.testkit.printer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Two connected pseudo-terminals made by socat: a serial cable without hardware. The kiosk side
 * opens {@link #hostEnd()}, the emulator {@link #printerEnd()}. The ends are symlinks in a folder of
 * our choosing, so a test can pull the "cable" (stop socat) and plug it back at the same path.
 */
public final class PtyPair implements AutoCloseable {
    private final Process socat;
    private final Path host;
    private final Path printer;

    private PtyPair(Process socat, Path host, Path printer) {
        this.socat = socat;
        this.host = host;
        this.printer = printer;
    }

    /** Starts socat; fails (it does not skip) when socat is not installed. */
    public static PtyPair start(Path dir) throws IOException {
        Files.createDirectories(dir);
        Path host = dir.resolve("host");
        Path printer = dir.resolve("printer");
        Process p;
        try {
            p = new ProcessBuilder("socat", "-d", "-d",
                    "pty,raw,echo=0,link=" + host, "pty,raw,echo=0,link=" + printer)
                    .redirectErrorStream(true)
                    .redirectOutput(dir.resolve("socat.log").toFile())
                    .start();
        } catch (IOException e) {
            throw new IOException("socat is needed for pseudo-terminal pairs (apt-get install socat): " + e.getMessage(), e);
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (!(Files.exists(host) && Files.exists(printer))) {
            if (!p.isAlive() || System.nanoTime() > deadline) {
                p.destroyForcibly();
                throw new IOException("socat did not create the pty pair: " + Files.readString(dir.resolve("socat.log")));
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                p.destroyForcibly();
                throw new IOException("interrupted", e);
            }
        }
        return new PtyPair(p, host, printer);
    }

    public Path hostEnd() {
        return host;
    }

    public Path printerEnd() {
        return printer;
    }

    /** Stops socat: both ends vanish, like a cable pulled out. */
    @Override
    public void close() {
        socat.destroy();
        try {
            if (!socat.waitFor(2, TimeUnit.SECONDS)) {
                socat.destroyForcibly().waitFor(2, TimeUnit.SECONDS);
            }
            Files.deleteIfExists(host);
            Files.deleteIfExists(printer);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // socat removes its links itself; left-overs only matter to the next start, which replaces them.
        }
    }
}
