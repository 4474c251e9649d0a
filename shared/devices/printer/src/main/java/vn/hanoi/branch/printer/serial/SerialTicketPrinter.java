package vn.hanoi.branch.printer.serial;

import com.fazecast.jSerialComm.SerialPort;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.hanoi.branch.printer.PrintOutcome;
import vn.hanoi.branch.printer.PrinterStatus;
import vn.hanoi.branch.printer.TicketPrint;
import vn.hanoi.branch.printer.TicketPrinter;
import vn.hanoi.branch.printer.escpos.EscPosCommands;
import vn.hanoi.branch.printer.escpos.PrinterProfile;
import vn.hanoi.branch.printer.escpos.StatusQuery;
import vn.hanoi.branch.printer.escpos.TicketLayout;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

/**
 * An ESC/POS printer on a serial port. Each job asks {@code DLE EOT} before (nothing is sent to a
 * printer that cannot print) and after (the job counts as printed only when the printer is still
 * fine at the end). All port I/O runs on one thread per connection. The caller waits while that
 * thread makes progress, at most {@link #jobBudget(int)}; when no chunk has gone out for
 * {@link #stallLimit()} the watchdog closes the port and answers NOT_RESPONDING, since jSerialComm's
 * write timeouts do not hold when a cable is pulled or flow control is stuck. The next call opens the port
 * again, which is how a plugged-back cable is picked up.
 */
public final class SerialTicketPrinter implements TicketPrinter {
    private static final Logger LOG = LoggerFactory.getLogger(SerialTicketPrinter.class);
    private static final int CHUNK = 256;
    private static final Duration MARGIN = Duration.ofSeconds(2);

    private final SerialSettings settings;
    private final PrinterProfile profile;
    private final PrintJournal journal = new PrintJournal();
    private final ReentrantLock jobs = new ReentrantLock(true);
    private Connection connection;

    /** One open port and the thread that owns it; dropped as a whole when anything goes wrong. */
    private static final class Connection {
        final SerialPort port;
        final ExecutorService io;
        final AtomicInteger sent = new AtomicInteger();
        volatile long progress = System.nanoTime();

        Connection(SerialPort port, String name) {
            this.port = port;
            this.io = Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, "printer-io " + name);
                t.setDaemon(true);
                return t;
            });
        }
    }

    public SerialTicketPrinter(SerialSettings settings, PrinterProfile profile) {
        this.settings = settings;
        this.profile = profile;
    }

    public PrinterProfile profile() {
        return profile;
    }

    public SerialSettings settings() {
        return settings;
    }

    /** Longest a caller waits for a job of this size: status round trips, the wire time twice, a margin. */
    public Duration jobBudget(int bytes) {
        return settings.statusTimeout().multipliedBy(7).plus(settings.wireTime(bytes).multipliedBy(2)).plus(MARGIN);
    }

    /** No progress for this long means the write hangs: a status round trip plus two chunks on the wire. */
    public Duration stallLimit() {
        return settings.statusTimeout().plus(settings.wireTime(2L * CHUNK)).plusSeconds(1);
    }

    @Override
    public PrintOutcome print(TicketPrint ticket) {
        TicketPrint t = journal.prepare(ticket);
        PrintOutcome o = send(TicketLayout.render(t, profile));
        journal.record(ticket, o);
        return o;
    }

    @Override
    public PrintOutcome printJob(String name, Function<PrinterProfile, byte[]> layout) {
        return send(layout.apply(profile));
    }

    /** Sends any prepared job (the test page) under the same status and watchdog rules. */
    public PrintOutcome send(byte[] job) {
        Duration budget = jobBudget(job.length);
        if (!lock(budget)) {
            return new PrintOutcome(false, PrinterStatus.NOT_RESPONDING, 0);
        }
        try {
            Connection c = connect();
            if (c == null) {
                return new PrintOutcome(false, PrinterStatus.DISCONNECTED, 0);
            }
            c.sent.set(0);
            Future<PrintOutcome> f = c.io.submit(() -> job(c, job));
            return await(c, f, budget, new PrintOutcome(false, PrinterStatus.NOT_RESPONDING, 0));
        } finally {
            jobs.unlock();
        }
    }

    @Override
    public PrinterStatus status() {
        Duration budget = jobBudget(0);
        if (!lock(budget)) {
            return PrinterStatus.NOT_RESPONDING;
        }
        try {
            Connection c = connect();
            if (c == null) {
                return PrinterStatus.DISCONNECTED;
            }
            Future<PrintOutcome> f = c.io.submit(() -> new PrintOutcome(false, query(c), 0));
            return await(c, f, budget, new PrintOutcome(false, PrinterStatus.NOT_RESPONDING, 0)).statusAfter();
        } finally {
            jobs.unlock();
        }
    }

    @Override
    public void close() {
        jobs.lock();
        try {
            if (connection != null) {
                drop(connection);
            }
        } finally {
            jobs.unlock();
        }
    }

    private boolean lock(Duration budget) {
        try {
            return jobs.tryLock(budget.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private PrintOutcome await(Connection c, Future<PrintOutcome> f, Duration budget, PrintOutcome onTimeout) {
        long deadline = System.nanoTime() + budget.toNanos();
        long stall = stallLimit().toNanos();
        c.progress = System.nanoTime();
        try {
            while (true) {
                try {
                    return f.get(20, TimeUnit.MILLISECONDS);
                } catch (TimeoutException e) {
                    long now = System.nanoTime();
                    if (now - c.progress > stall || now > deadline) {
                        LOG.warn("printer on {} stopped taking data; closing the port", settings.portPath());
                        drop(c);
                        return new PrintOutcome(false, onTimeout.statusAfter(), c.sent.get());
                    }
                }
            }
        } catch (ExecutionException e) {
            LOG.warn("printer on {} failed: {}", settings.portPath(), e.getCause().toString());
            drop(c);
            return new PrintOutcome(false, PrinterStatus.DISCONNECTED, c.sent.get());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new PrintOutcome(false, PrinterStatus.NOT_RESPONDING, c.sent.get());
        }
    }

    private PrintOutcome job(Connection c, byte[] job) throws IOException {
        PrinterStatus before = query(c);
        if (!before.canPrint()) {
            return new PrintOutcome(false, before, 0);
        }
        write(c, job);
        PrinterStatus after = query(c);
        return new PrintOutcome(after.canPrint(), after, job.length);
    }

    private void write(Connection c, byte[] data) throws IOException {
        for (int off = 0; off < data.length; off += CHUNK) {
            if (Thread.currentThread().isInterrupted()) {
                throw new IOException("write abandoned");
            }
            int len = Math.min(CHUNK, data.length - off);
            int done = 0;
            while (done < len) {
                int n = c.port.writeBytes(data, len - done, off + done);
                if (n < 0) {
                    throw new IOException("write failed on " + settings.portPath() + " (error " + c.port.getLastErrorCode() + ")");
                }
                done += n;
                c.sent.addAndGet(n);
                c.progress = System.nanoTime();
            }
        }
    }

    /**
     * Asks n = 1, 2 and 4, stopping at the first silence (not responding) or the first byte that is
     * no status answer (garbled: wrong speed or parity). Pending input is dropped first: it is stale.
     */
    private PrinterStatus query(Connection c) throws IOException {
        drain(c);
        int[] answers = new int[3];
        int[] asked = {StatusQuery.PRINTER, StatusQuery.OFFLINE_CAUSE, StatusQuery.PAPER};
        for (int i = 0; i < asked.length; i++) {
            c.progress = System.nanoTime();
            byte[] q = EscPosCommands.statusRequest(asked[i]);
            if (c.port.writeBytes(q, q.length) != q.length) {
                throw new IOException("status request not written to " + settings.portPath());
            }
            answers[i] = readByte(c);
            if (answers[i] < 0) {
                return PrinterStatus.NOT_RESPONDING;
            }
            if (!StatusQuery.wellFormed(answers[i])) {
                // Asking on would only read more of the same; the rest is drained before the next query.
                return PrinterStatus.GARBLED;
            }
        }
        return StatusQuery.interpret(answers[0], answers[1], answers[2]);
    }

    private int readByte(Connection c) throws IOException {
        byte[] b = new byte[1];
        long deadline = System.nanoTime() + settings.statusTimeout().toNanos();
        while (System.nanoTime() < deadline) {
            int n = c.port.readBytes(b, 1);
            if (n == 1) {
                return b[0] & 0xFF;
            }
            if (n < 0 || !Files.exists(Path.of(settings.portPath()))) {
                throw new IOException("read failed on " + settings.portPath());
            }
        }
        return -1;
    }

    private void drain(Connection c) throws IOException {
        int avail = c.port.bytesAvailable();
        if (avail < 0) {
            throw new IOException("port " + settings.portPath() + " is gone");
        }
        if (avail > 0) {
            c.port.readBytes(new byte[avail], avail);
        }
    }

    private Connection connect() {
        if (connection != null) {
            return connection;
        }
        if (!Files.exists(Path.of(settings.portPath()))) {
            return null;
        }
        SerialPort port;
        try {
            port = SerialPort.getCommPort(settings.portPath());
        } catch (RuntimeException e) {
            return null;
        }
        port.setComPortParameters(settings.baud(), settings.dataBits(), settings.stopBits(), settings.parity().jsc);
        port.setFlowControl(settings.flowControl().jsc);
        int readMs = (int) Math.max(1, Math.min(100, settings.statusTimeout().toMillis()));
        port.setComPortTimeouts(SerialPort.TIMEOUT_READ_SEMI_BLOCKING | SerialPort.TIMEOUT_WRITE_BLOCKING, readMs, 0);
        if (!port.openPort()) {
            LOG.info("cannot open printer port {} (error {})", settings.portPath(), port.getLastErrorCode());
            return null;
        }
        connection = new Connection(port, settings.portPath());
        return connection;
    }

    /** Forgets the connection; closing runs on its own thread because a port with a hung write may not close promptly. */
    private void drop(Connection c) {
        if (connection == c) {
            connection = null;
        }
        c.io.shutdownNow();
        Thread.ofVirtual().name("printer-close").start(c.port::closePort);
    }
}
