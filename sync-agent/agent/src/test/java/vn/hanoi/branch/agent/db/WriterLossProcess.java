package vn.hanoi.branch.agent.db;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import vn.hanoi.branch.agent.AgentMain;
import vn.hanoi.branch.agent.config.AgentConfig;

/**
 * The far side of {@link WriterLossTest}: the agent as the service runs it ({@link AgentMain#serveUntilStopped},
 * settings from BRANCH_AGENT_* variables), plus one injection: when a line arrives on standard input, a write
 * whose work throws an {@link OutOfMemoryError} reaches the writer thread and ends it, as a real one would.
 * End of input (the test's JVM is gone) stops the agent: an orphan must not stay behind.
 */
public final class WriterLossProcess {
    private WriterLossProcess() {
    }

    public static void main(String[] args) throws Exception {
        AgentMain.serveUntilStopped(AgentConfig.load(null, System.getenv()), agent -> {
            Thread injector = new Thread(() -> {
                try (BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
                    if (in.readLine() == null) {
                        System.exit(0);
                    }
                    agent.database().write(tx -> {
                        throw new OutOfMemoryError("injected by WriterLossTest");
                    });
                } catch (WriteRefused expected) {
                    System.out.println("injected write refused: " + expected.reason());
                } catch (java.io.IOException e) {
                    System.exit(0);
                }
            }, "injector");
            injector.setDaemon(true);
            injector.start();
            return null;
        });
    }
}
