package vn.hanoi.branch.card;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.smartcardio.CardException;
import javax.smartcardio.CardTerminal;
import javax.smartcardio.TerminalFactory;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Watches a PC/SC card reader (javax.smartcardio) on a background thread and tells a listener when
 * a card is placed on it or lifted off. It keeps going through what happens at a kiosk: no reader
 * yet, the reader unplugged and plugged back, pcscd restarted. An empty reader is watched with
 * {@code waitForCardPresent}; a card in it by polling its status every 150 ms, so the read of that
 * card never waits behind a blocking status call (see {@link #run}).
 *
 * <p>Two JDK details this class handles. On Linux the JDK looks for {@code libpcsclite.so}, which
 * only the -dev package installs, so {@link #usePcscLibrary()} points it at
 * {@code libpcsclite.so.1} before the first use. And the JDK opens one PC/SC context per JVM and
 * never renews it, so after a pcscd restart every call fails; the watcher then drops that context
 * so the next call opens a new one, which needs
 * {@code --add-opens java.smartcardio/sun.security.smartcardio=ALL-UNNAMED} on the command line
 * (without it, the watcher logs once and a restart of pcscd needs a restart of the app).
 */
public final class CardTerminalWatcher implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(CardTerminalWatcher.class);
    private static final String LIBRARY_PROPERTY = "sun.security.smartcardio.library";
    private static final List<Path> LINUX_LIBRARIES = List.of(
            Path.of("/usr/lib/x86_64-linux-gnu/libpcsclite.so.1"), Path.of("/usr/lib/aarch64-linux-gnu/libpcsclite.so.1"),
            Path.of("/usr/lib64/libpcsclite.so.1"), Path.of("/usr/lib/libpcsclite.so.1"));
    private static final long PRESENT_POLL_MILLIS = 150;
    private static boolean resetWarned;

    /** What the watcher reports; called on the watcher's thread, so keep it short. */
    public interface Listener {
        /** A card is on the reader; open it with SCUBA's {@code new TerminalCardService(terminal)}. */
        void cardInserted(CardTerminal terminal);

        /** The card left the reader (or the reader itself went away with it). */
        void cardRemoved(String readerName);

        /** The reader appeared ({@code true}) or disappeared; also the first state seen. */
        default void readerPresent(String readerName, boolean present) {
        }
    }

    private final String wantedReader;
    private final Listener listener;
    private final Duration wait;
    private final Thread thread;
    private volatile boolean running = true;

    /**
     * @param reader   the reader's name, or a part of it; null: the first reader
     * @param wait     how long each waitForCardPresent/Absent call blocks (how fast {@link #close} returns)
     */
    public CardTerminalWatcher(String reader, Listener listener, Duration wait) {
        this.wantedReader = reader;
        this.listener = listener;
        this.wait = wait;
        this.thread = new Thread(this::run, "card-terminal-watcher");
        this.thread.setDaemon(true);
    }

    public CardTerminalWatcher start() {
        usePcscLibrary();
        thread.start();
        return this;
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
        try {
            thread.join(wait.toMillis() + 2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Points the JDK at the system's PC/SC library when nothing else was configured and the file is
     * there. Must run before anything uses javax.smartcardio: the JDK reads it once.
     */
    public static synchronized void usePcscLibrary() {
        if (System.getProperty(LIBRARY_PROPERTY) != null || !System.getProperty("os.name", "").startsWith("Linux")) {
            return;
        }
        LINUX_LIBRARIES.stream().filter(Files::isRegularFile).findFirst()
                .ifPresent(p -> System.setProperty(LIBRARY_PROPERTY, p.toString()));
    }

    /**
     * The names of the connected readers; empty when there are none or PC/SC is not running.
     */
    public static List<String> readerNames() {
        try {
            return terminals().stream().map(CardTerminal::getName).toList();
        } catch (CardException | RuntimeException e) {
            resetContextIfStale(e);
            return List.of();
        }
    }

    /** The reader whose name contains {@code name} (null: the first), if connected. */
    public static Optional<CardTerminal> find(String name) {
        try {
            return terminals().stream().filter(t -> name == null || t.getName().contains(name)).findFirst();
        } catch (CardException | RuntimeException e) {
            resetContextIfStale(e);
            return Optional.empty();
        }
    }

    private static List<CardTerminal> terminals() throws CardException {
        usePcscLibrary();
        try {
            // A new factory every time: TerminalFactory.getDefault() remembers a failed start forever.
            return TerminalFactory.getInstance("PC/SC", null).terminals().list();
        } catch (NoSuchAlgorithmException e) {
            throw new CardException("PC/SC not available", e);
        }
    }

    private void run() {
        String reader = null;
        boolean present = false;
        boolean first = true;
        while (running) {
            try {
                Optional<CardTerminal> t = terminalsOrEmpty();
                if (t.isEmpty()) {
                    if (present) {
                        present = false;
                        listener.cardRemoved(reader);
                    }
                    if (reader != null || first) {
                        listener.readerPresent(reader == null ? String.valueOf(wantedReader) : reader, false);
                    }
                    reader = null;
                    first = false;
                    sleep(wait);
                    continue;
                }
                CardTerminal terminal = t.get();
                if (reader == null || !reader.equals(terminal.getName())) {
                    reader = terminal.getName();
                    listener.readerPresent(reader, true);
                }
                first = false;
                boolean now = terminal.isCardPresent();
                if (now && !present) {
                    present = true;
                    listener.cardInserted(terminal);
                } else if (!now && present) {
                    present = false;
                    listener.cardRemoved(reader);
                }
                if (present) {
                    // Not waitForCardAbsent: the JDK has one PC/SC context per JVM and pcsc-lite locks
                    // a context for the whole of a blocking status wait, so every APDU of a read on the
                    // card would queue behind it (seen: 21 APDUs, 4-7 s). A quick status poll instead.
                    sleep(Duration.ofMillis(Math.min(PRESENT_POLL_MILLIS, wait.toMillis())));
                } else {
                    terminal.waitForCardPresent(wait.toMillis());
                }
            } catch (CardException | RuntimeException e) {
                if (!running) {
                    break;
                }
                // Reader unplugged or pcscd gone: report the card as gone, then look again shortly.
                LOG.debug("PC/SC call failed: {}", e.getMessage());
                if (present) {
                    present = false;
                    listener.cardRemoved(reader);
                }
                resetContextIfStale(e);
                sleep(Duration.ofMillis(Math.min(500, wait.toMillis())));
            }
        }
    }

    private Optional<CardTerminal> terminalsOrEmpty() throws CardException {
        try {
            return terminals().stream().filter(t -> wantedReader == null || t.getName().contains(wantedReader)).findFirst();
        } catch (CardException e) {
            String m = String.valueOf(e.getMessage()) + (e.getCause() == null ? "" : e.getCause().getMessage());
            if (m.contains("SCARD_E_NO_READERS_AVAILABLE")) {
                return Optional.empty();
            }
            throw e;
        }
    }

    private void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    /**
     * After pcscd restarts, the JDK's one PC/SC context is dead; clearing it lets the next factory
     * open a new one. Only for errors that say the service or the context is gone.
     */
    static void resetContextIfStale(Throwable e) {
        String m = "";
        for (Throwable c = e; c != null; c = c.getCause()) {
            m += " " + c.getMessage();
        }
        if (!(m.contains("SCARD_E_NO_SERVICE") || m.contains("SCARD_E_SERVICE_STOPPED")
                || m.contains("SCARD_E_INVALID_HANDLE") || m.contains("SCARD_F_COMM_ERROR"))) {
            return;
        }
        try {
            Class<?> terminals = Class.forName("sun.security.smartcardio.PCSCTerminals");
            synchronized (terminals) {
                Field context = terminals.getDeclaredField("contextId");
                context.setAccessible(true);
                context.setLong(null, 0L);
                Field cache = terminals.getDeclaredField("terminals");
                cache.setAccessible(true);
                ((Map<?, ?>) cache.get(null)).clear();
            }
            LOG.info("PC/SC service was restarted; opening a new context");
        } catch (ReflectiveOperationException | RuntimeException x) {
            synchronized (CardTerminalWatcher.class) {
                if (!resetWarned) {
                    resetWarned = true;
                    LOG.warn("PC/SC service restarted; to recover without restarting the app, run Java with "
                            + "--add-opens java.smartcardio/sun.security.smartcardio=ALL-UNNAMED");
                }
            }
        }
    }
}
