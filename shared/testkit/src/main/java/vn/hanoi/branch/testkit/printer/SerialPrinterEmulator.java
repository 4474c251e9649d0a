package vn.hanoi.branch.testkit.printer;

import com.fazecast.jSerialComm.SerialPort;
import vn.hanoi.branch.testkit.printer.EscPosInterpreter.Receipt;
import vn.hanoi.branch.printer.escpos.PrinterProfile;

import javax.imageio.ImageIO;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A printer at the far end of a serial line: reads the port, feeds {@link EscPosInterpreter}, answers
 * status requests and keeps every byte it got. Tests use it to play the printer; branch IT and the
 * demo run {@link #main} to see receipts as PNG files without paper.
 */
public final class SerialPrinterEmulator implements AutoCloseable {
    /** One 9600-baud answer byte as a port set to 115200 reads it. */
    private static final byte[] WRONG_SPEED = {0x00, (byte) 0xE0, (byte) 0xFC};

    private final SerialPort port;
    private final EscPosInterpreter interpreter;
    private final ByteArrayOutputStream received = new ByteArrayOutputStream();
    private final Thread reader;
    private volatile boolean mute;
    private volatile boolean garbled;
    private volatile boolean stalled;
    private volatile long stallAfter = -1;
    private volatile long lastByteNanos;
    private volatile boolean running = true;

    public SerialPrinterEmulator(Path portPath, PrinterProfile profile) throws IOException {
        this.interpreter = new EscPosInterpreter(profile);
        // Drawing the letters to read glyphs by takes AWT a while the first time; a real printer answers
        // status requests at once, so that happens here and not in the middle of the first job.
        GlyphReader.vietnamese();
        this.port = SerialPort.getCommPort(portPath.toString());
        port.setComPortParameters(115200, 8, SerialPort.ONE_STOP_BIT, SerialPort.NO_PARITY);
        port.setComPortTimeouts(SerialPort.TIMEOUT_READ_SEMI_BLOCKING, 50, 0);
        if (!port.openPort()) {
            throw new IOException("cannot open " + portPath + " (error " + port.getLastErrorCode() + ")");
        }
        interpreter.onReply(b -> {
            if (garbled) {
                port.writeBytes(WRONG_SPEED, WRONG_SPEED.length);
            } else if (!mute) {
                port.writeBytes(new byte[] {(byte) b}, 1);
            }
        });
        reader = Thread.ofPlatform().daemon().name("printer-emulator " + portPath).start(this::readLoop);
    }

    public EscPosInterpreter interpreter() {
        return interpreter;
    }

    public EscPosInterpreter.State state() {
        return interpreter.state();
    }

    /** Stops answering status requests but keeps printing: a printer that lost its return line. */
    public void mute(boolean on) {
        mute = on;
    }

    /**
     * Answers status requests the way a printer at another speed reaches the host: its start bit is
     * read as a run of zero bits, the rest as framing noise. The printer is there; the setting is wrong.
     */
    public void garble(boolean on) {
        garbled = on;
    }

    /** Stops reading altogether, as a printer holding flow control forever: writes to it pile up and hang. */
    public void stall(boolean on) {
        stalled = on;
    }

    /** Stalls once this many more bytes have been read: a printer that hangs in the middle of a job. */
    public void stallAfterBytes(long n) {
        stallAfter = n;
    }

    public synchronized byte[] received() {
        return received.toByteArray();
    }

    /** {@link System#nanoTime()} when the last byte arrived. */
    public long lastByteNanos() {
        return lastByteNanos;
    }

    public synchronized void clearReceived() {
        received.reset();
    }

    /** Waits for the n-th receipt; returns what there is after the timeout. */
    public List<Receipt> awaitReceipts(int n, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (interpreter.receipts().size() < n && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        return interpreter.receipts();
    }

    private void readLoop() {
        byte[] buf = new byte[4096];
        while (running) {
            if (stalled) {
                pause();
                continue;
            }
            long limit = stallAfter;
            int n = port.readBytes(buf, limit >= 0 ? (int) Math.min(buf.length, Math.max(1, limit)) : buf.length);
            if (n < 0) {
                pause();
                continue;
            }
            if (n > 0) {
                synchronized (this) {
                    received.write(buf, 0, n);
                    lastByteNanos = System.nanoTime();
                }
                if (limit >= 0) {
                    stallAfter = limit - n;
                    if (stallAfter <= 0) {
                        stallAfter = -1;
                        stalled = true;
                    }
                }
                interpreter.accept(buf, 0, n);
            }
        }
    }

    private static void pause() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        running = false;
        stalled = false;
        try {
            reader.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        port.closePort();
    }

    /**
     * {@code SerialPrinterEmulator [--port PATH | --pty DIR] [--profile tm-t88] [--out DIR]}: with
     * {@code --pty} it makes a socat pair and prints the path the kiosk should use. Each receipt becomes
     * a PNG in the out folder. Lines on stdin change the printer's state: ready, paper-out, near-end,
     * cover-open, offline, mute, unmute.
     */
    /**
     * Interprets and renders the test page once before the port opens: a printer answers status within
     * milliseconds, and a cold JVM's first page (code tables, QR, fonts, PNG) must not make it miss that.
     */
    private static void warmUp(PrinterProfile profile) throws IOException {
        EscPosInterpreter interpreter = new EscPosInterpreter(profile);
        interpreter.accept(vn.hanoi.branch.printer.escpos.TicketLayout.testPage(profile, "warm-up"));
        for (EscPosInterpreter.Receipt r : interpreter.receipts()) {
            ImageIO.write(r.render(profile.dotsPerLine()), "png", java.io.OutputStream.nullOutputStream());
        }
    }

    private static final String USAGE = "usage: printer-emulator [--port PATH | --pty DIR] [--profile tm-t88|tm-t88-42|clone-qr|generic|generic-58] [--out DIR]";

    public static void main(String[] args) throws Exception {
        Path port = null;
        Path ptyDir = null;
        Path out = Path.of("receipts");
        PrinterProfile profile = PrinterProfile.TM_T88;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--port" -> port = Path.of(args[++i]);
                case "--pty" -> ptyDir = Path.of(args[++i]);
                case "--profile" -> profile = PrinterProfile.byId(args[++i]);
                case "--out" -> out = Path.of(args[++i]);
                case "-h", "--help" -> {
                    System.out.println(USAGE);
                    return;
                }
                default -> {
                    System.err.println("Tuỳ chọn không hợp lệ / unknown option: " + args[i] + "\n" + USAGE);
                    System.exit(2);
                }
            }
        }
        PtyPair pty = null;
        if (port == null) {
            pty = PtyPair.start(ptyDir != null ? ptyDir : Files.createTempDirectory("printer-pty"));
            port = pty.printerEnd();
            PtyPair cable = pty;
            // Ctrl+C ends the JVM without leaving the try block; socat must not outlive us.
            Runtime.getRuntime().addShutdownHook(new Thread(cable::close));
            System.out.println("Printer port for the kiosk: --printer-port " + pty.hostEnd()
                    + " --printer-profile " + profile.id());
        }
        Files.createDirectories(out);
        warmUp(profile);
        PrinterProfile p = profile;
        Path folder = out;
        List<Path> written = new ArrayList<>();
        try (SerialPrinterEmulator emu = new SerialPrinterEmulator(port, profile)) {
            // Saved on another thread: a printer answers status requests while a receipt comes out, and the
            // first PNG (fonts, image codecs) can take seconds on a busy machine.
            java.util.concurrent.Executor saver = java.util.concurrent.Executors.newSingleThreadExecutor(
                    Thread.ofPlatform().daemon().name("receipt-png").factory());
            emu.interpreter().onReceipt(r -> saver.execute(() -> {
                Path png = folder.resolve(String.format(Locale.ROOT, "receipt-%03d%s.png", written.size() + 1,
                        r.complete() ? "" : "-incomplete"));
                try {
                    ImageIO.write(r.render(p.dotsPerLine()), "png", png.toFile());
                    written.add(png);
                    System.out.println("receipt " + png + " (" + r.bytes() + " bytes"
                            + (emu.interpreter().errors().isEmpty() ? "" : ", errors " + emu.interpreter().errors()) + ")");
                } catch (IOException e) {
                    System.err.println("cannot write " + png + ": " + e);
                }
            }));
            System.out.println("Emulating " + profile.description() + " on " + port + "; receipts go to " + out.toAbsolutePath());
            System.out.println("Type ready | paper-out | near-end | cover-open | offline | mute | unmute; Ctrl+C stops.");
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            String line;
            while ((line = in.readLine()) != null) {
                switch (line.trim()) {
                    case "ready" -> { emu.state().ready(); emu.mute(false); }
                    case "paper-out" -> emu.state().paperOut(true);
                    case "near-end" -> emu.state().paperNearEnd(true);
                    case "cover-open" -> emu.state().coverOpen(true);
                    case "offline" -> emu.state().offline(true);
                    case "mute" -> emu.mute(true);
                    case "unmute" -> emu.mute(false);
                    case "" -> { }
                    default -> System.out.println("unknown: " + line);
                }
            }
            // Without a terminal on stdin (the demo starts it in the background) serve until killed.
            Thread.currentThread().join();
        } finally {
            if (pty != null) {
                pty.close();
            }
        }
    }
}
