package vn.hanoi.branch.testkit.card;

import jdk.net.ExtendedSocketOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.time.Duration;

/**
 * Puts a {@link CccdApplet} into the PC/SC stack through vsmartcard's virtual reader driver
 * ({@code vsmartcard-vpcd}): pcscd loads the driver, which listens on TCP port 35963 for "the card";
 * while this class is connected, pcscd's reader "Virtual PCD 00 00" has a card in it and every
 * APDU an application sends through PC/SC (javax.smartcardio, pcsc_scan, …) arrives here.
 *
 * <p>Wire protocol: each message is a 2-byte big-endian length and a payload. A 1-byte payload from
 * the reader is a control code (0 power off, 1 power on, 2 reset, 4 "send the ATR"); anything else
 * is a command APDU, answered with the response APDU. {@link #insert} connects (the card is placed
 * on the reader), {@link #remove} disconnects (the card is lifted). When the applet's
 * {@code removeAfter} switch fires, the connection is dropped at once, mid-command, like a card
 * pulled away during a read.
 */
public final class VpcdCard implements AutoCloseable {
    public static final int DEFAULT_PORT = 35963;
    /** The pcscd reader that port 35963 feeds. */
    public static final String READER_NAME = "Virtual PCD 00 00";
    private static final Logger LOG = LoggerFactory.getLogger(VpcdCard.class);
    private static final boolean QUICK_ACK = supportsQuickAck();

    private final String host;
    private final int port;
    private Socket socket;
    private Thread serving;
    private volatile CccdApplet applet;
    private volatile int apdus;

    public VpcdCard(String host, int port) {
        this.host = host;
        this.port = port;
    }

    public VpcdCard() {
        this("127.0.0.1", DEFAULT_PORT);
    }

    /**
     * Places the card on the reader: connects to vpcd, retrying until {@code wait} has passed
     * (pcscd may still be starting).
     *
     * @throws IOException when vpcd does not accept (pcscd not running, vpcd not installed)
     */
    public void insert(CccdApplet card, Duration wait) throws IOException {
        remove();
        synchronized (this) {
            connect(card, wait);
        }
    }

    private void connect(CccdApplet card, Duration wait) throws IOException {
        long deadline = System.nanoTime() + wait.toNanos();
        IOException last = null;
        while (true) {
            Socket s = new Socket();
            try {
                s.connect(new InetSocketAddress(host, port), 1000);
                s.setTcpNoDelay(true);
                socket = s;
                break;
            } catch (IOException e) {
                s.close();
                last = e;
                if (System.nanoTime() > deadline) {
                    throw new IOException("vpcd does not accept on " + host + ":" + port
                            + " (is pcscd running with vsmartcard-vpcd?)", last);
                }
                try {
                    Thread.sleep(100);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted", ie);
                }
            }
        }
        this.applet = card;
        Socket s = socket;
        serving = new Thread(() -> serve(s, card), "vpcd-card");
        serving.setDaemon(true);
        serving.start();
    }

    public void insert(CccdApplet card) throws IOException {
        insert(card, Duration.ofSeconds(5));
    }

    /** Lifts the card off the reader. */
    public void remove() {
        Socket s;
        Thread t;
        synchronized (this) {
            s = socket;
            socket = null;
            t = serving;
            serving = null;
        }
        if (s != null) {
            try {
                s.close();
            } catch (IOException e) {
                // Closing is all we wanted.
            }
        }
        // Joined outside the lock: the serving thread takes it on its way out.
        if (t != null && t != Thread.currentThread()) {
            try {
                t.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    public synchronized boolean inserted() {
        return socket != null && !socket.isClosed();
    }

    /** APDUs answered since the last insert. */
    public int apdus() {
        return apdus;
    }

    private static boolean supportsQuickAck() {
        try (Socket probe = new Socket()) {
            return probe.supportedOptions().contains(ExtendedSocketOptions.TCP_QUICKACK);
        } catch (IOException e) {
            return false;
        }
    }

    public CccdApplet applet() {
        return applet;
    }

    @Override
    public void close() {
        remove();
    }

    /**
     * vpcd writes the length and the APDU in two small segments without TCP_NODELAY; with Linux's
     * delayed ACK the second waits ~40 ms for our ACK of the first (Nagle), on every APDU. Asking
     * for an immediate ACK before each read removes that (it only lasts until the next read).
     */
    private static void quickAck(Socket s) {
        if (QUICK_ACK) {
            try {
                s.setOption(ExtendedSocketOptions.TCP_QUICKACK, true);
            } catch (IOException | UnsupportedOperationException e) {
                // Not Linux: delayed ACKs cost time, not correctness.
            }
        }
    }

    private void serve(Socket s, CccdApplet card) {
        apdus = 0;
        try (s) {
            DataInputStream in = new DataInputStream(s.getInputStream());
            DataOutputStream out = new DataOutputStream(s.getOutputStream());
            while (true) {
                quickAck(s);
                int length = in.readUnsignedShort();
                byte[] payload = new byte[length];
                quickAck(s);
                in.readFully(payload);
                byte[] answer = null;
                if (length == 1) {
                    switch (payload[0]) {
                        case 0, 1, 2 -> card.reset();
                        case 4 -> answer = CccdApplet.ATR.clone();
                        default -> LOG.debug("vpcd control code {} ignored", payload[0]);
                    }
                } else {
                    try {
                        answer = card.process(payload);
                        apdus++;
                    } catch (CccdApplet.Removed e) {
                        LOG.debug("emulated card removed after {} APDUs", apdus);
                        return;
                    }
                }
                if (answer != null) {
                    byte[] message = new byte[answer.length + 2];
                    message[0] = (byte) (answer.length >> 8);
                    message[1] = (byte) answer.length;
                    System.arraycopy(answer, 0, message, 2, answer.length);
                    out.write(message);
                    out.flush();
                }
            }
        } catch (EOFException | SocketException e) {
            // vpcd went away or remove() closed the socket: the card is off the reader.
        } catch (IOException e) {
            LOG.warn("vpcd link failed: {}", e.getClass().getSimpleName());
        } finally {
            synchronized (this) {
                if (socket == s) {
                    socket = null;
                }
            }
        }
    }
}
