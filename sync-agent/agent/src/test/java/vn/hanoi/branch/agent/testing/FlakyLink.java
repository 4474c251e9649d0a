package vn.hanoi.branch.agent.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP relay between an app and the agent on loopback that can fail the way a branch LAN does:
 * refuse connections (agent down, cable pulled) or deliver a request and lose its response (the
 * worst case for "never issue a ticket twice"). Apps under test talk to {@link #url()}.
 */
public final class FlakyLink implements AutoCloseable {
    public enum Mode {
        /** Relay both ways. */
        PASS,
        /** Drop every connection before anything reaches the agent. */
        REFUSE,
        /** Let requests reach the agent, then cut the line as soon as the answer starts. */
        LOSE_RESPONSES
    }

    private final ServerSocket server;
    private final int upstreamPort;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private volatile Mode mode = Mode.PASS;

    public FlakyLink(int upstreamPort) throws IOException {
        this.upstreamPort = upstreamPort;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread.ofVirtual().name("flaky-link-accept").start(this::acceptLoop);
    }

    public String url() {
        return "http://127.0.0.1:" + server.getLocalPort();
    }

    /**
     * Switches the failure mode. REFUSE also cuts open connections, so pooled connections feel it;
     * LOSE_RESPONSES keeps them, so the next request surely travels to the agent.
     */
    public void mode(Mode m) {
        this.mode = m;
        if (m == Mode.REFUSE) {
            open.forEach(FlakyLink::quietClose);
        }
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                if (mode == Mode.REFUSE) {
                    quietClose(client);
                    continue;
                }
                Socket up = new Socket();
                up.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), upstreamPort));
                open.add(client);
                open.add(up);
                Thread.ofVirtual().start(() -> pump(client, up, false));
                Thread.ofVirtual().start(() -> pump(up, client, true));
            } catch (IOException e) {
                // server closed, or the agent itself is down: the app sees a dropped connection
            }
        }
    }

    private void pump(Socket from, Socket to, boolean answers) {
        byte[] buf = new byte[16384];
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            int n;
            while ((n = in.read(buf)) >= 0) {
                if (mode == Mode.REFUSE || (answers && mode == Mode.LOSE_RESPONSES)) {
                    break;
                }
                out.write(buf, 0, n);
                out.flush();
            }
        } catch (IOException e) {
            // either side went away: close both below
        } finally {
            quietClose(from);
            quietClose(to);
            open.remove(from);
            open.remove(to);
        }
    }

    private static void quietClose(Socket s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // already closed
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        open.forEach(FlakyLink::quietClose);
    }
}
