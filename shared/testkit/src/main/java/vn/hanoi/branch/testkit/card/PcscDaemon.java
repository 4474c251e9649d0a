package vn.hanoi.branch.testkit.card;

import vn.hanoi.branch.card.CardTerminalWatcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The PC/SC daemon for tests that go through the real stack (javax.smartcardio → pcscd → vsmartcard's
 * vpcd → {@link VpcdCard}). Starts {@code pcscd --foreground} when none runs (CI: a fresh machine where
 * .ci/run installed pcscd and vsmartcard-vpcd) and stops only what it started.
 */
public final class PcscDaemon implements AutoCloseable {
    private static final Path VPCD_CONFIG = Path.of("/etc/reader.conf.d/vpcd");

    private Process process;
    private Path log;

    /** pcscd with the virtual reader present, started here if needed. */
    public static PcscDaemon ensure() throws Exception {
        if (!Files.exists(VPCD_CONFIG)) {
            throw new AssertionError("vsmartcard-vpcd's reader config is missing (apt install pcscd vsmartcard-vpcd)");
        }
        CardTerminalWatcher.usePcscLibrary();
        PcscDaemon d = new PcscDaemon();
        if (!running()) {
            d.start();
        }
        d.awaitReader();
        return d;
    }

    /** True when this fixture started the daemon (so it may also stop and restart it). */
    public boolean ours() {
        return process != null;
    }

    public void start() throws IOException {
        log = Files.createTempFile("pcscd", ".log");
        process = new ProcessBuilder("pcscd", "--foreground").redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
    }

    public void stop() throws InterruptedException {
        if (process == null) {
            return;
        }
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
        process = null;
    }

    public void awaitReader() throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (System.nanoTime() < deadline) {
            if (CardTerminalWatcher.readerNames().contains(VpcdCard.READER_NAME)) {
                return;
            }
            if (process != null && !process.isAlive()) {
                throw new AssertionError("pcscd exited: " + Files.readString(log));
            }
            Thread.sleep(100);
        }
        throw new AssertionError("pcscd shows no " + VpcdCard.READER_NAME + " reader"
                + (log == null ? "" : ": " + Files.readString(log)));
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }

    private static boolean running() {
        return ProcessHandle.allProcesses().anyMatch(p -> p.info().command().map(s -> s.endsWith("/pcscd")).orElse(false));
    }
}
