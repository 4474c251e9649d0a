package vn.hanoi.branch.qr;

import com.fazecast.jSerialComm.SerialPort;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A 2D scanner in USB-CDC (serial) mode: the bytes of each code unchanged, ended by CR or CR LF.
 * Unlike keyboard mode this keeps Vietnamese letters intact, so it is the mode kiosks should use.
 * <p>
 * One reader thread owns the port for its whole life: it opens the port by path (jSerialComm does not
 * list pseudo-terminals, and a USB scanner keeps its {@code /dev/ttyACM*} or by-id path), reads,
 * and when the port disappears (cable pulled) closes it and keeps trying to open it again, so a
 * plugged-back scanner works without restarting the kiosk. Codes and events go to the listener
 * on that thread. Codes are never logged: they may be a citizen's ID card data.
 */
public final class SerialCodeScanner implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SerialCodeScanner.class);
    /** Short read timeout: it bounds how late the thread notices close(), a vanished port and a stale half line. */
    private static final int READ_TIMEOUT_MS = 50;

    private final ScannerSettings settings;
    private final ScannerListener listener;
    private final Path path;
    private final Thread reader;
    private volatile boolean running = true;
    private volatile ScannerState state;

    private SerialCodeScanner(ScannerSettings settings, ScannerListener listener) {
        this.settings = settings;
        this.listener = listener;
        this.path = Path.of(settings.portPath());
        this.reader = Thread.ofPlatform().daemon().name("qr-scanner " + settings.portPath()).unstarted(this::run);
    }

    /** Starts reading; returns at once even when the port is missing (the thread keeps trying). */
    public static SerialCodeScanner start(ScannerSettings settings, ScannerListener listener) {
        SerialCodeScanner s = new SerialCodeScanner(Objects.requireNonNull(settings), Objects.requireNonNull(listener));
        s.reader.start();
        return s;
    }

    /** The last reported state; null until the first attempt to open the port has finished. */
    public ScannerState state() {
        return state;
    }

    public ScannerSettings settings() {
        return settings;
    }

    @Override
    public void close() {
        running = false;
        reader.interrupt();
        try {
            reader.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        ScannerListener safe = new Guarded(listener);
        LineAssembler lines = new LineAssembler(settings.maxCodeBytes(), settings.quietGap().toNanos(), safe);
        byte[] buf = new byte[4096];
        while (running) {
            Connection c = open();
            if (c == null) {
                report(ScannerState.DISCONNECTED, safe);
                sleep(settings.reconnectDelay().toMillis());
                continue;
            }
            report(ScannerState.CONNECTED, safe);
            try {
                while (running) {
                    int n = c.port.readBytes(buf, buf.length);
                    if (n < 0 || (n == 0 && c.gone())) {
                        break;
                    }
                    long now = System.nanoTime();
                    if (n == 0) {
                        lines.idle(now);
                    } else {
                        lines.feed(buf, n, now);
                    }
                }
            } finally {
                lines.abandon();
                c.port.closePort();
            }
            if (running) {
                report(ScannerState.DISCONNECTED, safe);
                sleep(settings.reconnectDelay().toMillis());
            }
        }
    }

    /** An open port and the device it was when opened; a replugged device can come back at the same path. */
    private final class Connection {
        final SerialPort port;
        final Path device;

        Connection(SerialPort port, Path device) {
            this.port = port;
            this.device = device;
        }

        /**
         * Detects a pulled cable: a vanished device node (USB) or a path now leading to another device
         * (a re-created pseudo-terminal). Reads on such a port can return "no data" forever instead of an error.
         */
        boolean gone() {
            try {
                return !device.equals(path.toRealPath());
            } catch (IOException e) {
                return true;
            }
        }
    }

    private Connection open() {
        Path device;
        try {
            device = path.toRealPath();
        } catch (IOException e) {
            return null;
        }
        SerialPort port;
        try {
            port = SerialPort.getCommPort(settings.portPath());
        } catch (RuntimeException e) {
            return null;
        }
        port.setComPortParameters(settings.baud(), 8, SerialPort.ONE_STOP_BIT, SerialPort.NO_PARITY);
        port.setFlowControl(SerialPort.FLOW_CONTROL_DISABLED);
        port.setComPortTimeouts(SerialPort.TIMEOUT_READ_SEMI_BLOCKING, READ_TIMEOUT_MS, 0);
        if (!port.openPort()) {
            LOG.debug("cannot open scanner port {} (error {})", settings.portPath(), port.getLastErrorCode());
            return null;
        }
        return new Connection(port, device);
    }

    private void report(ScannerState s, ScannerListener to) {
        if (s == state) {
            return;
        }
        state = s;
        LOG.info("QR scanner on {}: {}", settings.portPath(), s);
        to.onState(s);
    }

    private void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            // close() interrupts to end the wait early; the loop checks running.
        }
    }

    /** Keeps the reader alive whatever the listener does; logs no code content. */
    private record Guarded(ScannerListener to) implements ScannerListener {
        @Override
        public void onCode(String code) {
            try {
                to.onCode(code);
            } catch (RuntimeException e) {
                LOG.warn("scanner listener failed on a code: {}", e.getClass().getName());
            }
        }

        @Override
        public void onDropped(DropReason reason, int bytes) {
            LOG.info("scanner input dropped: {} ({} bytes)", reason, bytes);
            try {
                to.onDropped(reason, bytes);
            } catch (RuntimeException e) {
                LOG.warn("scanner listener failed on a drop: {}", e.getClass().getName());
            }
        }

        @Override
        public void onState(ScannerState state) {
            try {
                to.onState(state);
            } catch (RuntimeException e) {
                LOG.warn("scanner listener failed on a state change: {}", e.getClass().getName());
            }
        }
    }
}
